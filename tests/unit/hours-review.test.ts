/** Hours that cannot be right: read in the most plausible way, or set aside as unknown, never shown as open. */
import { describe, expect, test } from 'vitest';
import { statusLabel } from '../../src/i18n/hours.ts';
import { t } from '../../src/i18n/index.ts';
import { readRawDataset } from '../../src/lib/dataset.ts';
import { buildDirectory } from '../../src/lib/directory.ts';
import { reviewHours, type HoursProblem } from '../../src/lib/hours/review.ts';
import { statusAt } from '../../src/lib/hours/status.ts';
import { formatIssue, validateDataset, type RawFile } from '../../src/lib/validate.ts';
import { FIXTURE_SITE, reference } from './helpers.ts';

describe('the hours rule', () => {
  test.each<[name: string, hours: string, readAs: string | null, problems: HoursProblem[]]>([
    ['keeps sound hours as they are', 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00', 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00', []],
    ['keeps a place that opens at 6:00 and closes at 23:00', 'Mo 06:00-23:00', 'Mo 06:00-23:00', []],
    ['drops 00:00-00:00 beside the day’s real periods', 'We 00:00-00:00,09:00-12:00', 'We 09:00-12:00', [{ kind: 'placeholder-dropped', periods: ['00:00-00:00'] }]],
    [
      'drops a placeholder written twice, on every day',
      'Mo 00:00-00:00,00:00-00:00,08:30-16:00; Tu 00:00-00:00,08:30-16:00',
      'Mo 08:30-16:00; Tu 08:30-16:00',
      [{ kind: 'placeholder-dropped', periods: ['00:00-00:00'] }],
    ],
    ['drops any period that starts and ends at the same time', 'Th 07:30-13:00,15:00-15:00', 'Th 07:30-13:00', [{ kind: 'placeholder-dropped', periods: ['15:00-15:00'] }]],
    ['sets aside a day whose only period is 00:00-00:00', 'Mo-Th 09:00-12:00; Fr 00:00-00:00', null, [{ kind: 'placeholder-only', periods: ['00:00-00:00'] }]],
    ['sets aside a day whose only periods are empty ones', 'Mo 09:00-12:00; Sa 11:00-11:00,17:00-17:00', null, [{ kind: 'placeholder-only', periods: ['11:00-11:00', '17:00-17:00'] }]],
    ['sets aside a period that ends before it starts', 'Mo-Th 07:00-12:00; Fr 17:00-12:00', null, [{ kind: 'reversed', period: '17:00-12:00' }]],
    ['sets aside 24/7', '24/7', null, [{ kind: 'round-the-clock', period: '24/7' }]],
    ['sets aside every day from midnight to midnight', 'Mo-Su 00:00-24:00', null, [{ kind: 'round-the-clock', period: '00:00-24:00' }]],
    ['sets aside a period that starts in the night', 'Mo-Th 08:30-12:30; Fr 03:30-12:30', null, [{ kind: 'night', period: '03:30-12:30' }]],
    ['sets aside a period that ends at midnight', 'Tu 18:00-00:00', null, [{ kind: 'night', period: '18:00-00:00' }]],
    ['sets aside a period that ends after 23:00', 'Tu 18:00-23:30', null, [{ kind: 'night', period: '18:00-23:30' }]],
    ['sets aside an opening with no end (the library reads it open till midnight)', 'Mo-Fr 08:00+', null, [{ kind: 'night', period: '08:00-24:00' }]],
    ['sets aside a placeholder-only day even when another day is repaired', 'Mo 00:00-00:00,09:00-12:00; Tu 00:00-00:00', null, [{ kind: 'placeholder-only', periods: ['00:00-00:00'] }]],
  ])('%s', (_, hours, readAs, problems) => {
    expect(reviewHours(hours)).toEqual({ value: readAs, problems });
  });

  test('unknown hours stay unknown, with nothing to say', () => {
    expect(reviewHours(null)).toEqual({ value: null, problems: [] });
  });
});

describe('hours that cannot be right, in the data', async () => {
  const site = await readRawDataset(FIXTURE_SITE, process.cwd());
  const place = (openingHours: string, note?: string): RawFile => ({
    file: 'data/places/lieu-fictif.yaml',
    data: {
      id: 'lieu-fictif',
      name: 'Lieu fictif',
      kind: 'other',
      address: { street: '1 rue Fictive', postcode: '67000', insee: '67482' },
      location: { lat: 48.58, lon: 7.75, precision: 'address' },
      hours: { openingHours, closures: [], ...(note ? { note } : {}) },
      sources: [{ name: 'Source fictive', date: '2026-01-01' }],
      verified: '2026-01-01',
    },
  });
  const validate = (file: RawFile) => validateDataset({ ...site, places: [file] }, reference, { today: '2026-03-01' });

  test('check:data lists them with the fix, without stopping the build', () => {
    const result = validate(place('We 00:00-00:00,09:00-12:00'));
    expect(result.issues).toEqual([]);
    expect(result.warnings.map(formatIssue)).toEqual([
      'data/places/lieu-fictif.yaml › hours.openingHours = "We 00:00-00:00,09:00-12:00"\n    « 00:00-00:00 » commence et finit à la même heure, à côté des vraies heures du jour : ce n’est pas une heure d’ouverture. Le site lit « We 09:00-12:00 ». Écrivez-le ainsi (npm run check:data -- --fix-hours le fait).',
    ]);
    const set = validate(place('Fr 17:00-12:00'));
    expect(set.warnings.map(formatIssue)).toEqual([
      'data/places/lieu-fictif.yaml › hours.openingHours = "Fr 17:00-12:00"\n    « 17:00-12:00 » finit avant de commencer. Le site n’affiche pas ces horaires : ils sont inconnus. Demandez-les au lieu et écrivez-les, ou écrivez « openingHours: null » (npm run check:data -- --fix-hours le fait, avec une note).',
    ]);
  });

  test('the site reads the repaired hours: closed at 7:30 on a Wednesday, opens at 9', () => {
    const { dataset } = validate(place('We 00:00-00:00,09:00-12:00'));
    const directory = buildDirectory(dataset!, reference, '2026-02-28');
    const [entry] = directory.places;
    expect(entry!.hours.openingHours).toBe('We 09:00-12:00');
    expect(statusLabel(t, statusAt(entry!.schedule, new Date('2026-03-04T07:30+01:00'))).replaceAll('\u00a0', ' ')).toBe('Fermé · ouvre aujourd’hui à 9 h');
  });

  test('hours set aside are unknown, with a note that says why, after the place’s own note', () => {
    const { dataset } = validate(place('Mo-Th 09:00-12:00; Fr 00:00-00:00', 'Vendredi sur rendez-vous.'));
    const directory = buildDirectory(dataset!, reference, '2026-02-28');
    const [entry] = directory.places;
    expect(entry!.schedule).toBeNull();
    expect(entry!.hours).toMatchObject({ openingHours: null, note: 'Les horaires donnés par la source ne peuvent pas être justes : ils ne sont pas affichés. Vendredi sur rendez-vous.' });
    expect(statusLabel(t, statusAt(entry!.schedule, new Date('2026-03-06T10:00+01:00')))).toBe('Horaires non renseignés');
  });
});
