/** What pages show, computed in src/site/pages.ts from the fictitious fixture directory(). */
import { describe, expect, test } from 'vitest';
import { communeUrl, departementUrl, placeUrl, regionUrl, searchUrl, serviceUrl } from '../../src/lib/routes.ts';
import {
  charterSignatories,
  communePage,
  departementPage,
  homePage,
  placePage,
  regionPage,
  servicePage,
  serviceDepartementPages,
  staleNotice,
  upcomingClosures,
  posterPlaces,
  posterFit,
  posterCard,
  posterCardHeight,
  POSTER_MAX,
  POSTER_ROOM,
  postalAddress,
} from '../../src/site/pages.ts';
import { BUILD_DATE, directoryOf, fixtures, perTest, place } from './world.ts';

const directory = perTest(() => directoryOf(fixtures.dataset.places));
const entry = (id: string) => directory().placesById.get(id)!;
const commune = (insee: string) => directory().communesByInsee.get(insee)!;

describe('a place page', () => {
  const page = perTest(() => placePage(directory(), entry('espace-fictif-des-hirondelles'), BUILD_DATE));

  test('links to the map apps at its point', () => {
    expect(page().links).toEqual({
      osmView: 'https://www.openstreetmap.org/?mlat=48.58&mlon=7.75#map=18/48.58/7.75',
      osmDirections: 'https://www.openstreetmap.org/directions?route=%3B48.58%2C7.75',
      osmSearch: 'https://www.openstreetmap.org/search?query=1%20rue%20Imaginaire%2067000%20Strasbourg',
      geo: 'geo:48.58,7.75?q=48.58,7.75(Espace%20fictif%20des%20Hirondelles)',
    });
    expect(page().exact).toBe(true);
    expect(page().addressLine).toBe('1 rue Imaginaire');
    expect(page().cityLine).toBe('67000 Strasbourg');
  });

  test('leads back through région, département and commune', () => {
    expect(page().breadcrumbs).toEqual([
      { href: '/', label: 'Accueil' },
      { href: '/regions/44-grand-est/', label: 'Grand Est' },
      { href: '/departements/67-bas-rhin/', label: 'Bas-Rhin (67)' },
      { href: '/communes/67482-strasbourg/', label: 'Strasbourg' },
      { label: 'Espace fictif des Hirondelles' },
    ]);
  });

  test('lists its services in the catalogue’s order, and its phone', () => {
    expect(page().services.map((service) => service.id)).toEqual(['aide-demarches', 'recharges-solidaires']);
    expect(page().phone).toEqual({ dial: '+33123456789', display: '01 23 45 67 89' });
  });

  test('knows how fresh its facts are', () => {
    expect(page().freshness).toBe('fresh');
    expect(placePage(directory(), entry('point-fictif-de-la-colline'), BUILD_DATE).freshness).toBe('stale');
  });

  test('shows the nearest other places, not itself, within 30 km', () => {
    const colline = placePage(directory(), entry('point-fictif-de-la-colline'), BUILD_DATE);
    expect(colline.nearby.map(({ item }) => item.id)).toEqual(['relais-fictif-du-moulin', 'atelier-fictif-du-canal']);
    expect(colline.mapPoints.map((point) => point.id)).toEqual(['point-fictif-de-la-colline', 'relais-fictif-du-moulin', 'atelier-fictif-du-canal']);
    expect(colline.mapPoints[0]).toMatchObject({ phone: '03 00 00 00 00', dial: '+33300000000', kind: 'other' });
    expect(page().nearby).toEqual([]);
  });

  test('without a street, says the point is the commune’s, and searches the commune', () => {
    const moulin = placePage(directory(), entry('relais-fictif-du-moulin'), BUILD_DATE);
    expect(moulin.exact).toBe(false);
    expect(moulin.addressLine).toBe('');
    expect(moulin.links.osmView).toContain('#map=13/');
  });
});

describe('a commune page', () => {
  test('lists the nearest places of other communes, and counts the stale ones', () => {
    const page = communePage(directory(), commune('59350'), BUILD_DATE);
    expect(page.around.map(({ item }) => item.id)).toEqual(['atelier-fictif-du-canal']);
    expect(Math.round(page.around[0]!.km)).toBe(11);
    expect(page.stale).toBe(1);
    expect(page.breadcrumbs.at(-1)).toEqual({ label: 'Lille' });
    expect(page.mapPoints.map((point) => point.id)).toEqual(['point-fictif-de-la-colline', 'relais-fictif-du-moulin', 'atelier-fictif-du-canal']);
  });

  test('lists its places the likeliest to help first, not in the order of their names', () => {
    const built = directoryOf([place('A foyer fictif CHRS', { contacts: { phone: '01 02 03 04 05' } }), place('B lieu fictif', { contacts: { phone: '01 02 03 04 06' } })]);
    const summary = built.communes.find((item) => item.commune.insee === '69266')!;
    expect(summary.places.map((item) => item.name)).toEqual(['A foyer fictif CHRS', 'B lieu fictif']);
    expect(communePage(built, summary, BUILD_DATE).places.map((item) => item.name)).toEqual(['B lieu fictif', 'A foyer fictif CHRS']);
  });

  test.each([
    [0, 2, null],
    [1, 2, '1 de ces 2 lieux ont des informations de plus d’un an ou non datées : appelez avant de vous déplacer.'],
    [2, 2, 'Les informations de tous ces lieux datent de plus d’un an ou ne sont pas datées : appelez avant de vous déplacer.'],
    [1, 1, 'Les informations de ce lieu datent de plus d’un an ou ne sont pas datées : appelez avant de vous déplacer.'],
  ])('with %i stale of %i places, says %s', (stale, total, text) => {
    expect(staleNotice(stale, total)).toBe(text);
  });
});

describe('département, région, service, charter and home pages', () => {
  test('a département lists its communes with places, and its signatories', () => {
    const page = departementPage(directory(), directory().departements.get('59')!);
    expect(page.withPlaces.map((item) => item.commune.name)).toEqual(['Lille', 'Roubaix']);
    expect(page.signatories.map((item) => item.commune.name)).toEqual(['Lille']);
    expect(page.breadcrumbs).toEqual([{ href: '/', label: 'Accueil' }, { href: '/regions/32-hauts-de-france/', label: 'Hauts-de-France' }, { label: 'Nord (59)' }]);
    expect(departementPage(directory(), directory().departements.get('2A')!).withPlaces).toEqual([]);
  });

  test('a région leads home', () => {
    expect(regionPage(directory().regions.find((item) => item.region.code === '44')!).breadcrumbs).toEqual([{ href: '/', label: 'Accueil' }, { label: 'Grand Est' }]);
  });

  test('a service groups its places by département, and lists them while they are few', () => {
    const page = servicePage(
      directory(),
      directory().dataset.services.find((service) => service.id === 'aide-demarches')!,
    );
    expect(page.groups.map((group) => [group.departement.code, group.places.map((item) => item.id)])).toEqual([['67', ['espace-fictif-des-hirondelles']]]);
    expect(page.listPlaces).toBe(true);
    const crowded = directoryOf(Array.from({ length: 301 }, (_, n) => place(`Lieu fictif ${n}`, { services: ['aide-demarches'], lat: 45.77 + n / 100_000 })));
    expect(servicePage(crowded, crowded.dataset.services[0]!).listPlaces).toBe(false);
    // Its places in each département: commune by commune, in the French order.
    const pages = serviceDepartementPages(crowded).filter((item) => item.service.id === 'aide-demarches');
    expect(pages.map((item) => [item.departement.code, item.count])).toEqual([['69', 301]]);
    expect(pages[0]!.communes.flatMap((item) => item.places)).toHaveLength(301);
    expect(serviceDepartementPages(directory())).toEqual([]);
  });

  test('the charter counts each signatory’s commitments by status', () => {
    expect(charterSignatories(directory()).map(({ commune: item, progress }) => [item.name, progress])).toEqual([['Lille', 'Fait : 1 · En cours : 1']]);
  });

  test('the home page separates the network and the régions of overseas', () => {
    const page = homePage(directory());
    expect(page.network.map((item) => item.id)).toEqual(['espace-fictif-des-hirondelles']);
    expect(page.relays.map((item) => item.id)).toEqual(['relais-fictif-du-moulin']);
    expect(page.networkServices.map((service) => service.id)).toEqual(['recharges-solidaires']);
    expect(page.overseas.map((item) => item.region.code).sort()).toEqual(['01', '02', '03', '04', '06']);
    expect(page.metropole.length).toBe(13);
  });

  test('closures ahead include the one ending today', () => {
    const closures = [
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-01' },
      { from: '2026-05-11', to: '2026-05-15' },
    ];
    expect(upcomingClosures(closures, '2026-03-01')).toEqual(closures.slice(1));
  });
});

describe('URLs', () => {
  test('have one form each', () => {
    expect(placeUrl('lieu-fictif')).toBe('/lieux/lieu-fictif/');
    expect(communeUrl({ insee: '59350', slug: 'lille' })).toBe('/communes/59350-lille/');
    expect(departementUrl({ code: '2A', slug: 'corse-du-sud' })).toBe('/departements/2a-corse-du-sud/');
    expect(regionUrl({ code: '32', slug: 'hauts-de-france' })).toBe('/regions/32-hauts-de-france/');
    expect(serviceUrl('aide-demarches')).toBe('/services/aide-demarches/');
    expect(searchUrl()).toBe('/recherche/');
    expect(searchUrl(new URLSearchParams({ q: 'Lille', gratuit: '1' }))).toBe('/recherche/?q=Lille&gratuit=1');
  });
});

describe('the places a poster or a widget shows', () => {
  const names = (...places: Parameters<typeof directoryOf>[0]) => posterPlaces(directoryOf(places).places, 10).shown.map((item) => item.name);
  const unreachable = { address: { street: null, postcode: null, insee: '69266' } };
  const phone = (number: string) => ({ contacts: { phone: number } });
  const hours = (openingHours: string) => ({ hours: { openingHours, closures: [] } });

  test.each([
    [
      'a network place that can be reached comes first',
      [place('Lieu fictif joignable', phone('01 02 03 04 05')), place('Relais fictif joignable', { kind: 'relay', ...phone('01 02 03 04 06') })],
      ['Relais fictif joignable', 'Lieu fictif joignable'],
    ],
    [
      'a network place that cannot be reached never comes first',
      [place('Relais fictif injoignable', { kind: 'relay', ...unreachable }), place('Lieu fictif joignable', phone('01 02 03 04 05'))],
      ['Lieu fictif joignable', 'Relais fictif injoignable'],
    ],
    [
      'an address with hours makes a place reachable: before one with an address only',
      [place('Lieu fictif à adresse seule'), place('Lieu fictif avec horaires', hours('Mo 09:00-12:00'))],
      ['Lieu fictif avec horaires', 'Lieu fictif à adresse seule'],
    ],
    [
      'a place that can be called, before one that cannot',
      [place('Lieu fictif avec horaires', hours('Mo-Fr 09:00-17:00')), place('Lieu fictif avec téléphone', { ...phone('01 02 03 04 05'), ...hours('Mo 09:00-12:00') })],
      ['Lieu fictif avec téléphone', 'Lieu fictif avec horaires'],
    ],
    [
      'open to all before residents only',
      [place('CHRS fictif des Tilleuls', phone('01 02 03 04 05')), place('Lieu fictif ouvert', phone('01 02 03 04 06'))],
      ['Lieu fictif ouvert', 'CHRS fictif des Tilleuls'],
    ],
    [
      'a place for its residents only comes last, even when it can be called and its hours are known',
      [place('CHRS fictif des Tilleuls', { ...phone('01 02 03 04 05'), ...hours('Mo-Fr 09:00-17:00') }), place('Lieu fictif sans contact', unreachable)],
      ['Lieu fictif sans contact', 'CHRS fictif des Tilleuls'],
    ],
    [
      'open more hours a week, not first in the alphabet',
      [
        place('A lieu fictif du matin', { ...phone('01 02 03 04 05'), ...hours('Mo 09:00-12:00') }),
        place('Z lieu fictif de la semaine', { ...phone('01 02 03 04 06'), ...hours('Mo-Fr 09:00-17:00') }),
      ],
      ['Z lieu fictif de la semaine', 'A lieu fictif du matin'],
    ],
    [
      'checked more recently first, all else equal',
      [place('A lieu fictif ancien', { ...phone('01 02 03 04 05'), verified: '2022-01-01' }), place('B lieu fictif récent', { ...phone('01 02 03 04 06'), verified: '2026-01-01' })],
      ['B lieu fictif récent', 'A lieu fictif ancien'],
    ],
  ])('%s', (_, places, expected) => {
    expect(names(...places)).toEqual(expected);
  });

  test('one place is shown once: two records with the same name, or the same phone at the same street', () => {
    expect(names(place('Lieu fictif double', phone('01 02 03 04 05')), { ...place('Lieu fictif double', phone('01 02 03 04 05')), id: 'lieu-fictif-double-2' })).toEqual(['Lieu fictif double']);
    expect(names(place('Mairie fictive', phone('01 02 03 04 05')), place('France services fictive', phone('01 02 03 04 05')))).toHaveLength(1);
    expect(
      names(place('Mairie fictive', phone('01 02 03 04 05')), place('France services fictive', { ...phone('01 02 03 04 05'), address: { street: '2 rue Autre', postcode: null, insee: '69266' } })),
    ).toHaveLength(2);
    // The same name in another commune, or an unreadable phone shared: two places.
    expect(names(place('Lieu fictif double'), { ...place('Lieu fictif double', { address: { street: '1 rue Fictive', postcode: null, insee: '69259' } }), id: 'lieu-fictif-double-2' })).toHaveLength(
      2,
    );
    expect(names(place('Mairie fictive', phone('appeler la mairie')), place('France services fictive', phone('appeler la mairie')))).toHaveLength(2);
  });

  test('among the nearest places at one point (the centre of their commune), the most likely to help are shown', () => {
    // Five places at one point: the page of the first shows three of the four others, those that can be reached first.
    const at = { lat: 45.75, lon: 4.85 };
    const built = directoryOf([
      place('Lieu fictif central', { ...at, ...phone('01 02 03 04 01') }),
      place('A lieu fictif sans contact', { ...at, ...unreachable }),
      place('B lieu fictif sans contact', { ...at, ...unreachable }),
      place('Y lieu fictif joignable', { ...at, ...phone('01 02 03 04 02') }),
      place('Z lieu fictif joignable', { ...at, ...phone('01 02 03 04 03') }),
    ]);
    const central = built.places.find((item) => item.name === 'Lieu fictif central')!;
    expect(placePage(built, central, BUILD_DATE).nearby.map(({ item }) => item.name)).toEqual(['Y lieu fictif joignable', 'Z lieu fictif joignable', 'A lieu fictif sans contact']);
  });

  test('the rest is counted', () => {
    const places = directoryOf([place('Lieu fictif 1'), place('Lieu fictif 2'), place('Lieu fictif 3')]).places;
    expect(posterPlaces(places, 2).more).toBe(1);
    expect(posterPlaces(places, 10).more).toBe(0);
  });
});

test('a postal address: the street when known, then the postcode and the commune', () => {
  expect(postalAddress({ address: { street: '1 rue Fictive', complement: null, postcode: '59100', insee: '59512' } }, 'Roubaix')).toBe('1 rue Fictive, 59100 Roubaix');
  expect(postalAddress({ address: { street: null, complement: null, postcode: null, insee: '59512' } }, 'Roubaix')).toBe('Roubaix');
  // No street, but the building: where to go.
  expect(postalAddress({ address: { street: null, complement: 'Maison fictive des quartiers', postcode: '59100', insee: '59512' } }, 'Roubaix')).toBe('Maison fictive des quartiers, 59100 Roubaix');
});

test('a poster card says when a place has no phone or e-mail, without printing it as a number to call', () => {
  const directory = directoryOf(fixtures.dataset.places, fixtures.dataset.labels);
  const card = (id: string) =>
    posterCard(
      directory.places.find((item) => item.id === id)!,
      null,
    );
  expect(card('relais-fictif-du-moulin')).toMatchObject({ phone: 'Téléphone : non renseigné', reachable: false });
  expect(card('point-fictif-de-la-colline')).toMatchObject({ phone: 'Téléphone : 03 00 00 00 00', reachable: true });
});

describe('the poster stays on one page', () => {
  const card = (name: string, { nameLength = 20, addressLength = 30, hoursLength = 50 } = {}) => ({
    name: name.padEnd(nameLength, '.'),
    address: 'a'.repeat(addressLength),
    hours: 'h'.repeat(hoursLength),
    distance: null,
  });
  const short = (count: number) => Array.from({ length: count }, (_, index) => card(`Lieu fictif ${index + 1}`));
  const lead = 'À Lille, ces lieux peuvent vous aider :';
  // A4 (774 pt) less the head (134) and the foot (54): 586 pt for the cards and « Et … autres lieux ».
  const room = POSTER_ROOM.a4.page - POSTER_ROOM.a4.head - POSTER_ROOM.a4.foot;

  test('a card is 80 pt with a line each; every more line of name, address or hours adds its height', () => {
    expect(posterCardHeight(card('x'))).toBe(80);
    expect(posterCardHeight(card('x', { nameLength: 105, addressLength: 141, hoursLength: 256 }))).toBe(80 + 2 * 17 + 2 * 15 + 3 * 14);
    expect(posterCardHeight(card('x', { nameLength: 104, addressLength: 140, hoursLength: 255 }))).toBe(80 + 17 + 15 + 2 * 14);
    // What the place asks: a line of its own, and more when long.
    expect(posterCardHeight({ ...card('x'), asks: 'Il faut être orienté par un travailleur social' })).toBe(80 + 14);
    expect(posterCardHeight({ ...card('x'), asks: 'Il faut être orienté par un travailleur social · Sur rendez-vous · Gratuit' })).toBe(80 + 14);
    expect(posterCardHeight({ ...card('x'), asks: 'a'.repeat(86) })).toBe(80 + 2 * 14);
  });

  test('six short cards fit, with « Et 34 autres lieux » below them', () => {
    expect(posterFit(short(6), 6, lead)).toEqual({ shown: short(6), more: 0 });
    expect(posterFit(short(6), 40, lead)).toEqual({ shown: short(6), more: 34 });
  });

  test('long hours leave room for fewer cards: the others are counted in « Et … autres lieux »', () => {
    const long = Array.from({ length: 6 }, (_, index) => card(`Lieu fictif ${index + 1}`, { hoursLength: 300 }));
    // 122 pt each: four (488) and the « more » line (21) fit in 586 pt, a fifth would not.
    const { shown, more } = posterFit(long, 9, lead);
    expect(shown.map((item) => item.name.slice(0, 13))).toEqual(['Lieu fictif 1', 'Lieu fictif 2', 'Lieu fictif 3', 'Lieu fictif 4']);
    expect(more).toBe(5);
  });

  test('exactly the room: every card fits when nothing is left over, one card less when « Et 1 autre lieu » must be printed', () => {
    const cards = [...short(5), card('Lieu fictif 6', { nameLength: 120, addressLength: 150, hoursLength: 300 })];
    expect(cards.reduce((sum, item) => sum + posterCardHeight(item), 0)).toBe(room);
    expect(posterFit(cards, 6, lead).shown).toHaveLength(6);
    expect(posterFit(cards, 7, lead)).toEqual({ shown: cards.slice(0, 5), more: 2 });
  });

  test('a commune name that takes the lead to three lines takes a card’s room', () => {
    const cards = [...short(5), card('Lieu fictif 6', { nameLength: 120, addressLength: 150, hoursLength: 300 })];
    expect(posterFit(cards, 6, 'À Saint-Fictif-les-Deux-Rives-sur-le-Grand-Canal, ces lieux peuvent vous aider :').shown).toHaveLength(5);
  });

  test('the first card is always printed', () => {
    const huge = card('Lieu fictif immense', { hoursLength: 5000 });
    expect(posterFit([huge, ...short(2)], 3, lead)).toEqual({ shown: [huge], more: 2 });
  });

  test('A3 holds more places than A4: two columns, each keeping room for its tallest card', () => {
    expect(posterFit(short(20), 20, lead, 'a4').shown).toHaveLength(6);
    // Short cards: as many as an A3 poster may list.
    expect(posterFit(short(20), 20, lead, 'a3').shown).toHaveLength(POSTER_MAX.a3);
    // Long ones: as many as fit in two columns, each keeping room for one card more.
    const long = Array.from({ length: 20 }, (_, index) => card(`Lieu fictif ${index + 1}`, { hoursLength: 300 }));
    const a3 = posterFit(long, 20, lead, 'a3');
    const column = POSTER_ROOM.a3.page - POSTER_ROOM.a3.head - POSTER_ROOM.a3.foot;
    const height = posterCardHeight(long[0]!, 'a3');
    expect(a3.shown.length).toBeGreaterThan(posterFit(long, 20, lead, 'a4').shown.length);
    expect(a3.shown.length * height + POSTER_ROOM.a3.more).toBeLessThanOrEqual(2 * column - height);
    expect((a3.shown.length + 1) * height + POSTER_ROOM.a3.more).toBeGreaterThan(2 * column - height);
  });

  test('a place of another commune carries its distance, which takes room on the address line', () => {
    const far = { ...card('Lieu fictif voisin', { addressLength: 60 }), distance: ' · à 12 km' };
    expect(posterCardHeight({ ...far, distance: null })).toBe(80);
    expect(posterCardHeight(far)).toBe(80 + 15);
  });
});
