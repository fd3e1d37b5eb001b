import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const status = (page: Page) => page.locator('[data-search-status]').first();
const results = (page: Page) => page.locator('ol.results > li h3');

async function searchFor(page: Page, query: string) {
  const input = page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin');
  await input.fill(query);
  await input.press('Enter');
}

test.describe('search, with the network cut once the page has loaded', () => {
  test.beforeEach(async ({ page, context }) => {
    await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+01:00'));
    await page.goto('/recherche/');
    // The service worker has cached the search files: from here on, no network.
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
    await context.setOffline(true);
  });

  test('a commune: its places and those around, nearest first, with distance and status', async ({ page }) => {
    await searchFor(page, 'Lille');
    await expect(status(page)).toHaveText('3 lieux trouvés autour de Lille.');
    // The commune's own places first, the most helpful first (a street, hours, a phone); then the nearest around.
    await expect(results(page)).toHaveText(['Point fictif de la Colline', 'Relais fictif du Moulin', 'Atelier fictif du Canal']);
    const colline = page.locator('ol.results > li', { hasText: 'Point fictif de la Colline' });
    await expect(colline).toContainText('2 place Inventée, Lille · Dans la commune');
    await expect(page.locator('ol.results > li', { hasText: 'Atelier fictif du Canal' })).toContainText('4 quai Imaginaire, Roubaix · à 11 km');
    await expect(colline.locator('.status')).toHaveText('Ouvert maintenant · ferme à 18 h');
    await expect(colline.getByRole('link', { name: '03 00 00 00 00' })).toHaveAttribute('href', 'tel:+33300000000');
    await expect(colline).toContainText('Pas besoin d’être orienté');
    await expect(page).toHaveURL(/\/recherche\/\?q=Lille$/);
  });

  for (const [query, first] of [
    ['59100', 'Atelier fictif du Canal'],
    ['strasbourgg', 'Espace fictif des Hirondelles'],
    ['ST-DENIS', null],
    ['colline lille', 'Point fictif de la Colline'],
    ['recharge téléphone strasbourg', 'Espace fictif des Hirondelles'],
  ] as const) {
    test(`understands « ${query} »`, async ({ page }) => {
      await searchFor(page, query);
      if (first) await expect(results(page).first()).toHaveText(first);
      else await expect(status(page)).toHaveText('Plusieurs communes correspondent. Laquelle cherchez-vous ?');
    });
  }

  test('an ambiguous name offers the choice, with the département', async ({ page }) => {
    await searchFor(page, 'Grigny');
    await expect(page.getByRole('link', { name: 'Grigny (Essonne)' })).toBeVisible();
    await page.getByRole('link', { name: 'Grigny (Rhône)' }).click();
    await expect(status(page)).toContainText('autour de Grigny');
  });

  test('a need alone asks where', async ({ page }) => {
    await searchFor(page, 'recharge téléphone');
    await expect(status(page)).toHaveText('Dites-nous où vous cherchez : tapez votre commune ou votre code postal, ou appuyez sur « Autour de moi ».');
    await expect(page.getByLabel('Recharges de téléphone à petit prix')).toBeChecked();
  });

  test('filters ticked one after another in the open form: it stays open, the box keeps the focus', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await searchFor(page, 'Lille');
    await expect(results(page)).toHaveCount(3);
    await page.getByRole('button', { name: 'Modifier la recherche' }).click();
    await page.getByText('Affiner la recherche').click();
    const free = page.getByLabel('gratuits', { exact: true });
    await free.check();
    await expect(status(page)).toContainText('1 lieu correspond sûrement à vos choix');
    await expect(free).toBeFocused();
    // The next box is still there to tick.
    await page.getByLabel('sans rendez-vous', { exact: true }).check();
    await expect(page).toHaveURL(/gratuit=1/);
    await expect(page).toHaveURL(/sans-rdv=1/);
  });

  test('filters typed with the rest, from the home page or a link, become filters the person can see and remove', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin').fill('gratuit Lille');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('3 lieux trouvés autour de Lille. 1 lieu correspond sûrement à vos choix. Pour les autres, vérifiez avec le lieu.');
    await expect(page).toHaveURL(/gratuit=1/);
    await expect(page.getByRole('button', { name: 'Enlever : gratuits' })).toBeVisible();
    await expect(page.locator('[data-search-reading]')).toHaveCount(0);
    // A link that says it in its words: the same.
    await page.goto(`/recherche/?q=${encodeURIComponent('Lille ouvert samedi')}`);
    await expect(page).toHaveURL(/quand=samedi/);
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toHaveValue('Lille');
    await expect(page.getByRole('button', { name: /^Enlever : .*samedi/i })).toBeVisible();
    await expect(status(page)).toContainText('autour de Lille');
    await expect(status(page)).not.toContainText('non compris');
    // Typed again on the results page: the field keeps the other words and the box is ticked, so that unticking it removes the filter.
    await page.getByRole('button', { name: 'Modifier la recherche' }).click();
    await searchFor(page, 'gratuit Lille');
    await expect(page).toHaveURL(/q=Lille&quand=samedi&gratuit=1/);
    await page.getByRole('button', { name: 'Modifier la recherche' }).click();
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toHaveValue('Lille');
    await expect(page.getByLabel('gratuits', { exact: true })).toBeChecked();
    await page.getByText('Affiner la recherche').click();
    await page.getByLabel('gratuits', { exact: true }).uncheck();
    await expect(page).not.toHaveURL(/gratuit=1/);
    // A filter alone: the page asks where, as for a need alone (it said nothing).
    await searchFor(page, 'gratuit');
    await expect(status(page)).toContainText('Dites-nous où vous cherchez');
    await expect(page.getByRole('button', { name: 'Enlever : gratuits' })).toBeVisible();
  });

  test('a filter removed by its chip: the focus goes to the next chip, then to « Modifier la recherche », never to the top of the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/recherche/?q=Lille&gratuit=1&sans-rdv=1');
    await page.getByRole('button', { name: 'Enlever : gratuits' }).click();
    await expect(page).not.toHaveURL(/gratuit=1/);
    await expect(page.getByRole('button', { name: 'Enlever : sans rendez-vous' })).toBeFocused();
    await page.getByRole('button', { name: 'Enlever : sans rendez-vous' }).click();
    await expect(status(page)).toHaveText('3 lieux trouvés autour de Lille.');
    await expect(page.getByRole('button', { name: 'Modifier la recherche' })).toBeFocused();
  });

  test('the France Services label alone asks where, and stays asked when only the commune is typed then', async ({ page }) => {
    await searchFor(page, 'france services');
    await expect(status(page)).toContainText('Dites-nous où vous cherchez');
    await searchFor(page, 'Grenoble');
    await expect(status(page)).toHaveText('1 lieu trouvé autour de Grenoble.');
    await expect(results(page)).toHaveText(['France services fictive de Grenoble']);
    await expect(page.locator('input[name="france-services"]')).toBeChecked();
  });

  test('filters narrow the results and live in the URL; back and reload restore them', async ({ page, context }) => {
    await searchFor(page, 'Lille');
    await expect(results(page)).toHaveCount(3);
    await page.getByText('Affiner la recherche').click();
    await page.getByLabel('gratuits', { exact: true }).check();
    // Unknown is not no: the free place first, the two whose price is unknown after, to check.
    await expect(results(page)).toHaveText(['Point fictif de la Colline', 'Relais fictif du Moulin', 'Atelier fictif du Canal']);
    await expect(status(page)).toHaveText('3 lieux trouvés autour de Lille. 1 lieu correspond sûrement à vos choix. Pour les autres, vérifiez avec le lieu.');
    await expect(page.locator('ol.results > li', { hasText: 'Relais fictif du Moulin' })).toContainText('À vérifier avec le lieu : le prix.');
    await expect(page).toHaveURL(/gratuit=1/);
    await expect(page.getByRole('button', { name: 'Enlever : gratuits' })).toBeVisible();
    await searchFor(page, 'Strasbourg');
    await expect(status(page)).toContainText('autour de Strasbourg');
    await page.goBack();
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toHaveValue('Lille');
    await context.setOffline(false);
    await page.reload();
    await expect(status(page)).toHaveText('3 lieux trouvés autour de Lille. 1 lieu correspond sûrement à vos choix. Pour les autres, vérifiez avec le lieu.');
    await expect(page.getByLabel('gratuits', { exact: true })).toBeChecked();
    // A chip removes its filter.
    await page.getByRole('button', { name: 'Enlever : gratuits' }).click();
    await expect(status(page)).toHaveText('3 lieux trouvés autour de Lille.');
    await expect(page).not.toHaveURL(/gratuit=1/);
  });
});

test('a town written by ear is found by its sound (« dransi » is Drancy), offline too from the first visit', async ({ page, context }) => {
  await page.goto('/recherche/');
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
  // The sounds' code is in the offline download: no name written by ear was searched online.
  await context.setOffline(true);
  await page.reload();
  await searchFor(page, 'dransi');
  // A guess says its département: a wrong one shows.
  await expect(status(page)).toContainText('autour de Drancy (Seine-Saint-Denis)');
  await searchFor(page, 'turkoin');
  await expect(status(page)).toContainText('autour de Tourcoing');
});

test('a link with a query of 5,000 characters (hosts refuse longer addresses) opens at once, cut to 200', async ({ page }) => {
  await page.goto(`/recherche/?q=Lille+${'x'.repeat(5_000)}`);
  await expect(status(page)).not.toBeEmpty({ timeout: 5_000 });
  const input = page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin');
  expect((await input.inputValue()).length).toBe(200);
  await expect(input).toHaveAttribute('maxlength', '200');
});

test.describe('around me', () => {
  test('lists the nearest places when the position is given', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 50.69, longitude: 3.17 });
    await page.goto('/recherche/');
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(status(page)).toContainText('autour de votre position');
    await expect(results(page).first()).toHaveText('Atelier fictif du Canal');
    // The position never goes into the URL.
    expect(page.url()).not.toMatch(/50\.69|3\.17/);
  });

  test('on a phone, a search that finds nothing offers the places around the person, a way out with no word of French', async ({ page, context }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 50.69, longitude: 3.17 });
    await page.goto('/recherche/?q=xqzw');
    await expect(status(page)).toContainText('Aucun résultat');
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(status(page)).toContainText('autour de votre position');
    await expect(results(page).first()).toHaveText('Atelier fictif du Canal');
    // Refused: the field comes back to type a commune.
    await page.goto('/recherche/?q=xqzw');
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'geolocation', {
        value: { getCurrentPosition: (_: unknown, fail: (error: { code: number }) => void) => fail({ code: 1 }) },
      });
    });
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toBeFocused();
  });

  test('says kindly when the position is refused, and points to the commune search', async ({ page }) => {
    await page.goto('/recherche/');
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'geolocation', {
        value: { getCurrentPosition: (_: unknown, fail: (error: { code: number }) => void) => fail({ code: 1 }) },
      });
    });
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(status(page)).toHaveText('Vous n’avez pas autorisé l’accès à votre position. Tapez plutôt le nom de votre commune ou votre code postal.');
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toBeFocused();
  });

  test('says so when it takes too long', async ({ page }) => {
    await page.goto('/recherche/');
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'geolocation', {
        value: { getCurrentPosition: (_: unknown, fail: (error: { code: number }) => void) => fail({ code: 3 }) },
      });
    });
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(status(page)).toHaveText('La recherche de votre position a pris trop de temps. Tapez plutôt le nom de votre commune ou votre code postal.');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the form leads to the static département pages', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin').fill('Lille');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await expect(page).toHaveURL(/\/recherche\/\?q=Lille/);
    await page.getByRole('link', { name: '59 Nord' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nord (59)');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the home page’s search field is on the first screen, even on a small old phone', async ({ page }) => {
    await page.goto('/');
    const field = page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin');
    const box = await field.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    // 360 × 640: the header keeps to three short rows, and the field comes with its button.
    await page.setViewportSize({ width: 360, height: 640 });
    for (const target of [field, page.getByRole('button', { name: 'Chercher' })]) {
      const small = await target.boundingBox();
      expect(small!.y + small!.height).toBeLessThanOrEqual(640);
    }
    // What the header leaves out on a phone is a tap away: the name leads home, the footer to the rest.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Aide numérique près de chez moi' })).toHaveAttribute('href', '/');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Charte des maires' })).toBeVisible();
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'À propos' })).toBeVisible();
  });

  test('after a search the form shrinks, and the first result is on the first screen', async ({ page }) => {
    await page.goto('/');
    await searchFor(page, 'Lille');
    await expect(results(page).first()).toHaveText('Point fictif de la Colline');
    const first = await page.locator('ol.results > li').first().boundingBox();
    expect(first!.y).toBeLessThan(844 - 100);
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toBeHidden();
    // The form reopens.
    await page.getByRole('button', { name: 'Modifier la recherche' }).click();
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toBeFocused();
  });

  test('a card’s phone number is never cut across two lines, down to 320 pixels, nor in easy-to-read French', async ({ page }) => {
    for (const [width, path] of [
      [360, '/recherche/?q=Lille'],
      [320, '/recherche/?q=Lille'],
      [320, '/facile/recherche/?q=Lille'],
    ] as const) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(path);
      const phones = page.locator('ol.results a[href^="tel:"]');
      await expect(phones.first()).toBeVisible();
      // One line: all the link's boxes at the same height (it was « 03 20 81 57 » then « 57 » on the real data).
      const lines = await phones.evaluateAll((links) => links.map((link) => new Set([...link.getClientRects()].map((rect) => Math.round(rect.top))).size));
      expect(lines, `${path} at ${width}px`).toEqual(lines.map(() => 1));
    }
  });

  test('communes to choose from are on the first screen too', async ({ page }) => {
    await page.goto('/');
    await searchFor(page, 'Grigny');
    const choice = page.getByRole('link', { name: 'Grigny (Essonne)' });
    await expect(choice).toBeVisible();
    expect((await choice.boundingBox())!.y).toBeLessThan(844 - 60);
    await expect(page.getByRole('button', { name: 'Modifier la recherche' })).toBeVisible();
  });
});

test('« Écouter » shows once the device has a voice, with one listener for the page however many searches', async ({ page }) => {
  // A device whose voices arrive late, as phones' do; it counts who listens for them.
  await page.addInitScript(() => {
    const target = new EventTarget();
    let voices: { lang: string }[] = [];
    let listeners = 0;
    const listen = target.addEventListener.bind(target);
    const synthesis = Object.assign(target, {
      speaking: false,
      getVoices: () => voices,
      cancel: () => undefined,
      speak: () => undefined,
      addEventListener: (type: string, listener: EventListener) => {
        if (type === 'voiceschanged') listeners++;
        listen(type, listener);
      },
    });
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synthesis });
    Object.assign(window, {
      voices: {
        listeners: () => listeners,
        arrive: () => {
          voices = [{ lang: 'fr-FR' }];
          target.dispatchEvent(new Event('voiceschanged'));
        },
      },
    });
  });
  type Voices = { voices: { listeners(): number; arrive(): void } };
  await page.goto('/recherche/');
  for (const query of ['Lille', 'Strasbourg', 'Roubaix', 'Lille']) {
    await searchFor(page, query);
    await expect(status(page)).toContainText(new RegExp(`trouvés? autour de ${query}`));
  }
  await expect(results(page)).toHaveCount(3);
  const listenButtons = page.locator('ol.results > li').getByRole('button', { name: 'Écouter' });
  await expect(listenButtons).toHaveCount(0);
  await page.evaluate(() => (window as unknown as Voices).voices.arrive());
  await expect(listenButtons).toHaveCount(3);
  expect(await page.evaluate(() => (window as unknown as Voices).voices.listeners())).toBe(1);
});

test.describe('on a phone, what a search answers is on the first screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('while it runs, and when nothing is found: the form shrinks at once, the status and its way out are on screen', async ({ page }) => {
    await page.goto('/recherche/');
    await searchFor(page, 'zzqqxx');
    await expect(status(page)).toContainText('Aucun résultat pour « zzqqxx »');
    await expect(status(page)).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('link', { name: 'Ou choisissez votre région dans la liste' })).toBeInViewport();
    // Another search from there: « Modifier la recherche » opens the form, its field ready.
    await page.getByRole('button', { name: 'Modifier la recherche' }).click();
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toBeFocused();
  });

  test('a département named, or numbered with a need: the way to its places, on the first screen', async ({ page }) => {
    await page.goto('/recherche/');
    await searchFor(page, 'isere');
    await expect(status(page)).toHaveText('Isère (38) est un département. Tapez le nom de votre commune, ou voyez tous les lieux du département :');
    const link = page.getByRole('link', { name: 'Les lieux du département : Isère (38)' });
    await expect(link).toBeInViewport();
    await page.getByRole('button', { name: 'Modifier la recherche' }).click();
    await searchFor(page, 'recharge téléphone 38');
    await expect(status(page)).toContainText('Dites-nous où vous cherchez');
    await link.click();
    await expect(page).toHaveURL(/\/departements\/38-isere\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Isère');
  });

  test('a name with a département: its places there, and the status says where it looked', async ({ page }) => {
    await page.goto('/recherche/');
    await searchFor(page, 'fictif sur nord');
    await expect(status(page)).toContainText('trouvés dans le département Nord (59).');
    await expect(page.locator('ol.results > li')).not.toHaveCount(0);
  });

  test('a need with no place: the form opens again, its field ready for the commune', async ({ page }) => {
    await page.goto('/recherche/');
    await searchFor(page, 'recharge téléphone');
    await expect(status(page)).toContainText('Dites-nous où vous cherchez');
    await expect(page.getByLabel('Votre commune, votre code postal, un nom de lieu ou ce dont vous avez besoin')).toBeFocused();
    await expect(page.getByRole('button', { name: 'Modifier la recherche' })).toBeHidden();
  });

  test('the buttons above the results are there before the first card: they never push the cards down', async ({ page }) => {
    // When the first card is put in the page: are « Modifier la recherche » and « Voir sur la carte » already shown?
    await page.addInitScript(() => {
      const seen = { buttons: '' };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver((_, observer) => {
        if (!document.querySelector('ol.results > li')) return;
        seen.buttons = [...document.querySelectorAll<HTMLElement>('[data-search-summary] .button')].map((button) => `${button.textContent} ${button.checkVisibility()}`).join(', ');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/recherche/?q=Grenoble');
    await expect(page.locator('ol.results > li')).toHaveCount(20);
    expect(await page.evaluate(() => (window as unknown as { seen: { buttons: string } }).seen.buttons)).toBe('Modifier la recherche true, Voir sur la carte true');
  });

  test('the counts that end the search move the cards drawn before them little', async ({ page }) => {
    // Where the first card's title is when it is put in the page, and once all is drawn.
    await page.addInitScript(() => {
      const seen = { firstTop: -1, status: '' };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver((_, observer) => {
        const title = document.querySelector('ol.results > li h3');
        if (!title) return;
        seen.firstTop = title.getBoundingClientRect().top + scrollY;
        seen.status = document.querySelector('[data-search-status]')?.textContent ?? '';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/recherche/?q=Grenoble');
    await expect(page.locator('ol.results > li')).toHaveCount(20);
    const seen = await page.evaluate(() => (window as unknown as { seen: { firstTop: number; status: string } }).seen);
    // Drawn early, while the rest was read: the status said so.
    expect(seen.status).toBe('Voici les lieux les plus proches. La recherche continue…');
    const now = await page
      .locator('ol.results > li h3')
      .first()
      .evaluate((title) => title.getBoundingClientRect().top + scrollY);
    expect(Math.abs(now - seen.firstTop)).toBeLessThanOrEqual(30);
  });
});
