/**
 * Orienting someone: the selection (kept on the device, carried by a link, offline), printed
 * sheets read back from the PDF (text and QR codes), the links that share, the fiche
 * d'orientation that sends nothing, and the orientation mode's steps and counts.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test, SERVED, SERVED_HOST } from './fixtures.ts';
import { printed, RELATIVE_TIME } from './paper.ts';

test.use({ viewport: { width: 390, height: 844 } });

/** The test build has no public address (site.yaml): every link and code is made from the address the page is served at. */
const SITE = SERVED;
const TUESDAY_10AM = new Date('2026-03-03T10:00:00+01:00');
const header = (page: Page) => page.locator('selection-count a');
/** The list on screen (the printed one, in the person's language, is drawn beside it). */
const selectionNames = (page: Page) => page.locator('ol[data-list] > li h2');

async function stubPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
}

test('a selection of three places: kept through a reload, offline, printed as a list and as cards with QR codes that read', async ({ page, context }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
  await stubPrint(page);
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });
  const cards = page.locator('ol.results > li');
  await expect(cards.first()).toBeVisible();
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    names.push((await cards.nth(i).locator('h3').textContent())!.trim());
    await cards
      .nth(i)
      .getByRole('button', { name: /^Ajouter à ma sélection/ })
      .click();
  }
  await expect(header(page)).toHaveText('Ma sélection (3)');
  await expect(page.getByRole('status').filter({ hasText: 'dans votre sélection' })).toContainText('3 lieux dans la sélection');
  await expect(cards.nth(0).getByRole('button', { name: /^Retirer de ma sélection/ })).toBeVisible();

  await page.reload();
  await expect(header(page)).toHaveText('Ma sélection (3)');

  await context.setOffline(true);
  await page.goto('/selection/');
  await expect(selectionNames(page)).toHaveText(names);
  // Each place once on screen: the list made for paper stays on paper.
  for (const name of names) await expect(page.getByText(name, { exact: true }).locator('visible=true')).toHaveCount(1);

  const list = await printed(page);
  expect(list.pages).toBe(1);
  for (const name of names) expect(list.text).toContain(name);
  expect(list.text).not.toMatch(RELATIVE_TIME);
  expect(list.text).toMatch(/Imprimé le \d+ mars 2026/);
  const ids = await page.locator('ol[data-list] > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id!));
  const placeUrls = ids.map((id) => `${SITE}/lieux/${id}/`);
  expect(new Set(list.codes)).toEqual(new Set([...placeUrls, `${SITE}/selection/?lieux=${ids.map((id) => `59.${id}`).join(',')}`]));

  await page.getByRole('button', { name: 'Imprimer des cartes à découper (8 par page)' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const cardsPaper = await printed(page);
  expect(cardsPaper.pages).toBe(1);
  for (const name of names) expect(cardsPaper.text).toContain(name);
  // Each card carries its usual week, and what the place asks.
  expect(names).toContain('Point fictif de la Colline');
  expect(cardsPaper.text).toContain('Du mardi au samedi : 10 h à 18 h');
  expect(cardsPaper.text).toContain('Pas besoin d’être orienté');
  expect(new Set(cardsPaper.codes)).toEqual(new Set(placeUrls));
});

test('the selection is reordered and emptied with the keyboard, and a link carries it to another phone', async ({ page, browser }) => {
  await page.goto('/selection/?lieux=59.point-fictif-de-la-colline,67.espace-fictif-des-hirondelles,59.atelier-fictif-du-canal,59.lieu-qui-n-existe-pas');
  await expect(page.getByText('Vous avez reçu cette liste de lieux.')).toBeVisible();
  await expect(selectionNames(page)).toHaveText(['Point fictif de la Colline', 'Espace fictif des Hirondelles', 'Atelier fictif du Canal']);
  await expect(page.locator('[data-status]')).toHaveText('3 lieux. 1 lieu de la liste n’existe plus dans l’annuaire.');
  // Nothing is kept on this phone until the person says so.
  await expect(header(page)).toHaveText('Ma sélection');
  await page.getByRole('button', { name: 'Garder cette liste sur ce téléphone' }).click();
  await expect(header(page)).toHaveText('Ma sélection (3)');
  await expect(page).toHaveURL(/\/selection\/$/);

  await page.getByRole('button', { name: 'Descendre : Point fictif de la Colline' }).focus();
  await page.keyboard.press('Enter');
  await expect(selectionNames(page)).toHaveText(['Espace fictif des Hirondelles', 'Point fictif de la Colline', 'Atelier fictif du Canal']);
  // The focus follows the place moved.
  await expect(page.getByRole('button', { name: 'Descendre : Point fictif de la Colline' })).toBeFocused();
  await page.getByRole('button', { name: 'Retirer de ma sélection : Espace fictif des Hirondelles' }).click();
  await expect(selectionNames(page)).toHaveText(['Point fictif de la Colline', 'Atelier fictif du Canal']);

  // "Copier le lien" gives the link of the list, in its order; another phone opens the same list.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.getByText('Le lien est copié.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${SITE}/selection/?lieux=59.point-fictif-de-la-colline,59.atelier-fictif-du-canal`);
  const other = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await other.newPage();
  await phone.goto(link.replace(SITE, ''));
  await expect(selectionNames(phone)).toHaveText(['Point fictif de la Colline', 'Atelier fictif du Canal']);
  await other.close();

  await page.getByRole('button', { name: 'Vider la sélection' }).click();
  await expect(page.getByText('Votre sélection est vide.')).toBeVisible();
  await expect(header(page)).toHaveText('Ma sélection');
});

test('a place prints on one A4 page: its facts, a QR code to its page, the date printed, and no relative time', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  // On screen, today's status and marker are there; on paper, never.
  await expect(page.locator('open-status')).toContainText('Ouvert maintenant');
  const paper = await printed(page);
  expect(paper.pages).toBe(1);
  for (const fact of [
    'Espace fictif des Hirondelles',
    '1 rue Imaginaire',
    '01 23 45 67 89',
    'Lundi',
    '9 h à 12 h et 14 h à 17 h',
    'Il faut être orienté par un travailleur social',
    'Imprimé le 3 mars 2026',
  ]) {
    expect(paper.text).toContain(fact);
  }
  expect(paper.text).not.toMatch(RELATIVE_TIME);
  expect(paper.text).not.toContain('Ajouter à ma sélection');
  expect(paper.codes).toEqual([`${SITE}/lieux/espace-fictif-des-hirondelles/`]);
  // Written under the code in full (pdftotext joins a line cut after a hyphen without it).
  expect(paper.text.replaceAll('/ ', '/')).toMatch(new RegExp(`${SERVED_HOST}/lieux/espace-fictif-?des-hirondelles/`));
});

test('« Écouter » says what the place asks before coming, each part once ended (French page and translated view)', async ({ page }) => {
  // A device with a French and an English voice, that keeps what it is asked to say.
  await page.addInitScript(() => {
    const said: string[] = [];
    const synthesis = Object.assign(new EventTarget(), {
      speaking: false,
      getVoices: () => [{ lang: 'fr-FR' }, { lang: 'en-GB' }],
      cancel: () => undefined,
      speak: (utterance: { text: string }) => void said.push(utterance.text),
    });
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synthesis });
    // An utterance that takes any voice (the real one wants a SpeechSynthesisVoice).
    class Utterance extends EventTarget {
      lang = '';
      voice: unknown = null;
      text: string;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    Object.assign(window, { said, SpeechSynthesisUtterance: Utterance });
  });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.at(-1) ?? '');
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  await page.getByRole('button', { name: 'Écouter' }).click();
  expect(await said()).toContain('Il faut être orienté par un travailleur social, Sans rendez-vous, Gratuit.');
  expect(await said()).not.toMatch(/\.\./);
  await page.goto('/en/lieu/?lieu=67.espace-fictif-des-hirondelles');
  await page.getByRole('button', { name: 'Listen' }).click();
  expect(await said()).toContain('You need to be referred by a social worker');
  expect(await said()).not.toMatch(/\.\./);
});

test('SMS, WhatsApp and e-mail carry the name, address, phone, what the place asks, next opening as a date, and the link', async ({ page }) => {
  // Tuesday 18:00: closed, opens on Wednesday 4 March at 9:00.
  await page.clock.setFixedTime(new Date('2026-03-03T18:00:00+01:00'));
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  const expected = [
    'Un lieu pour être aidé avec le numérique :',
    'Espace fictif des Hirondelles',
    '1 rue Imaginaire, 67000 Strasbourg',
    'Téléphone : 01 23 45 67 89',
    // Known before going: a referral is needed.
    'Il faut être orienté par un travailleur social · Sans rendez-vous · Gratuit',
    'Prochaine ouverture : le mercredi 4 mars à 9 h',
    `${SITE}/lieux/espace-fictif-des-hirondelles/`,
  ].join('\n');
  const sms = page.getByRole('link', { name: 'Par SMS' });
  await sms.focus();
  const body = (href: string, name: string) => new URLSearchParams(href.slice(href.indexOf('?') + 1)).get(name)!.replaceAll('\u00a0', ' ');
  expect((await sms.getAttribute('href'))!.startsWith('sms:?&body=')).toBe(true);
  expect(body((await sms.getAttribute('href'))!, 'body')).toBe(expected);
  const whatsapp = (await page.getByRole('link', { name: 'Par WhatsApp' }).getAttribute('href'))!;
  expect(whatsapp.startsWith('https://wa.me/?text=')).toBe(true);
  expect(body(whatsapp, 'text')).toBe(expected);
  const mail = (await page.getByRole('link', { name: 'Par e-mail', exact: true }).getAttribute('href'))!;
  expect(mail.startsWith('mailto:?subject=')).toBe(true);
  expect(body(mail, 'subject')).toBe('Lieu d’aide au numérique : Espace fictif des Hirondelles');
  expect(body(mail, 'body')).toBe(expected.replaceAll('\n', '\r\n'));
});

test('the fiche d’orientation is printed with what was typed, and nothing typed leaves the page', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
  await stubPrint(page);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto('/selection/?lieux=67.espace-fictif-des-hirondelles');
  await expect(selectionNames(page)).toHaveCount(1);
  const typed = { person: 'Prénomsecret', need: 'Besoinsecret', notes: 'Notesecrète', structure: 'Structuresecrète', phone: '0999999999' };
  await page.getByLabel('Prénom de la personne (facultatif)').fill(typed.person);
  await page.getByLabel('Pour quel besoin ?').fill(typed.need);
  await page.getByLabel('Remarques (facultatif)').fill(typed.notes);
  await page.getByLabel('Structure qui oriente').fill(typed.structure);
  await page.getByLabel('Téléphone de la structure').fill(typed.phone);
  await page.getByRole('button', { name: 'Imprimer la fiche d’orientation' }).click();
  await expect(page).toHaveURL(/\/selection\/\?lieux=67\.espace-fictif-des-hirondelles$/);

  const paper = await printed(page);
  expect(paper.pages).toBe(1);
  for (const text of [
    'Fiche d’orientation',
    `Pour : ${typed.person}`,
    `Besoin : ${typed.need}`,
    `Remarques : ${typed.notes}`,
    `Orienté par : ${typed.structure}`,
    typed.phone,
    'Espace fictif des Hirondelles',
    'Imprimé le 3 mars 2026',
  ]) {
    expect(paper.text).toContain(text);
  }
  expect(paper.codes).toEqual([`${SITE}/lieux/espace-fictif-des-hirondelles/`]);

  // Leave the page: nothing typed went out, nor stayed on the device.
  await page.goto('/');
  const sent = requests.map((request) => `${request.url()} ${request.postData() ?? ''} ${JSON.stringify(request.headers())}`).join('\n');
  expect(requests.length).toBeGreaterThan(0);
  for (const value of Object.values(typed)) expect(sent).not.toContain(value);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  for (const value of Object.values(typed)) expect(stored).not.toContain(value);
});

test('the orientation mode: a count at each step, the answers and the step in the URL, and the results at the end', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
  await page.goto('/orienter/');
  const count = page.locator('[data-count]');
  await expect(page.getByText('Étape 1 sur 4')).toBeVisible();
  await expect(count).toHaveText(/^\d+ lieux en France\.$/);
  await page.getByLabel(/Apprendre à utiliser un téléphone/).check();
  // One fixture place says it offers it.
  await expect(count).toHaveText('1 lieu en France dit proposer cela.');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByText('Étape 2 sur 4')).toBeVisible();
  await page.getByLabel('Une commune ou un code postal, ou autour de vous.').fill('Lille');
  // Around Lille: the Colline says it does; the Moulin and the Canal do not say (kept, to check).
  await expect(count).toHaveText('3 lieux trouvés autour de Lille. 1 lieu correspond sûrement à vos choix. Pour les autres, vérifiez avec le lieu.');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Accès en fauteuil roulant').check();
  await expect(count).toHaveText('3 lieux trouvés autour de Lille. Nous ne savons pas si ces lieux correspondent à vos choix. Vérifiez avec le lieu avant d’y aller.');
  await expect(page).toHaveURL(/\/orienter\/\?service=usage-quotidien&q=Lille&fauteuil=1&etape=3$/);

  // A reload (or the link sent to a colleague) opens the same step with the same answers.
  await page.reload();
  await expect(page.getByText('Étape 3 sur 4')).toBeVisible();
  await expect(page.getByLabel('Accès en fauteuil roulant')).toBeChecked();
  await expect(count).toHaveText('3 lieux trouvés autour de Lille. Nous ne savons pas si ces lieux correspondent à vos choix. Vérifiez avec le lieu avant d’y aller.');

  await page.getByRole('button', { name: 'Suivant' }).click();
  // Monday: the Colline opens Tuesday to Saturday, a known "no".
  await page.getByLabel('Jour', { exact: true }).selectOption('lundi');
  await expect(count).toHaveText('2 lieux trouvés autour de Lille. Nous ne savons pas si ces lieux correspondent à vos choix. Vérifiez avec le lieu avant d’y aller.');
  await page.getByRole('button', { name: 'Voir les lieux' }).click();
  await expect(page).toHaveURL(/\/recherche\/\?service=usage-quotidien&q=Lille&fauteuil=1&quand=lundi$/);
  await expect(page.locator('[data-search-status]').first()).toHaveText(
    '2 lieux trouvés autour de Lille. Nous ne savons pas si ces lieux correspondent à vos choix. Vérifiez avec le lieu avant d’y aller.',
  );
});

test('the orientation mode: Enter pressed as soon as the town is typed still asks which town, on the same step', async ({ page }) => {
  await page.goto('/orienter/?service=aide-demarches&etape=2');
  const town = page.getByLabel('Une commune ou un code postal, ou autour de vous.');
  await town.fill('roubai');
  await town.press('Enter');
  await expect(page.getByRole('button', { name: 'Roubaix (Nord)' })).toBeFocused();
  await expect(page.getByText('Étape 2 sur 4')).toBeVisible();
  await expect(page).toHaveURL(/etape=2/);
});

test('the orientation mode: a town several communes match is chosen among them, and Enter goes to the next step', async ({ page }) => {
  await page.goto('/orienter/?etape=2');
  const count = page.locator('[data-count]');
  const town = page.getByLabel('Une commune ou un code postal, ou autour de vous.');
  await town.fill('Grigny');
  await expect(count).toHaveText('Plusieurs communes correspondent. Laquelle cherchez-vous ?');
  // Enter while a choice is asked: to the choices, not to the next step.
  await town.press('Enter');
  await expect(page.locator('[data-choices] button').first()).toBeFocused();
  await expect(page.getByText('Étape 2 sur 4')).toBeVisible();
  await page.getByRole('button', { name: 'Grigny (Rhône)' }).click();
  await expect(count).toContainText('autour de Grigny');
  await expect(page.getByRole('button', { name: 'Grigny (Essonne)' })).toBeHidden();
  await expect(page).toHaveURL(/\/orienter\/\?q=Grigny&commune=69096&etape=2$/);
  await town.press('Enter');
  await expect(page.getByText('Étape 3 sur 4')).toBeVisible();
  await page.getByRole('button', { name: 'Voir les lieux' }).click();
  await expect(page).toHaveURL(/\/recherche\/\?q=Grigny&commune=69096$/);
  await expect(page.locator('[data-search-status]').first()).toContainText('autour de Grigny');
  // Typing again forgets the commune chosen.
  await page.goto('/orienter/?q=Grigny&commune=69096&etape=2');
  await town.fill('Lille');
  await expect(page).toHaveURL(/\/orienter\/\?q=Lille&etape=2$/);
  // Gone on to the next step with the choice still asked: the choices are under the count there too.
  await town.fill('Grigny');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByText('Étape 3 sur 4')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Grigny (Essonne)' })).toBeVisible();
});

test('the results print as a list: the usual week and a code to each place, never the form nor today’s status', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
  await page.goto('/recherche/?q=Lille');
  const names = page.locator('ol.results > li h3');
  await expect(names).toHaveCount(3);
  // The codes are drawn once the page is idle (the encoder loads after the first results), or on « Imprimer cette liste ».
  await page.evaluate(() => (window.print = () => undefined));
  await page.getByRole('button', { name: 'Imprimer cette liste' }).click();
  await expect(page.locator('ol.results figure[data-qr] svg')).toHaveCount(3);
  const paper = await printed(page);
  expect(paper.pages).toBe(1);
  for (const name of await names.allTextContents()) expect(paper.text).toContain(name.trim());
  expect(paper.text).toContain('3 lieux trouvés autour de Lille.');
  expect(paper.text).toContain('Horaires : Du mardi au samedi : 10 h à 18 h');
  expect(paper.text).not.toMatch(RELATIVE_TIME);
  expect(paper.text).not.toContain('Votre commune, votre code postal');
  expect(paper.text).not.toContain('Ajouter à ma sélection');
  expect(new Set(paper.codes)).toEqual(new Set(['point-fictif-de-la-colline', 'relais-fictif-du-moulin', 'atelier-fictif-du-canal'].map((id) => `${SITE}/lieux/${id}/`)));
});

test('the results’ codes are for paper only: none is drawn while the person reads, each is on the printed list', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_10AM);
  const encoder = page.waitForResponse(/\/_astro\/qr\.[\w-]+\.js$/);
  await page.goto('/recherche/?q=Lille');
  await expect(page.locator('ol.results > li h3')).toHaveCount(3);
  // The encoder loads when the page is idle after the results; drawing ahead, one code per idle
  // moment, took a slow phone 40 to 90 ms each. A second and a half later, still none.
  await encoder;
  await page.waitForTimeout(1500);
  await expect(page.locator('ol.results figure[data-qr] svg')).toHaveCount(0);
  // Printed from the browser's menu (no button): `beforeprint` draws them all.
  const paper = await printed(page);
  expect(new Set(paper.codes)).toEqual(new Set(['point-fictif-de-la-colline', 'relais-fictif-du-moulin', 'atelier-fictif-du-canal'].map((id) => `${SITE}/lieux/${id}/`)));
});

test('a place is added to the selection from its page and from a map popup', async ({ page }) => {
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await page.getByRole('button', { name: 'Ajouter à ma sélection : Point fictif de la Colline' }).click();
  await expect(header(page)).toHaveText('Ma sélection (1)');
  await expect(page.getByRole('button', { name: 'Retirer de ma sélection : Point fictif de la Colline' })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/recherche/?q=Lille');
  // The whole search drawn: the map's markers are those of every result, not of the first page.
  await expect(page.locator('[data-search-status]').first()).toContainText('lieux trouvés autour de Lille');
  const frame = page.locator('.map-frame').first();
  await frame.scrollIntoViewIfNeeded();
  await expect(frame).toHaveAttribute('data-map-ready', 'true', { timeout: 20_000 });
  await frame.getByRole('button', { name: /Atelier fictif du Canal/ }).click();
  const popup = frame.locator('.leaflet-popup');
  await popup.getByRole('button', { name: 'Ajouter à ma sélection : Atelier fictif du Canal' }).click();
  await expect(header(page)).toHaveText('Ma sélection (2)');
  // The result card says so too.
  await expect(page.locator('ol.results > li', { hasText: 'Atelier fictif du Canal' }).getByRole('button', { name: /^Retirer de ma sélection/ })).toBeVisible();
  await page.goto('/selection/');
  await expect(selectionNames(page)).toHaveText(['Point fictif de la Colline', 'Atelier fictif du Canal']);
});

test('a received list that cannot be read says so, and does not call its places gone', async ({ page }) => {
  await page.route('**/recherche/meta.json*', (route) => route.abort());
  await page.goto('/selection/?lieux=59.point-fictif-de-la-colline');
  await expect(page.locator('[data-status]')).toHaveText('Impossible de lire la liste sans internet. Réessayez quand vous aurez internet.');
  await expect(page.getByText('n’existe plus')).toHaveCount(0);
});
