/**
 * Correcting a place and proposing one, without an account: the form's file passes the
 * build's own check (`check:data`), the e-mail lists exactly what changed, and a bad answer
 * is explained in plain words.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Runs `npm run check:data` on the fixture data with this file written in: its output, or its error. */
function checkData(file: string, yaml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'correction-'));
  try {
    cpSync('tests/fixtures/site', dir, { recursive: true });
    writeFileSync(join(dir, file), yaml);
    try {
      return { ok: true, output: execFileSync(process.execPath, ['scripts/check-data.ts', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function downloaded(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le fichier' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const mailOf = async (page: Page) => decodeURIComponent((await page.getByRole('link', { name: 'Envoyer par e-mail' }).getAttribute('href'))!);

test('a town hall corrects a place: the file passes check:data and the e-mail lists exactly what changed', async ({ page }) => {
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await page.getByRole('link', { name: 'Corriger cette fiche' }).click();
  await expect(page.locator('correction-form [data-status]')).toHaveText('Vous corrigez la fiche : Point fictif de la Colline.');
  // Prefilled with the current values.
  await expect(page.getByLabel('Nom du lieu')).toHaveValue('Point fictif de la Colline');
  await expect(page.locator('#phone')).toHaveValue('03 00 00 00 00');
  await expect(page.getByLabel('Commune')).toHaveValue('59350');
  await expect(page.getByLabel('Ouvert le mardi')).toBeChecked();
  await expect(page.getByLabel('Ouvert le lundi')).not.toBeChecked();

  await page.getByLabel('Votre nom ou votre structure').fill('Mairie fictive de Lille');
  await page.locator('#phone').fill('03 20 11 22 33');
  await page.getByLabel('Ouvert le lundi').check();
  await page.locator('#from-0-0').fill('09:00');
  await page.locator('#to-0-0').fill('12:00');
  await page.getByLabel('Langue des signes française').check();
  await page.getByRole('button', { name: 'Vérifier la fiche' }).click();

  await expect(page.getByRole('heading', { name: 'La fiche est prête. Voici ce qui change :' })).toBeFocused();
  const changes = page.locator('[data-changes] li');
  await expect(changes).toHaveText([
    'Téléphone : 03 00 00 00 00 → 03 20 11 22 33',
    /^Horaires\s:\sMardi\s:\s10\sh\sà\s18\sh.*→\sLundi\s:\s9\sh\sà\s12\sh\s;\sMardi\s:\s10\sh\sà\s18\sh/,
    'Langues : (vide) → Langue des signes française',
  ]);

  const mail = await mailOf(page);
  expect(mail.startsWith('mailto:corrections@exemple.invalid?subject=Correction de la fiche : Point fictif de la Colline&body=')).toBe(true);
  const listed = mail
    .split('\r\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).split(' : ')[0]);
  expect(listed).toEqual(['Téléphone', 'Horaires', 'Langues']);
  expect(mail).toContain('envoyée par Mairie fictive de Lille');
  // The forge (FORGE_URL of the test build): an issue with the change already written, and the file's edit page.
  const issue = new URL((await page.getByRole('link', { name: 'Proposer sur le site du projet' }).getAttribute('href'))!);
  expect(`${issue.origin}${issue.pathname}`).toBe('https://forge.exemple.invalid/collectif-fictif/annuaire/issues/new');
  expect(issue.searchParams.get('title')).toBe('Correction de la fiche : Point fictif de la Colline');
  expect(issue.searchParams.get('body')).toContain('- Téléphone : 03 00 00 00 00 → 03 20 11 22 33');
  await expect(page.getByRole('link', { name: 'Modifier le fichier sur la forge' })).toHaveAttribute(
    'href',
    'https://forge.exemple.invalid/collectif-fictif/annuaire/edit/main/tests/fixtures/site/places/point-fictif-de-la-colline.yaml',
  );

  const file = await downloaded(page);
  expect(file.name).toBe('point-fictif-de-la-colline.yaml');
  // It begins with a note in plain words for the person who receives it.
  // Tied to its schema for editors, then a note in plain words for the person who receives it.
  expect(file.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/place.schema.json');
  expect(file.text.split('\n')[1]).toBe('# Bonjour. Ce fichier est une fiche de l’annuaire « Aide numérique près de chez moi ».');
  expect(file.text).toContain('phone: 03 20 11 22 33');
  expect(file.text).toContain('openingHours: Mo 09:00-12:00; Tu,We,Th,Fr,Sa 10:00-18:00');
  expect(file.text).toContain('name: Mairie fictive de Lille');
  // The mail carries the same file.
  expect(mail).toContain(file.text.split('\n').slice(2).join('\r\n').trim());
  const checked = checkData('places/point-fictif-de-la-colline.yaml', file.text);
  expect(checked.output).toMatch(/^Données valides : /);
  expect(checked.ok).toBe(true);
});

test('a message alone (« le lieu a fermé »): the file keeps the record as it is, the message in its first lines, and passes check:data', async ({ page }) => {
  await page.goto('/corriger/?lieu=59.point-fictif-de-la-colline');
  await expect(page.locator('correction-form [data-status]')).toHaveText('Vous corrigez la fiche : Point fictif de la Colline.');
  await page.getByLabel('Votre nom ou votre structure').fill('Mairie fictive de Lille');
  // A message of two lines, one of which could end the comment it is written in.
  await page.getByLabel(/Votre message pour l’équipe/).fill('Le lieu a fermé en novembre.\rverified: 2030-01-01');
  await page.getByRole('button', { name: 'Vérifier la fiche' }).click();
  await expect(page.locator('[data-changes] li')).toHaveText(['Message : Le lieu a fermé en novembre.\nverified: 2030-01-01']);
  const file = await downloaded(page);
  expect(file.text).toContain('# Fiche signalée (un message, sans changement)');
  expect(file.text).toContain('# Message de Mairie fictive de Lille :\n# Le lieu a fermé en novembre.\n# verified: 2030-01-01\n');
  // The record is as it was: no date of check, no source on the sender's word.
  expect(file.text).not.toMatch(/^verified: 20(26-1[12]|30)/m);
  expect(file.text).not.toContain('name: Mairie fictive de Lille');
  const checked = checkData('places/point-fictif-de-la-colline.yaml', file.text);
  expect(checked.ok, checked.output).toBe(true);
});

test('a wrong answer is explained in plain words, next to nothing sent', async ({ page }) => {
  await page.goto('/corriger/?lieu=59.point-fictif-de-la-colline');
  await expect(page.locator('correction-form [data-status]')).toHaveText('Vous corrigez la fiche : Point fictif de la Colline.');
  await page.locator('#email').fill('pas-un-mail');
  await page.locator('#phone').fill('12');
  await page.getByRole('button', { name: 'Vérifier la fiche' }).click();
  const errors = page.getByRole('alert');
  await expect(errors).toBeFocused();
  await expect(errors).toContainText('Il y a 3 choses à corriger :');
  await expect(errors.getByRole('link', { name: 'Cette adresse e-mail n’est pas complète. Par exemple : contact@mairie.fr' })).toHaveAttribute('href', '#email');
  await expect(errors.getByRole('link', { name: /Ce numéro de téléphone n’est pas complet/ })).toHaveAttribute('href', '#phone');
  await expect(errors.getByRole('link', { name: 'Écrivez votre nom ou celui de votre structure.' })).toHaveAttribute('href', '#author');
  await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-result]')).toBeHidden();
});

test('proposing a new place gives a file that passes check:data; without a report address or a forge, the page promises no e-mail', async ({ page }) => {
  await page.goto('/corriger/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Proposer un lieu');
  await page.locator('correction-form').evaluate((element) => {
    (element as HTMLElement).dataset.email = '';
    (element as HTMLElement).dataset.forge = '';
  });
  await page.getByLabel('Votre nom ou votre structure').fill('CCAS fictif');
  await page.getByLabel('Nom du lieu').fill('Atelier fictif des Lilas');
  await page.getByLabel('Code postal').fill('59000');
  await expect(page.getByLabel('Commune')).toHaveValue('59350');
  await page.getByLabel('Aide pour les démarches en ligne').check();
  await page.getByLabel('Ouvert le mercredi').check();
  await page.locator('#from-2-0').fill('14:00');
  await page.locator('#to-2-0').fill('17:00');
  await page.getByRole('button', { name: 'Vérifier la fiche' }).click();
  await expect(page.getByRole('heading', { name: 'La fiche est prête. Voici ce que vous proposez :' })).toBeVisible();
  await expect(page.locator('[data-changes] li')).toContainText(['Nom : Atelier fictif des Lilas', 'Commune : Lille']);
  await expect(page.getByRole('link', { name: 'Envoyer par e-mail' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Proposer sur le site du projet' })).toBeHidden();
  await expect(page.getByText('Ce site ne reçoit pas encore les corrections directement. Téléchargez le fichier et donnez-le à l’équipe qui publie ce site.')).toBeVisible();
  const file = await downloaded(page);
  expect(file.name).toBe('atelier-fictif-des-lilas.yaml');
  expect(file.text).toContain('precision: commune');
  expect(file.text).toContain('openingHours: We 14:00-17:00; PH off');
  const checked = checkData('places/atelier-fictif-des-lilas.yaml', file.text);
  expect(checked.ok, checked.output).toBe(true);
});

test('a commune that signed the charter prepares its file: it passes check:data; the charter page shows signatories on a map and each commune its timeline', async ({ page }) => {
  await page.goto('/charte/');
  await expect(page.getByRole('img', { name: /Carte des communes signataires/ })).toBeVisible();
  await expect(page.locator('svg .sketch-signatory')).toHaveCount(1);
  // The commitments are read in words; their identifiers are given only to the person who writes the file.
  await expect(page.locator('#ajouter ~ ul code').first()).toHaveText('accueil-fictif');
  await expect(page.locator('li#accueil-fictif code')).toHaveCount(0);
  await page.getByRole('link', { name: 'Ajouter ma commune' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ma commune a signé la charte');
  await expect(page.getByRole('group', { name: 'Qui envoie ces informations ?' })).toBeVisible();

  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const errors = page.getByRole('alert');
  await expect(errors.getByRole('link', { name: 'Choisissez la commune : écrivez d’abord le code postal.' })).toBeVisible();
  await expect(errors.getByRole('link', { name: 'Écrivez la date de la signature.' })).toBeVisible();

  await page.getByLabel('Votre nom ou votre structure').fill('Mairie fictive de Roubaix');
  await page.getByLabel('Code postal').fill('59100');
  await expect(page.getByLabel('Commune')).toHaveValue('59512');
  await page.getByLabel('Date de la signature').fill('2026-02-10');
  const first = page.locator('fieldset.commitment').first();
  await first.getByLabel('En cours').check();
  await first.getByLabel('Date').fill('2026-03-01');
  await first.getByLabel('Lien qui le prouve (facultatif)').fill('pas un lien');
  await page.getByLabel('Nom du document').fill('Délibération fictive du 10 février 2026');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(errors.getByRole('link', { name: /Un lien doit commencer par https:\/\// })).toHaveAttribute('href', /^#evidence-/);
  await first.getByLabel('Lien qui le prouve (facultatif)').fill('https://exemple.invalid/preuve');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  await expect(page.getByRole('heading', { name: 'Le fichier de Roubaix est prêt :' })).toBeFocused();
  await expect(page.locator('[data-changes] li')).toHaveText(['Charte signée le 10 février 2026', /: En cours, le 1er mars 2026$/]);
  const mail = await mailOf(page);
  expect(mail).toContain('subject=Charte du Maire solidaire : Roubaix');
  const file = await downloaded(page);
  expect(file.name).toBe('59512-roubaix.yaml');
  const checked = checkData('municipalities/59512-roubaix.yaml', file.text);
  expect(checked.ok, checked.output).toBe(true);
  expect(checked.output).toContain('2 commune(s) signataire(s)');

  await page.goto('/communes/59350-lille/');
  await expect(page.locator('ol.timeline li')).toHaveText([/^15 janvier 2026 : Signature de la charte/, /^1er février 2026 : .*Fait/, /^1er février 2026 : .*En cours/]);
});

test('the charter form starts from the file of a commune that already has one, never erasing it, and refuses a date in the future', async ({ page }) => {
  await page.goto('/charte/signer/');
  await page.getByLabel('Votre nom ou votre structure').fill('Mairie fictive de Lille');
  await page.getByLabel('Code postal').fill('59000');
  await expect(page.getByLabel('Commune')).toHaveValue('59350');
  await expect(page.locator('[data-existing-notice]')).toHaveText(
    'Lille a déjà un fichier (data/municipalities/59350-lille.yaml). Le formulaire reprend ce qu’il dit : changez ce qui a changé. Les engagements déjà suivis sont gardés.',
  );
  await expect(page.getByLabel('Date de la signature')).toHaveValue('2026-01-15');
  const commitments = page.locator('fieldset.commitment');
  await expect(commitments.nth(0).getByLabel('Fait')).toBeChecked();
  await expect(commitments.nth(1).getByLabel('En cours')).toBeChecked();

  await page.getByLabel('Date de la signature').fill('2099-01-15');
  await page.getByLabel('Nom du document').fill('Délibération fictive du 15 janvier 2026');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Cette date est dans le futur : écrivez la date où c’est arrivé.' })).toHaveAttribute('href', '#signed');

  await page.getByLabel('Date de la signature').fill('2026-01-15');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const file = await downloaded(page);
  expect(file.name).toBe('59350-lille.yaml');
  expect(file.text).toContain('commitment: accueil-fictif');
  expect(file.text).toContain('commitment: lieux-fictifs');
  expect(file.text).toContain('- name: Source fictive de test');
});

test('a place id that is a property of every object (67.constructor) is simply not found', async ({ page }) => {
  await page.goto('/corriger/?lieu=67.constructor');
  await expect(page.locator('correction-form [data-status]')).toHaveText('Nous ne trouvons pas cette fiche. Elle a peut-être été retirée. Vous pouvez proposer un lieu.');
});
