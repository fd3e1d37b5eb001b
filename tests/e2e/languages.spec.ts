/**
 * Every citizen can read it: a language chosen once, in its own name, from any page (without
 * JavaScript too), kept and followed; right-to-left pages mirrored; a search, a place, the
 * orientation mode in the person's language; a list printed and sent in the person's language
 * while the worker's screen stays in French. Words come from the dictionaries, never written here.
 */
import type { Locator, Page } from '@playwright/test';
import { PAPER_WORDS, wordsFor } from '../../src/i18n/page.ts';
import { expect, SERVED, test } from './fixtures.ts';
import { axeViolations } from './axe.ts';
import { printed } from './paper.ts';

test.use({ viewport: { width: 390, height: 844 } });
const ar = wordsFor('ar').t;
const en = wordsFor('en').t;
const uk = wordsFor('uk').t;
const ru = wordsFor('ru').t;
const SEARCH = wordsFor('fr').t('search.label');

async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.locator('.language-picker summary').click();
  await page.locator('.language-picker').getByRole('link', { name, exact: true }).click();
}

test('a language is chosen in its own name from any page, without JavaScript too, and the page mirrors for Arabic', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/communes/59350-lille/');
  await chooseLanguage(page, 'العربية');
  // The commune's page exists in French only: the Arabic site's home.
  await expect(page).toHaveURL(/\/ar\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('home.heading'));
  // The layout mirrors: the site's name starts on the right.
  const name = (await page.locator('.site-name').boundingBox())!;
  expect(name.x + name.width).toBeGreaterThan(300);
  // The search form leads to the Arabic search page.
  await expect(page.locator('form[role="search"]')).toHaveAttribute('action', '/ar/recherche/');
  await context.close();
});

/** Whether `first` is drawn to the left of `second` (the last time it is written) in the element's text. */
function leftOf(locator: Locator, first: string, second: string): Promise<boolean> {
  return locator.evaluate(
    (node, { first, second }) => {
      const left = (text: string, last: boolean): number | undefined => {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        let found: number | undefined;
        for (let current = walker.nextNode(); current; current = walker.nextNode()) {
          const at = last ? current.textContent!.lastIndexOf(text) : current.textContent!.indexOf(text);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(current, at);
          range.setEnd(current, at + text.length);
          found = range.getBoundingClientRect().left;
          if (!last) break;
        }
        return found;
      };
      const [a, b] = [left(first, false), left(second, true)];
      if (a === undefined || b === undefined) throw new Error(`not written: ${first} or ${second}`);
      return a < b;
    },
    { first, second },
  );
}

test('in Arabic: search, a place in Arabic, the choice kept on French pages, and said where a page exists in French only', async ({ page }) => {
  await page.goto('/');
  await chooseLanguage(page, 'العربية');
  await page.getByLabel(ar('search.label')).fill('lille');
  await page.getByLabel(ar('search.label')).press('Enter');
  await expect(page).toHaveURL(/\/ar\/recherche\/\?q=lille/);
  const first = page.locator('ol.results > li').first();
  await expect(first).toBeVisible();
  // Place data stays as published; the interface is Arabic.
  await expect(page.locator('[data-search-status]').first()).toContainText('Lille');
  await expect(first.getByRole('button', { name: new RegExp(`^${ar('selection.add')}`) })).toBeVisible();
  await first.locator('h3 a').click();
  await expect(page).toHaveURL(/\/ar\/lieu\/\?lieu=59\./);
  await expect(page.getByRole('heading', { level: 2, name: ar('place.hours') })).toBeVisible();
  await expect(page.getByRole('link', { name: ar('placeView.frenchPage') })).toHaveAttribute('href', /^\/lieux\//);

  // A French place page opened later (a shared link, say) opens in Arabic.
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(page).toHaveURL(/\/ar\/lieu\/\?lieu=59\.point-fictif-de-la-colline$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  const call = page.getByRole('link', { name: ar('place.call', { phone: '\u206603 00 00 00 00\u2069' }) });
  await expect(call).toHaveAttribute('href', 'tel:+33300000000');
  // Inside words written right to left, the number and the address keep their own order: the
  // number's first group on the left of its last, the street's number on the left of the town.
  expect(await leftOf(call, '03', '00\u00a000')).toBe(true);
  // On a 360-pixel phone the number stays on one line (it was cut: « 00 » alone on the next one).
  await page.setViewportSize({ width: 360, height: 640 });
  const lines = await call.evaluate((link) => {
    const text = link.firstChild!;
    const start = text.textContent!.indexOf('03');
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + '03 00 00 00 00'.length);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines).toBe(1);
  const address = page.locator('[data-place] p').filter({ hasText: 'place Inventée' });
  expect(await leftOf(address, '2 place', 'Lille')).toBe(true);
  // A page that exists only in French says so, in Arabic, with the way back.
  await page.goto('/communes/59350-lille/');
  const notice = page.locator('.language-notice');
  await expect(notice).toHaveAttribute('lang', 'ar');
  await expect(notice).toContainText(ar('languages.onlyFrench'));
  await expect(notice.getByRole('link', { name: ar('languages.back') })).toHaveAttribute('href', '/ar/');
  // Choosing French again is kept too.
  await chooseLanguage(page, 'Français');
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(page).toHaveURL(/\/lieux\/point-fictif-de-la-colline\/$/);
});

test('a place without its own phone or e-mail, read in another language, gives its network’s contact as the French page does', async ({ page }) => {
  await page.goto('/en/lieu/?lieu=59.relais-fictif-du-moulin');
  const network = page.locator('[data-place] .network-contact');
  await expect(network).toContainText('This place has no published phone number or e-mail. To find out how to go there, contact its network:');
  await expect(network).toContainText('Réseau fictif des relais, contact national (the network’s contact, not this place’s)');
  await expect(network.getByRole('link', { name: 'https://relais.exemple.invalid/nous-joindre/' })).toHaveAttribute('href', 'https://relais.exemple.invalid/nous-joindre/');
  // In Arabic too; a place with a phone has none.
  await page.goto('/ar/lieu/?lieu=59.relais-fictif-du-moulin');
  await expect(page.locator('[data-place] .network-contact strong')).toHaveText('Réseau fictif des relais, contact national');
  // The place's French name reads left to right, on the right as the page's other lines.
  const heading = page.getByRole('heading', { level: 1 });
  expect(await heading.evaluate((element) => [getComputedStyle(element).direction, getComputedStyle(element).textAlign])).toEqual(['ltr', 'right']);
  await page.goto('/en/lieu/?lieu=59.point-fictif-de-la-colline');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  await expect(page.locator('.network-contact')).toHaveCount(0);
});

test('changing language keeps what the page shows: the place, the list received, the search', async ({ page }) => {
  await page.goto('/en/lieu/?lieu=59.point-fictif-de-la-colline');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  // Checked on 10 January 2025, built on 1 March 2026: said, as on the French page.
  await expect(page.locator('[data-place] .notice')).toHaveText('This information is more than one year old. Call before you go.');
  await chooseLanguage(page, 'Українська');
  await expect(page).toHaveURL(/\/uk\/lieu\/\?lieu=59\.point-fictif-de-la-colline$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  // French: the place's own page.
  await chooseLanguage(page, 'Français');
  await expect(page).toHaveURL(/\/lieux\/point-fictif-de-la-colline\/$/);
  // A list received in English, read in Arabic.
  await page.goto('/en/selection/?lieux=59.point-fictif-de-la-colline,67.espace-fictif-des-hirondelles');
  await chooseLanguage(page, 'العربية');
  await expect(page).toHaveURL(/\/ar\/selection\/\?lieux=59\.point-fictif-de-la-colline,67\.espace-fictif-des-hirondelles$/);
  await expect(page.getByRole('heading', { name: 'Espace fictif des Hirondelles' })).toBeVisible();
  // Its phone line reads right to left like the others (it was left to right, at the left edge of the paper); the number itself left to right.
  const phoneLine = page.locator('p.phone').first();
  expect(await phoneLine.evaluate((line) => getComputedStyle(line).direction)).toBe('rtl');
  expect(await phoneLine.locator('a[href^="tel:"]').evaluate((link) => getComputedStyle(link).direction)).toBe('ltr');
  // A search, with its need.
  await page.goto('/en/recherche/?q=lille&service=aide-demarches');
  await chooseLanguage(page, 'Facile à lire');
  await expect(page).toHaveURL(/\/facile\/recherche\/\?q=lille&service=aide-demarches$/);
  await expect(page.locator('[data-search-status]').first()).toContainText('Lille');
  // A filter ticked after the page opened goes too (the menu's links were written when it opened: found by a walk in Russian).
  await page.goto('/ru/recherche/?q=lille');
  await expect(page.locator('ol.results > li').first()).toBeVisible();
  await page.getByRole('button', { name: ru('search.edit') }).click();
  await page.getByText(ru('search.filters')).click();
  await page.getByLabel(ru('search.filter.free'), { exact: true }).check();
  await expect(page).toHaveURL(/gratuit=1/);
  await chooseLanguage(page, 'العربية');
  await expect(page).toHaveURL(/\/ar\/recherche\/\?q=lille&gratuit=1$/);
  await expect(page.getByRole('button', { name: ar('search.removeFilter', { label: ar('search.filter.free') }) })).toBeVisible();
});

test('the browser’s language only suggests: a Ukrainian phone is offered Ukrainian, in Ukrainian, and can stay in French', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(`${SERVED}/`);
  const notice = page.locator('.language-notice');
  await expect(notice).toContainText(uk('languages.suggest'));
  await expect(notice.getByRole('link', { name: uk('languages.suggestGo') })).toHaveAttribute('href', '/uk/');
  await notice.getByRole('button', { name: uk('languages.stay') }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.language-notice')).toHaveCount(0);
  await expect(page.getByLabel(SEARCH)).toBeVisible();
  await context.close();
});

test('search understands needs in the person’s language: « help with taxes » finds what « impôts » finds', async ({ page }) => {
  await page.goto('/en/recherche/?q=help%20with%20taxes%20lille');
  await expect(page.locator('[data-search-status]').first()).toContainText('Lille');
  // The language menu says « Language » once (other languages add it in English, after their own word).
  await expect(page.locator('.language-picker summary')).toHaveText('Language');
  const english = await page.locator('ol.results > li h3').allTextContents();
  // Back to French (reading English kept English as the person's language).
  await page.evaluate(() => localStorage.setItem('langue', 'fr'));
  await page.goto('/recherche/?q=imp%C3%B4ts%20lille');
  await expect(page.locator('ol.results > li').first()).toBeVisible();
  const french = await page.locator('ol.results > li h3').allTextContents();
  expect(english.length).toBeGreaterThan(0);
  expect(english).toEqual(french);
});

test('on a phone, the language menu opens on the screen, in French and in Arabic', async ({ page }) => {
  for (const path of ['/', '/ar/']) {
    for (const width of [360, 320]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(path);
      await page.locator('.language-picker summary').click();
      const menu = (await page.locator('.language-picker ul').boundingBox())!;
      expect(menu.x, `${path} at ${width}px`).toBeGreaterThanOrEqual(0);
      expect(menu.x + menu.width, `${path} at ${width}px`).toBeLessThanOrEqual(width);
    }
  }
});

test('on a narrow phone, the header’s buttons keep their words whole and inside them', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 568 });
  for (const path of ['/facile/', '/ru/', '/']) {
    await page.goto(path);
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.language-picker summary, .selection-count a')].flatMap((button) => {
        const problems = button.scrollWidth > button.clientWidth ? [`${button.textContent} overflows`] : [];
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent!.matchAll(/[^\s\u00a0·]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) problems.push(`${match[0]} is cut`);
          }
        }
        return problems;
      }),
    );
    expect(cut, path).toEqual([]);
  }
});

test('the person’s words kept on a device in their former shape (a JSON object) still give the message in their language', async ({ page }) => {
  await page.route('**/mots/en.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(wordsFor('en').clientRecord(...PAPER_WORDS)) }));
  await page.goto('/selection/?lieux=59.point-fictif-de-la-colline,67.espace-fictif-des-hirondelles');
  await expect(page.locator('ol[data-list] > li')).toHaveCount(2);
  await page.getByLabel(wordsFor('fr').t('selection.personLanguage')).selectOption('en');
  const sms = page.getByRole('link', { name: wordsFor('fr').t('share.sms') });
  await expect.poll(async () => decodeURIComponent((await sms.getAttribute('href')) ?? '')).toContain(en('share.introMany', { count: 2 }));
});

test('a worker in French prints the fiche and sends the list in the person’s language (English); the screen stays French', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+01:00'));
  await page.addInitScript(() => (window.print = () => void ((window as unknown as { printed: number }).printed = 1)));
  // The English words come slowly, as on a poor connection: printing at once must wait for them.
  await page.route('**/mots/en.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/selection/?lieux=59.point-fictif-de-la-colline,67.espace-fictif-des-hirondelles');
  await expect(page.locator('ol[data-list] > li')).toHaveCount(2);
  await page.getByLabel(wordsFor('fr').t('sheet.person')).fill('Amina');
  await page.getByLabel(wordsFor('fr').t('selection.personLanguage')).selectOption('en');
  await page.getByRole('button', { name: wordsFor('fr').t('sheet.print') }).click();
  await page.waitForFunction(() => (window as unknown as { printed?: number }).printed === 1);
  // The screen is still French.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(wordsFor('fr').t('selection.title'));
  const paper = await printed(page);
  expect(paper.text).toContain(en('sheet.title'));
  expect(paper.text).toContain(en('sheet.printedFor', { person: 'Amina' }));
  expect(paper.text).not.toContain(wordsFor('fr').t('sheet.title'));
  // Its codes lead to the places in English.
  expect(new Set(paper.codes)).toEqual(new Set([`${SERVED}/en/lieu/?lieu=59.point-fictif-de-la-colline`, `${SERVED}/en/lieu/?lieu=67.espace-fictif-des-hirondelles`]));
  // The SMS is in English, with English links.
  const sms = page.getByRole('link', { name: wordsFor('fr').t('share.sms') });
  await sms.focus();
  const body = decodeURIComponent((await sms.getAttribute('href'))!);
  expect(body).toContain(en('share.introMany', { count: 2 }));
  expect(body).toContain(`${SERVED}/en/selection/?lieux=`);
});

for (const [name, path] of [
  ['accueil en arabe', '/ar/'],
  ['résultats en arabe', '/ar/recherche/?q=lille'],
  ['un lieu en dari', '/fa/lieu/?lieu=59.point-fictif-de-la-colline'],
  ['orienter en pachto', '/ps/orienter/'],
  ['sélection en ukrainien', '/uk/selection/?lieux=59.point-fictif-de-la-colline'],
  ['les langues, en russe', '/ru/langues/'],
  ['accueil en anglais', '/en/'],
  ['facile à lire', '/facile/'],
] as const) {
  test(`${name}: no WCAG 2.1 AA or RGAA violation (axe), and no sideways scrolling at 200 % zoom, on a 360-pixel phone or at 320 pixels`, async ({ page }) => {
    await page.goto(path);
    if (path.includes('?')) await expect(page.locator('main')).not.toContainText(wordsFor('fr').t('placeView.loading'));
    await page.waitForTimeout(500);
    expect(await axeViolations(page)).toEqual([]);
    // A 360-pixel phone; 200 % zoom on a 1280-pixel screen (640 CSS pixels); the 320 pixels of WCAG's reflow.
    for (const width of [360, 640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });
}

test('a town written in Cyrillic letters is read as it sounds, one in Arabic letters found by the dictionary’s names; one that is not found gets the advice to write it in Latin letters, in the person’s language', async ({
  page,
}) => {
  // A word in Latin letters that names nothing gets no such advice.
  await page.goto('/recherche/?q=xqzw');
  await expect(page.locator('[data-search-status]').first()).toContainText('Aucun résultat');
  await expect(page.locator('[data-latin-hint]')).toHaveCount(0);
  // A town the dictionary names in Arabic (« باريس »: src/i18n/locales/ar.ts `towns`) is found; one it does not name gets the advice.
  await page.goto(`/ar/recherche/?q=${encodeURIComponent('باريس')}`);
  // The town's name kept whole inside the Arabic sentence (a number after it was read before it).
  await expect(page.locator('[data-search-status]').first()).toContainText('\u2066Paris\u2069');
  await expect(page.locator('[data-latin-hint]')).toHaveCount(0);
  await page.goto(`/ar/recherche/?q=${encodeURIComponent('قرطبة')}`);
  await expect(page.locator('[data-latin-hint]')).toHaveText(ar('search.latinLetters'));
  // A need understood and a town in Arabic letters that the dictionary does not name: the page asks where, and says how to write it.
  await page.goto(`/ar/recherche/?q=${encodeURIComponent('طباعة قرطبة')}`);
  await expect(page.locator('[data-search-status]').first()).toContainText(ar('search.needLocation'));
  await expect(page.locator('[data-latin-hint]')).toHaveText(ar('search.latinLetters'));
  // « Париж » sounds like Paris: its places are found, with no advice.
  await page.goto(`/uk/recherche/?q=${encodeURIComponent('Париж')}`);
  await expect(page.locator('[data-search-status]').first()).toContainText('Paris');
  await expect(page.locator('[data-latin-hint]')).toHaveCount(0);
  // « Ужгород » names no town of France: the advice.
  await page.goto(`/uk/recherche/?q=${encodeURIComponent('Ужгород')}`);
  await expect(page.locator('[data-latin-hint]')).toHaveText(uk('search.latinLetters'));
});

test('a filter typed in the page’s language becomes a filter the person can see and remove (« free » in English)', async ({ page }) => {
  await page.goto('/en/');
  await page.getByLabel(en('search.label')).fill('free Lille');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/recherche\/\?q=Lille&gratuit=1$/);
  await expect(page.getByRole('button', { name: en('search.removeFilter', { label: en('search.filter.free') }) })).toBeVisible();
});

test('a place the search files no longer hold: said in the person’s language, with the way to the search', async ({ page }) => {
  await page.goto('/en/lieu/?lieu=59.lieu-qui-n-existe-pas');
  await expect(page.locator('place-view [data-status]')).toHaveText(en('placeView.notFound'));
  await expect(page.getByRole('main').getByRole('link', { name: en('site.nav.home') })).toHaveAttribute('href', '/en/');
  // A heading and a title that say so (the page kept « Loading the place… », with no heading).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en('placeView.notFound'));
  await expect(page).toHaveTitle(en('placeView.notFound'));
  // An address that names no place at all, in easy-to-read French: the same.
  await page.goto('/facile/lieu/?lieu=xyz');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(wordsFor('fr-falc').t('placeView.notFound'));
  expect(await axeViolations(page)).toEqual([]);
});
