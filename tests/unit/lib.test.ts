/** Behaviours of the smaller modules of src/lib, each table row able to catch one breakage. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { formatDate, formatList, oneFullStop } from '../../src/lib/format.ts';
import { daysBetween } from '../../src/lib/dates.ts';
import { freshness, isStale, lastUpdate } from '../../src/lib/freshness.ts';
import { kindCode, kindOfCode, kindSymbol } from '../../src/lib/kinds.ts';
import { ClusterIndex, groupBubbles } from '../../src/lib/map/clusters.ts';
import { mapPoint } from '../../src/lib/map/points.ts';
import { mergePlaces, nameTokens, PlaceMatcher } from '../../src/lib/interop/merge.ts';
import { csvPieces, geoJsonPieces, jsonPieces, toCsv, toGeoJson, toJson, type StandardRow } from '../../src/lib/interop/export.ts';
import { STANDARD_COLUMNS } from '../../src/lib/interop/standard.ts';
import { placeToYaml } from '../../src/lib/interop/yamlOut.ts';
import { parseYaml, parseYamlSlowly } from '../../src/lib/dataset.ts';
import { normalize, tokens } from '../../src/lib/search/normalize.ts';
import { communeFileOf, communeFileStarts, communeFilesOfInitial, communeFilesWith, initialOf } from '../../src/lib/search/communes.ts';
import { placeFlags } from '../../src/lib/search/build.ts';
import { flagsOf, hasFlag } from '../../src/lib/search/row.ts';
import { closest, fnv1a, fold, placeIdBase } from '../../src/lib/text.ts';
import type { PlaceInput } from '../../src/lib/schemas/place.ts';
import { directoryOf, fixtures, perTest, place } from './world.ts';

describe('kinds', () => {
  test.each([
    ['solidarity-space', 0, '<rect', '#0b4f8a'],
    ['relay', 1, '<path', '#6b3fa0'],
    ['other', 2, '<circle', '#17663a'],
  ] as const)('%s is code %i, drawn as %s in %s', (kind, code, shape, colour) => {
    expect(kindCode(kind)).toBe(code);
    expect(kindOfCode(code)).toBe(kind);
    expect(kindSymbol(kind)).toContain(shape);
    expect(kindSymbol(kind)).toContain(`fill="${colour}"`);
    expect(kindSymbol(kind)).toMatch(/^<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">.*<\/svg>$/);
  });
  test('an unknown code reads as another help point', () => {
    expect(kindOfCode(7)).toBe('other');
  });
});

describe('text', () => {
  test.each([
    ['Œuvre Éclair', 'oeuvre eclair'],
    ['ÆSOP', 'aesop'],
    ['Château', 'chateau'],
  ])('folds %s to %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
  test.each([
    ['adress', ['address', 'phone'], 'address'],
    ['opennig', ['opening', 'closing'], 'opening'],
    ['recharge', ['recharges-solidaires', 'impression'], 'recharges-solidaires'],
    ['xyz', ['address', 'phone'], undefined],
  ])('a data editor who wrote %s probably meant %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
  test('hashes the same text the same way, and different texts differently', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('lieu')).toBe(fnv1a('lieu'));
    expect(fnv1a('lieu')).not.toBe(fnv1a('lieux'));
    expect(fnv1a('a')).toBe(3826002220);
  });
  test('makes an id base from a name, at most 60 characters, never empty', () => {
    expect(placeIdBase('Espace fictif — Lille !')).toBe('espace-fictif-lille');
    expect(placeIdBase('x'.repeat(59) + ' yy')).toBe('x'.repeat(59));
    expect(placeIdBase('«»')).toBe('lieu');
  });
});

describe('search text', () => {
  test.each([
    ['St-Ouen', ['saint', 'ouen']],
    ['', []],
    ['  ', []],
  ])('tokens of %s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });
  test.each([
    ['lille', 'l'],
    ['zutkerque', 'z'],
    ['1er', '0'],
    ['', '0'],
  ])('the initial of %s is %s', (name, initial) => {
    expect(initialOf(name)).toBe(initial);
  });
  test('the files of communes split the names in their order, never between homonyms', () => {
    const keys = ['1er essai', 'beta', 'lille', 'lilas', 'lens', 'lens', 'lens', 'saint a', 'saint b', 'saint c', 'zut'];
    const starts = communeFileStarts(keys, 2);
    expect(starts).toEqual(['', 'lens', 'lilas', 'saint a', 'saint c']);
    // Every name is in the file whose range holds it; the three "lens" in one file, of three names.
    expect(keys.map((key) => communeFileOf(key, starts))).toEqual(['0', '0', '2', '2', '1', '1', '1', '3', '3', '4', '4']);
    // "saint " sorts before "saint a": a name between them would be in file 2.
    expect(communeFilesWith('saint ', starts)).toEqual(['2', '3', '4']);
    expect(communeFilesWith('saint b', starts)).toEqual(['3']);
    expect(communeFilesWith('lille', starts)).toEqual(['2']);
    expect(communeFilesWith('', starts)).toEqual(['0', '1', '2', '3', '4']);
    // A name starting with "l" before "lens" ("la…") would be in the first file.
    expect(communeFilesOfInitial('l', starts)).toEqual(['0', '1', '2']);
    expect(communeFilesOfInitial('0', starts)).toEqual(['0']);
  });
  test('keeps digits and drops signs', () => {
    expect(normalize('Paris 19e, « centre »')).toBe('paris 19e centre');
    expect(normalize('Ste-Marie')).toBe('sainte marie');
  });
});

describe('formats', () => {
  test.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a et b'],
    [['a', 'b', 'c'], 'a, b et c'],
  ])('lists %o as « %s »', (items, text) => {
    expect(formatList(t, items)).toBe(text);
  });
  test('counts days between dates, across months', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
  test('writes dates in other locales without "1er", always in the calendar of France', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('January 1, 2026');
    // Persian and Pashto give the Solar Hijri year (1405) unless asked.
    expect(formatDate('2026-12-04', 'fa')).toContain('۲۰۲۶');
    expect(formatDate('2026-12-04', 'ps')).toMatch(/۲۰۲۶|2026/);
  });
  test('a sentence that ends with a date ending with a full stop keeps one', () => {
    expect(oneFullStop(`Напечатано ${formatDate('2026-12-04', 'ru')}.`)).toBe('Напечатано 4 декабря 2026 г.');
    expect(oneFullStop('Imprimé le 4 décembre 2026.')).toBe('Imprimé le 4 décembre 2026.');
  });
});

describe('freshness', () => {
  const sources = (...dates: (string | null)[]) => dates.map((date) => ({ name: 'Source fictive', date }));
  test.each([
    ['checked a month ago', '2026-02-01', sources('2020-01-01'), 'fresh'],
    ['checked exactly a year ago', '2025-03-01', sources(), 'fresh'],
    ['checked a year and a day ago', '2025-02-28', sources(), 'stale'],
    ['not checked, recent source', null, sources('2024-01-01', '2026-01-15', null), 'fresh'],
    ['not checked, old sources', null, sources('2024-01-01', '2023-01-01'), 'stale'],
    ['no date at all', null, sources(null), 'undated'],
  ] as const)('%s: %s', (_, verified, list, expected) => {
    expect(freshness({ verified, sources: list }, '2026-03-01')).toBe(expected);
    expect(isStale({ verified, sources: list }, '2026-03-01')).toBe(expected !== 'fresh');
  });
  test('the last update is the check, else the newest source', () => {
    expect(lastUpdate({ verified: '2020-01-01', sources: sources('2026-01-01') })).toBe('2020-01-01');
    expect(lastUpdate({ verified: null, sources: sources('2024-01-01', '2026-01-15', null) })).toBe('2026-01-15');
    expect(lastUpdate({ verified: null, sources: sources(null) })).toBeNull();
  });
});

describe('search flags', () => {
  const directory = perTest(() =>
    directoryOf([
      place('Lieu fictif Tout', {
        kind: 'relay',
        access: { fees: ['free', 'paid'], referral: 'not-required', appointment: 'both' },
        accessibility: { wheelchair: 'yes' },
        hours: { openingHours: 'Sa 09:00-12:00', closures: [] },
      }),
      place('Lieu fictif Rien', { accessibility: { wheelchair: 'partial' }, access: { fees: ['solidarity-price'], referral: 'required', appointment: 'required' } }),
      place('Lieu fictif Relais Emmaüs', { programmes: ['relais-emmaus-connect'] }),
    ]),
  );
  const flags = (name: string) => placeFlags(directory().places.find((item) => item.name === name)!);
  test('a place with every condition met carries every matching flag', () => {
    expect(flags('Lieu fictif Tout')).toBe(flagsOf(['free', 'noReferral', 'walkIn', 'wheelchair', 'emmaus', 'saturday', 'exactPoint']));
  });
  test('a place that requires things says so, a partial access is not "accessible", a solidarity price is not free', () => {
    expect(flags('Lieu fictif Rien')).toBe(flagsOf(['referralRequired', 'appointmentRequired', 'notFree', 'exactPoint']));
  });
  test('a relay of the network counts as Emmaüs Connect', () => {
    expect(hasFlag({ flags: flags('Lieu fictif Relais Emmaüs') }, 'emmaus')).toBe(true);
    expect(flags('Lieu fictif Relais Emmaüs')).toBe(flagsOf(['emmaus', 'exactPoint']));
  });
});

describe('map', () => {
  test('a map point carries the phone in both forms, or none', () => {
    expect(mapPoint({ id: 'a', name: 'A', lat: 1, lon: 2, kind: 'relay', phone: '0123456789' }, 'Ouvert')).toEqual({
      id: 'a',
      name: 'A',
      lat: 1,
      lon: 2,
      kind: 'relay',
      phone: '01 23 45 67 89',
      dial: '+33123456789',
      status: 'Ouvert',
    });
    expect(mapPoint({ id: 'a', name: 'A', lat: 1, lon: 2, kind: 'other', phone: 'n/a' })).toEqual({ id: 'a', name: 'A', lat: 1, lon: 2, kind: 'other' });
  });
  test('clusters close points at a national zoom and shows them one by one up close', () => {
    const points = Array.from({ length: 5 }, (_, n) => mapPoint({ id: `p${n}`, name: `P${n}`, lat: 48.85 + n * 0.001, lon: 2.35, kind: 'other' }));
    const index = new ClusterIndex([...points, mapPoint({ id: 'far', name: 'Far', lat: 43.3, lon: 5.4, kind: 'other' })]);
    const world: [number, number, number, number] = [-10, 40, 10, 52];
    const far = index.view(world, 5);
    expect(far.map((item) => item.type).sort()).toEqual(['cluster', 'point']);
    const cluster = far.find((item) => item.type === 'cluster')!;
    expect(cluster).toMatchObject({ count: 5 });
    const near = index.view(world, 18);
    expect(near.filter((item) => item.type === 'point')).toHaveLength(6);
    expect(index.expansionZoom(cluster.type === 'cluster' ? cluster.id : -1)).toBeGreaterThan(5);
  });
});

describe('YAML', () => {
  test('a duplicate key is a plain-words error with its line', () => {
    expect(parseYaml('id: a\nid: b\n', 'x.yaml').syntaxError).toBe(
      'le fichier n’est pas du YAML valide (ligne 2) : une clé est écrite deux fois. Vérifiez l’indentation (des espaces, pas de tabulation), les crochets [ ] et les guillemets.',
    );
  });
  test('a valid file gives its data', () => {
    expect(parseYaml('a: [1, 2]\n', 'x.yaml')).toEqual({ file: 'x.yaml', data: { a: [1, 2] } });
  });
  test('the fast reader reads every value of YAML 1.2 as the reference parser does', () => {
    // js-yaml alone reads "-.5" and "+.5" as text and "0b101" as a number.
    const values = [
      '-.487532',
      '+.5',
      '.5',
      '1.',
      '1e3',
      '-2.5E-3',
      '12',
      '+12',
      '012',
      '0o17',
      '0x1F',
      '0b101',
      '1_000',
      '.inf',
      '-.INF',
      '.NaN',
      'yes',
      'on',
      'True',
      'NULL',
      '~',
      '2023-06-22',
      '12:30',
      '"0612"',
    ];
    for (const value of values) {
      const text = `k: ${value}\n`;
      const fast = parseYaml(text, 'x.yaml');
      expect(fast, value).toEqual(parseYamlSlowly(text, 'x.yaml'));
    }
    expect(parseYaml('lon: -.5\n', 'x.yaml').data).toEqual({ lon: -0.5 });
    expect(parseYaml('tel: 0b101\n', 'x.yaml').data).toEqual({ tel: '0b101' });
  });
  test('the values read do not keep their file alive', () => {
    // A value cut out of a text is, in V8, a pointer into that text: the 16 texts of 1 MB would stay.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => (gc(), process.memoryUsage().heapUsed);
    const before = heap();
    const kept = ['fast', 'slow'].flatMap((reader) =>
      Array.from({ length: 8 }, (_, index) => {
        const text = `name: Lieu fictif numéro ${index} (${reader})\n${reader === 'slow' ? 'alias: &a 1\n' : ''}# ${'x'.repeat(1 << 20)}\n`;
        return (parseYaml(text, 'x.yaml').data as { name: string }).name;
      }),
    );
    const grown = heap() - before;
    expect(kept).toContain('Lieu fictif numéro 7 (slow)');
    expect(grown).toBeLessThan(4 << 20);
  });
  test('a file the fast reader refuses is explained by the reference parser, in plain words', () => {
    expect(parseYaml('name: [unclosed\n', 'x.yaml').syntaxError).toMatch(/^le fichier n’est pas du YAML valide \(ligne \d\)/);
    expect(parseYaml('id: a\n---\nid: b\n', 'x.yaml')).toEqual(parseYamlSlowly('id: a\n---\nid: b\n', 'x.yaml'));
    expect(parseYaml('', 'x.yaml')).toEqual(parseYamlSlowly('', 'x.yaml'));
    expect(parseYaml('a: &x 1\nb: *x\n', 'x.yaml').data).toEqual({ a: 1, b: 1 });
  });
  test('writes a place as a person would, empty values left out but "unknown" kept', () => {
    const yaml = placeToYaml({
      id: 'a',
      name: 'A',
      kind: 'other',
      programmes: [],
      address: { street: null, postcode: null, insee: '59350' },
      location: { lat: 50, lon: 3, precision: 'commune' },
      contacts: {},
      hours: { openingHours: null, closures: [] },
      sources: [{ name: 'S', date: null }],
      verified: null,
    });
    expect(yaml).toBe(
      '# yaml-language-server: $schema=../../../schemas/place.schema.json\n# Fiche créée par l’import des données nationales (npm run import).\n# Un nouvel import peut la réécrire : pour la gérer à la main, déplacez-la hors de data/places/imported/.\n' +
        'id: a\nname: A\nkind: other\naddress:\n  street: null\n  postcode: null\n  insee: "59350"\nlocation:\n  lat: 50\n  lon: 3\n  precision: commune\nsources:\n  - name: S\n    date: null\nverified: null\n',
    );
  });
});

describe('merging records of one place', () => {
  const base = (overrides: Partial<PlaceInput>): PlaceInput => ({
    id: 'a',
    name: 'Espace fictif',
    kind: 'other',
    address: { street: '1 rue Fictive', postcode: '59000', insee: '59350' },
    location: { lat: 50.63, lon: 3.06, precision: 'address' },
    sources: [{ name: 'S1', date: '2022-01-01', record: 's:1' }],
    verified: '2022-01-01',
    ...overrides,
  });
  test('the newer gives its values, the older fills gaps, sources add up without repeats', () => {
    const older = base({ contacts: { phone: '01 23 45 67 89' }, description: 'Ancienne' });
    const newer = base({
      id: 'b',
      name: 'Espace fictif (nouveau)',
      verified: '2023-01-01',
      description: 'Nouvelle',
      sources: [
        { name: 'S2', date: '2023-01-01', record: 's:2' },
        { name: 'S1', date: '2022-01-01', record: 's:1' },
      ],
    });
    const merged = mergePlaces(older, newer);
    expect(merged).toMatchObject({ id: 'a', name: 'Espace fictif (nouveau)', description: 'Nouvelle', contacts: { phone: '01 23 45 67 89' }, verified: '2023-01-01' });
    expect(merged.sources.map((source) => source.record)).toEqual(['s:1', 's:2']);
  });
  test('an existing record more recent than the incoming one keeps its values', () => {
    const merged = mergePlaces(base({ verified: '2024-01-01', description: 'Récente' }), base({ verified: '2023-01-01', description: 'Vieille' }));
    expect(merged.description).toBe('Récente');
  });
  test('finds a twin by SIRET and street, or by a near point and a close name, never a stranger', () => {
    const known = {
      id: 'a',
      file: 'a.yaml',
      curated: false,
      place: base({ national: { pivot: '12345678900011', typologie: [], itinerance: [], accompagnement: [], acces: [], formations: [], autresFormations: [] } }),
    };
    const matcher = new PlaceMatcher([known]);
    expect(matcher.duplicateOf(base({ name: 'Tout autre nom', location: { lat: 50.7, lon: 3.1, precision: 'address' }, national: known.place.national }))).toBe(known);
    expect(matcher.duplicateOf(base({ name: 'ESPACE FICTIF', location: { lat: 50.6305, lon: 3.0605, precision: 'address' } }))).toBe(known);
    expect(matcher.duplicateOf(base({ name: 'Médiathèque', location: { lat: 50.6305, lon: 3.0605, precision: 'address' } }))).toBeUndefined();
    expect(matcher.duplicateOf(base({ location: { lat: 50.64, lon: 3.06, precision: 'address' } }))).toBeUndefined();
    expect(matcher.duplicateOf(base({ location: { lat: 50.63, lon: 3.06, precision: 'commune' } }))).toBeUndefined();
    expect(matcher.byRecordKey('s:1')).toBe(known);
    expect(matcher.byRecordKey('s:9')).toBeUndefined();
  });
  test('compares names without small words, accents or plurals', () => {
    expect([...nameTokens('Les Ateliers de la Gare')]).toEqual(['atelier', 'gare']);
  });
});

describe('exports', () => {
  test('quotes CSV cells that need it', () => {
    const row = Object.fromEntries(STANDARD_COLUMNS.map((column) => [column, null])) as StandardRow;
    const csv = toCsv([{ ...row, id: 'a', nom: 'Le "Lieu", fictif\nsuite', latitude: 50.5 }]);
    expect(csv.split('\r\n')[1]).toBe('a,,"Le ""Lieu"", fictif\nsuite",,,,,,50.5' + ','.repeat(STANDARD_COLUMNS.length - 9));
    expect(JSON.parse(toJson([{ ...row, id: 'a', nom: '', latitude: 0 }]))).toEqual([{ id: 'a', latitude: 0 }]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
  test('GeoJSON has every place with its page and kind', () => {
    const directory = directoryOf(fixtures.dataset.places);
    const geo = JSON.parse(toGeoJson(directory.places, new URL('https://exemple.invalid'))) as { features: { geometry: { coordinates: number[] }; properties: Record<string, string> }[] };
    const hirondelles = geo.features.find((feature) => feature.properties.id === 'espace-fictif-des-hirondelles')!;
    expect(geo.features).toHaveLength(34);
    expect(hirondelles.geometry.coordinates).toEqual([7.75, 48.58]);
    expect(hirondelles.properties).toEqual({
      id: 'espace-fictif-des-hirondelles',
      nom: 'Espace fictif des Hirondelles',
      type: 'solidarity-space',
      commune: 'Strasbourg',
      code_insee: '67482',
      precision: 'address',
      page: 'https://exemple.invalid/lieux/espace-fictif-des-hirondelles/',
    });
  });
  test('a whole export written in pieces of a thousand rows is one valid file, every row once, in order', () => {
    const empty = Object.fromEntries(STANDARD_COLUMNS.map((column) => [column, null])) as StandardRow;
    const rows = Array.from({ length: 2_345 }, (_, index) => ({ ...empty, id: `lieu-fictif-${index}`, nom: `Lieu fictif, n° ${index}` }));
    const pieces = [...jsonPieces(rows)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toEqual(rows.map(({ id, nom }) => ({ id, nom })));
    const csv = [...csvPieces(rows)].join('');
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    expect(csv.split('\r\n')[1_001]).toBe(`lieu-fictif-1000,,"Lieu fictif, n° 1000"${','.repeat(STANDARD_COLUMNS.length - 3)}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    const places = directoryOf(fixtures.dataset.places).places;
    const many = Array.from({ length: 70 }, () => places).flat();
    const geo = JSON.parse([...geoJsonPieces(many, undefined)].join('')) as { type: string; features: { properties: { id: string } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((feature) => feature.properties.id)).toEqual(many.map((item) => item.id));
  });
});

describe('département bubbles', () => {
  const bubble = (code: string, count: number, x: number) => ({ code, name: `Département ${code}`, count, lat: x, lon: 0 });
  const project = (item: { lat: number }) => ({ x: item.lat, y: 0 });
  test('merge when closer than a bubble, the biggest keeps its place, counts add up', () => {
    const groups = groupBubbles([bubble('a', 1, 0), bubble('b', 9, 30), bubble('c', 5, 100)], project, 46);
    expect(groups.map((group) => [group.members.map((member) => member.code), group.count])).toEqual([
      [['b', 'a'], 10],
      [['c'], 5],
    ]);
    expect(groups[0]!.lat).toBeCloseTo(27, 6);
  });
  test('stay apart when far enough', () => {
    expect(groupBubbles([bubble('a', 1, 0), bubble('b', 1, 46)], project, 46)).toHaveLength(2);
  });
});
