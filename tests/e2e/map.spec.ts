import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { axeViolations } from './axe.ts';

async function mapReady(page: Page) {
  const frame = page.locator('.map-frame').first();
  await frame.scrollIntoViewIfNeeded();
  await expect(frame).toHaveAttribute('data-map-ready', 'true', { timeout: 20_000 });
  return frame;
}

test('a place page shows the place on a map that keeps its context without tiles', async ({ page }) => {
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  // Leaflet's styles come with the map, not in the page's head.
  expect(await (await page.request.get('/lieux/espace-fictif-des-hirondelles/')).text()).not.toMatch(/<link[^>]+leaflet[^>]*\.css/i);
  const frame = await mapReady(page);
  // …and apply to it once it is drawn.
  await expect(frame.locator('.leaflet-container')).toHaveCSS('overflow', 'hidden');
  // The bundled outline of the départements is drawn under the (blocked) tiles.
  await expect.poll(() => frame.locator('.leaflet-outline-pane path').count()).toBeGreaterThan(90);
  await expect(frame.getByRole('status')).toHaveText('Fond de carte indisponible : seules les limites des départements sont dessinées.');
  // Which dot is this place shows without tiles: it is named on the map, larger and outlined.
  const marker = frame.getByRole('button', { name: 'Ce lieu : Espace fictif des Hirondelles' });
  await expect(marker).toBeVisible();
  await expect(marker).toHaveText('Ce lieu');
  await expect(marker).toHaveClass(/is-current/);
  const box = (await marker.locator('svg').boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(36);
  await marker.focus();
  await expect(marker).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});

test('kinds differ by shape, not by colour alone', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  const frame = await mapReady(page);
  // With the map drawn (its attribution links included), the page still passes axe.
  expect(await axeViolations(page)).toEqual([]);
  await expect(frame.getByRole('button', { name: 'Relais fictif du Moulin (relais numérique, triangle)' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Point fictif de la Colline (lieu d’aide, rond)' })).toBeVisible();
  await expect(frame.locator('.map-marker--relay path')).toHaveCount(1);
  await expect(frame.locator('.map-marker--other circle')).toHaveCount(2);
});

test('the home map gives one reachable bubble per département, which opens it', async ({ page }) => {
  await page.goto('/');
  const frame = await mapReady(page);
  const nord = frame.getByRole('button', { name: '3 lieux : Nord. Appuyez pour voir ce département.' });
  await expect(nord).toBeVisible();
  // A bubble's name starts with the count it shows (WCAG 2.5.3, RGAA 6.1.5: label in name).
  for (const bubble of await frame.locator('.map-cluster').all()) {
    expect(await bubble.getAttribute('aria-label')).toMatch(new RegExp(`^${(await bubble.innerText()).trim()} lieux? `));
  }
  await nord.focus();
  await page.keyboard.press('Enter');
  await expect(nord).toHaveCount(0);
  // Zoomed on the département, its places load, in clusters when close; a cluster opens the same way.
  const atelier = frame.getByRole('button', { name: /Atelier fictif du Canal/ });
  const cluster = frame.getByRole('button', { name: /lieux ici\. Appuyez pour zoomer\./ }).first();
  await expect(atelier.or(cluster)).toBeVisible();
  if (await cluster.isVisible()) {
    await cluster.focus();
    await page.keyboard.press('Enter');
  }
  await expect(atelier).toBeVisible();
});

test('on a phone, with the map in view, its bubbles pass axe (WCAG 2.1 AA and RGAA), at the national view and zoomed in', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const frame = await mapReady(page);
  await expect(frame.locator('.map-cluster').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // At this width the bubbles of the north merge: open the first one.
  const bubble = frame.locator('.map-cluster').first();
  const name = await bubble.getAttribute('aria-label');
  await bubble.click();
  await expect(frame.getByRole('button', { name: name! })).toHaveCount(0);
  await expect(frame.locator('.map-marker, .map-cluster').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the results map follows the search, both ways, and searches the area in view', async ({ page }) => {
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('ol.results > li')).toHaveCount(3);
  const frame = await mapReady(page);
  await expect(frame.locator('.map-marker')).toHaveCount(3);
  // Choosing a marker highlights its result in the list, and the page does not move: the
  // person reads the marker's popup, which stays on the screen.
  const before = await page.evaluate(() => scrollY);
  await frame.getByRole('button', { name: /Atelier fictif du Canal/ }).click();
  await expect(page.locator('.card.is-highlighted h3')).toHaveText('Atelier fictif du Canal');
  await expect(frame.locator('.leaflet-popup', { hasText: 'Atelier fictif du Canal' }).getByRole('button', { name: /Ajouter à ma sélection/ })).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBe(before);
  // Hovering a result opens its marker's popup.
  await page.locator('ol.results > li', { hasText: 'Point fictif de la Colline' }).hover();
  await expect(frame.locator('.leaflet-popup', { hasText: 'Point fictif de la Colline' })).toBeVisible();
  await frame.getByRole('button', { name: 'Rechercher dans cette zone' }).click();
  await expect(page.locator('[data-search-status]')).toContainText('autour de cette zone de la carte');
  await expect(page).toHaveURL(/zone=/);
});

test('on a phone, the results lead to their map in one tap, and the link goes when the map cannot come', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const link = page.getByRole('link', { name: 'Voir sur la carte' });
  // Offline on a device that never loaded the map, its section hides (the list says everything);
  // a link to it would then lead nowhere.
  await page.route(/\/_astro\/mount\.[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('ol.results > li')).toHaveCount(3);
  await link.click();
  await expect(page.locator('[data-map-section]')).toBeHidden();
  await expect(link).toBeHidden();

  await page.unrouteAll();
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('ol.results > li')).toHaveCount(3);
  await expect(link).toBeVisible();
  // The map's section is far below the cards: the link is on the first screen, the map is not.
  await expect(page.locator('#carte')).not.toBeInViewport();
  await link.click();
  await expect(page.locator('#carte')).toBeInViewport();
  await expect(page.locator('.map-frame').first()).toHaveAttribute('data-map-ready', 'true', { timeout: 20_000 });
});

test('a marker’s popup opens clear of the map’s buttons, its name readable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('ol.results > li')).toHaveCount(3);
  const frame = await mapReady(page);
  await expect(frame.locator('.map-marker')).toHaveCount(3);
  // The highest marker: its popup opens upwards, where « Rechercher dans cette zone » sits.
  const boxes = await frame.locator('.map-marker').evaluateAll((markers) => markers.map((marker) => marker.getBoundingClientRect().top));
  await frame
    .locator('.map-marker')
    .nth(boxes.indexOf(Math.min(...boxes)))
    .click();
  const title = frame.locator('.leaflet-popup .map-popup-title a');
  await expect(title).toBeVisible();
  // Once the map has moved to show it, nothing covers the popup's name.
  await expect
    .poll(() =>
      title.evaluate((link) => {
        const box = link.getBoundingClientRect();
        return [box.left + 2, box.right - 2].every((x) => link.contains(document.elementFromPoint(x, box.top + box.height / 2)));
      }),
    )
    .toBe(true);
  // The map's own buttons speak the page's language (Leaflet says « Close popup », « Zoom in »).
  await expect(frame.getByRole('button', { name: 'Fermer' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Voir la carte de plus près' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Voir la carte de plus loin' })).toBeVisible();
});

test('a marker’s popup, opened from the keyboard, takes the focus, closes with Escape from inside it or from the marker, and its « Fermer » is a large target', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('ol.results > li')).toHaveCount(3);
  const frame = await mapReady(page);
  const marker = frame.locator('.map-marker').first();
  await marker.focus();
  await page.keyboard.press('Enter');
  const popup = frame.locator('.leaflet-popup');
  await expect(popup).toHaveCount(1);
  const close = frame.getByRole('button', { name: 'Fermer' });
  const box = (await close.boundingBox())!;
  expect(Math.round(Math.min(box.width, box.height))).toBeGreaterThanOrEqual(44);
  // The popup has the focus: its links are within Tab's reach (they come after every marker in the page).
  await expect(frame.locator('.leaflet-popup .map-popup-title a')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(frame.locator('.leaflet-popup a[href^="tel:"]')).toBeFocused();
  // Escape from inside the popup (Leaflet's own needs the whole map to have the focus): closed, the focus back on its marker.
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(marker).toBeFocused();
  // From the marker itself, after a click.
  await marker.click();
  await expect(popup).toHaveCount(1);
  await marker.focus();
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
});
