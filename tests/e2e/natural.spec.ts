/**
 * No dead ends in the search (issue 19), on a phone: a sentence finds places and says what it
 * used; communes as people name them; near and likely first; the day asked for on every card
 * and in the message sent.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 390, height: 844 } });

const TUESDAY_10AM = new Date('2026-03-03T10:00:00+01:00');
const status = (page: Page) => page.locator('[data-search-status]').first();
const titles = (page: Page) => page.locator('ol.results > li h3');
const card = (page: Page, name: string) => page.locator('ol.results > li', { hasText: name });

/** Types a query as a person does, and records every request that fails. */
async function searchFor(page: Page, query: string): Promise<string[]> {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto('/recherche/');
  await expect(page.locator('search-panel')).toHaveAttribute('data-ready', 'true');
  const input = page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin');
  await input.fill(query);
  await input.press('Enter');
  return failed;
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
});

test('a sentence finds places: filler words never make it fail, misspelt needs are read, a word not understood is said and left out', async ({ page }) => {
  const failed = await searchFor(page, 'je cherche de l’aide pour ma declaraton d’impots à Strasbourg xyzzy');
  await expect(status(page)).toHaveText('Recherche : aide pour les démarches en ligne · à Strasbourg. Mots non compris : xyzzy. 1 lieu trouvé autour de Strasbourg.');
  await expect(titles(page)).toHaveText(['Espace fictif des Hirondelles']);
  await page.getByRole('button', { name: 'Modifier la recherche' }).click();
  await page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin').fill('imprimer un document grenoble');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-search-reading]')).toHaveText('Recherche : utiliser un ordinateur sur place · à Grenoble.');
  await expect(titles(page).first()).toBeVisible();
  // No file that does not exist is asked for (there is no file of communes starting with a digit).
  expect(failed).toEqual([]);
});

test('communes as people name them: the larger namesakes first, with their département; a former name leads to today’s commune', async ({ page }) => {
  await searchFor(page, 'aix');
  await expect(status(page)).toHaveText('Plusieurs communes correspondent. Laquelle cherchez-vous ?');
  await expect(page.locator('.choices a')).toHaveText([
    'Aix-en-Provence (Bouches-du-Rhône)',
    'Aix-les-Bains (Savoie)',
    'Aix-Noulette (Pas-de-Calais)',
    'Aix-Villemaur-Pâlis (Aube)',
    'Aix-en-Pévèle (Nord)',
    'Aix-en-Diois (aujourd’hui Solaure en Diois) (Drôme)',
    'Aix (Corrèze)',
  ]);
  await page.getByRole('link', { name: 'Aix-les-Bains (Savoie)' }).click();
  await expect(status(page)).toContainText('autour d’Aix-les-Bains');
  // Choosing the commune keeps the rest of the query: the need is not lost.
  await searchFor(page, 'impôts aix');
  await page.getByRole('link', { name: 'Aix-en-Provence (Bouches-du-Rhône)' }).click();
  await expect(page.locator('[data-search-reading]')).toHaveText('Recherche : aide pour les démarches en ligne · à Aix-en-Provence.');

  await searchFor(page, 'Cherbourg-Octeville');
  await expect(status(page)).toContainText('autour de Cherbourg-Octeville (aujourd’hui Cherbourg-en-Cotentin).');
  await searchFor(page, 'florac');
  await expect(status(page)).toContainText('autour de Florac Trois Rivières.');
});

test('near and likely first: a place 2 km away to check comes before a sure one 45 km away, and the counts say which is which', async ({ page }) => {
  await page.goto('/recherche/?q=Rennes&gratuit=1&quand=samedi&moment=matin');
  await expect(status(page)).toHaveText('2 lieux trouvés autour de Rennes. 1 lieu correspond sûrement à vos choix. Pour les autres, vérifiez avec le lieu.');
  await expect(titles(page)).toHaveText(['Point fictif de la Vilaine', 'Point fictif du Couesnon']);
  await expect(card(page, 'Point fictif de la Vilaine')).toContainText('À vérifier avec le lieu : le prix.');
  await expect(card(page, 'Point fictif du Couesnon')).toContainText('Fougères · à 45 km');
});

test('the day asked for: its hours and status on the cards, the week below, and the message counts from that day', async ({ page }) => {
  await page.goto('/recherche/?q=Rennes&quand=samedi&moment=matin');
  const vilaine = card(page, 'Point fictif de la Vilaine');
  await expect(vilaine.locator('.status')).toHaveText('Ouvert le samedi 7 mars au matin');
  await expect(vilaine.locator('.today')).toHaveText('Samedi : 9 h à 12 h');
  await expect(vilaine.locator('.week')).toHaveText('Horaires : Du mardi au vendredi : 14 h à 17 h ; Samedi : 9 h à 12 h');
  await vilaine.getByText('Envoyer ce lieu').click();
  // The message is written when the block opens (its toggle event comes just after the click).
  await expect(vilaine.getByRole('link', { name: 'Par SMS' })).toHaveAttribute('href', /^sms:/);
  const sms = decodeURIComponent((await vilaine.getByRole('link', { name: 'Par SMS' }).getAttribute('href'))!).replaceAll('\u00a0', ' ');
  expect(sms).toContain('Point fictif de la Vilaine\n3 rue Inventée, Rennes\nTéléphone : 02 00 00 00 03\nProchaine ouverture : le samedi 7 mars à 9 h\n');
  expect(sms).toMatch(/\/lieux\/point-fictif-de-la-vilaine\/$/);

  // Without a day, today's status and the next opening from now (Tuesday at 14 h).
  await page.goto('/recherche/?q=Rennes');
  const today = card(page, 'Point fictif de la Vilaine');
  await expect(today.locator('.status')).toHaveText('Fermé · ouvre aujourd’hui à 14 h');
  await expect(today.locator('.today')).toHaveText('Aujourd’hui : 14 h à 17 h');
  await today.getByText('Envoyer ce lieu').click();
  await expect(today.getByRole('link', { name: 'Par SMS' })).toHaveAttribute('href', /^sms:/);
  const now = decodeURIComponent((await today.getByRole('link', { name: 'Par SMS' }).getAttribute('href'))!).replaceAll('\u00a0', ' ');
  expect(now).toContain('Prochaine ouverture : le mardi 3 mars à 14 h');
});
