import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, SERVED, test } from './fixtures.ts';
import { axeViolations } from './axe.ts';

/** The site the tests run on (playwright.config.ts builds it there). */
const SITE_DIR = 'dist-test';

// Every test here starts in a fresh browser context (nothing cached, no service worker), on
// a phone screen, as a person opening the site for the first time.
test.use({ viewport: { width: 390, height: 844 } });
// A first visit installs some 260 files: next to another test worker on two cores, that can take most of the default 30 s.
test.describe.configure({ timeout: 60_000 });

const SEARCH_LABEL = 'Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin';
const results = (page: Page) => page.locator('ol.results > li h3');
const status = (page: Page) => page.locator('[data-search-status]').first();
const notice = (page: Page) => page.locator('app-notice');

async function firstVisit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(notice(page)).toContainText('vous pouvez chercher un lieu même sans internet', { timeout: 30_000 });
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready');
}

/** Every URL the site stored on the device, all caches together. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
}

test('first visit on the home page, then no network: search, filters, around me, pages seen and not seen', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 50.69, longitude: 3.17 });
  await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+01:00'));
  await firstVisit(page, '/');
  // A place page seen while online.
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await page.goto('/');

  await context.setOffline(true);
  await expect(notice(page)).toHaveText(/Vous n’avez pas internet en ce moment\. La recherche marche quand même\./);

  // A misspelt commune, typed on the home page: the search page opens from the device, with results.
  const input = page.getByLabel(SEARCH_LABEL);
  await input.fill('grenobel');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/recherche\/\?q=grenobel/);
  await expect(status(page)).toContainText('autour de Grenoble');
  await expect(results(page).first()).toBeVisible();
  // More than one place before the filter, once the cards are drawn (4 a frame: counted at the first, it read 1 on a busy machine).
  await expect.poll(() => results(page).count()).toBeGreaterThan(1);

  // A filter, offline.
  await page.getByRole('button', { name: 'Modifier la recherche' }).click();
  await page.getByText('Affiner la recherche').click();
  await page.getByRole('checkbox', { name: /France Services/ }).check();
  await expect(page).toHaveURL(/france-services=1/);
  await expect(results(page)).toHaveText(['France services fictive de Grenoble']);

  // Around me, on the data kept on the device.
  await page.goto('/recherche/');
  await page.getByRole('button', { name: 'Autour de moi' }).click();
  await expect(status(page)).toContainText('autour de votre position');
  await expect(results(page).first()).toHaveText('Atelier fictif du Canal');

  // A result never opened before: its details, read from the device (a dead end before).
  await results(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/lieu\/\?lieu=atelier-fictif-du-canal$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier fictif du Canal');
  await expect(page.getByRole('heading', { level: 2, name: 'Horaires' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'La fiche complète, en français' })).toHaveAttribute('href', '/lieux/atelier-fictif-du-canal/');

  // The place page seen online opens as it is; another page never seen says it is offline and offers the search.
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  await page.goto('/communes/59350-lille/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pas d’internet');
  await expect(page.getByText('cette page n’est pas encore enregistrée sur votre appareil')).toBeVisible();
  await page.getByLabel(SEARCH_LABEL).fill('Lille');
  await page.getByLabel(SEARCH_LABEL).press('Enter');
  await expect(results(page).first()).toBeVisible();
});

test('the message that the site works offline is announced, readable and dismissible', async ({ page }) => {
  await firstVisit(page, '/services/');
  await expect(notice(page)).toHaveAttribute('role', 'status');
  expect(await axeViolations(page)).toEqual([]);
  // It covers nothing for good: at the end of the page, the page's last line is above it.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  const last = page.locator('footer a').last();
  await expect.poll(async () => (await last.boundingBox())!.y + (await last.boundingBox())!.height).toBeLessThanOrEqual((await notice(page).boundingBox())!.y);
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(notice(page)).toBeEmpty();
});

test('« no internet », once closed, is not said again on each page until the connection comes back', async ({ page, context }) => {
  await firstVisit(page, '/');
  await page.getByRole('button', { name: 'OK' }).click();
  await context.setOffline(true);
  await expect(notice(page)).toContainText('Vous n’avez pas internet en ce moment');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(notice(page)).toBeEmpty();
  // The next pages, from the device: the results, free of it (it covered the count and the first result on a small phone).
  await page.goto('/recherche/?q=Grenoble');
  await expect(results(page).first()).toBeVisible();
  await expect(notice(page)).toBeEmpty();
  // The connection back, then lost again: said again.
  await context.setOffline(false);
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await context.setOffline(true);
  await expect(notice(page)).toContainText('Vous n’avez pas internet en ce moment');
});

test('on a phone, the message that the site is ready leaves the first result readable', async ({ page }) => {
  // It comes just after the first results: its words and its « OK » on one line, over the bottom of the screen only.
  await firstVisit(page, '/recherche/?q=Grenoble');
  const box = (await notice(page).boundingBox())!;
  const button = (await page.getByRole('button', { name: 'OK' }).boundingBox())!;
  expect(button.y).toBeLessThan(box.y + box.height / 2);
  expect(box.height).toBeLessThanOrEqual(130);
  const title = (await results(page).first().boundingBox())!;
  expect(title.y + title.height).toBeLessThanOrEqual(box.y);
});

test('on a small phone, the message that the site is ready never covers the search field', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const apart = async (target: string) => {
    const [box, other] = [(await notice(page).boundingBox())!, (await page.locator(target).first().boundingBox())!];
    return other.y >= box.y + box.height || other.y + other.height <= box.y;
  };
  await firstVisit(page, '/');
  expect(await apart('#q')).toBe(true);
  // Nor the header's buttons: it goes just under the header.
  expect(await apart('.language-picker summary')).toBe(true);
  expect(await apart('selection-count a')).toBe(true);
  // The field takes what is typed (a tap on it reaches it).
  await page.locator('#q').click();
  await expect(page.locator('#q')).toBeFocused();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(notice(page)).toBeEmpty();
  await expect(page.getByRole('link', { name: 'Aide numérique près de chez moi' })).toBeVisible();
});

test('on a small phone, a place’s phone stays in reach when the site gets ready', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/lieux/point-fictif-de-la-colline/');
  // A screen that ends just below the button, as on the real data (a longer top: a warning that the facts are old).
  const call = page.locator('main a[href^="tel:"]').first();
  const top = (await call.boundingBox())!;
  await page.setViewportSize({ width: 360, height: Math.ceil(top.y + top.height + 30) });
  await expect(notice(page)).toContainText('vous pouvez chercher un lieu même sans internet', { timeout: 30_000 });
  const [box, button] = [(await notice(page).boundingBox())!, (await call.boundingBox())!];
  expect(button.y >= box.y + box.height || button.y + button.height <= box.y).toBe(true);
  // Nor « Langue »: a person who reads another language needs it first.
  const language = (await page.locator('.language-picker summary').boundingBox())!;
  expect(language.y >= box.y + box.height || language.y + language.height <= box.y).toBe(true);
  await page.locator('.language-picker summary').click();
  await expect(page.locator('.language-picker')).toHaveAttribute('open', '');
});

test('with the keyboard, what gets the focus is never under the message that the site is ready', async ({ page }) => {
  await firstVisit(page, '/lieux/point-fictif-de-la-colline/');
  const hidden: string[] = [];
  for (let tab = 0; tab < 40; tab++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      const notice = document.querySelector('app-notice')!;
      if (!focused || focused === document.body || notice.contains(focused)) return null;
      const [a, b] = [focused.getBoundingClientRect(), notice.getBoundingClientRect()];
      const apart = a.bottom <= b.top || a.top >= b.bottom || a.right <= b.left || a.left >= b.right;
      return apart ? null : `${focused.tagName} ${focused.textContent?.trim().slice(0, 40)}`;
    });
    if (covered) hidden.push(covered);
  }
  expect(hidden).toEqual([]);
  // The end of the page scrolls above it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const [footer, box] = [(await page.locator('.site-footer').boundingBox())!, (await notice(page).boundingBox())!];
  expect(footer.y + footer.height).toBeLessThanOrEqual(box.y + 1);
  // Closed, it keeps no room.
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(notice(page)).toBeEmpty();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).paddingBottom)).toBe('0px');
});

test('the language list opened under the header is over the message that the site is ready, never under it', async ({ page }) => {
  await firstVisit(page, '/lieux/point-fictif-de-la-colline/');
  // The message just under the header, where it goes when the bottom of the screen is taken.
  await page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>('app-notice')!;
    notice.style.setProperty('--notice-top', `${document.querySelector('.site-header')!.getBoundingClientRect().bottom}px`);
    notice.classList.add('at-top');
  });
  await page.locator('.language-picker summary').click();
  const links = page.locator('.language-picker li a');
  const under: string[] = [];
  for (const link of await links.all()) {
    const reached = await link.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    if (!reached) under.push((await link.textContent()) ?? '');
  }
  expect(under).toEqual([]);
  await links.filter({ hasText: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/lieu\/\?lieu=59\.point-fictif-de-la-colline$/);
});

test('a browser that refuses the worker (a private window): no error, and the search works online', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin').fill('Lille');
  await page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin').press('Enter');
  await expect(page.locator('[data-search-status]').first()).toContainText('autour de Lille');
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  expect(errors).toEqual([]);
  await context.close();
});

test('what a person searched is never stored on the device', async ({ page }) => {
  await firstVisit(page, '/');
  await page.goto('/recherche/?q=12+rue+secrete+Lille');
  await expect(status(page)).not.toBeEmpty();
  await page.goto('/services/');
  const urls = await cachedUrls(page);
  expect(urls.some((url) => url.endsWith('/services/'))).toBe(true);
  expect(urls.filter((url) => url.includes('?q=') || /secrete/i.test(url))).toEqual([]);
});

test('pages visited are kept, but never more than 60', async ({ page }) => {
  await firstVisit(page, '/');
  // Pages of the site, found by following its links as a visitor would (the precached ones left out).
  const links = await page.evaluate(async () => {
    const found: string[] = [];
    const queue = ['/'];
    const seen = new Set(queue);
    while (queue.length > 0 && found.length < 70) {
      const html = await (await fetch(queue.shift()!)).text();
      for (const match of html.matchAll(/href="(\/[^"?#.]*\/)"/g)) {
        const path = match[1]!;
        if (seen.has(path)) continue;
        seen.add(path);
        queue.push(path);
        if (!['/recherche/', '/hors-ligne/'].includes(path)) found.push(path);
      }
    }
    return found;
  });
  expect(links.length).toBeGreaterThan(62);
  for (const link of links.slice(0, 62)) await page.goto(link);
  const kept = () => page.evaluate(async () => (await (await caches.open('pages')).keys()).length);
  await expect.poll(kept, { timeout: 15_000 }).toBeLessThanOrEqual(60);
  expect(await kept()).toBeGreaterThanOrEqual(50);
});

test('the caches of an older worker are deleted when the new one takes over', async ({ page, context }) => {
  // A first load without the worker, to plant the caches the hand-written worker used to keep.
  await context.route('**/sw.js', (route) => route.abort());
  await page.goto('/a-propos/');
  await page.evaluate(async () => {
    for (const name of ['pages-v1', 'assets-v1', 'search-abc123']) await (await caches.open(name)).put('/ancien', new Response('x'));
  });
  await context.unroute('**/sw.js');
  await firstVisit(page, '/a-propos/');
  const names = await page.evaluate(() => caches.keys());
  expect(names.filter((name) => /^(pages-v1|assets-v1|search-)/.test(name))).toEqual([]);
  expect(names.some((name) => name.startsWith('workbox-precache'))).toBe(true);
});

/**
 * A new deploy, simulated on the built site: one revision in the worker's precache list
 * changes (same length, so that the preview server's file index stays true). Undone after.
 */
async function withNewDeploy(run: () => Promise<void>): Promise<void> {
  const file = join(SITE_DIR, 'sw.js');
  const original = await readFile(file, 'utf8');
  const changed = original.replace(/("revision":"[0-9a-f]{6})([0-9a-f])/, (_, head: string, last: string) => `${head}${last === '0' ? '1' : '0'}`);
  expect(changed).not.toBe(original);
  await writeFile(file, changed);
  try {
    await run();
  } finally {
    await writeFile(file, original);
  }
}

test('a new version waits for the person to reload, then takes over', async ({ page }) => {
  await firstVisit(page, '/charte/');
  await page.goto('/services/');
  await page.goto('/charte/');
  expect((await cachedUrls(page)).some((url) => url.endsWith('/services/'))).toBe(true);
  const waiting = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration?.waiting)));
  await withNewDeploy(async () => {
    await page.reload();
    await expect(notice(page)).toContainText('Nouvelle version disponible.', { timeout: 30_000 });
    // Until the person chooses, the old version keeps the page.
    expect(await waiting()).toBe(true);
    // The new worker takes over, and the page reloads on its own.
    const reloaded = page.waitForEvent('framenavigated');
    await page.getByRole('button', { name: 'Recharger' }).click();
    await reloaded;
    await page.waitForLoadState('load');
    expect(await waiting()).toBe(false);
  });
  await expect(notice(page)).not.toContainText('Nouvelle version');
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // The pages kept by the old version went with it.
  expect((await cachedUrls(page)).some((url) => url.endsWith('/services/'))).toBe(false);
});

test('installable: a manifest with icons, and no installability error in Chromium', async ({ browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  // Chromium never offers to install from a private window: a real, fresh profile.
  const profile = await mkdtemp(join(tmpdir(), 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 390, height: 844 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await firstVisit(page, '/');
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { icons: { src: string; sizes: string; purpose: string }[] };
    expect(manifest).toMatchObject({ name: 'Aide numérique près de chez moi', short_name: 'Aide numérique', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).headers()['content-type']).toBe('image/png');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('offline, a town hall finishes a correction started online and proposes a place: the file and the e-mail are ready', async ({ page, context }) => {
  await firstVisit(page, '/');
  // Started online: the place's record is read (and kept) while there is a network.
  await page.goto('/corriger/?lieu=59.point-fictif-de-la-colline');
  await expect(page.locator('correction-form [data-status]')).toHaveText('Vous corrigez la fiche : Point fictif de la Colline.');

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('correction-form [data-status]')).toHaveText('Vous corrigez la fiche : Point fictif de la Colline.');
  await page.getByLabel('Votre nom ou votre structure').fill('Mairie fictive de Lille');
  await page.locator('#phone').fill('03 20 11 22 33');
  await page.getByRole('button', { name: 'Vérifier la fiche' }).click();
  await expect(page.locator('[data-changes] li')).toHaveText(['Téléphone : 03 00 00 00 00 → 03 20 11 22 33']);
  await expect(page.getByRole('link', { name: 'Envoyer par e-mail' })).toHaveAttribute('href', /^mailto:corrections@exemple\.invalid\?/);

  // Never opened online: proposing a place works from the device alone.
  await page.goto('/corriger/');
  await page.getByLabel('Votre nom ou votre structure').fill('CCAS fictif');
  await page.getByLabel('Nom du lieu').fill('Atelier fictif hors ligne');
  await page.getByLabel('Code postal').fill('38000');
  await expect(page.getByLabel('Commune')).toHaveValue('38185');
  await page.getByRole('button', { name: 'Vérifier la fiche' }).click();
  await expect(page.getByRole('heading', { name: 'La fiche est prête. Voici ce que vous proposez :' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger le fichier' })).toHaveAttribute('download', 'atelier-fictif-hors-ligne.yaml');
});

test('the page a person landed on from a shared link works offline afterwards, and so do those opened before the site was ready', async ({ page, context }) => {
  // Landed from an SMS: a place page first, then a second page before the worker is ready.
  await page.goto('/lieux/relais-fictif-du-moulin/');
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(notice(page)).toContainText('vous pouvez chercher un lieu même sans internet', { timeout: 30_000 });
  await expect
    .poll(async () => (await cachedUrls(page)).filter((url) => url.startsWith(`${SERVED}/lieux/`)).sort(), { timeout: 15_000 })
    .toEqual([`${SERVED}/lieux/point-fictif-de-la-colline/`, `${SERVED}/lieux/relais-fictif-du-moulin/`]);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  await page.goto('/lieux/relais-fictif-du-moulin/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Relais fictif du Moulin');
  // A place page never opened shows the place's details kept on the device; another page says it is not kept.
  await page.goto('/lieux/atelier-fictif-du-canal/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier fictif du Canal');
  await page.goto('/communes/59350-lille/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pas d’internet');
});

test('a phone that saves data downloads nothing for offline use until the person asks, and is told how much', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  const downloads: string[] = [];
  page.on('request', (request) => downloads.push(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(notice(page)).toContainText(/Votre téléphone économise les données\..*Cela télécharge \d+(,\d)? (Mo|ko)\./);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
  expect(downloads.filter((path) => path.startsWith('/recherche/'))).toEqual([]);

  // Later, on another page, still nothing: the offer is made again.
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(notice(page)).toContainText('Votre téléphone économise les données.');
  await page.getByRole('button', { name: 'Garder le site sur ce téléphone' }).click();
  await expect(notice(page)).toContainText('vous pouvez chercher un lieu même sans internet', { timeout: 30_000 });
  // The page it was asked from is kept too.
  await expect.poll(async () => (await cachedUrls(page)).some((url) => url.endsWith('/lieux/point-fictif-de-la-colline/')), { timeout: 15_000 }).toBe(true);
});
