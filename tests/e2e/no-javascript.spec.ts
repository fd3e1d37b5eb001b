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

test('without JavaScript, a place still prints with its QR code and shares by SMS, and the orientation form opens the results', async ({ page }) => {
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  // Drawn at build time: the code is in the page itself.
  await expect(page.getByRole('img', { name: 'Code QR : la fiche d’Espace fictif des Hirondelles sur internet' })).toBeVisible();
  const sms = await page.getByRole('link', { name: 'Par SMS' }).getAttribute('href');
  expect(decodeURIComponent(sms!.split('body=')[1]!)).toContain('Espace fictif des Hirondelles\n1 rue Imaginaire, 67000 Strasbourg\nTéléphone : 01 23 45 67 89');
  // What needs the device's storage is hidden, not broken.
  await expect(page.getByRole('button', { name: 'Ajouter à ma sélection' })).toBeHidden();

  await page.goto('/orienter/');
  // One form: every step on screen at once.
  await expect(page.getByRole('group', { name: 'Quand peut-elle y aller ?' })).toBeVisible();
  await page.getByLabel(/Apprendre à utiliser un téléphone/).check();
  await page.getByLabel('Une commune ou un code postal, ou autour de vous.').fill('Lille');
  await page.getByRole('button', { name: 'Voir les lieux' }).click();
  await expect(page).toHaveURL(/\/recherche\/\?service=usage-quotidien&q=Lille/);

  // The selection lives in the device's storage: without JavaScript the page says so, in a
  // <noscript> (Playwright turns scripts off by emulation, which does not show <noscript>: read the HTML).
  const html = await (await page.request.get('/selection/')).text();
  expect(html).toMatch(/<noscript><p class="notice">Cette page a besoin de JavaScript pour lire votre sélection\.<\/p><\/noscript>/);
});
