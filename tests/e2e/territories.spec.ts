/**
 * Espace communes et territoires, as a town hall uses it: the checklist of its places, who is
 * far from help, the widget framed on another site, the poster on paper, the commune's data.
 */
import { createServer, type Server } from 'node:http';
import { serve } from '../../scripts/serve.ts';
import { expect, test, SERVED } from './fixtures.ts';
import { printed, RELATIVE_TIME } from './paper.ts';

/** The test build has no public address: links and codes use the address the page is served at. */
const SITE_URL = SERVED;

test('a commune page shows its town hall what is known and missing, oldest check first', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  const section = page.locator('section.town-hall');
  await expect(section.getByRole('heading', { name: 'Pour la mairie' })).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Ce que nous savons des lieux (2)' })).toBeVisible();
  const totals = section.locator('ul.check-totals > li');
  // Known, partly known, missing. Lille has the Point fictif de la Colline (street, phone, hours) and the Relais fictif du Moulin (nothing).
  await expect(totals.filter({ hasText: /^Téléphone/ })).toHaveText(/^Téléphone\s:\sConnu\s:\s1 · En partie\s:\s0 · Manque\s:\s1$/);
  await expect(totals.filter({ hasText: /^E-mail/ })).toHaveText(/^E-mail\s:\sConnu\s:\s0 · En partie\s:\s0 · Manque\s:\s2$/);
  await expect(totals.filter({ hasText: /^Adresse et point sur la carte/ })).toHaveText(/Connu\s:\s1 · En partie\s:\s0 · Manque\s:\s1$/);
  await expect(section.getByText('1 fiche a été vérifiée il y a plus d’un an, ou jamais : à vérifier en premier.')).toBeVisible();
  const items = section.locator('.check-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Point fictif de la Colline');
  await expect(items.first()).toContainText('Vérifiée le 10 janvier 2025 (il y a plus d’un an)');
  await expect(items.first()).toContainText('Manque : e-mail, accès en fauteuil roulant et langues parlées.');
  await expect(items.first().getByRole('link', { name: 'Corriger cette fiche : Point fictif de la Colline' })).toHaveAttribute('href', '/corriger/?lieu=59.point-fictif-de-la-colline');
  // Its own places are in the commune: not « à 100 m » from its centre, which a place's point may only be.
  await expect(section.getByText('Il y a des lieux d’aide dans la commune. Il y a un lieu Emmaüs Connect dans la commune.')).toBeVisible();
});

test('a département’s space counts the communes and people far from help, with a map and the far communes', async ({ page }) => {
  await page.goto('/collectivites/departements/38-isere/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace du département Isère (38)');
  const any = page.locator('table.coverage-totals').first();
  await expect(any.locator('caption')).toHaveText('Loin de tout lieu d’aide');
  const rows = any.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // Each band holds fewer (or as many) communes than the one before.
  const counts = (await rows.locator('td:first-of-type').allTextContents()).map((text) => Number(text.split(' sur ')[0]!.replace(/\s/g, '')));
  expect(counts[0]).toBeGreaterThanOrEqual(counts[1]!);
  expect(counts[1]).toBeGreaterThanOrEqual(counts[2]!);
  expect(counts[0]).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: /^Carte : Isère \(38\)\. Les communes loin d’un lieu d’aide/ })).toBeVisible();
  // The far communes' table, folded when long, the furthest first.
  await page.getByText(/Voir les \d+ communes à plus de 5 km/).click();
  const far = page.locator('table.far-communes tbody tr');
  await expect(far).toHaveCount(counts[0]!);
  // The map names the five furthest communes, and every far commune has its name and distance as a title.
  const furthest = (await far.locator('th').allTextContents()).slice(0, 5);
  const map = page.locator('.sketch svg[role="img"]');
  await expect(map.locator('text.sketch-label')).toHaveText(furthest);
  await expect(map.locator('circle > title')).toHaveCount(counts[0]!);
  await expect(map.locator('circle > title').first()).toHaveText(new RegExp(`^${furthest[0]} : le lieu d’aide le plus proche est à \\d+ km$`));
  // Each far commune links to its page, those without a place included.
  await far.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Aide au numérique à ${furthest[0]}`);
  await expect(page.getByRole('link', { name: /Métropole|Grenoble|CC|CA/ }).first()).toBeVisible();
});

test('the widget is framed by another site and works there; any other page refuses to be framed', async ({ page }) => {
  let site: Server | undefined;
  let host: Server | undefined;
  try {
    site = await serve('dist-test', 4341);
    host = createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="fr"><title>Mairie fictive</title>' +
          '<iframe id="widget" title="Lieux" src="http://127.0.0.1:4341/integrer/59350-lille/" width="380" height="600"></iframe>' +
          '<iframe id="page" title="Page" src="http://127.0.0.1:4341/communes/59350-lille/" width="380" height="300"></iframe></html>',
      );
    });
    await new Promise<void>((resolve) => host!.listen(4342, '127.0.0.1', resolve));
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('http://localhost:4342/');
    const widget = page.frameLocator('#widget');
    await expect(widget.getByRole('heading', { level: 1 })).toHaveText('Besoin d’aide avec le numérique à Lille ?');
    await expect(widget.getByRole('link', { name: '03 00 00 00 00' })).toHaveAttribute('href', 'tel:+33300000000');
    // Its links lead to the site that serves the widget, wherever it is served.
    expect(await widget.getByRole('link', { name: /Tous les lieux près de Lille/ }).evaluate((link: HTMLAnchorElement) => link.href)).toBe('http://127.0.0.1:4341/communes/59350-lille/');
    // The page itself was refused: the browser shows its error page in the frame.
    await expect
      .poll(() =>
        page
          .frames()
          .find((frame) => frame.name() === '' && frame.url().startsWith('chrome-error'))
          ?.url(),
      )
      .toBe('chrome-error://chromewebdata/');
    expect(page.frames().map((frame) => frame.url())).not.toContain('http://127.0.0.1:4341/communes/59350-lille/');
    // The only console error is the refusal itself; the widget logs none.
    expect(errors.filter((text) => !text.includes("frame-ancestors 'none'"))).toEqual([]);
    expect(errors.some((text) => text.includes("frame-ancestors 'none'"))).toBe(true);
  } finally {
    site?.close();
    host?.close();
  }
});

test('the widget reads well without JavaScript: each place with its week and phone', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)));
  await page.goto('/integrer/59350-lille/');
  await expect(page.locator('header, footer, nav')).toHaveCount(0);
  // Opened alone (« Voir la liste seule »): its icon too, no request that fails (the browser asked for /favicon.ico).
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  await expect(page.getByText('Horaires : Mardi : 10 h à 18 h')).toBeVisible();
  // A place without hours nor phone: not told to call.
  await expect(page.getByText('Horaires non renseignés.', { exact: true })).toBeVisible();
  await expect(page.getByText('Horaires non renseignés : appelez avant de venir.')).toHaveCount(0);
  expect(await context.cookies()).toEqual([]);
  expect(failed).toEqual([]);
  await context.close();
});

test('the poster prints on one A4 page, with the places, their phones and a QR code to the commune page', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  await page.evaluate(() => {
    document.documentElement.dataset.print = 'poster';
    document.documentElement.dataset.paper = 'a4';
  });
  const paper = await printed(page);
  expect(paper.pages).toBe(1);
  expect(paper.pageSize).toMatch(/\(A4\)$/);
  expect(paper.text).toContain('Besoin d’aide avec le numérique ?');
  expect(paper.text).toContain('À Lille, ces lieux peuvent vous aider');
  expect(paper.text).toContain('Point fictif de la Colline');
  expect(paper.text).toContain('Téléphone : 03 00 00 00 00');
  // What a place asks is known before going.
  expect(paper.text).toContain('Pas besoin d’être orienté');
  expect(paper.text).toContain('Relais fictif du Moulin');
  expect(paper.text).not.toContain('Pour la mairie');
  expect(paper.text).not.toMatch(RELATIVE_TIME);
  expect(paper.codes).toEqual([`${SITE_URL}/communes/59350-lille/`]);
});

test('the A3 poster asks for A3 paper', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  await page.getByRole('button', { name: 'Imprimer l’affiche (A3)' }).evaluate((button) => {
    window.print = () => undefined;
    (button as HTMLButtonElement).click();
  });
  await expect(page.locator('html')).toHaveAttribute('data-paper', 'a3');
  const paper = await printed(page);
  // A3 is 297 × 420 mm (about 842 × 1191 points).
  expect(paper.pageSize).toMatch(/^84[12]\.\d+ x 119[01]\.\d+ pts \(A3\)$/);
  expect(paper.pages).toBe(1);
  expect(paper.codes).toEqual([`${SITE_URL}/communes/59350-lille/`]);
});

test('a commune’s data downloads in the national standard, with its own places only', async ({ request }) => {
  const json = (await (await request.get('/donnees/communes/59350.json')).json()) as { nom: string; code_insee: string }[];
  expect(json.map((row) => row.nom)).toEqual(['Point fictif de la Colline']);
  expect(json.every((row) => row.code_insee === '59350')).toBe(true);
  const csv = await (await request.get('/donnees/communes/59350.csv')).text();
  expect(csv.split('\n')[0]).toMatch(/^id,pivot,nom,commune,code_postal,code_insee,/);
  expect(csv.trim().split('\n')).toHaveLength(2);
});

test('the whole directory downloads in the national standard and as GeoJSON, and each commune’s file holds its rows of it', async ({ request }) => {
  const whole = await request.get('/donnees/lieux.json');
  expect(whole.headers()['content-type']).toMatch(/^application\/json/);
  const rows = (await whole.json()) as { id: string; code_insee: string }[];
  expect(rows.length).toBeGreaterThan(20);
  expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  const csv = (await (await request.get('/donnees/lieux.csv')).text()).split('\r\n');
  expect(csv[0]).toMatch(/^id,pivot,nom,/);
  expect(csv.at(-1)).toBe('');
  expect(csv.slice(1, -1).map((line) => line.split(',')[0])).toEqual(rows.map((row) => row.id));
  const geo = (await (await request.get('/donnees/lieux.geojson')).json()) as { type: string; features: { properties: { id: string; page: string } }[] };
  expect(geo.type).toBe('FeatureCollection');
  // Every place, those the standard leaves out (no street address) included.
  expect(geo.features.length).toBeGreaterThanOrEqual(rows.length);
  expect(geo.features.find((feature) => feature.properties.id === 'espace-fictif-des-hirondelles')?.properties.page).toBe(`${SITE_URL}/lieux/espace-fictif-des-hirondelles/`);
  const lille = (await (await request.get('/donnees/communes/59350.json')).json()) as unknown[];
  expect(lille).toEqual(rows.filter((row) => row.code_insee === '59350'));
});

test('a commune without a known place has its page: the nearest places with their distance, « Proposer un lieu », its poster and its widget', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/communes/59328-lambersart/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aide au numérique à Lambersart');
  await expect(page.getByText('Nous ne connaissons pas de lieu d’aide au numérique dans cette commune.')).toBeVisible();
  const around = page.locator('#autour ~ ul.cards > li');
  await expect(around.first()).toBeVisible();
  expect(await around.count()).toBeGreaterThan(1);
  await expect(around.first()).toContainText(/ · (à|environ) \d+(,\d)? km/);
  await expect(page.getByRole('link', { name: 'Proposer un lieu' }).first()).toHaveAttribute('href', '/corriger/');
  await expect(page.locator('.town-hall')).toContainText('Depuis le centre de Lambersart, le lieu d’aide le plus proche est à');
  await expect(page.locator('#widget-code')).toHaveValue(new RegExp(`^<iframe src="${SITE_URL}/integrer/59328-lambersart/"`));
  // One button copies the code (on a phone, selecting it by hand is hard).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copier le code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Code copié.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#widget-code').inputValue());
  // The poster: the nearest places with their distance, on one A4 page, with a code to this page.
  await page.evaluate(() => {
    document.documentElement.dataset.print = 'poster';
    document.documentElement.dataset.paper = 'a4';
  });
  const paper = await printed(page);
  expect(paper.pages).toBe(1);
  expect(paper.text).toContain('Près de Lambersart, ces lieux peuvent vous aider');
  expect(paper.text).toMatch(/ · à \d+(,\d)? km/);
  expect(paper.codes).toEqual([`${SITE_URL}/communes/59328-lambersart/`]);
  // No placeholder of the template is left, anywhere.
  expect(await page.content()).not.toMatch(/⟦|⟧/);

  await page.goto('/integrer/59328-lambersart/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Besoin d’aide avec le numérique à Lambersart ?');
  await expect(page.getByText('Nous ne connaissons pas de lieu d’aide dans la commune. Voici les plus proches :')).toBeVisible();
  await expect(page.locator('.widget-list > li').first()).toContainText(/ · à \d+(,\d)? km/);
  expect(await page.content()).not.toMatch(/⟦|⟧/);
});
