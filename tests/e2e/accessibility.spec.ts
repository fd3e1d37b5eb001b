import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { expect, test } from './fixtures.ts';
import { axeViolations } from './axe.ts';

/** Conformance to the HTML standard, as html-validate's "standard" preset checks it. */
const html = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:standard'] }));

const PAGES = {
  accueil: '/',
  région: '/regions/32-hauts-de-france/',
  département: '/departements/59-nord/',
  commune: '/communes/59350-lille/',
  'commune sans lieu': '/communes/59328-lambersart/',
  'liste à intégrer d’une commune sans lieu': '/integrer/59328-lambersart/',
  lieu: '/lieux/espace-fictif-des-hirondelles/',
  'lieu sans adresse': '/lieux/relais-fictif-du-moulin/',
  services: '/services/',
  service: '/services/aide-demarches/',
  'un service dans un département': '/services/aide-demarches/67-bas-rhin/',
  charte: '/charte/',
  'à propos': '/a-propos/',
  données: '/donnees/',
  'mises à jour des données': '/donnees/mises-a-jour/',
  accessibilité: '/accessibilite/',
  'déclaration d’accessibilité en arabe': '/ar/accessibilite/',
  'déclaration d’accessibilité en français facile': '/facile/accessibilite/',
  'langues du site': '/langues/',
  'page introuvable': '/nulle-part/',
  'hors ligne': '/hors-ligne/',
  recherche: '/recherche/',
  'résultats de recherche': '/recherche/?q=Lille',
  'résultats avec filtres à vérifier': '/recherche/?q=Lille&gratuit=1&quand=demain&moment=matin&service=aide-demarches',
  'orienter une personne': '/orienter/?service=usage-quotidien&q=Lille&etape=2',
  'ma sélection': '/selection/?lieux=59.point-fictif-de-la-colline,67.espace-fictif-des-hirondelles',
  'espace communes et territoires': '/collectivites/',
  'espace d’un département': '/collectivites/departements/38-isere/',
  'espace d’une intercommunalité': '/collectivites/epci/200040715-grenoble-alpes-metropole/',
  'liste à intégrer (iframe)': '/integrer/59350-lille/',
  'corriger une fiche': '/corriger/?lieu=59.point-fictif-de-la-colline',
  'proposer un lieu': '/corriger/',
  'signer la charte': '/charte/signer/',
};
/** What a page draws in the browser before it is checked. */
const DRAWN: Record<string, string> = { '?lieu=': 'correction-form [data-status]:not(:empty)', '?q=': 'ol.results > li', '?lieux=': 'ol[data-list] > li', '/orienter/': '[data-count]:not(:empty)' };

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name}: no WCAG 2.1 AA or RGAA violation (axe)`, async ({ page }) => {
    await page.goto(path);
    for (const [part, selector] of Object.entries(DRAWN)) if (path.includes(part)) await expect(page.locator(selector).first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`${name}: valid HTML (html-validate, standard preset)`, async ({ request }) => {
    const source = await (await request.get(path)).text();
    const report = await html.validateString(source, path);
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))).toEqual([]);
  });

  test(`${name}: reads at 200 % zoom without sideways scrolling`, async ({ page }) => {
    // 200 % zoom on a 1280 px wide screen leaves 640 CSS pixels.
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test(`${name}: reads on a 320-pixel screen (400 % zoom) without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    for (const [part, selector] of Object.entries(DRAWN)) if (path.includes(part)) await expect(page.locator(selector).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('pages drawn in the browser read on a 320-pixel screen too: a place in Arabic, the orienter asking which town', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [path, drawn] of [
    ['/ar/lieu/?lieu=59.point-fictif-de-la-colline', 'main a.button[href^="tel:"]'],
    ['/orienter/?service=aide-demarches&q=roubai&etape=3', '[data-count]:not(:empty)'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator(drawn).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('the keyboard alone reaches the content and every link', async ({ page }) => {
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenu$/);
  // Tabbing on from the content reaches the call button first: the main action.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Appeler le 01 23 45 67 89' })).toBeFocused();
});

for (const path of ['/', '/lieux/espace-fictif-des-hirondelles/', '/communes/59350-lille/', '/recherche/?q=Lille']) {
  test(`${path} loads nothing from other sites but the map tiles, and carries a Content-Security-Policy`, async ({ page }) => {
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await page.goto(path);
    if (path.includes('?q=')) await expect(page.locator('ol.results > li').first()).toBeVisible();
    // Islands load when seen: scroll the whole page, a screen at a time, so that every one loads.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 400) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await expect(page.locator('.map-frame[data-map-ready="true"]').first()).toBeAttached({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const own = new URL(page.url()).origin;
    // The map asked for its tiles (blocked in tests): the only other origin allowed.
    expect([...origins].sort()).toEqual([own, 'https://data.geopf.fr'].sort());
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: https://data.geopf.fr");
  });
}
