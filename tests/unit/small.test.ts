import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { formatDate, formatDistance } from '../../src/lib/format.ts';
import { wordsFor } from '../../src/i18n/page.ts';
import { distanceKm, territoryOf, timeZoneOfDepartement } from '../../src/lib/geo.ts';
import { NearestIndex } from '../../src/lib/nearest.ts';
import { parsePhone } from '../../src/lib/phone.ts';
import { isWebUrl } from '../../src/lib/schemas/common.ts';
import { closest, slugify } from '../../src/lib/text.ts';

describe('phone numbers', () => {
  test.each([
    ['01 23 45 67 89', { dial: '+33123456789', display: '01 23 45 67 89' }],
    ['01.23.45.67.89', { dial: '+33123456789', display: '01 23 45 67 89' }],
    ['+33180059880', { dial: '+33180059880', display: '01 80 05 98 80' }],
    ['0033 1 80 05 98 80', { dial: '+33180059880', display: '01 80 05 98 80' }],
    ['0262 12 34 56', { dial: '+262262123456', display: '02 62 12 34 56' }],
    ['3949', { dial: '3949', display: '3949' }],
    // From abroad, an overseas department's number: read as at home (it showed « +596596625256 »).
    ['+596596625256', { dial: '+596596625256', display: '05 96 62 52 56' }],
    ['+262 692 12 34 56', { dial: '+262692123456', display: '06 92 12 34 56' }],
    ['+687 12 34 56', { dial: '+687123456', display: '+687 12 34 56' }],
    ['+590 123456789', { dial: '+590123456789', display: '+590 123456789' }],
  ])('reads %s', (raw, expected) => {
    expect(parsePhone(raw)).toEqual(expected);
  });
  test.each(['01 23 45', 'appelez-nous', '+44 20 7946 0958', '00 00 00 00 00'])('rejects %s', (raw) => {
    expect(parsePhone(raw)).toBeNull();
  });
});

describe('links', () => {
  test.each([
    ['https://exemple.fr/page', true],
    ['http://exemple.fr', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['ftp://exemple.fr', false],
    ['exemple.fr', false],
    ['https://localhost', false],
  ])('%s is a web link: %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});

describe('text', () => {
  test.each([
    ['Saint-Étienne-du-Rouvray', 'saint-etienne-du-rouvray'],
    ["L'Haÿ-les-Roses", 'l-hay-les-roses'],
    ['Œuilly', 'oeuilly'],
    ['  Provence-Alpes-Côte d’Azur ', 'provence-alpes-cote-d-azur'],
  ])('slugifies %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
  test('suggests the likely word for a typo, and nothing for a stranger', () => {
    expect(closest('adress', ['address', 'location'])).toBe('address');
    expect(closest('recharge', ['recharges-solidaires', 'aide-demarches'])).toBe('recharges-solidaires');
    expect(closest('zzzzzz', ['address', 'location'])).toBeUndefined();
  });
});

describe('geography', () => {
  test('measures Paris to Lille as about 203 km', () => {
    expect(distanceKm({ lat: 48.8589, lon: 2.347 }, { lat: 50.6311, lon: 3.0469 })).toBeCloseTo(203.4, 1);
  });
  test.each([
    [{ lat: 48.85, lon: 2.35 }, 'metropole'],
    [{ lat: 42.7, lon: 9.45 }, 'metropole'],
    [{ lat: -20.9, lon: 55.45 }, 'reunion'],
    [{ lat: 4.93, lon: -52.33 }, 'guyane'],
    [{ lat: -22.27, lon: 166.44 }, 'nouvelle-caledonie'],
  ])('places %o in %s', (point, id) => {
    expect(territoryOf(point)?.id).toBe(id);
  });
  test('places Madrid nowhere', () => {
    expect(territoryOf({ lat: 40.4, lon: -3.7 })).toBeUndefined();
  });
  test('gives overseas departments their own time zone', () => {
    expect(timeZoneOfDepartement('974')).toBe('Indian/Reunion');
    expect(timeZoneOfDepartement('59')).toBe('Europe/Paris');
  });
});

describe('nearest places', () => {
  // A deterministic cloud of points over metropolitan France.
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const points = Array.from({ length: 3000 }, (_, id) => ({ id, lat: 42 + random() * 9, lon: -4 + random() * 12 }));
  const index = new NearestIndex(points);

  test.each([
    [{ lat: 48.85, lon: 2.35 }, 5, 50],
    [{ lat: 43.3, lon: 5.4 }, 10, 200],
    [{ lat: 50.63, lon: 3.05 }, 3, 1000],
    [{ lat: 46, lon: 2 }, 20, 30],
    // However far: from La Réunion, the nearest points are in France.
    [{ lat: -21.1, lon: 55.5 }, 2, Infinity],
  ])('finds the same neighbours as measuring every point (%o, %i within %i km)', (point, count, maxKm) => {
    const expected = points
      .map((item) => ({ item, km: distanceKm(point, item) }))
      .filter((entry) => entry.km <= maxKm)
      .sort((a, b) => a.km - b.km)
      .slice(0, count);
    expect(index.nearest(point, count, maxKm).map((entry) => entry.item.id)).toEqual(expected.map((entry) => entry.item.id));
  });

  test('skips what it is told to skip', () => {
    const first = index.nearest({ lat: 48.85, lon: 2.35 }, 1, 500)[0]!.item;
    const next = index.nearest({ lat: 48.85, lon: 2.35 }, 1, 500, (item) => item.id === first.id)[0]!.item;
    expect(next.id).not.toBe(first.id);
  });
});

describe('French formats', () => {
  test.each([
    ['2023-06-22', '22 juin 2023'],
    ['2026-01-01', '1er janvier 2026'],
  ])('dates %s as %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
  test.each([
    [0.42, '400 m'],
    [0.04, '100 m'],
    [3.24, '3,2 km'],
    [27.6, '28 km'],
    [0.94, '900 m'],
    [0.96, '1 km'],
    [1, '1 km'],
    [9.96, '10 km'],
  ])('distances %f km as %s', (km, text) => {
    expect(formatDistance(t, km)).toBe(text);
  });
  test('a distance written once is written the same way again, in each language', () => {
    const english = wordsFor('en').t;
    for (const km of [0.94, 1, 0.94, 1]) expect([formatDistance(t, km), formatDistance(english, km)]).toEqual(km < 1 ? ['900 m', '900 m'] : ['1 km', '1 km']);
  });
});
