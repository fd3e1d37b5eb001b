import { expect, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });

test('every page type reads without JavaScript', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Hauts-de-France' })).toBeVisible();

  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace fictif des Hirondelles');
  await expect(page.locator('.status').first()).toHaveText('Regardez les horaires d’ouverture.');
  await expect(page.getByRole('table', { name: 'Horaires d’ouverture habituels' })).toContainText('Lundi');
  await expect(page.getByRole('link', { name: '01 23 45 67 89' }).first()).toBeVisible();
  // The print button needs JavaScript: it is hidden rather than broken.
  await expect(page.getByRole('button', { name: 'Imprimer cette fiche' })).toBeHidden();

  await page.goto('/communes/59350-lille/');
  await expect(page.getByRole('link', { name: 'Point fictif de la Colline' }).first()).toBeVisible();
  await page.goto('/departements/59-nord/');
  await expect(page.getByRole('link', { name: 'Lille', exact: true })).toBeVisible();
  await page.goto('/charte/');
  await expect(page.getByRole('heading', { name: 'Les engagements' })).toBeVisible();
});
