/** The static files() of the search, built from the fictitious fixtures and every commune of France. */
import { describe, expect, test } from 'vitest';
import { buildSearchFiles, placeFlags } from '../../src/lib/search/build.ts';
import { packCommunes, packFiles, packPostcodes, packShard, unpackCommunes, unpackFiles, unpackPostcodes, unpackShard } from '../../src/lib/search/data.ts';
import { decodePlace, FLAG } from '../../src/lib/search/row.ts';
import { communeFileOf, NAMES_PER_FILE } from '../../src/lib/search/communes.ts';
import { normalize } from '../../src/lib/search/normalize.ts';
import { directoryOf, fixtures, perTest, place, searchFilesOf } from './world.ts';

const files = perTest(() => searchFilesOf(fixtures.dataset.places, fixtures.dataset.labels, fixtures.reference));

describe('the search files()', () => {
  /** The file of communes a name is in. */
  const fileOf = (name: string) => communeFileOf(normalize(name), files().meta.communeFiles);

  test('communes in files of about 800 names in the order of their names, postcodes by their first digit, places by département', () => {
    expect(
      files()
        .communes.get(fileOf('Lille'))!
        .find((row) => row[0] === '59350'),
    ).toEqual(['59350', 'Lille', 50.631, 3.047, 2382]);
    // A former name is filed under its own name and points to today's commune and its file.
    expect(
      files()
        .communes.get(fileOf('Cherbourg-Octeville'))!
        .find((row) => row[1] === 'Cherbourg-Octeville'),
    ).toEqual(['50129', 'Cherbourg-Octeville', fileOf('Cherbourg-en-Cotentin')]);
    expect(
      files()
        .communes.get(fileOf('Lomme'))!
        .find((row) => row[1] === 'Lomme'),
    ).toEqual(['59350', 'Lomme', fileOf('Lille')]);
    expect(
      files()
        .communes.get(fileOf('Hellemmes-Lille'))!
        .find((row) => row[1] === 'Hellemmes-Lille'),
    ).toEqual(['59350', 'Hellemmes-Lille', fileOf('Lille')]);
    expect(fileOf('Hellemmes-Lille')).not.toBe(fileOf('Lille'));
    // A former name that is today's name says nothing new: Saint-Hilaire-du-Harcouët is one row.
    expect(
      files()
        .communes.get(fileOf('Saint-Hilaire-du-Harcouët'))!
        .filter((row) => row[1] === 'Saint-Hilaire-du-Harcouët'),
    ).toHaveLength(1);
    expect(
      files()
        .postcodes.get('5')!
        .filter((row) => row[0] === '59000'),
    ).toEqual([['59000', '59350', fileOf('Lille')]]);
    expect([...files().shards.keys()].sort()).toEqual(['35', '38', '59', '67', '73', '75']);
  });

  test('every name is in the file its first name and the next one frame, and no file is much larger than 800 names', () => {
    const { communeFiles } = files().meta;
    // 34,945 communes and their former names: about 45 files, where the first letters made 27 (5,600 names for "s").
    expect(communeFiles.length).toBeGreaterThan(40);
    expect(files().communes.size).toBe(communeFiles.length);
    for (const [file, rows] of files().communes) {
      expect(rows.length).toBeLessThan(NAMES_PER_FILE + 50);
      for (const row of rows) {
        const key = normalize(row[1]);
        expect(key >= communeFiles[Number(file)]!).toBe(true);
        if (Number(file) + 1 < communeFiles.length) expect(key < communeFiles[Number(file) + 1]!).toBe(true);
      }
    }
  });

  test('an arrondissement’s postcode carries its centre and official name', () => {
    expect(
      files()
        .postcodes.get('7')!
        .find((row) => row[0] === '75019'),
    ).toEqual(['75019', '75056', fileOf('Paris'), 48.886, 2.383, 'Paris 19e Arrondissement']);
    expect(
      files()
        .postcodes.get('7')!
        .find((row) => row[0] === '75001'),
    ).toEqual(['75001', '75056', fileOf('Paris')]);
  });

  test('a place’s row reads back as the place', () => {
    const shard = files().shards.get('38')!;
    const france = shard.places.map((row) => decodePlace(row, shard)).find((place) => place.name === 'France services fictive de Grenoble')!;
    const aide = files().meta.services.findIndex((service) => service.id === 'aide-demarches');
    expect(france).toMatchObject({ id: 'france-services-fictive-grenoble', commune: 'Grenoble', street: '5 rue Fictive', phone: '04 00 00 00 02', services: [], offers: [aide], title: '' });
    expect(france.schedule?.week[0]).toEqual([540, 720]);
  });

  test('meta: every département with its places, its neighbours and its centre; services with their words; the files()', () => {
    expect(files().meta.departements['59']).toMatchObject({ name: 'Nord', places: 3 });
    expect(files().meta.departements['59']!.neighbours).toContain('62');
    expect(files().meta.departements['59']!.neighbours).not.toContain('67');
    expect(files().meta.departements['23']).toMatchObject({ places: 0 });
    expect(files().meta.services.find((service) => service.id === 'recharges-solidaires')!.keywords).toEqual(['recharges de telephone a petit prix', 'recharge', 'telephone']);
    expect(files().meta.languages.ar).toBe('Arabe');
    expect(files().meta.files).toContain(`/recherche/lieux/59.json?v=${files().meta.version}`);
    expect(files().meta.files).toHaveLength(files().communes.size + files().postcodes.size + files().shards.size);
  });

  test('a département’s neighbours are those whose communes’ box comes within 0.6° of its own; its centre is the mean of its communes', () => {
    // Boxes are generous: the Eure and the Seine-Maritime come within 0.6° of the Nord's box. The search only reads more files.
    // Its places' box, rounded outwards: a search skips the files none of whose places is within reach.
    expect(files().meta.departements['59']).toEqual({
      name: 'Nord',
      neighbours: ['27', '76', '02', '60', '62', '80', '08'],
      places: 3,
      centre: { lat: 50.417, lon: 3.26 },
      box: [50.63, 3.04, 50.69, 3.18],
      // One of its places is the network's (a search for « emmaus » reads this file).
      emmaus: 1,
    });
    expect(files().meta.departements['2A']).toEqual({ name: 'Corse-du-Sud', neighbours: ['2B'], places: 0, centre: { lat: 41.902, lon: 8.949 } });
  });

  test('each service counts the places that offer it, themselves or through their label', () => {
    expect(files().meta.services.map((service) => [service.id, service.places])).toEqual([
      ['aide-demarches', 2],
      ['recharges-solidaires', 1],
      ['usage-quotidien', 1],
      ['acces-internet-materiel', 0],
    ]);
  });

  test('a postcode’s communes in the order of their code', () => {
    const rows = files()
      .postcodes.get('5')!
      .filter((row) => row[0] === '59111');
    expect(rows.map((row) => row[1])).toEqual(['59092', '59313', '59348', '59652']);
  });

  test('the version changes when the data changes', () => {
    const fewer = searchFilesOf(fixtures.dataset.places.slice(1), fixtures.dataset.labels, fixtures.reference);
    expect(fewer.meta.version).not.toBe(files().meta.version);
    expect(searchFilesOf(fixtures.dataset.places, fixtures.dataset.labels, fixtures.reference).meta.version).toBe(files().meta.version);
  });
});

describe('the directory()', () => {
  const directory = perTest(() => directoryOf(fixtures.dataset.places, fixtures.dataset.labels));
  test('groups places by commune, département, région and service (label offers included)', () => {
    expect(
      directory()
        .communesByInsee.get('59350')!
        .places.map((place) => place.id),
    ).toEqual(['point-fictif-de-la-colline', 'relais-fictif-du-moulin']);
    expect(directory().departements.get('59')!.placeCount).toBe(3);
    expect(directory().regions.find((region) => region.region.code === '32')!.placeCount).toBe(3);
    expect(
      directory()
        .placesByService.get('aide-demarches')!
        .map((place) => place.id)
        .sort(),
    ).toEqual(['espace-fictif-des-hirondelles', 'france-services-fictive-grenoble']);
    expect(directory().placesById.get('france-services-fictive-grenoble')!.labelOffers).toEqual([{ service: 'aide-demarches', label: 'france-services' }]);
    expect(directory().communesByInsee.get('59350')!.municipality?.insee).toBe('59350');
  });
});

describe('how old a place’s facts are, on the build’s day (a translated place view warns as the French page does)', () => {
  test('checked within a year: fresh; longer ago: neither; never: undated', () => {
    const files = searchFilesOf([
      place('Lieu fictif récent', { verified: '2026-02-01' }),
      place('Lieu fictif ancien', { verified: '2024-01-10' }),
      place('Lieu fictif sans date', { verified: null, sources: [{ name: 'Source fictive', date: null }] }),
    ]);
    const rows = [...files.shards.values()].flatMap((shard) => shard.places.map((row) => decodePlace(row, shard)));
    const flags = (name: string) => rows.find((row) => row.name === name)!.flags & (FLAG.fresh | FLAG.undated);
    expect(flags('Lieu fictif récent')).toBe(FLAG.fresh);
    expect(flags('Lieu fictif ancien')).toBe(0);
    expect(flags('Lieu fictif sans date')).toBe(FLAG.undated);
  });
});

describe('a place’s row', () => {
  const sameWeek = { openingHours: 'Mo-Fr 09:00-12:00', closures: [] };
  const world = [
    place('Lieu fictif Un', { hours: sameWeek }),
    place('Lieu fictif Deux', { hours: sameWeek, contacts: { phone: '01 23 45 67 89' } }),
    place('Lieu fictif Trois', {
      hours: { openingHours: 'Sa 09:00-12:00', closures: [] },
      address: { street: null, postcode: null, insee: '69266' },
      location: { lat: 45.77, lon: 4.89, precision: 'commune' },
    }),
  ];
  const shard = perTest(() => searchFilesOf(world).shards.get('69')!);
  const decoded = (name: string) =>
    shard()
      .places.map((row) => decodePlace(row, shard()))
      .find((item) => item.name === name)!;

  test('one copy of a week shared by the places that keep it; one copy of a commune’s name', () => {
    expect(shard().schedules).toHaveLength(2);
    expect(shard().communes).toEqual(['Villeurbanne']);
    expect(decoded('Lieu fictif Un').schedule).toEqual(decoded('Lieu fictif Deux').schedule);
    expect(decoded('Lieu fictif Trois').schedule?.week[5]).toEqual([540, 720]);
  });

  test('what is unknown is empty: no street, no phone', () => {
    expect(decoded('Lieu fictif Trois')).toMatchObject({ street: '', phone: '' });
    expect(decoded('Lieu fictif Deux')).toMatchObject({ street: '1 rue Fictive', phone: '01 23 45 67 89' });
  });

  test.each<[string, Parameters<typeof place>[1], (keyof typeof FLAG)[]]>([
    ['an exact point', {}, ['exactPoint']],
    ['a commune’s centre', { location: { lat: 45.77, lon: 4.89, precision: 'commune' } }, []],
    ['open on Saturday', { location: { lat: 45.77, lon: 4.89, precision: 'commune' }, hours: { openingHours: 'Sa 10:00-12:00', closures: [] } }, ['saturday']],
    ['open on Sunday only', { location: { lat: 45.77, lon: 4.89, precision: 'commune' }, hours: { openingHours: 'Su 10:00-12:00', closures: [] } }, []],
    [
      'a bus',
      { location: { lat: 45.77, lon: 4.89, precision: 'commune' }, national: { typologie: [], itinerance: ['Itinérant'], accompagnement: [], acces: [], formations: [], autresFormations: [] } },
      ['itinerant'],
    ],
    [
      'a bus that also has a fixed place',
      {
        location: { lat: 45.77, lon: 4.89, precision: 'commune' },
        national: { typologie: [], itinerance: ['Itinérant', 'Fixe'], accompagnement: [], acces: [], formations: [], autresFormations: [] },
      },
      [],
    ],
  ])('%s', (_, overrides, flags) => {
    const [entry] = directoryOf([place('Lieu fictif', overrides)]).places;
    expect(
      Object.entries(FLAG)
        .filter(([, bit]) => placeFlags(entry!) & bit)
        .map(([name]) => name),
    ).toEqual(flags);
  });
});

/** As a browser reads a file: written as JSON, read back (-0 becomes 0). */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('communes, postcodes and places files are written in columns and read back as their rows', () => {
  test('every commune and postcode of the reference, former names and arrondissements included, and every place', () => {
    const files = buildSearchFiles(directoryOf(fixtures.dataset.places), '2026-03-01');
    // As JSON has them (-0 is 0).
    for (const rows of files.communes.values()) expect(unpackCommunes(asJson(packCommunes(rows)))).toEqual(JSON.parse(JSON.stringify(rows)));
    for (const rows of files.postcodes.values()) expect(unpackPostcodes(asJson(packPostcodes(rows)))).toEqual(rows);
    expect([...files.communes.values()].flat().some((row) => typeof row[2] === 'string')).toBe(true);
    expect([...files.communes.values()].flat().some((row) => /^2[AB]/.test(row[0]))).toBe(true);
    expect([...files.postcodes.values()].flat().some((row) => row.length === 6)).toBe(true);
    for (const shard of files.shards.values()) expect(unpackShard(asJson(packShard(shard)))).toEqual(JSON.parse(JSON.stringify(shard)));
    expect([...files.shards.values()].some((shard) => shard.schedules.length > 0)).toBe(true);
  });

  test('a place that cannot be reached itself carries its network’s contact, through the packed file too', () => {
    const shard = files().shards.get('59')!;
    const places = unpackShard(asJson(packShard(shard))).places.map((row) => decodePlace(row, shard));
    const relay = places.find((item) => item.id === 'relais-fictif-du-moulin')!;
    expect(files().meta.networks?.[relay.network!]).toEqual({ name: 'Réseau fictif des relais, contact national', website: 'https://relais.exemple.invalid/nous-joindre/' });
    // A place with its own phone: none.
    expect(places.find((item) => item.id === 'point-fictif-de-la-colline')).not.toHaveProperty('network');
    expect(asJson(packShard(shard)).networks).toEqual({ [places.indexOf(relay)]: 0 });
  });

  test('a schedules’ field with the same value for all is written once, and read back for each', () => {
    const schedule = (week: number[][], tz = 'Europe/Paris') => ({ tz, week, days: { '2026-05-01': [] }, from: '2026-03-01', until: '2026-08-28', holidaysClosedByDefault: true });
    const monday = [[540, 720], [], [], [], [], [], []];
    const tuesday = [[], [540, 720], [], [], [], [], []];
    const shard = { departement: '974', places: [], communes: [], schedules: [schedule(monday, 'Indian/Reunion'), schedule(tuesday, 'Indian/Reunion'), schedule(monday)] };
    const file = asJson(packShard(shard));
    expect(file.schedules.map((column) => column.length)).toEqual([3, 3, 1, 1, 1, 1]);
    expect(unpackShard(file).schedules).toEqual(shard.schedules);
    for (const one of [[schedule(monday)], []]) expect(unpackShard(asJson(packShard({ ...shard, schedules: one }))).schedules).toEqual(one);
  });
});

test('another language’s words for a need never take a French word from the need French gives it to', () => {
  const otherWords = { 'acces-internet-materiel': ['papiers', 'computer'] };
  const files = buildSearchFiles(directoryOf(fixtures.dataset.places), '2026-03-01', undefined, otherWords);
  const keywords = (id: string) => files.meta.services.find((service) => service.id === id)!.keywords;
  expect(keywords('aide-demarches')).toContain('papiers');
  expect(keywords('acces-internet-materiel')).toContain('computer');
  expect(keywords('acces-internet-materiel')).not.toContain('papiers');
});

describe('the files of communes in a column', () => {
  test.each([
    [['0', '7', '46'], '07K'],
    [['61', '62', '0'], '0Z1000'],
    [[], ''],
  ])('%o is written « %s » and read back', (files, text) => {
    expect(packFiles(files)).toBe(text);
    expect(unpackFiles(text, files.length)).toEqual(files);
  });
});
