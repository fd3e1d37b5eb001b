import { expect, test } from './fixtures.ts';

test('home → région → département → commune → place', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver de l’aide pour le numérique, près de chez vous');
  await page.getByRole('link', { name: 'Hauts-de-France' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hauts-de-France');
  await page.getByRole('link', { name: 'Nord (59)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nord (59)');
  await expect(page.getByText('3 lieux dans 2 communes.')).toBeVisible();
  await page.getByRole('link', { name: 'Lille', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aide au numérique à Lille');
  await page.getByRole('link', { name: 'Point fictif de la Colline' }).first().click();
  await expect(page).toHaveURL(/\/lieux\/point-fictif-de-la-colline\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Point fictif de la Colline');
  await expect(page.getByRole('navigation', { name: 'Fil d’Ariane' })).toContainText('Hauts-de-France');
});

test('on a phone the trail is one step up, on one line; on a wide screen, all of it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/lieux/point-fictif-de-la-colline/');
  const trail = page.getByRole('navigation', { name: 'Fil d’Ariane' });
  await expect(trail.getByRole('link')).toHaveCount(1);
  await expect(trail.getByRole('link', { name: 'Lille' })).toBeVisible();
  const box = (await trail.boundingBox())!;
  expect(box.height).toBeLessThan(60);
  await trail.getByRole('link', { name: 'Lille' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aide au numérique à Lille');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goBack();
  await expect(trail.getByRole('link')).toHaveCount(4);
});

test('a commune page shows its places, the nearest ones around and its charter follow-up', async ({ page }) => {
  await page.goto('/communes/59350-lille/');
  const here = page.locator('h2#lieux ~ ul.cards').first();
  await expect(page.getByText('1 de ces 2 lieux ont des informations de plus d’un an ou non datées')).toBeVisible();
  await expect(here.getByRole('link', { name: 'Point fictif de la Colline' })).toBeVisible();
  await expect(here.getByRole('link', { name: 'Relais fictif du Moulin' })).toBeVisible();
  const around = page.locator('h2#autour ~ ul.cards').first();
  await expect(around.locator('li.card')).toHaveCount(1);
  await expect(around.locator('li.card')).toContainText('Atelier fictif du Canal');
  await expect(around.locator('li.card')).toContainText('à 11 km');
  const charter = page.getByRole('table', { name: /Suivi des engagements/ });
  await expect(charter.getByRole('row', { name: /Accueillir toute personne/ })).toContainText('Fait');
  await expect(charter.getByRole('row', { name: /Ouvrir un lieu/ })).toContainText('En cours');
});

test('a commune far from others says that no other place is near', async ({ page }) => {
  await page.goto('/communes/67482-strasbourg/');
  await expect(page.getByText('Aucun autre lieu connu à moins de 50 km.')).toBeVisible();
});

test('a place page gives every fact, and says what is unknown', async ({ page }) => {
  await page.goto('/lieux/espace-fictif-des-hirondelles/');
  await expect(page.getByText('Espace de solidarité numérique Emmaüs Connect').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Appeler le 01 23 45 67 89' })).toHaveAttribute('href', 'tel:+33123456789');
  await expect(page.getByRole('link', { name: 'Itinéraire' })).toHaveAttribute('href', 'https://www.openstreetmap.org/directions?route=%3B48.58%2C7.75');
  await expect(page.getByRole('link', { name: /application de carte/ })).toHaveAttribute('href', /^geo:48\.58,7\.75\?q=/);
  await expect(page.getByText('Il faut être orienté par un travailleur social')).toBeVisible();
  await expect(page.getByText('Sans rendez-vous', { exact: true })).toBeVisible();
  await expect(page.getByText('Français, Arabe')).toBeVisible();
  // Once on screen (a copy waits for paper, see orient.spec.ts).
  await expect(page.getByText('Informations vérifiées le 1er février 2026.').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Aide pour les démarches en ligne' })).toHaveAttribute('href', '/services/aide-demarches/');

  await page.goto('/lieux/relais-fictif-du-moulin/');
  await expect(page.getByText('Attention : nous ne connaissons pas l’adresse exacte de ce lieu.')).toBeVisible();
  // No phone, no e-mail: nothing says « appelez »; the network's published contact is given, marked as the network's.
  await expect(page.getByText('Horaires non renseignés.', { exact: true })).toHaveCount(2);
  await expect(page.getByText(/appelez/i)).toHaveCount(0);
  const network = page.locator('.network-contact');
  await expect(network).toContainText('Ce lieu n’a pas de téléphone ni d’e-mail publiés.');
  await expect(network).toContainText('Réseau fictif des relais, contact national (le contact du réseau, pas celui de ce lieu)');
  await expect(network.getByRole('link', { name: 'https://relais.exemple.invalid/nous-joindre/' })).toBeVisible();
  await expect(network).toContainText('Source : Source fictive de test (contact du réseau)');
  await expect(page.getByText('Informations vérifiées le 5 janvier 2026.').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Itinéraire' })).toHaveCount(0);

  // Checked more than a year before the build date (2026-03-01).
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(page.getByText('Ces informations datent de plus d’un an. Appelez avant de vous déplacer.')).toBeVisible();
  // A place with a phone does not get its network's contact.
  await expect(page.locator('.network-contact')).toHaveCount(0);
});

test('a place’s neighbours say how far they are, and only « environ » when a neighbour’s point is its commune’s centre', async ({ page }) => {
  await page.goto('/lieux/point-fictif-de-la-colline/');
  // Where each is, as on the result cards: the Moulin has no street, its point is the centre of Lille, so its distance is a rough one.
  await expect(page.locator('h2#autour + ul > li')).toHaveText([
    /^Relais fictif du Moulin\s*Lille · environ 900\sm \(adresse exacte inconnue\)$/,
    /^Atelier fictif du Canal\s*4 quai Imaginaire, Roubaix · à 11\skm$/,
  ]);
});

test('"Signaler une erreur" prefills an e-mail that names the place and its data file', async ({ page }) => {
  await page.goto('/lieux/point-fictif-de-la-colline/');
  const href = await page.getByRole('link', { name: 'Signaler une erreur par e-mail' }).getAttribute('href');
  const url = new URL(href!);
  expect(url.protocol).toBe('mailto:');
  expect(url.pathname).toBe('corrections@exemple.invalid');
  expect(url.searchParams.get('subject')).toBe('Erreur sur la fiche : Point fictif de la Colline');
  expect(url.searchParams.get('body')).toContain('(Fichier de données : tests/fixtures/site/places/point-fictif-de-la-colline.yaml)');
  // The file's line reads as a sentence, then its link.
  await expect(page.getByText(/Les informations de ce lieu sont dans le fichier/)).toHaveText(
    'Les informations de ce lieu sont dans le fichier tests/fixtures/site/places/point-fictif-de-la-colline.yaml. Comment corriger une fiche.',
  );
});

test('service and charter pages list what they should', async ({ page }) => {
  await page.goto('/services/');
  await page.getByRole('link', { name: 'Recharges de téléphone à petit prix' }).click();
  await expect(page.getByRole('link', { name: 'Espace fictif des Hirondelles' })).toBeVisible();
  await page.goto('/charte/');
  await expect(page.getByRole('row', { name: /Lille \(59\)/ })).toContainText('Fait : 1 · En cours : 1');
});

test('a service with too many places to list leads to its places in each département, and to the search with the service asked', async ({ page }) => {
  // The end-to-end build lists at most one place on a service's page (SERVICE_LIST_MAX in playwright.config.ts).
  await page.goto('/services/aide-demarches/');
  await page.getByRole('link', { name: 'Bas-Rhin (67)' }).click();
  await expect(page).toHaveURL(/\/services\/aide-demarches\/67-bas-rhin\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aide pour les démarches en ligne : Bas-Rhin (67)');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Strasbourg']);
  await expect(page.getByRole('main').getByRole('link', { name: 'Espace fictif des Hirondelles' })).toHaveAttribute('href', '/lieux/espace-fictif-des-hirondelles/');
  await expect(page.getByRole('main').getByRole('link', { name: 'Tous les lieux du département Bas-Rhin (67)' })).toHaveAttribute('href', '/departements/67-bas-rhin/');
  // The search with the service ticked asks where.
  await page.getByRole('link', { name: 'Chercher ce service près de chez vous' }).click();
  await expect(page.locator('[data-search-status]').first()).toContainText('Dites-nous où vous cherchez');
  await expect(page.getByLabel('Aide pour les démarches en ligne', { exact: true })).toBeChecked();
});

test('any page, not only the search, makes the site ready for offline use', async ({ page }) => {
  await page.goto('/charte/');
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/sw\.js$/);
});

test('the updates of the data are listed with their counts, and a place says when and by which source it was last confirmed', async ({ page }) => {
  await page.goto('/donnees/');
  await page.getByRole('link', { name: /Les mises à jour des données/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mises à jour des données');
  const row = page.getByRole('row', { name: /Liste fictive des lieux de test/ });
  await expect(row.getByRole('rowheader')).toHaveText('20 février 2026');
  await expect(row.getByRole('cell')).toHaveText([/Liste fictive des lieux de test\s*Liste du 15 février 2026, 12 lignes/, '2', '3', '6', '1', '1']);
  await page.goto('/lieux/point-fictif-de-la-colline/');
  await expect(page.getByText('Dernière confirmation : le 10 janvier 2025, par « Source fictive de test ».')).toBeVisible();
});
