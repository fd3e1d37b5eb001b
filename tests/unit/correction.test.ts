/** Correcting a place: the week written as opening_hours, the corrected record, its changes and problems. */
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/lib/dataset.ts';
import { changesOf, correctedRecord, problemsOf, recordYaml, type Answers } from '../../src/lib/correction/record.ts';
import { municipalityFile, municipalityRecord, signingProblems, type SigningAnswers } from '../../src/lib/correction/municipality.ts';
import { charterTimeline } from '../../src/site/pages.ts';
import { openingHoursOf, periodProblem, scheduleWeek, weekFromSchedule, type Week } from '../../src/lib/correction/week.ts';
import { validateDataset } from '../../src/lib/validate.ts';
import { placeSchema, type PlaceInput } from '../../src/lib/schemas/place.ts';
import { directoryOf, fixtures, place } from './world.ts';
import { correctionRecord } from '../../src/lib/correction/records.ts';
import { reference } from './helpers.ts';

const closed: Week = [[], [], [], [], [], [], []];
const with_ = (day: number, ...periods: [string, string][]): Week => closed.map((value, index) => (index === day ? periods.map(([from, to]) => ({ from, to })) : value));

describe('the week as opening_hours', () => {
  test('days with the same periods are joined; holidays closed when asked', () => {
    const week: Week = [
      [
        { from: '09:00', to: '12:00' },
        { from: '14:00', to: '17:00' },
      ],
      [
        { from: '09:00', to: '12:00' },
        { from: '14:00', to: '17:00' },
      ],
      [{ from: '14:00', to: '17:30' }],
      [],
      [
        { from: '09:00', to: '12:00' },
        { from: '14:00', to: '17:00' },
      ],
      [],
      [],
    ];
    expect(openingHoursOf(week, true)).toBe('Mo,Tu,Fr 09:00-12:00,14:00-17:00; We 14:00-17:30; PH off');
    expect(openingHoursOf(week, false)).toBe('Mo,Tu,Fr 09:00-12:00,14:00-17:00; We 14:00-17:30');
    expect(openingHoursOf(closed, true)).toBeNull();
  });

  test('a schedule week reads back into periods, and back into minutes', () => {
    const minutes = [[540, 720, 840, 1020], [], [], [], [], [600, 1080], []];
    const week = weekFromSchedule(minutes);
    expect(week[0]).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '14:00', to: '17:00' },
    ]);
    expect(week[5]).toEqual([{ from: '10:00', to: '18:00' }]);
    expect(scheduleWeek(week)).toEqual(minutes);
  });

  test('periods out of order, overlapping or unfinished are refused', () => {
    expect(periodProblem([{ from: '09:00', to: '12:00' }])).toBeNull();
    expect(periodProblem([{ from: '12:00', to: '09:00' }])).toBe('order');
    expect(periodProblem([{ from: '12:00', to: '12:00' }])).toBe('order');
    expect(periodProblem([{ from: '09:00', to: '' }])).toBe('format');
    expect(
      periodProblem([
        { from: '09:00', to: '12:00' },
        { from: '11:00', to: '17:00' },
      ]),
    ).toBe('overlap');
    expect(
      periodProblem([
        { from: '09:00', to: '12:00' },
        { from: '12:00', to: '17:00' },
      ]),
    ).toBeNull();
  });

  test('what the editor writes, the build reads: the same week comes back', () => {
    const week = with_(2, ['14:00', '17:00']);
    const hours = openingHoursOf(week, true)!;
    const file = parseYaml(
      `id: lieu-fictif-horaires\nname: Lieu fictif horaires\nkind: other\naddress: { street: null, postcode: "59000", insee: "59350" }\nlocation: { lat: 50.63, lon: 3.06, precision: commune }\nhours: { openingHours: "${hours}" }\nsources: [{ name: Source fictive, date: 2026-01-01 }]\nverified: 2026-01-01\n`,
      'places/lieu-fictif-horaires.yaml',
    );
    const result = validateDataset({ ...rawOf(), places: [file] }, reference, { today: '2026-03-01' });
    expect(result.issues).toEqual([]);
  });
});

function rawOf() {
  const file = (data: unknown, name: string) => ({ file: name, data });
  return {
    places: [],
    municipalities: [],
    services: file({ services: fixtures.dataset.services }, 'services.yaml'),
    charter: file(fixtures.dataset.charter, 'charter.yaml'),
    labels: undefined,
  };
}

const answersOf = (record: PlaceInput, changes: Partial<Answers> = {}): Answers => ({
  name: record.name,
  kind: record.kind,
  street: record.address.street ?? '',
  complement: record.address.complement ?? '',
  postcode: record.address.postcode ?? '',
  insee: record.address.insee,
  phone: record.contacts?.phone ?? '',
  email: record.contacts?.email ?? '',
  website: record.contacts?.website ?? '',
  appointmentUrl: record.contacts?.appointmentUrl ?? '',
  openingHours: record.hours?.openingHours ?? null,
  hoursNote: record.hours?.note ?? '',
  services: record.services ?? [],
  fees: record.access?.fees ?? [],
  referral: record.access?.referral ?? '',
  appointment: record.access?.appointment ?? '',
  wheelchair: record.accessibility?.wheelchair ?? '',
  languages: record.languages ?? [],
  author: 'Mairie fictive',
  ...changes,
});

describe('the corrected record', () => {
  const base = (): PlaceInput =>
    placeSchema.parse({
      id: 'lieu-fictif-de-la-gare',
      name: 'Lieu fictif de la Gare',
      kind: 'other',
      address: { street: '1 rue Fictive', postcode: '59000', insee: '59350' },
      location: { lat: 50.63, lon: 3.06, precision: 'address' },
      contacts: { phone: '03 00 00 00 00' },
      languages: ['fr', 'en'],
      sources: [{ name: 'Source fictive', date: '2025-01-01' }],
      verified: '2025-01-01',
    });

  test('nothing answered differently: no change', () => {
    expect(changesOf(base(), answersOf(base()))).toEqual([]);
  });

  test('only the changed fields change; the order of a list does not count; the author becomes a source', () => {
    const answers = answersOf(base(), { phone: '03 20 11 22 33', languages: ['en', 'fr'], email: 'accueil@exemple.invalid' });
    expect(changesOf(base(), answers).map((change) => change.field)).toEqual(['contacts.phone', 'contacts.email']);
    const record = correctedRecord(base(), answers, '2026-11-29', null);
    expect(record.contacts).toEqual({ phone: '03 20 11 22 33', email: 'accueil@exemple.invalid' });
    expect(record.verified).toBe('2026-11-29');
    expect(record.sources).toEqual([
      { name: 'Source fictive', date: '2025-01-01' },
      { name: 'Mairie fictive', date: '2026-11-29' },
    ]);
    expect(record.location).toEqual({ lat: 50.63, lon: 3.06, precision: 'address' });
    expect(problemsOf(record, answers)).toEqual([]);
  });

  test('emptying a field makes it unknown (null), never an empty string', () => {
    const answers = answersOf(base(), { phone: '  ' });
    const record = correctedRecord(base(), answers, '2026-11-29', null);
    expect(record.contacts?.phone).toBeNull();
    expect(changesOf(base(), answers)).toEqual([{ field: 'contacts.phone', before: '03 00 00 00 00', after: null }]);
  });

  test('another commune puts the point at its centre, said as such', () => {
    const answers = answersOf(base(), { postcode: '59100', insee: '59512' });
    const record = correctedRecord(base(), answers, '2026-11-29', { insee: '59512', lat: 50.69, lon: 3.18 });
    expect(record.location).toEqual({ lat: 50.69, lon: 3.18, precision: 'commune' });
  });

  test('a new place: an id from its name, the commune centre, every field written', () => {
    const empty = answersOf(base(), { name: 'Atelier fictif des Lilas', street: '', phone: '', languages: [], postcode: '59000' });
    const record = correctedRecord(null, empty, '2026-11-29', { insee: '59350', lat: 50.63, lon: 3.06 });
    expect(record.id).toBe('atelier-fictif-des-lilas');
    expect(record.address).toEqual({ street: null, complement: null, postcode: '59000', insee: '59350' });
    expect(record.location).toEqual({ lat: 50.63, lon: 3.06, precision: 'commune' });
    expect(changesOf(null, empty).map((change) => change.field)).not.toContain('contacts.phone');
    expect(placeSchema.safeParse(record).success).toBe(true);
  });

  test('correcting the name keeps the id (the file name); a commune centre is used only when the commune changes', () => {
    const answers = answersOf(base(), { name: '  Lieu fictif de la Gare, nouveau nom  ' });
    const record = correctedRecord(base(), answers, '2026-11-29', { insee: '59350', lat: 50.7, lon: 3.1 });
    expect(record.id).toBe('lieu-fictif-de-la-gare');
    expect(record.name).toBe('Lieu fictif de la Gare, nouveau nom');
    expect(record.location).toEqual({ lat: 50.63, lon: 3.06, precision: 'address' });
  });

  test('a changed phone is a change even with the same digits; a field absent from the file equals an empty answer', () => {
    expect(changesOf(base(), answersOf(base(), { phone: '00 30 00 00 00' })).map((change) => change.field)).toEqual(['contacts.phone']);
    const raw = {
      id: 'lieu-fictif-brut',
      name: 'Lieu fictif brut',
      kind: 'other',
      address: { street: null, postcode: null, insee: '59350' },
      location: { lat: 50.63, lon: 3.06, precision: 'commune' },
      sources: [{ name: 'Source fictive', date: null }],
      verified: null,
    } as PlaceInput;
    expect(changesOf(raw, answersOf(raw))).toEqual([]);
    expect(changesOf(raw, answersOf(raw, { languages: ['fr'] }))).toEqual([{ field: 'languages', before: null, after: ['fr'] }]);
  });

  test('a new place without a commune has no point, and the problem says to choose the commune; no name is one problem', () => {
    const empty = answersOf(base(), { name: '  ', insee: '' });
    const record = correctedRecord(null, empty, '2026-11-29', null);
    expect(record.location).toBeUndefined();
    const problems = problemsOf(record, empty);
    expect(problems.filter((problem) => problem.field === 'name')).toEqual([{ field: 'name', kind: 'name' }]);
    expect(problems).toContainEqual({ field: 'address.insee', kind: 'commune' });
  });

  test('problems: the schema’s (e-mail, web address), a phone France cannot dial, no author, no commune', () => {
    const answers = answersOf(base(), { email: 'pas-un-mail', website: 'javascript:alert(1)', phone: '12', author: ' ', insee: '' });
    const problems = problemsOf(correctedRecord(base(), answers, '2026-11-29', null), answers);
    expect(problems.map((problem) => `${problem.field}:${problem.kind}`).sort()).toEqual(
      ['address.insee:commune', 'address.insee:schema', 'author:author', 'contacts.email:schema', 'contacts.phone:phone', 'contacts.website:schema'].sort(),
    );
  });

  test('the file starts with who corrected it and reads back as the same record', () => {
    const record = correctedRecord(base(), answersOf(base(), { phone: '03 20 11 22 33' }), '2026-11-29', null);
    const yaml = recordYaml(record, 'Fiche corrigée le 2026-11-29.\nÀ vérifier.');
    expect(yaml.startsWith('# Fiche corrigée le 2026-11-29.\n# À vérifier.\nid: lieu-fictif-de-la-gare\n')).toBe(true);
    expect(parseYaml(yaml, 'x.yaml').data).toEqual(JSON.parse(JSON.stringify(record)));
  });

  test('a message typed in the header never leaves its comment, whatever line break it holds', () => {
    const record = base();
    for (const lineBreak of ['\r', '\r\n', '\n', '\u2028', '\u2029', '\u0085']) {
      const yaml = recordYaml(record, `Message de la Mairie fictive :${lineBreak}verified: 2030-01-01${lineBreak}name: Autre`);
      expect(parseYaml(yaml, 'x.yaml').data, JSON.stringify(lineBreak)).toEqual(JSON.parse(JSON.stringify(record)));
      expect(yaml).toContain('# verified: 2030-01-01\n# name: Autre\n');
    }
  });
});

describe('a commune that signed the charter', () => {
  const answers = (changes: Partial<SigningAnswers> = {}): SigningAnswers => ({
    insee: '59512',
    communeName: 'Roubaix',
    signed: '2026-02-10',
    evidence: '',
    commitments: [
      { commitment: 'accueil-fictif', status: 'done', date: '2026-03-01', evidence: 'https://exemple.invalid/preuve' },
      { commitment: 'lieux-fictifs', status: '', date: '', evidence: '' },
    ],
    sourceName: 'Délibération fictive',
    sourceUrl: '',
    author: 'Mairie fictive',
    ...changes,
  });

  test('the file holds the commitments with a state only, and passes the build’s check', () => {
    const record = municipalityRecord(answers(), '2026-11-29');
    expect(record).toEqual({
      insee: '59512',
      signed: '2026-02-10',
      evidence: null,
      verified: '2026-11-29',
      commitments: [{ commitment: 'accueil-fictif', status: 'done', date: '2026-03-01', evidence: 'https://exemple.invalid/preuve' }],
      sources: [{ name: 'Délibération fictive', url: null, date: '2026-02-10' }],
    });
    expect(signingProblems(record, answers(), '2026-11-29')).toEqual([]);
    expect(municipalityFile('59512', 'Roubaix')).toBe('data/municipalities/59512-roubaix.yaml');
    const file = parseYaml(recordYaml(record, 'x'), 'municipalities/59512-roubaix.yaml');
    const result = validateDataset({ ...rawOf(), municipalities: [file] }, reference, { today: '2026-11-29' });
    expect(result.issues).toEqual([]);
  });

  test('each problem points to its field', () => {
    const wrong = answers({
      insee: '',
      signed: '',
      evidence: 'pas un lien',
      commitments: [{ commitment: 'accueil-fictif', status: 'planned', date: '', evidence: 'ftp://x' }],
      sourceName: '',
      author: '',
    });
    const problems = signingProblems(municipalityRecord(wrong, '2026-11-29'), wrong, '2026-11-29');
    expect(problems).toEqual([
      { field: 'insee', kind: 'commune' },
      { field: 'signed', kind: 'signed' },
      { field: 'evidence', kind: 'evidence' },
      { field: 'date-accueil-fictif', kind: 'date' },
      { field: 'evidence-accueil-fictif', kind: 'evidence' },
      { field: 'sourceName', kind: 'source' },
      { field: 'author', kind: 'author' },
    ]);
  });

  test('a commune code that is not one, a source link that is not a link, a problem said once per field', () => {
    const wrong = answers({ insee: 'abc', sourceUrl: 'pas un lien', evidence: 'x', commitments: [{ commitment: 'accueil-fictif', status: 'done', date: '', evidence: 'y' }] });
    expect(signingProblems(municipalityRecord(wrong, '2026-11-29'), wrong, '2026-11-29')).toEqual([
      { field: 'insee', kind: 'commune' },
      { field: 'evidence', kind: 'evidence' },
      { field: 'date-accueil-fictif', kind: 'date' },
      { field: 'evidence-accueil-fictif', kind: 'evidence' },
      { field: 'sourceUrl', kind: 'sourceUrl' },
    ]);
  });

  test('a date in the future is refused, as check:data refuses it', () => {
    const future = answers({ signed: '2099-01-01', commitments: [{ commitment: 'accueil-fictif', status: 'done', date: '2099-06-01', evidence: '' }] });
    expect(signingProblems(municipalityRecord(future, '2026-11-29'), future, '2026-11-29')).toEqual([
      { field: 'signed', kind: 'future' },
      { field: 'date-accueil-fictif', kind: 'future' },
    ]);
    const file = parseYaml(recordYaml(municipalityRecord(future, '2026-11-29'), 'x'), 'municipalities/59512-roubaix.yaml');
    expect(validateDataset({ ...rawOf(), municipalities: [file] }, reference, { today: '2026-11-29' }).issues.map((issue) => issue.field)).toEqual(['signed', 'commitments.0.date']);
  });

  test('a commune that already has a file keeps its tracked commitments and its sources', () => {
    const existing = {
      insee: '59512',
      signed: '2026-02-10',
      evidence: null,
      verified: '2026-05-01',
      commitments: [
        { commitment: 'lieux-fictifs', status: 'in-progress' as const, date: '2026-04-01', evidence: null },
        { commitment: 'accueil-fictif', status: 'planned' as const, date: '2026-03-01', evidence: null },
      ],
      sources: [{ name: 'Délibération fictive du conseil', url: null, date: '2026-02-10' }],
    };
    // The form says only that one commitment is now done: the other one is not erased.
    const record = municipalityRecord(answers(), '2026-11-29', existing);
    expect(record.commitments).toEqual([
      { commitment: 'lieux-fictifs', status: 'in-progress', date: '2026-04-01', evidence: null },
      { commitment: 'accueil-fictif', status: 'done', date: '2026-03-01', evidence: 'https://exemple.invalid/preuve' },
    ]);
    expect(record.sources).toEqual([existing.sources[0], { name: 'Délibération fictive', url: null, date: '2026-02-10' }]);
  });

  test('the timeline: the signature, then each commitment, oldest first', () => {
    const charter = {
      commitments: [
        { id: 'a', label: 'Engagement fictif A' },
        { id: 'b', label: 'Engagement fictif B' },
      ],
    };
    const municipality = {
      insee: '59512',
      signed: '2026-02-10',
      evidence: null,
      verified: '2026-11-29',
      commitments: [
        { commitment: 'b', status: 'done' as const, date: '2026-05-01', evidence: null },
        { commitment: 'a', status: 'planned' as const, date: '2026-03-01', evidence: 'https://exemple.invalid/a' },
        { commitment: 'gone', status: 'done' as const, date: '2026-01-01', evidence: null },
      ],
      sources: [{ name: 'Source fictive', date: null }],
    };
    expect(charterTimeline(charter, municipality).map((step) => `${step.date} ${step.label} ${step.status ?? ''}`.trim())).toEqual([
      '2026-02-10 Signature de la charte',
      '2026-03-01 Engagement fictif A planned',
      '2026-05-01 Engagement fictif B done',
    ]);
  });
});

describe('the records the correction form reads', () => {
  test('each place as its file holds it: the schema’s fields only, its file and its usual week', () => {
    const [entry] = directoryOf([place('Lieu fictif des horaires', { hours: { openingHours: 'Mo 09:00-12:00', closures: [] } })]).places;
    const { file, record, week } = correctionRecord(entry!);
    expect(file).toBe('tests/memory/lieu-fictif-des-horaires.yaml');
    expect(Object.keys(record).sort()).toEqual(
      Object.keys(placeSchema.shape)
        .filter((key) => (entry as unknown as Record<string, unknown>)[key] !== undefined)
        .sort(),
    );
    expect(record).not.toHaveProperty('commune');
    expect(record).not.toHaveProperty('schedule');
    expect(record.hours?.openingHours).toBe('Mo 09:00-12:00');
    expect(week?.[0]).toEqual([540, 720]);
    const [unknown] = directoryOf([place('Lieu fictif sans horaires')]).places;
    expect(correctionRecord(unknown!).week).toBeNull();
  });
});
