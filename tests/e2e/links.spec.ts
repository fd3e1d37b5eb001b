/**
 * Links that work: the test build has no public address (site.yaml), so everything a person
 * receives from the browser — SMS, WhatsApp, e-mail, a copied link, a printed code, the code a
 * town hall copies — is made from the address the page is served at, and nothing names a
 * domain the site is not served from.
 */
import { expect, SERVED, test } from './fixtures.ts';

test('a place sent by SMS, WhatsApp, e-mail or a copied link leads to the address the site is served at', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SERVED });
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  const sms = page.getByRole('link', { name: 'Par SMS' });
  await sms.focus();
  const place = `${SERVED}/lieux/espace-fictif-des-hirondelles/`;
  expect(decodeURIComponent((await sms.getAttribute('href'))!)).toContain(place);
  expect(decodeURIComponent((await page.getByRole('link', { name: 'Par WhatsApp' }).getAttribute('href'))!)).toContain(place);
  expect(decodeURIComponent((await page.getByRole('link', { name: 'Par e-mail', exact: true }).getAttribute('href'))!)).toContain(place);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(place);
});

test('without JavaScript, a message carries the place but no link to a site that may not be there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  const body = decodeURIComponent((await page.getByRole('link', { name: 'Par SMS' }).getAttribute('href'))!);
  expect(body).toContain('Espace fictif des Hirondelles');
  expect(body).toContain('Téléphone : 01 23 45 67 89');
  expect(body).not.toMatch(/https?:\/\//);
  await context.close();
});

test('the code a town hall copies frames the site where it is served', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  await expect(page.locator('#widget-code')).toHaveValue(new RegExp(`^<iframe src="${SERVED}/integrer/59350-lille/" title=`));
});

test('no page names a placeholder domain, nor a canonical address the site does not have', async ({ page }) => {
  for (const path of ['/', '/lieux/espace-fictif-des-hirondelles/', '/communes/59350-lille/', '/integrer/59350-lille/', '/selection/', '/corriger/']) {
    await page.goto(path);
    const html = await page.content();
    expect(html, path).not.toContain('example.org');
    await expect(page.locator('link[rel="canonical"]'), path).toHaveCount(0);
  }
});
