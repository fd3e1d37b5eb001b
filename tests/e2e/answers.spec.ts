/** Search that answers, on the fictitious fixtures (Grenoble, Échirolles, Paris 19e). */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const status = (page: Page) => page.locator('[data-search-status]').first();
const titles = (page: Page) => page.locator('ol.results > li h3');
const card = (page: Page, text: string) => page.locator('ol.results > li', { hasText: text });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+01:00'));
});

test('a commune’s own places first, the most helpful first; a shelter named by a code comes last, with a readable title', async ({ page }) => {
  await page.goto('/recherche/?q=Grenoble');
  await expect(status(page)).toHaveText('26 lieux trouvés autour de Grenoble. Voici les 20 premiers.');
  await expect(titles(page).first()).toHaveText('France services fictive de Grenoble');
  await expect(card(page, 'France services fictive de Grenoble')).toContainText('5 rue Fictive, Grenoble · Dans la commune');
  // The bus moves: no fixed status.
  await expect(card(page, 'Bus numérique fictif').locator('.status')).toHaveText('Service itinérant : il se déplace. Appelez pour savoir où et quand il passe.');
  await expect(page.getByText('Centre d’hébergement (CHRS) · Grenoble')).toHaveCount(0);
  // « Voir plus »: the next ones, the shelter last, marked.
  await page.getByRole('button', { name: 'Voir plus de lieux' }).click();
  await expect(page.locator('ol.results > li')).toHaveCount(26);
  const shelter = page.locator('ol.results > li').last();
  await expect(shelter.locator('h3')).toHaveText('Centre d’hébergement (CHRS) · Grenoble');
  await expect(shelter).toContainText('Nom dans les données : AG_CHRS_FICTIF_test');
  await expect(shelter).toContainText('Réservé aux personnes hébergées ou suivies ici.');
  await expect(page.getByRole('button', { name: 'Voir plus de lieux' })).toHaveCount(0);
});

test('a need in common words finds the places that offer it by their label, said as such', async ({ page }) => {
  await page.goto('/recherche/?q=papiers+grenoble');
  await expect(titles(page).first()).toHaveText('France services fictive de Grenoble');
  await expect(card(page, 'France services fictive de Grenoble')).toContainText('Pour votre besoin : Aide pour les démarches en ligne (offre du réseau ou du label : à confirmer avec le lieu)');
  await page.goto('/recherche/?q=france+services+grenoble');
  await expect(titles(page)).toHaveText(['France services fictive de Grenoble']);
});

test('the place page lists the label’s offer with its source', async ({ page }) => {
  await page.goto('/lieux/france-services-fictive-grenoble/');
  await expect(page.getByRole('listitem').filter({ hasText: 'offre du label France Services : à confirmer avec le lieu' })).toContainText('Source : Source fictive de test (label)');
});

test('an arrondissement is searched from its own centre, by its official name', async ({ page }) => {
  await page.goto('/recherche/?q=Paris+19e');
  await expect(status(page)).toHaveText('1 lieu trouvé autour de Paris 19e Arrondissement.');
  await page.goto('/recherche/?q=75019');
  await expect(status(page)).toHaveText('1 lieu trouvé autour de Paris 19e Arrondissement.');
});

test('a need with no place near points to the nearest one further away', async ({ page }) => {
  await page.goto('/recherche/?q=recharge+grenoble');
  await expect(page.getByText('Aucun lieu connu près d’ici ne le propose. Le plus proche :')).toBeVisible();
  await expect(page.locator('ol.results').last().locator('h3')).toHaveText('Espace fictif des Hirondelles');
});

interface Seen {
  cards: number[];
  listsRemoved: number;
  listsAdded: number;
  statusWhenListAdded: string;
}

/**
 * Each card put in a results list is noted with the frame it will be drawn in (frames are
 * counted by requestAnimationFrame); each list put in or taken out of the page is noted too.
 */
async function watchCards(page: Page): Promise<() => Promise<Seen>> {
  await page.addInitScript(() => {
    const seen = { frame: 0, cards: [] as number[], listsRemoved: 0, listsAdded: 0, statusWhenListAdded: '' };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const tick = () => {
      seen.frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLLIElement && node.classList.contains('card') && node.parentElement?.matches('ol.results')) seen.cards.push(seen.frame);
          if (node instanceof HTMLOListElement && node.matches('ol.results')) {
            seen.listsAdded += 1;
            seen.statusWhenListAdded = document.querySelector('[data-search-status]')?.textContent ?? '';
          }
        }
        for (const node of record.removedNodes) if (node instanceof HTMLOListElement && node.matches('ol.results')) seen.listsRemoved += 1;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { seen: Seen }).seen);
}

test('the cards come a few per frame, and the first page drawn is never taken out and put back: no long frame on a slow phone', async ({ page }) => {
  const seenNow = await watchCards(page);
  await page.goto('/recherche/?q=Grenoble');
  await expect(page.locator('ol.results > li')).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Voir plus de lieux' })).toBeVisible();
  const seen = await seenNow();
  // The list was begun early, from the first files (Isère's), while the search was still running
  // (Savoie's file was still to be read): the case where it must be kept.
  expect(seen.statusWhenListAdded).toContain('La recherche continue…');
  expect(seen.cards).toHaveLength(20);
  const perFrame = new Map<number, number>();
  for (const frame of seen.cards) perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
  expect(Math.max(...perFrame.values())).toBeLessThanOrEqual(4);
  expect(perFrame.size).toBeGreaterThanOrEqual(5);
  // One list, drawn once, never moved.
  expect(seen).toMatchObject({ listsAdded: 1, listsRemoved: 0 });
});

test('a first page that the nearest file gives in part: its start is drawn early, and the rest added to it', async ({ page }) => {
  const seenNow = await watchCards(page);
  await page.goto('/recherche/?q=bus+grenoble');
  await expect(status(page)).toHaveText('Recherche : nom « bus » · à Grenoble. 2 lieux trouvés autour de Grenoble.');
  await expect(titles(page)).toHaveText(['Bus numérique fictif', 'Bus fictif de Chambéry']);
  // Grenoble's bus from the Isère's file, while the Savoie's was still to be read; then Chambéry's, in the same list.
  expect(await seenNow()).toMatchObject({ listsAdded: 1, listsRemoved: 0, statusWhenListAdded: expect.stringContaining('La recherche continue…') });
});
