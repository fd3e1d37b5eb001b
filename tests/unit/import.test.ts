/** The import's decisions, in-process (the command itself is tested in import.cli.test.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runImport, summarize, type ImportRow } from '../../src/lib/interop/importRun.ts';
import { mergePlaces, nameSimilarity } from '../../src/lib/interop/merge.ts';
import { franceServicesHours, franceServicesRecord, parseValueMapping, toNationalRecord } from '../../src/lib/interop/record.ts';
import { MULTI_VALUED, STANDARD_COLUMNS } from '../../src/lib/interop/standard.ts';
import { cityOfArrondissement, fixShouting } from '../../src/lib/interop/toPlace.ts';
import { placeToYaml } from '../../src/lib/interop/yamlOut.ts';
import { placeSchema, type PlaceInput } from '../../src/lib/schemas/place.ts';
import { fixtures, perTest, place } from './world.ts';

const mapping = parseValueMapping(readFileSync('data/standard/v0.1-to-v1-value-mapping.csv', 'utf8'));
const source = { key: 'fictif', name: 'Source fictive', url: null, date: '2023-01-01' };
const v01Rows = JSON.parse(readFileSync('tests/fixtures/import/v01-fictif.json', 'utf8')) as Record<string, unknown>[];
/** The fixture rows read into records inside the test that uses them: records read once at collection would not see a mutant. */
const v01 = () => v01Rows.map((row) => toNationalRecord(row, mapping));

function run(conversions = v01()) {
  return runImport({ dataset: structuredClone(fixtures.dataset), reference: fixtures.reference, conversions, source, dataDir: 'data', today: '2026-03-01' });
}

/** Runs the import inside the test that reads it: a result computed once at collection would not see a mutant. */
function decided() {
  const result = run();
  return { result, rows: result.rows, byRow: (n: number) => result.rows[n - 1]! };
}

describe('the import’s decisions', () => {
  test('accounts for every input row, once', () => {
    const { rows } = decided();
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(summarize(rows).outcomes).toEqual({ imported: 3, merged: 3, rejected: 3 });
  });

  test('rejects with a reason', () => {
    const { rows } = decided();
    expect(rows.filter((row): row is Extract<ImportRow, { outcome: 'rejected' }> => row.outcome === 'rejected').map((row) => [row.row, row.reason])).toEqual([
      [3, 'nom manquant'],
      [4, 'commune introuvable : code postal « 00999 » inconnu et pas de code INSEE'],
      [7, 'le lieu n’accueille pas de public'],
    ]);
  });

  test('merges the same place, and says why', () => {
    const { rows, byRow } = decided();
    const first = byRow(1);
    expect(first.outcome).toBe('imported');
    const belvedere = first.outcome === 'imported' ? first.place : '';
    expect(byRow(2)).toMatchObject({ outcome: 'merged', into: belvedere, why: 'même SIRET et même adresse' });
    expect(byRow(6)).toMatchObject({ outcome: 'merged', into: 'espace-fictif-des-hirondelles', why: 'à moins de 100 m, nom proche' });
    expect(byRow(8)).toMatchObject({ outcome: 'merged', into: belvedere, why: 'ligne en double dans le fichier (même identifiant)' });
    expect(summarize(rows).merges).toEqual({ 'même SIRET et même adresse': 1, 'à moins de 100 m, nom proche': 1, 'ligne en double dans le fichier (même identifiant)': 1 });
  });

  test('keeps apart two places that an export gave the same id', () => {
    const { byRow } = decided();
    expect(byRow(9)).toMatchObject({ outcome: 'imported', record: 'fictif:f-5~9' });
    const placeOf = (row: ImportRow) => (row.outcome === 'imported' ? row.place : null);
    expect(placeOf(byRow(5))).toMatch(/^\w/);
    expect(placeOf(byRow(9))).not.toBe(placeOf(byRow(5)));
  });

  test('writes new places in their département’s folder, and only the places it changed', () => {
    const { result, rows } = decided();
    const imported = rows.flatMap((row) => (row.outcome === 'imported' ? [row.place] : []));
    expect(imported.map((id) => result.places.get(id)!.file)).toEqual([
      expect.stringMatching(/^data\/places\/imported\/75\/espace-fictif-du-belvedere-\w+\.yaml$/),
      expect.stringMatching(/^data\/places\/imported\/59\//),
      expect.stringMatching(/^data\/places\/imported\/59\//),
    ]);
    expect([...result.changed].sort()).toEqual([...imported, 'espace-fictif-des-hirondelles'].sort());
  });

  test('merges: the newer record gives the values, the older fills in, every source stays', () => {
    const { result, byRow } = decided();
    const first = byRow(1);
    const belvedere = result.places.get(first.outcome === 'imported' ? first.place : '')!.place;
    expect(belvedere.name).toBe('Espace fictif du Belvédère (annexe)');
    expect(belvedere.contacts?.phone).toBe('01 23 45 67 89');
    expect(belvedere.verified).toBe('2022-10-01');
    expect(belvedere.sources.map((item) => item.record)).toEqual(['fictif:f-1', 'fictif:f-2']);
    const yaml = placeToYaml(belvedere);
    expect(yaml).toContain('insee: "75056"');
    expect(yaml).toContain('openingHours: Tu-Fr 09:00-12:00');
  });

  test('a hand-curated place only gains a source', () => {
    const { result } = decided();
    expect(result.addedToCurated.get('espace-fictif-des-hirondelles')).toEqual([{ name: 'Source fictive', url: null, date: '2022-09-09', record: 'fictif:f-6' }]);
    expect(result.places.get('espace-fictif-des-hirondelles')!.curated).toBe(true);
  });

  test('says which safe corrections it made', () => {
    const { byRow } = decided();
    expect(byRow(1).normalized).toEqual(
      expect.arrayContaining([
        'code INSEE d’arrondissement 75119 → 75056',
        'horaires illisibles : gardés en note, sans deviner',
        'date de mise à jour 1970-01-01 : date fictive, traitée comme inconnue',
        'téléphone remis au format 01 23 45 67 89',
      ]),
    );
    expect(byRow(5).normalized).toContain('latitude et longitude inversées : remises dans l’ordre');
  });

  test('a second run of the same rows changes nothing but rewrites its own places identically', () => {
    const dataset = structuredClone(fixtures.dataset);
    const first = runImport({ dataset, reference: fixtures.reference, conversions: v01(), source, dataDir: 'data', today: '2026-03-01' });
    const again = runImport({
      dataset: { ...dataset, places: [...first.places.values()].map(({ file, place }) => ({ ...fixturesParse(place), file })) },
      reference: fixtures.reference,
      conversions: v01(),
      source,
      dataDir: 'data',
      today: '2026-03-01',
    });
    for (const id of again.changed) expect(placeToYaml(again.places.get(id)!.place)).toBe(placeToYaml(first.places.get(id)!.place));
    expect(summarize(again.rows).outcomes).toEqual({ imported: 2, merged: 4, rejected: 3 });
  });
});

describe('the import’s report', () => {
  test('counts outcomes, reasons, merges and corrections, most frequent first, without the values that differ', () => {
    const rows: ImportRow[] = [
      { row: 1, record: 'x:1', outcome: 'rejected', reason: 'commune introuvable : code postal « 00999 » inconnu et pas de code INSEE', normalized: [] },
      { row: 2, record: 'x:2', outcome: 'rejected', reason: 'commune introuvable : code postal « 01234 » inconnu et pas de code INSEE', normalized: ['téléphone illisible « 12 » : retiré'] },
      { row: 3, record: 'x:3', outcome: 'rejected', reason: 'commune introuvable : ni le code INSEE 59999 ni le code postal « 00999 » ne sont dans le référentiel', normalized: [] },
      { row: 4, record: 'x:4', outcome: 'merged', into: 'a', why: 'même SIRET et même adresse', normalized: ['date de mise à jour 2025-01-01 après la date de l’export : ramenée au 2024-01-01'] },
      { row: 5, record: 'x:5', outcome: 'imported', place: 'b', normalized: ['téléphone illisible « 3615 » : retiré'] },
      { row: null, record: 'x:6', outcome: 'left', place: 'c', normalized: [] },
    ];
    const summary = summarize(rows);
    expect(summary.rows).toBe(5);
    expect(Object.entries(summary.outcomes)).toEqual([
      ['rejected', 3],
      ['merged', 1],
      ['imported', 1],
      ['left', 1],
    ]);
    expect(Object.entries(summary.rejections)).toEqual([
      ['commune introuvable : code postal «…» inconnu et pas de code INSEE', 2],
      ['commune introuvable : ni le code INSEE … ni le code postal «…» ne sont dans le référentiel', 1],
    ]);
    expect(summary.merges).toEqual({ 'même SIRET et même adresse': 1 });
    expect(Object.entries(summary.normalizations)).toEqual([
      ['téléphone illisible «…» : retiré', 2],
      ['date de mise à jour … après la date de l’export : ramenée au …', 1],
    ]);
  });

  test('a row without an id is named by its row number', () => {
    const conversions = v01().slice(0, 1);
    conversions[0]!.record.id = '';
    expect(run(conversions).rows[0]).toMatchObject({ row: 1, record: 'fictif:ligne-1' });
  });
});

function fixturesParse(place: PlaceInput) {
  return placeSchema.parse(place);
}

describe('France Services’ own CSV', () => {
  test('reads per-day hours into a record of the standard', () => {
    const { record } = franceServicesRecord(
      {
        id_fs: '7',
        lib_fs: 'France services fictive',
        lib_com: 'Lille',
        code_postal: '59000',
        insee_com: '59350',
        adresse: '1 rue Fictive',
        latitude: '50.63',
        longitude: '3.06',
        telephone: '03 00 00 00 00',
        mail: 'fictif@exemple.fr',
        h_lundi: '09:00 - 12:00',
        format_fs: 'Itinérant',
      },
      '2024-08-01',
    );
    expect(record).toMatchObject({
      id: 'france-services-7',
      nom: 'France services fictive',
      horaires: 'Mo 09:00-12:00',
      itinerance: ['Itinérant'],
      dispositif_programmes_nationaux: ['France Services'],
      date_maj: '2024-08-01',
      courriels: ['fictif@exemple.fr'],
    });
  });
});

describe('the record of the standard', () => {
  test('holds a list exactly for the columns the schema says are multi-valued', () => {
    const { record } = toNationalRecord({}, []);
    expect(Object.keys(record)).toEqual(STANDARD_COLUMNS);
    expect(STANDARD_COLUMNS.filter((column) => Array.isArray(record[column as keyof typeof record]))).toEqual([...MULTI_VALUED]);
    expect([...MULTI_VALUED]).toEqual([
      'typologie',
      'courriels',
      'site_web',
      'itinerance',
      'services',
      'publics_specifiquement_adresses',
      'prise_en_charge_specifique',
      'frais_a_charge',
      'dispositif_programmes_nationaux',
      'formations_labels',
      'autres_formations_labels',
      'modalites_acces',
      'modalites_accompagnement',
    ]);
  });

  test('maps v0.1 values, and reports those with no v1 equivalent', () => {
    const { record, dropped } = toNationalRecord({ id: 'x', latitude: '50,5', services: 'Accéder à une connexion internet;Valeur inconnue' }, mapping);
    expect(record.latitude).toBe(50.5);
    expect(record.services).toContain('Valeur inconnue');
    expect(dropped).toEqual([]);
  });
});

describe('normalization helpers', () => {
  test.each([
    ['EMMAUS CONNECT FONDATEUR ABBE PIERRE', 'Emmaus Connect Fondateur Abbe Pierre'],
    ['MAIRIE DE SAINT-DENIS', 'Mairie de Saint-Denis'],
    ['Médiathèque de Lille', 'Médiathèque de Lille'],
    ['CCAS DE TOULON', 'CCAS de Toulon'],
    ['LE RELAIS DE LA GARE', 'Le Relais de la Gare'],
    ['MAISON SAINT-DE-LA-PAIX', 'Maison Saint-De-La-Paix'],
    ['EPN', 'EPN'],
    ['Espace FICTIF', 'Espace FICTIF'],
  ])('%s → %s', (input, output) => {
    expect(fixShouting(input)).toBe(output);
  });
  test.each([
    ['75119', '75056'],
    ['75101', '75056'],
    ['69388', '69123'],
    ['13208', '13055'],
    ['59350', null],
    ['75121', null],
    ['75120', '75056'],
    ['751011', null],
    ['175101', null],
    ['69381', '69123'],
    ['69389', '69123'],
    ['69380', null],
    ['693810', null],
    ['13201', '13055'],
    ['13216', '13055'],
    ['13217', null],
    ['132010', null],
  ])('arrondissement %s → %s', (insee, city) => {
    expect(cityOfArrondissement(insee)).toBe(city);
  });
  test('reads only the strict France Services hour form', () => {
    expect(franceServicesHours({ h_lundi: '09:00 - 12:00 / 13:30 - 17:00', h_samedi: '9h00 - 12h00' })).toEqual({ value: 'Mo 09:00-12:00,13:30-17:00; Sa 09:00-12:00' });
    expect(franceServicesHours({ h_lundi: 'le matin' })).toEqual({ value: '', unread: 'Mo le matin' });
  });
  test('finds similar names', () => {
    expect(nameSimilarity('Emmaüs Connect', 'EMMAUS CONNECT LILLE')).toBe(1);
    expect(nameSimilarity('France services de Grabels', 'Mairie de Grabels')).toBe(0.5);
    expect(nameSimilarity('Ateliers numériques', 'Atelier numerique')).toBe(1);
    expect(nameSimilarity('', 'Mairie de Grabels')).toBe(0);
    expect(nameSimilarity('Mairie de Grabels', '')).toBe(0);
  });
});

describe('a newer edition of a list', () => {
  const row = (id: string, name: string, lat: string) => ({
    id_fs: id,
    lib_fs: name,
    lib_com: 'Lille',
    code_postal: '59000',
    insee_com: '59350',
    adresse: `${id} rue Fictive`,
    latitude: lat,
    longitude: '3.06',
    h_lundi: '09:00 - 12:00',
  });
  const older = { key: 'fs-ancienne', name: 'Liste fictive (ancienne)', url: null, date: '2023-07-01' };
  const newer = { key: 'fs-nouvelle', name: 'Liste fictive (nouvelle)', url: null, date: '2024-08-01', supersedes: 'fs-ancienne' };
  const editions = perTest(() => {
    const first = runImport({
      dataset: structuredClone(fixtures.dataset),
      reference: fixtures.reference,
      conversions: [row('1', 'France services fictive A', '50.600'), row('2', 'France services fictive B', '50.610')].map((item) => franceServicesRecord(item, older.date)),
      source: older,
      dataDir: 'data',
      today: '2026-03-01',
    });
    const dataset = { ...structuredClone(fixtures.dataset), places: [...first.places.values()].map(({ file, place }) => ({ ...placeSchema.parse(place), file })) };
    const second = runImport({
      dataset,
      reference: fixtures.reference,
      // A moved to another street; B left the list; C is new.
      conversions: [{ ...row('1', 'France services fictive A', '50.600'), adresse: '9 avenue Fictive' }, row('3', 'France services fictive C', '50.620')].map((item) =>
        franceServicesRecord(item, newer.date),
      ),
      source: newer,
      dataDir: 'data',
      today: '2026-03-01',
    });
    return { first, second };
  });
  const idOf = (name: string) => [...editions().second.places.values()].find((known) => known.place.name === name)!.id;

  test('updates the places it lists again, by their id in the list', () => {
    expect(editions().second.rows[0]).toMatchObject({ row: 1, outcome: 'merged', into: idOf('France services fictive A'), why: 'même lieu dans la liste précédente (même identifiant)' });
    const a = editions().second.places.get(idOf('France services fictive A'))!.place;
    expect(a.address.street).toBe('9 avenue Fictive');
    expect(a.sources.map((source) => source.record)).toEqual(['fs-ancienne:france-services-1', 'fs-nouvelle:france-services-1']);
    expect(a.delisted).toBeUndefined();
  });

  test('adds the new ones, and keeps the ones that left, marked, never deleted', () => {
    expect(editions().second.rows[1]).toMatchObject({ row: 2, outcome: 'imported' });
    expect(editions().second.rows[2]).toMatchObject({ row: null, outcome: 'left', place: idOf('France services fictive B') });
    expect(editions().second.places.get(idOf('France services fictive B'))!.place.delisted).toEqual({ list: 'Liste fictive (nouvelle)', date: '2024-08-01' });
    expect(summarize(editions().second.rows)).toMatchObject({ rows: 2, outcomes: { merged: 1, imported: 1, left: 1 } });
  });
});

describe('reading a row into a record of the standard', () => {
  test.each<[unknown, number | null]>([
    ['50,5', 50.5],
    ['50.5', 50.5],
    [3.06, 3.06],
    [' 3.06 ', 3.06],
    ['', null],
    ['  ', null],
    [null, null],
    [undefined, null],
    ['nord', null],
  ])('a coordinate %o reads as %o', (value, expected) => {
    expect(toNationalRecord({ latitude: value }, []).record.latitude).toBe(expected);
  });

  test('text is trimmed, an absent value is empty', () => {
    expect(toNationalRecord({ nom: '  Lieu fictif  ', adresse: null }, []).record).toMatchObject({ nom: 'Lieu fictif', adresse: '', commune: '' });
    expect(toNationalRecord({ code_postal: 59000 }, []).record.code_postal).toBe('59000');
  });

  test('a list is split on « | », else on « ; »; items trimmed, empty ones and repeats dropped', () => {
    expect(toNationalRecord({ courriels: ' a@exemple.fr ; ; b@exemple.fr ;a@exemple.fr' }, []).record.courriels).toEqual(['a@exemple.fr', 'b@exemple.fr']);
    expect(toNationalRecord({ typologie: 'CCAS|MAIRIE; EPN' }, []).record.typologie).toEqual(['CCAS', 'MAIRIE; EPN']);
    expect(toNationalRecord({ typologie: '   ' }, []).record.typologie).toEqual([]);
  });

  test('v0.1: the accessibility link becomes the Accès Libre sheet unless one is given; a value mapped to nothing is reported', () => {
    expect(toNationalRecord({ accessibilite: ' https://acceslibre.beta.gouv.fr/fictif ' }, []).record.fiche_acces_libre).toBe('https://acceslibre.beta.gouv.fr/fictif');
    expect(toNationalRecord({ accessibilite: 'https://exemple.fr/a', fiche_acces_libre: 'https://exemple.fr/b' }, []).record.fiche_acces_libre).toBe('https://exemple.fr/b');
    expect(toNationalRecord({ accessibilite: '' }, []).record.fiche_acces_libre).toBe('');
    const noV1 = mapping.find((row) => row.v1Values.length === 0)!;
    const { record, dropped } = toNationalRecord({ [noV1.v0Field]: noV1.v0Value }, mapping);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toContain(noV1.v0Value);
    expect(record[noV1.v1Field as keyof typeof record]).toEqual([]);
  });

  test('v0.1 « conditions_access » (misspelt in some exports) is read as « conditions_acces »', () => {
    const row = mapping.find((item) => item.v0Field === 'conditions_acces' && item.v1Values.length > 0)!;
    expect(toNationalRecord({ conditions_access: row.v0Value }, mapping).record[row.v1Field as 'frais_a_charge']).toEqual(row.v1Values);
  });
});

describe('France Services rows', () => {
  const fs = (extra: Record<string, string>) =>
    franceServicesRecord(
      { id_fs: '8', lib_fs: 'France services fictive', lib_com: 'Lille', code_postal: '59000', insee_com: '59350', adresse: '1 rue Fictive', latitude: '50.63', longitude: '3.06', ...extra },
      '2024-08-01',
    ).record;

  test('itinerant when the list says so, or its format is a bus; else fixed', () => {
    expect(fs({ itinerance: 'Oui' }).itinerance).toEqual(['Itinérant']);
    expect(fs({ format_fs: 'Bus France services' }).itinerance).toEqual(['Itinérant']);
    expect(fs({ itinerance: 'Non', format_fs: 'Guichet' }).itinerance).toEqual(['Fixe']);
    expect(fs({}).itinerance).toEqual(['Fixe']);
    expect(fs({})).toMatchObject({ source: 'france-services', pivot: '' });
  });

  test.each<[Record<string, string>, { value: string; unread?: string }]>([
    [{ h_mardi: '9:00-12:00' }, { value: 'Tu 09:00-12:00' }],
    [{ h_mardi: ' 09:00  -  12:00 ' }, { value: 'Tu 09:00-12:00' }],
    [{ h_mardi: '09:00 - 12:00 / 13h30 - 17h00', h_vendredi: '14:00 - 16:00' }, { value: 'Tu 09:00-12:00,13:30-17:00; Fr 14:00-16:00' }],
    [{ h_mardi: 'x09:00 - 12:00' }, { value: '', unread: 'Tu x09:00 - 12:00' }],
    [{ h_mardi: '09:00 - 12:00x' }, { value: '', unread: 'Tu 09:00 - 12:00x' }],
    [
      { h_mardi: '09:00 - 12:00', h_jeudi: 'sur rendez-vous' },
      { value: '', unread: 'Tu 09:00 - 12:00 ; Th sur rendez-vous' },
    ],
    [{}, { value: '' }],
  ])('hours %o → %o', (row, expected) => {
    expect(franceServicesHours(row)).toEqual(expected);
  });
});

describe('two records of one place, merged', () => {
  const older = () =>
    place('Lieu fictif Ancien', {
      verified: '2025-01-01',
      contacts: { phone: '01 23 45 67 89', email: 'ancien@exemple.fr' },
      languages: ['fr', 'ar'],
      services: ['aide-demarches'],
      sources: [{ name: 'Source fictive A', date: '2025-01-01' }],
    });
  const newer = () =>
    place('Lieu fictif Nouveau', {
      verified: '2026-01-01',
      contacts: { phone: '09 87 65 43 21' },
      languages: [],
      services: ['usage-quotidien'],
      sources: [
        { name: 'Source fictive A', date: '2025-01-01' },
        { name: 'Source fictive B', date: '2026-01-01', record: 'b-1' },
      ],
    });

  test('the newer one gives its values, the older fills what it lacks, inside objects too; the id stays; every source once', () => {
    const merged = mergePlaces(older(), newer());
    expect(merged).toMatchObject({
      id: 'lieu-fictif-ancien',
      name: 'Lieu fictif Nouveau',
      verified: '2026-01-01',
      contacts: { phone: '09 87 65 43 21', email: 'ancien@exemple.fr' },
      languages: ['fr', 'ar'],
      services: ['usage-quotidien'],
    });
    expect(merged.sources).toEqual([
      { name: 'Source fictive A', date: '2025-01-01' },
      { name: 'Source fictive B', date: '2026-01-01', record: 'b-1' },
    ]);
  });

  test('the same either way round, but for the id; on the same date the record already held wins', () => {
    expect({ ...mergePlaces(newer(), older()), id: '', sources: [] }).toEqual({ ...mergePlaces(older(), newer()), id: '', sources: [] });
    const sameDay = { ...newer(), verified: '2025-01-01' };
    expect(mergePlaces(older(), sameDay).name).toBe('Lieu fictif Ancien');
    expect(mergePlaces(sameDay, older()).name).toBe('Lieu fictif Nouveau');
  });

  test('a record without a date gives way to a dated one; sources with a record id are told apart by it', () => {
    const undated = { ...newer(), verified: null, sources: [{ name: 'Source fictive B', date: '2026-01-01', record: 'b-2' }] };
    const merged = mergePlaces(undated, older());
    expect(merged.name).toBe('Lieu fictif Ancien');
    expect(merged.id).toBe('lieu-fictif-nouveau');
    expect(merged.sources.map((item) => item.record ?? item.name)).toEqual(['b-2', 'Source fictive A']);
  });
});
