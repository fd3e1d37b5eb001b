/**
 * The accessibility statement (RGAA): reached from any home page by its footer link, in French
 * and in Arabic; it declares « non conforme », lists the 106 criteria with their status, a
 * contact and the Défenseur des droits; it passes axe (WCAG 2.1 AA and RGAA rules) in French,
 * Arabic and easy-to-read French.
 */
import { readAudit, summarize } from '../../src/lib/accessibility/rgaa.ts';
import { expect, test } from './fixtures.ts';
import { axeViolations } from './axe.ts';

const audit = readAudit();

test('from the French home page, the footer leads to the statement: non conforme, 106 criteria, a contact and the Défenseur des droits', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibilité : non conforme' }).click();
  await expect(page).toHaveURL(/\/accessibilite\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
  await expect(page.locator('[data-conformity]')).toHaveText('Ce site est non conforme au RGAA 4.1.2.');
  await expect(page.getByText('Aucun audit complet des 106 critères n’a été fait.', { exact: false })).toBeVisible();
  // Every criterion, numbered as the RGAA numbers them, each with its status as the file says.
  const criteria = page.locator('[data-criterion]');
  await expect(criteria).toHaveCount(106);
  expect(await criteria.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.criterion))).toEqual(audit.criteria.map((criterion) => criterion.number));
  await expect(page.locator('[data-criterion="1.1"] strong').first()).toHaveText('Critère 1.1');
  await expect(page.locator('[data-criterion="4.1"]')).toContainText('Non applicable');
  const counts = summarize(audit.criteria).counts;
  await expect(page.locator('[data-counts] li')).toHaveText([
    `Conforme : ${counts.conforme}`,
    `Non conforme : ${counts['non-conforme']}`,
    `Non applicable : ${counts['non-applicable']}`,
    `Non vérifié : ${counts['non-verifie']}`,
  ]);
  // A contact: the site's own report address and forge (playwright.config.ts).
  await expect(page.getByRole('link', { name: 'Écrire un e-mail' })).toHaveAttribute('href', /^mailto:corrections@exemple\.invalid\?subject=/);
  await expect(page.getByRole('link', { name: 'Écrire sur le site du projet' })).toHaveAttribute('href', /^https:\/\/forge\.exemple\.invalid\/collectif-fictif\/annuaire\/issues\/new/);
  // The Défenseur des droits: online, a delegate, and by post without a stamp.
  await expect(page.getByRole('link', { name: 'écrire au Défenseur des droits (formulaire en ligne)' })).toHaveAttribute('href', 'https://www.defenseurdesdroits.fr/nous-contacter-355');
  await expect(page.getByRole('link', { name: 'contacter un délégué du Défenseur des droits près de chez vous' })).toHaveAttribute('href', 'https://www.defenseurdesdroits.fr/carte-des-delegues');
  await expect(page.locator('address')).toHaveText('Défenseur des droitsLibre réponse 7112075342 Paris CEDEX 07');
  await expect(page.getByRole('heading', { name: 'Schéma pluriannuel de mise en accessibilité, 2027 à 2029' })).toBeVisible();
});

test('from the Arabic home page, the footer leads to the statement in Arabic, right to left, the criteria in French', async ({ page }) => {
  await page.goto('/ar/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'إمكانية الوصول: غير مطابق' }).click();
  await expect(page).toHaveURL(/\/ar\/accessibilite\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('بيان إمكانية الوصول');
  await expect(page.locator('[data-conformity]')).toHaveText('هذا الموقع غير مطابق لمرجع RGAA 4.1.2.');
  await expect(page.locator('[data-criterion]')).toHaveCount(106);
  // The official titles stay French, and say so to screen readers.
  const title = page.locator('[data-criterion="1.1"] span[lang="fr"]').first();
  await expect(title).toHaveText(audit.criteria[0]!.title);
  await expect(page.getByRole('link', { name: 'أرسلوا بريدًا إلكترونيًا' })).toHaveAttribute('href', /^mailto:corrections@exemple\.invalid/);
  await expect(page.getByRole('link', { name: 'الكتابة إلى Défenseur des droits (استمارة على الإنترنت)' })).toHaveAttribute('href', 'https://www.defenseurdesdroits.fr/nous-contacter-355');
  await expect(page.locator('address')).toHaveAttribute('lang', 'fr');
  // The language picker leads to the statement in another language.
  await expect(page.locator('.language-picker a[hreflang="en"]')).toHaveAttribute('href', '/en/accessibilite/');
});

for (const path of ['/accessibilite/', '/ar/accessibilite/', '/facile/accessibilite/']) {
  test(`${path}: no WCAG 2.1 AA or RGAA violation (axe), no sideways scrolling at 320 pixels`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}
