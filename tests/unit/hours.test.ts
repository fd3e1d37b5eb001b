import { describe, expect, test } from 'vitest';
import { buildSchedule, checkOpeningHours, isWeekly, parsedHoursKept } from '../../src/lib/hours/schedule.ts';
import { loadData } from '../../src/lib/dataset.ts';
import { buildDirectory } from '../../src/lib/directory.ts';
import { formatSlots, statusLabel, todayLabel, weekCompact } from '../../src/i18n/hours.ts';
import { t } from '../../src/i18n/index.ts';
import { statusAt, todaySlots } from '../../src/lib/hours/status.ts';
import { perTest } from './world.ts';

interface Case {
  name: string;
  hours: string;
  /** The instant, with its offset, as a person in that place would read a clock. */
  at: string;
  expected: string;
  departement?: string;
  tz?: string;
  closures?: { from: string; to: string }[];
}

function weekBefore(instant: string): string {
  const date = new Date(instant);
  date.setUTCDate(date.getUTCDate() - 7);
  return date.toISOString().slice(0, 10);
}

function status(testCase: Case): string {
  const schedule = buildSchedule(
    {
      openingHours: testCase.hours,
      closures: testCase.closures ?? [],
      departementName: testCase.departement ?? 'Nord',
      lat: 48.5,
      lon: 3,
      tz: testCase.tz ?? 'Europe/Paris',
    },
    weekBefore(testCase.at),
  );
  return statusLabel(t, statusAt(schedule, new Date(testCase.at))).replaceAll('\u00a0', ' ');
}

const WEEKDAYS = 'Mo-Fr 09:00-12:00,14:00-17:00';

describe('open or closed, and when it opens', () => {
  test.each<Case>([
    { name: 'is open on a weekday morning', hours: WEEKDAYS, at: '2026-03-03T09:30+01:00', expected: 'Ouvert maintenant · ferme à 12 h' },
    { name: 'is closed at lunch and opens in the afternoon', hours: WEEKDAYS, at: '2026-03-03T12:30+01:00', expected: 'Fermé · ouvre aujourd’hui à 14 h' },
    { name: 'opens tomorrow after closing time', hours: WEEKDAYS, at: '2026-03-03T18:00+01:00', expected: 'Fermé · ouvre demain à 9 h' },
    { name: 'opens on Monday after a Friday evening', hours: WEEKDAYS, at: '2026-03-06T18:00+01:00', expected: 'Fermé · ouvre lundi à 9 h' },
    { name: 'reads minutes: opens at 9 h 15', hours: 'Tu-Fr 09:15-18:30', at: '2026-03-02T10:00+01:00', expected: 'Fermé · ouvre demain à 9 h 15' },
    { name: 'is closed on 14 July even on a weekday', hours: WEEKDAYS, at: '2026-07-14T10:00+02:00', expected: 'Fermé · ouvre demain à 9 h' },
    { name: 'is closed on Easter Monday', hours: WEEKDAYS, at: '2026-04-06T10:00+02:00', expected: 'Fermé · ouvre demain à 9 h' },
    { name: 'is open on Good Friday in Lille', hours: WEEKDAYS, at: '2026-04-03T10:00+02:00', expected: 'Ouvert maintenant · ferme à 12 h' },
    {
      name: 'is closed on Good Friday in Strasbourg (Alsace-Moselle), and Easter Monday too',
      hours: WEEKDAYS,
      departement: 'Bas-Rhin',
      at: '2026-04-03T10:00+02:00',
      expected: 'Fermé · ouvre mardi à 9 h',
    },
    { name: 'is open on 26 December in Lille', hours: 'Mo-Sa 09:00-12:00', at: '2026-12-26T10:00+01:00', expected: 'Ouvert maintenant · ferme à 12 h' },
    {
      name: 'is closed on 26 December in Metz (Moselle)',
      hours: 'Mo-Sa 09:00-12:00',
      departement: 'Moselle',
      at: '2026-12-26T10:00+01:00',
      expected: 'Fermé · ouvre lundi à 9 h',
    },
    {
      name: 'follows hours that set their own public-holiday opening',
      hours: 'Mo-Fr 09:00-12:00; PH 10:00-11:00',
      at: '2026-07-14T10:30+02:00',
      expected: 'Ouvert maintenant · ferme à 11 h',
    },
    {
      name: 'is closed during a dated closure and says when it reopens',
      hours: WEEKDAYS,
      closures: [{ from: '2026-05-11', to: '2026-05-15' }],
      at: '2026-05-12T10:00+02:00',
      expected: 'Fermé · ouvre lundi à 9 h',
    },
    {
      // 25 May 2026 is Whit Monday.
      name: 'names the date when the next opening is more than a week away',
      hours: WEEKDAYS,
      closures: [{ from: '2026-05-11', to: '2026-05-22' }],
      at: '2026-05-11T10:00+02:00',
      expected: 'Fermé · ouvre le mardi 26 mai à 9 h',
    },
    { name: 'stays open past midnight on an overnight slot', hours: 'Fr 22:00-02:00', at: '2026-03-06T23:00+01:00', expected: 'Ouvert maintenant · ferme demain à 2 h' },
    { name: 'is still open after midnight on an overnight slot', hours: 'Fr 22:00-02:00', at: '2026-03-07T01:00+01:00', expected: 'Ouvert maintenant · ferme à 2 h' },
    { name: 'is closed after an overnight slot ends', hours: 'Fr 22:00-02:00', at: '2026-03-07T03:00+01:00', expected: 'Fermé · ouvre vendredi à 22 h' },
    // 29 March 2026: clocks go forward at 2:00. 10:30 UTC is 12:30 in Paris, not 11:30.
    { name: 'uses summer time from the day clocks go forward', hours: 'Su 09:00-12:00', at: '2026-03-29T10:30Z', expected: 'Fermé · ouvre le dimanche 5 avril à 9 h' },
    { name: 'is open in the morning of the day clocks go forward', hours: 'Su 09:00-12:00', at: '2026-03-29T08:30Z', expected: 'Ouvert maintenant · ferme à 12 h' },
    // 25 October 2026: clocks go back at 3:00. 10:30 UTC is 11:30 in Paris, not 12:30.
    { name: 'uses winter time from the day clocks go back', hours: 'Su 09:00-12:00', at: '2026-10-25T10:30Z', expected: 'Ouvert maintenant · ferme à 12 h' },
    {
      name: 'reads hours in the local time of La Réunion',
      hours: 'Mo-Fr 08:00-12:00',
      departement: 'La Réunion',
      tz: 'Indian/Reunion',
      at: '2026-03-03T05:00Z',
      expected: 'Ouvert maintenant · ferme à 12 h',
    },
    {
      name: 'is closed on 20 December in La Réunion (abolition of slavery)',
      hours: 'Mo-Su 08:00-12:00',
      departement: 'La Réunion',
      tz: 'Indian/Reunion',
      at: '2026-12-20T09:00+04:00',
      expected: 'Fermé · ouvre demain à 8 h',
    },
    { name: 'says when nothing opens within a month', hours: 'Jan 05 09:00-12:00', at: '2026-03-03T10:00+01:00', expected: 'Fermé · pas d’ouverture prévue dans le mois qui vient' },
  ])('$name', (testCase) => {
    expect(status(testCase)).toBe(testCase.expected);
  });

  test('says so when there are no hours', () => {
    expect(statusAt(null, new Date())).toEqual({ state: 'unknown', reason: 'no-hours' });
    expect(statusLabel(t, statusAt(null, new Date()))).toBe('Horaires non renseignés');
  });

  test('does not guess outside the precomputed window', () => {
    const schedule = buildSchedule({ openingHours: WEEKDAYS, departementName: 'Nord', lat: 50, lon: 3, tz: 'Europe/Paris' }, '2026-01-01');
    expect(statusAt(schedule, new Date('2027-03-03T10:00+01:00'))).toEqual({ state: 'unknown', reason: 'outside-window' });
    expect(statusLabel(t, statusAt(schedule, new Date('2027-03-03T10:00+01:00')))).toBe('Vérifiez les horaires avant de venir');
  });
});

describe('the precomputed schedule', () => {
  const schedule = perTest(() => buildSchedule({ openingHours: WEEKDAYS, departementName: 'Moselle', lat: 49.1, lon: 6.2, tz: 'Europe/Paris' }, '2026-12-01'));

  test('keeps the usual week apart from the exceptions', () => {
    expect(schedule().week[0]).toEqual([540, 720, 840, 1020]);
    expect(schedule().week[6]).toEqual([]);
    expect(schedule().holidaysClosedByDefault).toBe(true);
  });

  test('lists public holidays as exceptions, Alsace-Moselle days included', () => {
    expect(schedule().days['2026-12-25']).toEqual([]);
    expect(schedule().days['2027-03-26']).toEqual([]); // Good Friday 2027
    expect(schedule().days['2027-01-01']).toEqual([]);
    expect(schedule().days['2026-12-24']).toBeUndefined();
  });

  test('formats a day for people', () => {
    expect(formatSlots(t, schedule().week[0]!).replaceAll('\u00a0', ' ')).toBe('9 h à 12 h et 14 h à 17 h');
    expect(formatSlots(t, [555, 750, 1320, 1440]).replaceAll('\u00a0', ' ')).toBe('9 h 15 à 12 h 30 et 22 h à minuit');
    expect(formatSlots(t, [])).toBe('Fermé');
    expect(todayLabel(t, todaySlots(schedule(), new Date('2026-12-25T10:00+01:00')))).toBe('Aujourd’hui : Fermé');
    expect(todayLabel(t, todaySlots(null, new Date('2026-12-25T10:00+01:00')))).toBeNull();
  });
});

describe('the weekly shortcut', () => {
  test.each([
    ['Mo-Fr 09:00-12:00,14:00-17:00', 'Moselle'],
    ['Tu-Fr 09:15-18:30; Sa 09:15-12:30', 'Nord'],
    ['Mo,We,Fr 08:30-12:00; Tu off', 'La Réunion'],
    ['Fr 22:00-02:00', 'Bas-Rhin'],
  ])('gives the same schedule as evaluating every day: %s (%s)', (openingHours, departementName) => {
    const input = { openingHours, departementName, lat: 48, lon: 3, tz: 'Europe/Paris', closures: [{ from: '2026-04-20', to: '2026-04-24' }] };
    expect(buildSchedule(input, '2026-03-01')).toEqual(buildSchedule({ ...input, exhaustive: true }, '2026-03-01'));
  });

  test.each([
    ['Mo-Fr 09:00-12:00', true],
    ['Mo,Th 09:00-12:00; Sa 10:00-12:00', true],
    ['Mo-Fr 09:00-12:00; PH off', false],
    ['Jan-Jun Mo 09:00-12:00', false],
    ['Mo[1] 09:00-12:00', false],
  ])('knows %s is weekly: %s', (value, weekly) => {
    expect(isWeekly(value)).toBe(weekly);
  });
});

describe('checking hours written by data editors', () => {
  test.each([
    ['Mo-Fr 09:00-12:00,14:00-17:00', { ok: true }],
    ['Tu-Fr 09:15-18:30; Sa 09:15-12:30', { ok: true }],
    ['Mo-Fr 09:00-12:00; PH off', { ok: true }],
    ['Mo-Fr 9:00-12:00', { ok: false, suggestion: 'Mo-Fr 09:00-12:00' }],
    ['Lu-Ve 9h-12h', { ok: false, suggestion: 'Mo-Fr 09:00-12:00', problem: 'Veuillez utiliser l\'abréviation anglaise "Mo" pour "lu".' }],
  ])('%s', (value, expected) => {
    expect(checkOpeningHours(value)).toEqual(expected);
  });

  test('rejects free text with the library’s explanation', () => {
    expect(checkOpeningHours('du lundi au vendredi le matin')).toEqual({
      ok: false,
      problem: 'Token "du" is ambiguous across languages (Th (gsw), Su (ro), Mo (uz)). Use a canonical abbreviation (Mo, Tu, We, Th, Fr, Sa, Su) or set the intended locale.',
    });
  });
});

describe('the week in fewer lines (posters)', () => {
  test('consecutive days with the same hours make a span; others a list; closed days are left out', () => {
    const morning = [540, 720];
    const lines = weekCompact(t, [morning, morning, morning, [840, 1020], morning, [540, 660], []]).map((line) => line.replace(/\u00a0/g, ' '));
    expect(lines).toEqual(['Lundi, mardi, mercredi et vendredi : 9 h à 12 h', 'Jeudi : 14 h à 17 h', 'Samedi : 9 h à 11 h']);
    const weekdays = weekCompact(t, [morning, morning, morning, morning, morning, [], []]).map((line) => line.replace(/\u00a0/g, ' '));
    expect(weekdays).toEqual(['Du lundi au vendredi : 9 h à 12 h']);
    expect(weekCompact(t, [morning, [], morning, [], [], [], []]).map((line) => line.replace(/\u00a0/g, ' '))).toEqual(['Lundi et mercredi : 9 h à 12 h']);
    expect(weekCompact(t, [[], [], [], [], [], [], []])).toEqual([]);
  });
});

describe('the build does not keep the parsed hours', () => {
  // Each parsed value keeps the library's whole state: kept, they were 140 MB of the real build, twice.
  test('none once the data are read, none once the schedules are made; a value asked again is read again', async () => {
    const { dataset, reference } = await loadData({ dataDir: 'tests/fixtures/site', referenceDataDir: 'data', today: '2026-03-01' });
    expect(parsedHoursKept()).toBe(0);
    const directory = buildDirectory(dataset, reference, '2026-02-28');
    expect(directory.places.filter((place) => place.schedule).length).toBeGreaterThan(3);
    expect(parsedHoursKept()).toBe(0);
    expect(checkOpeningHours('Mo-Fr 09:00-12:00,14:00-17:00 ; Sa 10:00-12:00')).toEqual({ ok: false, suggestion: 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00' });
  });
});
