/**
 * Each filter's answer for one place: yes, no, or unknown (the data does not say), and which
 * filters are left to check with the place. Unknown is not no.
 */
import { describe, expect, test } from 'vitest';
import { dateOf, hasFilters, judge, NO_FILTERS, openOn, type FilterName, type Filters, type When } from '../../src/lib/search/judge.ts';
import { decodePlace, type SearchPlace } from '../../src/lib/search/row.ts';
import { fixtures, perTest, place, searchFilesOf } from './world.ts';

const NOW = new Date('2026-03-03T10:00:00+01:00'); // a Tuesday at 10:00 in Paris

const world = [
  place('Lieu fictif Oui', {
    access: { fees: ['free'], referral: 'not-required', appointment: 'walk-in' },
    accessibility: { wheelchair: 'yes' },
    languages: ['ar'],
    programmes: ['france-services', 'emmaus-connect'],
    services: ['aide-demarches'],
    hours: { openingHours: 'Tu 09:30-13:00', closures: [] },
  }),
  place('Lieu fictif Non', {
    access: { fees: ['paid'], referral: 'required', appointment: 'required' },
    accessibility: { wheelchair: 'no' },
    languages: ['en'],
    services: ['usage-quotidien'],
    hours: { openingHours: 'Sa 09:00-12:00', closures: [] },
  }),
  place('Lieu fictif Inconnu'),
  place('Lieu fictif Label', { programmes: ['france-services'], hours: { openingHours: 'Tu 12:00-14:00', closures: [] } }),
  place('Lieu fictif Matin', { hours: { openingHours: 'Tu 08:00-12:00', closures: [] } }),
];
const files = perTest(() => searchFilesOf(world, fixtures.dataset.labels));
const placeNamed = (name: string): SearchPlace => {
  const shard = files().shards.get('69')!;
  return shard.places.map((row) => decodePlace(row, shard)).find((item) => item.name === name)!;
};
const verdict = (name: string, filters: Partial<Filters>) => judge(placeNamed(name), { ...NO_FILTERS, ...filters }, files().meta, NOW);

describe('each filter answers yes, no or unknown', () => {
  test.each<[FilterName, Partial<Filters>]>([
    ['free', { free: true }],
    ['noReferral', { noReferral: true }],
    ['walkIn', { walkIn: true }],
    ['wheelchair', { wheelchair: true }],
    ['language', { language: 'ar' }],
    ['openNow', { openNow: true }],
    ['when', { when: { day: 'today', half: null } }],
    ['services', { services: ['aide-demarches'] }],
  ])('%s: kept and sure, dropped, or kept to check', (name, filters) => {
    expect(verdict('Lieu fictif Oui', filters)).toMatchObject({ keep: true, unknown: [] });
    expect(verdict('Lieu fictif Non', filters)).toMatchObject({ keep: false, unknown: [] });
    expect(verdict('Lieu fictif Inconnu', filters)).toMatchObject({ keep: true, unknown: [name] });
  });

  test('the network and the France Services label are known for every place: no is no', () => {
    for (const filters of [{ emmaus: true }, { franceServices: true }] as const) {
      expect(verdict('Lieu fictif Oui', filters)).toEqual({ keep: true, unknown: [], needs: [] });
      expect(verdict('Lieu fictif Inconnu', filters)).toEqual({ keep: false, unknown: [], needs: [] });
    }
  });

  test('without a filter every place is kept, sure', () => {
    for (const item of world) expect(verdict(item.name, {})).toEqual({ keep: true, unknown: [], needs: [] });
  });

  test('several unknowns are all named, in the order of the filters', () => {
    expect(verdict('Lieu fictif Inconnu', { free: true, wheelchair: true, language: 'ar', openNow: true, services: ['aide-demarches'] })).toEqual({
      keep: true,
      unknown: ['services', 'free', 'wheelchair', 'language', 'openNow'],
      needs: [],
    });
  });

  test('one "no" drops the place, whatever the other answers', () => {
    expect(verdict('Lieu fictif Oui', { free: true, language: 'en' })).toMatchObject({ keep: false });
  });
});

describe('needs', () => {
  test('met by the place itself, or through its label; each need once', () => {
    expect(verdict('Lieu fictif Oui', { services: ['aide-demarches'] }).needs).toEqual([{ id: 'aide-demarches', byLabel: false }]);
    expect(verdict('Lieu fictif Label', { services: ['aide-demarches'] })).toEqual({ keep: true, unknown: [], needs: [{ id: 'aide-demarches', byLabel: true }] });
  });

  test('a place that lists other services does not offer this one; one that lists none may', () => {
    expect(verdict('Lieu fictif Non', { services: ['aide-demarches', 'usage-quotidien'] })).toEqual({ keep: false, unknown: [], needs: [{ id: 'usage-quotidien', byLabel: false }] });
    expect(verdict('Lieu fictif Label', { services: ['aide-demarches', 'usage-quotidien'] })).toEqual({ keep: true, unknown: ['services'], needs: [{ id: 'aide-demarches', byLabel: true }] });
  });
});

describe('a day and a half-day', () => {
  // Tuesday 3 March 2026.
  test.each<[When, string]>([
    [{ day: 'today', half: null }, '2026-03-03'],
    [{ day: 'tomorrow', half: null }, '2026-03-04'],
    [{ day: 1, half: null }, '2026-03-03'],
    [{ day: 0, half: null }, '2026-03-09'],
    [{ day: 5, half: null }, '2026-03-07'],
    [{ day: 6, half: null }, '2026-03-08'],
  ])('%o is %s', (when, date) => {
    expect(dateOf(when, '2026-03-03')).toBe(date);
  });

  test.each<[string, When, string]>([
    ['Lieu fictif Oui', { day: 'today', half: 'morning' }, 'yes'], // 09:30-13:00 starts before noon
    ['Lieu fictif Oui', { day: 'today', half: 'afternoon' }, 'yes'], // and ends after
    ['Lieu fictif Label', { day: 'today', half: 'morning' }, 'no'], // 12:00-14:00 starts at noon
    ['Lieu fictif Label', { day: 'today', half: 'afternoon' }, 'yes'],
    ['Lieu fictif Matin', { day: 'today', half: 'morning' }, 'yes'],
    ['Lieu fictif Matin', { day: 'today', half: 'afternoon' }, 'no'], // 08:00-12:00 ends at noon
    ['Lieu fictif Matin', { day: 'tomorrow', half: null }, 'no'],
    ['Lieu fictif Non', { day: 5, half: null }, 'yes'],
    ['Lieu fictif Non', { day: 'tomorrow', half: null }, 'no'],
    ['Lieu fictif Inconnu', { day: 'today', half: null }, 'unknown'],
  ])('%s, %o: %s', (name, when, answer) => {
    expect(openOn(placeNamed(name), when, NOW)).toBe(answer);
  });
});

describe('whether any filter is on', () => {
  test.each<[Partial<Filters>, boolean]>([
    [{}, false],
    [{ services: ['aide-demarches'] }, true],
    [{ franceServices: true }, true],
    [{ openNow: true }, true],
    [{ when: { day: 'today', half: null } }, true],
    [{ free: true }, true],
    [{ noReferral: true }, true],
    [{ walkIn: true }, true],
    [{ wheelchair: true }, true],
    [{ language: 'ar' }, true],
    [{ emmaus: true }, true],
  ])('%o: %s', (filters, on) => {
    expect(hasFilters({ ...NO_FILTERS, ...filters })).toBe(on);
  });
});
