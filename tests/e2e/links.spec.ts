/**
 * Links that work. The test site's public address (SITE_URL) is where it is served, as a real
 * deployment's is; it is also served from a second address (a copy elsewhere, or a site not
 * yet published): everything a person receives from the browser — SMS, WhatsApp, e-mail, a
 * copied link, a printed code, the code a town hall copies — is then made from the address the
 * page is served at, and nothing names a domain the site is not served from.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '../../scripts/serve.ts';
import { expect, SERVED, test } from './fixtures.ts';

/** The same build served from a second address, on a free port (each test worker has its own). */
let ELSEWHERE = '';
let copy: Server | undefined;
test.beforeAll(async () => {
  copy = await serve('dist-test', 0);
  ELSEWHERE = `http://127.0.0.1:${(copy.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => (copy ? copy.close(() => resolve()) : resolve())));

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

test('served from another address, the page remakes its codes and links for that address', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ELSEWHERE });
  await page.goto(`${ELSEWHERE}/lieux/espace-fictif-des-hirondelles/`);
  const place = `${ELSEWHERE}/lieux/espace-fictif-des-hirondelles/`;
  // The code is drawn in the browser for this address: not while the person reads the top of
  // the page (encoding holds a slow phone), but once the encoder is there and the code comes
  // near the screen. (Printing draws it too: orient.spec.ts reads it on paper.)
  await expect(page.locator('qr-code')).toHaveAttribute('data-encoder', 'ready');
  await page.waitForTimeout(300);
  await expect(page.locator('qr-code')).not.toHaveAttribute('data-url', place);
  // Its room is kept, and its address written, before it is drawn: nothing moves when it comes.
  const room = (await page.locator('qr-code figure').boundingBox())!.height;
  await page.locator('qr-code').scrollIntoViewIfNeeded();
  await expect(page.locator('qr-code')).toHaveAttribute('data-url', place);
  await expect(page.locator('qr-code svg')).toBeVisible();
  expect((await page.locator('qr-code figure').boundingBox())!.height).toBeCloseTo(room, 0);
  await expect(page.locator('qr-code .qr-url')).toHaveText(place.replace('http://', ''));
  const sms = page.getByRole('link', { name: 'Par SMS' });
  await sms.focus();
  expect(decodeURIComponent((await sms.getAttribute('href'))!)).toContain(place);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(place);
  // The code a town hall copies frames the site where it is served.
  await page.goto(`${ELSEWHERE}/communes/59350-lille/`);
  await expect(page.locator('#widget-code')).toHaveValue(new RegExp(`^<iframe src="${ELSEWHERE}/integrer/59350-lille/" title=`));
});

test('without JavaScript, a message carries the place and its public address', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  const body = decodeURIComponent((await page.getByRole('link', { name: 'Par SMS' }).getAttribute('href'))!);
  expect(body).toContain('Espace fictif des Hirondelles');
  expect(body).toContain('Téléphone : 01 23 45 67 89');
  expect(body).toContain(`${SERVED}/lieux/espace-fictif-des-hirondelles/`);
  await context.close();
});

test('the code a town hall copies frames the site where it is served', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  await expect(page.locator('#widget-code')).toHaveValue(new RegExp(`^<iframe src="${SERVED}/integrer/59350-lille/" title=`));
});

test('no page names a placeholder domain; the canonical address is the public one', async ({ page }) => {
  for (const path of ['/', '/lieux/espace-fictif-des-hirondelles/', '/communes/59350-lille/', '/integrer/59350-lille/', '/selection/', '/corriger/', '/ar/']) {
    await page.goto(path);
    const html = await page.content();
    expect(html, path).not.toContain('example.org');
    if (!path.startsWith('/integrer/')) await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute('href', `${SERVED}${path}`);
  }
});
