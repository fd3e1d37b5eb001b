import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const PAGES = {
  accueil: '/',
  région: '/regions/32-hauts-de-france/',
  département: '/departements/59-nord/',
  commune: '/communes/59350-lille/',
  lieu: '/lieux/espace-fictif-des-hirondelles/',
  'lieu sans adresse': '/lieux/relais-fictif-du-moulin/',
  services: '/services/',
  service: '/services/aide-demarches/',
  charte: '/charte/',
  'à propos': '/a-propos/',
  données: '/donnees/',
  accessibilité: '/accessibilite/',
  'page introuvable': '/nulle-part/',
  recherche: '/recherche/',
  'résultats de recherche': '/recherche/?q=Lille',
};

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name}: no WCAG 2.1 AA violation (axe)`, async ({ page }) => {
    await page.goto(path);
    if (path.includes('?q=')) await expect(page.locator('ol.results > li').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
  });

  test(`${name}: reads at 200 % zoom without sideways scrolling`, async ({ page }) => {
    // 200 % zoom on a 1280 px wide screen leaves 640 CSS pixels.
    await page.setViewportSize({ width: 640, height: 800 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

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

test('pages load nothing from other sites and carry a Content-Security-Policy', async ({ page }) => {
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  await page.waitForLoadState('networkidle');
  expect([...origins]).toEqual([new URL(page.url()).origin]);
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
});
