/**
 * Queries as people type them: sentences, needs in common forms and misspellings, communes by
 * the start of their name or a former name, homonyms largest first; and the ranking rule that
 * weighs distance against certainty. Each row can catch one breakage.
 */
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { buildSchedule } from '../../src/lib/hours/schedule.ts';
import { nextOpening } from '../../src/lib/orient/share.ts';
import { communeFileOf, communeFilesOfInitial, largestFirst, letterPairs, shortlisted, SHORTLIST, withLargerNamesakes } from '../../src/lib/search/communes.ts';
import { NO_FILTERS, SearchEngine, startsAWord, type CommuneMatch, type Filters, type SearchOutcome } from '../../src/lib/search/engine.ts';
import { MOST_UNKNOWN_KM, rankKm, UNKNOWN_KM } from '../../src/lib/search/rank.ts';
import { matchNeeds, queryWords, typosAllowed } from '../../src/lib/search/query.ts';
import type { SearchFiles } from '../../src/lib/search/build.ts';
import { filtersFrom, filtersSaid, filterWordsOf } from '../../src/components/search/state.ts';
import { wordsFor } from '../../src/i18n/page.ts';
import { formerNamesFrom } from '../../src/lib/territory/official.ts';
import { packCommunes, packPostcodes, packShard } from '../../src/lib/search/data.ts';
import { soundInitials } from '../../src/lib/search/sound.ts';
import { needsMeta } from './needs.ts';
import { fixtures, packed, perTest, place, searchFilesOf, searchReference } from './world.ts';

const NOW = new Date('2026-03-03T10:00:00+01:00'); // a Tuesday morning

/** An engine over these files that records every file it asks for, and fails on one that does not exist. */
function recordingEngine(files: SearchFiles): { engine: SearchEngine; missing: string[]; asked: string[] } {
  const missing: string[] = [];
  const asked: string[] = [];
  const engine = new SearchEngine({
    // eslint-disable-next-line @typescript-eslint/require-await -- async like the network: a missing file is a rejection, not a throw
    json: async <T>(path: string): Promise<T> => {
      const file = path.split('?')[0]!;
      asked.push(file);
      const match = /^\/recherche\/(?:(meta)\.json|communes\/(\w+)\.json|codes-postaux\/(\w+)\.json|lieux\/(\w+)\.json)$/.exec(file);
      const [, single, communeFile, prefix, departement] = match ?? [];
      const value = single
        ? files.meta
        : communeFile
          ? packed(files.communes.get(communeFile), packCommunes)
          : prefix
            ? packed(files.postcodes.get(prefix), packPostcodes)
            : departement
              ? packed(files.shards.get(departement.toUpperCase()), packShard)
              : undefined;
      if (value === undefined) {
        missing.push(file);
        throw new Error(`404 ${file}`);
      }
      return structuredClone(value) as T;
    },
  });
  return { engine, missing, asked };
}

describe('needs in common forms and misspellings', () => {
  const meta = () => needsMeta(fixtures.dataset.services);

  test.each([
    // [query, needs as written, needs with typos]
    ['declaration', ['aide-demarches'], ['aide-demarches']],
    ['declarations', ['aide-demarches'], ['aide-demarches']],
    ['declaraton', [], ['aide-demarches']],
    ['decalration', [], ['aide-demarches']],
    ['impot', ['aide-demarches'], ['aide-demarches']],
    ['inpots', [], ['aide-demarches']],
    ['scaner', [], ['acces-internet-materiel']],
    ['imprimmer', [], ['acces-internet-materiel']],
    ['photocopies', ['acces-internet-materiel'], ['acces-internet-materiel']],
    ['ma carte vitale', ['aide-demarches'], ['aide-demarches']],
    ['carte', [], []],
    // Short words are never typos of each other.
    ['papi', ['aide-demarches'], ['aide-demarches']],
    ['pap', [], []],
    ['lille', [], []],
    ['strasbourg', [], []],
  ])('« %s »: %o as written, %o with typos', (q, written, typos) => {
    expect(matchNeeds(queryWords(q), meta()).services).toEqual(written);
    expect(matchNeeds(queryWords(q), meta(), { typos: true }).services).toEqual(typos);
  });

  test.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [14, 2],
  ])('a word of %i letters may hold %i typing mistake(s)', (length, allowed) => {
    expect(typosAllowed(length)).toBe(allowed);
  });
});

describe('a query is a sentence', () => {
  const files = perTest(() => searchFilesOf(fixtures.dataset.places));

  test.each<[string, { type: SearchOutcome['type']; commune?: string; needs?: string[]; name?: string[]; unknown?: string[]; first?: string }]>([
    ['je cherche de l’aide pour faire mes papiers à Lille', { type: 'results', commune: 'Lille', needs: ['aide-demarches'], unknown: [] }],
    ['déclaration impôts Strasbourg', { type: 'results', commune: 'Strasbourg', needs: ['aide-demarches'], unknown: [], first: 'Espace fictif des Hirondelles' }],
    ['faire ma declaraton strasbourg', { type: 'results', commune: 'Strasbourg', needs: ['aide-demarches'], unknown: [] }],
    ['imprimer un document grenoble', { type: 'results', commune: 'Grenoble', needs: ['acces-internet-materiel'], unknown: [] }],
    ['comment scanner un document à Lille', { type: 'results', commune: 'Lille', needs: ['acces-internet-materiel'], unknown: [] }],
    // A word understood by nothing is left out, and said; the results come from the rest.
    ['papiers strasbourg xyzzy', { type: 'results', commune: 'Strasbourg', needs: ['aide-demarches'], unknown: ['xyzzy'], first: 'Espace fictif des Hirondelles' }],
    ['xyzzy lille', { type: 'results', commune: 'Lille', needs: [], unknown: ['xyzzy'], first: 'Point fictif de la Colline' }],
    ['hirondelles lille', { type: 'results', commune: 'Lille', needs: [], name: [], unknown: ['hirondelles'], first: 'Point fictif de la Colline' }],
    // A word of a place's name is used.
    ['colline lille', { type: 'results', commune: 'Lille', name: ['colline'], unknown: [], first: 'Point fictif de la Colline' }],
    ['fictif hirondelles', { type: 'by-name', name: ['fictif', 'hirondelles'], unknown: [], first: 'Espace fictif des Hirondelles' }],
    ['où trouver de l’aide pour ma carte vitale', { type: 'need-location', needs: ['aide-demarches'] }],
    ['zzqqxx', { type: 'none' }],
  ])('« %s »', async (q, expected) => {
    const { engine, missing } = recordingEngine(files());
    const outcome = await engine.search({ q, filters: NO_FILTERS, now: NOW });
    expect(outcome.type).toBe(expected.type);
    if (expected.commune) expect(outcome.type === 'results' && outcome.origin.kind === 'commune' && outcome.origin.commune.name).toBe(expected.commune);
    if ('reading' in outcome) {
      if (expected.needs) expect(outcome.reading.needs).toEqual(expected.needs);
      if (expected.name) expect(outcome.reading.name).toEqual(expected.name);
      if (expected.unknown) expect(outcome.reading.unknown).toEqual(expected.unknown);
    }
    if (expected.first) expect((outcome.type === 'results' || outcome.type === 'by-name') && outcome.results[0]?.name).toBe(expected.first);
    // No request for a file that does not exist (there is no file of communes starting with a digit).
    expect(missing).toEqual([]);
  });
});

test('a programme’s name is a name: « connect » of Emmaüs Connect is not a misspelt « connexion »', async () => {
  const files = searchFilesOf(fixtures.dataset.places);
  expect(files.meta.programmeNames).toEqual(expect.arrayContaining(['emmaus connect', 'aidants connect']));
  expect(files.meta.programmeNames).not.toContain('france services');
  // « connect » as another language's word for a need, and « connexion » in French: neither takes the name.
  files.meta.services.find((service) => service.id === 'acces-internet-materiel')!.keywords.push('connexion', 'connect');
  const { engine } = recordingEngine(files);
  const read = async (q: string) => {
    const outcome = await engine.search({ q, filters: NO_FILTERS, now: NOW });
    return 'reading' in outcome ? outcome.reading.needs : null;
  };
  expect(await read('emmaus connect lille')).toEqual([]);
  expect(await read('aidants connect lille')).toEqual([]);
  // A misspelt need is still one.
  expect(await read('conexion lille')).toEqual(['acces-internet-materiel']);
});

test('a name that places hold, but none within 100 km: the results come from the rest of the query, and the word is said', async () => {
  const reference = { ...fixtures.reference, communes: new Map([...fixtures.reference.communes].filter(([, commune]) => ['59', '62', '80'].includes(commune.departementCode))) };
  const world = [
    place('Point fictif du Beffroi', { insee: '59350', lat: 50.63, lon: 3.06 }),
    // In Abbeville (Somme, a neighbour of the Nord), 105 km from Lille.
    place('Médiathèque fictive de la Somme', { insee: '80001', lat: 50.105, lon: 1.835 }),
  ];
  const { engine } = recordingEngine(searchFilesOf(world, [], reference));
  const outcome = await engine.search({ q: 'mediatheque lille', filters: NO_FILTERS, now: NOW });
  expect(outcome.type === 'results' && outcome.results.map((result) => result.name)).toEqual(['Point fictif du Beffroi']);
  expect('reading' in outcome && outcome.reading).toEqual({ needs: [], franceServices: false, name: [], unknown: ['mediatheque'] });
  // Near Amiens (45 km), the word is used.
  const amiens = await engine.search({ q: 'mediatheque amiens', filters: NO_FILTERS, now: NOW });
  expect(amiens.type === 'results' && amiens.results.map((result) => result.name)).toEqual(['Médiathèque fictive de la Somme']);
});

describe('is a word in any name? one look in the sorted words of a file', () => {
  const words = ['atelier', 'canal', 'colline', 'emmaus', 'fictif', 'mediatheque'];
  test.each([
    ['colline', true],
    ['coll', true],
    ['media', true],
    ['atelier', true],
    ['a', true],
    ['mediatheques', false],
    ['olline', false],
    ['zz', false],
    ['b', false],
  ])('%s: %s', (word, expected) => {
    expect(startsAWord(words, word)).toBe(expected);
  });
});

describe('communes as people name them', () => {
  // The départements of the communes these rows name, and of their larger namesakes.
  const reference = perTest(() => ({
    ...fixtures.reference,
    communes: new Map(
      [...fixtures.reference.communes].filter(([, commune]) =>
        ['01', '10', '13', '19', '26', '38', '44', '48', '50', '59', '62', '63', '71', '73', '75', '93', '11', '30', '974', '91', '69'].includes(commune.departementCode),
      ),
    ),
  }));
  const engine = perTest(() => recordingEngine(searchFilesOf([], [], reference())).engine);
  const offered = (outcome: SearchOutcome) =>
    outcome.type === 'choose' ? outcome.communes.map((commune) => `${commune.formerName ? `${commune.formerName} → ` : ''}${commune.name} (${commune.departementName})`) : [];
  const origin = (outcome: SearchOutcome) =>
    outcome.type === 'results' && outcome.origin.kind === 'commune' ? `${outcome.origin.commune.formerName ? `${outcome.origin.commune.formerName} → ` : ''}${outcome.origin.commune.name}` : null;

  test.each([
    // A small namesake is never picked silently: the larger communes whose name starts with it come first.
    [
      'aix',
      [
        'Aix-en-Provence (Bouches-du-Rhône)',
        'Aix-les-Bains (Savoie)',
        'Aix-Noulette (Pas-de-Calais)',
        'Aix-Villemaur-Pâlis (Aube)',
        'Aix-en-Pévèle (Nord)',
        'Aix-en-Diois → Solaure en Diois (Drôme)',
        'Aix (Corrèze)',
      ],
    ],
    // Homonyms, largest first; longer names that start with it are smaller: not offered.
    ['saint denis', ['Saint-Denis (La Réunion)', 'Saint-Denis (Seine-Saint-Denis)', 'Saint-Denis (Aude)', 'Saint-Denis (Gard)']],
    ['Grigny', ['Grigny (Essonne)', 'Grigny (Rhône)', 'Grigny (Pas-de-Calais)']],
  ])('« %s » offers %o', async (q, expected) => {
    expect(offered(await engine().search({ q, filters: NO_FILTERS, now: NOW }))).toEqual(expected);
  });

  test.each([
    // The larger namesake is the one meant: Paris, not Paris-l'Hôpital.
    ['paris', 'Paris'],
    ['Aix-en-Provence', 'Aix-en-Provence'],
    // The start of a name, as whole words, before any typo: not Floirac.
    ['florac', 'Florac Trois Rivières'],
    ['cherbourg', 'Cherbourg-en-Cotentin'],
    ['aide papiers cherbourg', 'Cherbourg-en-Cotentin'],
    // A former name (commune déléguée) leads to today's commune, and says by which name.
    ['Cherbourg-Octeville', 'Cherbourg-Octeville → Cherbourg-en-Cotentin'],
    ['bellegarde sur valserine', 'Bellegarde-sur-Valserine → Valserhône'],
    // A name said without its article (« pont claix » misspelt would be Pont-Croix, in Finistère).
    ['pont de claix', 'Le Pont-de-Claix'],
    ['aide pont de claix', 'Le Pont-de-Claix'],
    // A typo shared by hundreds of small names: the large commune is among those compared.
    ['lile', 'Lille'],
    // Today's name in another file of communes than the former one.
    ['Hellemmes-Lille', 'Hellemmes-Lille → Lille'],
    // Between two names of communes in a query, the larger: « en ligne » is not Ligné (Loire-Atlantique).
    ['aide pour un formulaire en ligne grenoble', 'Grenoble'],
    ['ligne', 'Ligné'],
  ])('« %s » is %s', async (q, expected) => {
    expect(origin(await engine().search({ q, filters: NO_FILTERS, now: NOW }))).toBe(expected);
  });

  test('a name and a commune (« emmaus lille ») read no file for the name with an article before it', async () => {
    const files = searchFilesOf([], [], reference());
    const starts = files.meta.communeFiles;
    const fileOf = (key: string) => `/recherche/communes/${communeFileOf(key, starts)}.json`;
    const { engine, asked } = recordingEngine(files);
    const outcome = await engine.search({ q: 'emmaus lille', filters: NO_FILTERS, now: NOW });
    expect(origin(outcome)).toBe('Lille');
    const withArticles = ['l emmaus lille', 'la emmaus lille', 'le emmaus lille', 'les emmaus lille'].map(fileOf);
    const needed = new Set([fileOf('lille'), ...communeFilesOfInitial('e', starts).map((file) => `/recherche/communes/${file}.json`)]);
    // The words with an article would be looked for in other files than those of « lille » and of the initial « e ».
    expect(withArticles.some((file) => !needed.has(file))).toBe(true);
    expect(asked.filter((file) => file.startsWith('/recherche/communes/') && !needed.has(file))).toEqual([]);
  });

  test('a name and a département (« emmaus nord ») read the communes of the name’s first sound only; a commune misspelt from its first letter there is found after the places’ names', async () => {
    const files = searchFilesOf([place('Espace fictif Emmaüs', { insee: '59350', lat: 50.63, lon: 3.06 })], [], reference());
    const starts = files.meta.communeFiles;
    // Those of « e », of the letters a name said « e… » may begin with (« a », « h »: see soundInitials()),
    // and of « l » (« le emmaus », « la emmaus »…: a name said without its article). Not the 47 files of every letter.
    const initial = new Set([...soundInitials('e'), 'l'].flatMap((letter) => communeFilesOfInitial(letter, starts).map((file) => `/recherche/communes/${file}.json`)));
    for (const q of ['emmaus nord', 'emmaus sur nord']) {
      const { engine, asked } = recordingEngine(files);
      const outcome = await engine.search({ q, filters: NO_FILTERS, now: NOW });
      expect(outcome.type === 'by-name' && outcome.results.map((result) => result.name), q).toEqual(['Espace fictif Emmaüs']);
      // And the file of each run of words, looked for as a commune's exact name (« nord », « sur nord »…).
      const words = q.split(' ');
      const runs = words.flatMap((_, start) => words.slice(start).map((__, end) => words.slice(start, start + end + 1).join(' ')));
      const allowed = new Set([...initial, ...runs.map((run) => `/recherche/communes/${communeFileOf(run, starts)}.json`)]);
      expect(
        asked.filter((file) => file.startsWith('/recherche/communes/') && !allowed.has(file)),
        q,
      ).toEqual([]);
    }
    // « frenoble isere »: no place is named so in the Isère; Grenoble is.
    const { engine } = recordingEngine(files);
    expect(origin(await engine.search({ q: 'frenoble isere', filters: NO_FILTERS, now: NOW }))).toBe('Grenoble');
    // A need asked with it stays asked, and read.
    const withNeed = await engine.search({ q: 'impots frenoble isere', filters: NO_FILTERS, now: NOW });
    expect(origin(withNeed)).toBe('Grenoble');
    expect(withNeed.type === 'results' && [withNeed.filters.services, withNeed.reading.needs]).toEqual([['aide-demarches'], ['aide-demarches']]);
  });

  test('the network’s name (« emmaus ») finds its places first, spaces then relays, in the départements that hold the name only, and reads no commune file but its first letter’s', async () => {
    const world = [
      place('Mairie fictive', { insee: '38185', lat: 45.19, lon: 5.72 }),
      place('Communauté fictive Emmaüs', { insee: '69123', lat: 45.76, lon: 4.83 }),
      place('Relais fictif du Beffroi', { insee: '59512', lat: 50.69, lon: 3.17, kind: 'relay' }),
      place('Espace fictif du Vieux-Lille', { insee: '59350', lat: 50.63, lon: 3.06, kind: 'solidarity-space' }),
    ];
    const files = searchFilesOf(world, [], reference());
    // The build counts, by département, the places the network's name may find: its own, and those named so.
    expect(Object.entries(files.meta.departements).flatMap(([code, departement]) => (departement.emmaus ? [[code, departement.emmaus]] : []))).toEqual([
      ['59', 2],
      ['69', 1],
    ]);
    const initial = new Set(soundInitials('e').flatMap((letter) => communeFilesOfInitial(letter, files.meta.communeFiles).map((file) => `/recherche/communes/${file}.json`)));
    for (const q of ['emmaus', 'Emmaüs Connect']) {
      const { engine, asked } = recordingEngine(files);
      const outcome = await engine.search({ q, filters: NO_FILTERS, now: NOW });
      const names = outcome.type === 'by-name' && outcome.results.map((result) => result.name);
      // « connect » after « emmaus » is the network's name, not a word each place must hold.
      expect(names, q).toEqual(['Espace fictif du Vieux-Lille', 'Relais fictif du Beffroi', 'Communauté fictive Emmaüs']);
      // The Isère's file holds no place the name may find: it is not read. Nor the files of communes of every letter.
      expect(asked.filter((file) => file.startsWith('/recherche/lieux/')).sort(), q).toEqual(['/recherche/lieux/59.json', '/recherche/lieux/69.json']);
      expect(
        asked.filter((file) => file.startsWith('/recherche/communes/') && !initial.has(file) && file !== `/recherche/communes/${communeFileOf('emmaus connect', files.meta.communeFiles)}.json`),
        q,
      ).toEqual([]);
    }
    // With a commune, the network's relay near it comes with its space (it is not named « Emmaüs »).
    const nearLille = await recordingEngine(files).engine.search({ q: 'emmaus lille', filters: NO_FILTERS, now: NOW });
    expect(nearLille.type === 'results' && nearLille.results.map((result) => result.name)).toEqual(['Espace fictif du Vieux-Lille', 'Relais fictif du Beffroi']);
    // Its relays by « relais »; « connect » alone is no name of the network's (Aidants Connect is another).
    const relays = await recordingEngine(files).engine.search({ q: 'relais emmaus lille', filters: NO_FILTERS, now: NOW });
    expect(relays.type === 'results' && relays.results.map((result) => result.name)).toEqual(['Relais fictif du Beffroi']);
    const connect = await recordingEngine(files).engine.search({ q: 'connect lille', filters: NO_FILTERS, now: NOW });
    expect(connect.type === 'results' && connect.reading.name).toEqual([]);
    // A meta.json written before the counts: every département is read, as before.
    const { engine, asked } = recordingEngine({
      ...files,
      meta: { ...files.meta, departements: Object.fromEntries(Object.entries(files.meta.departements).map(([code, { emmaus: _, ...departement }]) => [code, departement])) },
    });
    const old = await engine.search({ q: 'emmaus', filters: NO_FILTERS, now: NOW });
    expect(old.type === 'by-name' && old.results.length).toBe(3);
    expect(asked).toContain('/recherche/lieux/38.json');
  });

  test('a commune chosen among those offered keeps the rest of the query, and a former name its name', async () => {
    const chosen = await engine().search({ q: 'aide papiers aix', commune: '13001', filters: NO_FILTERS, now: NOW });
    expect(origin(chosen)).toBe('Aix-en-Provence');
    expect(chosen.type === 'results' && chosen.filters.services).toEqual(['aide-demarches']);
    expect(origin(await engine().search({ q: 'aix', commune: '26001', filters: NO_FILTERS, now: NOW }))).toBe('Aix-en-Diois → Solaure en Diois');
  });

  const commune = (name: string, population: number, formerName?: string): CommuneMatch => ({
    insee: name,
    name,
    departement: '00',
    lat: 0,
    lon: 0,
    postcodes: [],
    key: name.toLowerCase(),
    population,
    ...(formerName ? { formerName } : {}),
  });

  test('among names sharing as many pairs of letters, the shortlist keeps the larger communes (« lile » keeps Lille among 200 small names)', () => {
    const small = Array.from({ length: SHORTLIST + 50 }, (_, index) => commune(`lilea${index}`, 100));
    const paired = [...small, commune('lille', 236_000)].map((item) => ({ commune: item, pairs: letterPairs(item.key) }));
    const shortlist = shortlisted(paired, letterPairs('lile'));
    expect(shortlist).toHaveLength(SHORTLIST);
    expect(shortlist[0]!.name).toBe('lille');
  });

  test.each([
    ['a larger longer name joins the namesake, largest first', [commune('Aix', 352)], [commune('Aix-en-Provence', 149_695), commune('Aix-la-Fayette', 97)], ['Aix-en-Provence', 'Aix']],
    ['no larger longer name: the namesakes alone', [commune('Paris', 2_100_000)], [commune('Paris-l’Hôpital', 270)], ['Paris']],
    ['equal people: the namesake alone', [commune('Mont', 500)], [commune('Mont-Dol', 500)], ['Mont']],
    ['homonyms, largest first', [commune('Grigny', 290), commune('Grigny ', 26_842)], [], ['Grigny ', 'Grigny']],
  ])('%s', (_, exact, longer, expected) => {
    expect(withLargerNamesakes(exact, longer).map((item) => item.name)).toEqual(expected);
  });

  test('namesakes are always offered, even among many larger names', () => {
    const larger = Array.from({ length: 30 }, (_, index) => commune(`Villeneuve-${index}`, 10_000 + index));
    const choices = withLargerNamesakes([commune('Villeneuve', 100), { ...commune('Villeneuve', 90), insee: 'other' }], larger);
    expect(choices).toHaveLength(12);
    expect(choices.slice(-2).map((item) => item.population)).toEqual([100, 90]);
    expect(choices[0]!.name).toBe('Villeneuve-29');
  });

  test('one entry per commune: today’s name before a former one', () => {
    const today = { ...commune('Valserhône', 16_000), insee: '01033' };
    const former = { ...commune('Valserhône', 16_000, 'Bellegarde-sur-Valserine'), insee: '01033' };
    expect(largestFirst([former, today])).toEqual([today]);
    expect(largestFirst([former])).toEqual([former]);
  });
});

describe('former names, from the official list', () => {
  const entries = [
    { code: '50129', nom: 'Cherbourg-en-Cotentin', type: 'commune-actuelle' },
    { code: '50129', nom: 'Cherbourg-Octeville', type: 'commune-deleguee', chefLieu: '50129' },
    { code: '50129', nom: 'Tourlaville', type: 'commune-deleguee', chefLieu: '50129' },
    { code: '59350', nom: 'Lille', type: 'commune-actuelle' },
    { code: '59350', nom: 'Lomme', type: 'commune-associee', chefLieu: '59350' },
    { code: '50484', nom: 'Saint-Hilaire-du-Harcouët', type: 'commune-actuelle' },
    { code: '50484', nom: 'Saint-Hilaire-du-Harcouët', type: 'commune-deleguee', chefLieu: '50484' },
    { code: '75056', nom: 'Paris', type: 'commune-actuelle' },
    { code: '75119', nom: 'Paris 19e Arrondissement', type: 'arrondissement-municipal', commune: '75056' },
    { code: '99999', nom: 'Ancienne fictive', type: 'commune-deleguee', chefLieu: '00000' },
  ];
  test('delegated and associated communes lead to today’s; the same name, an arrondissement or an unknown commune do not', () => {
    expect(formerNamesFrom(entries)).toEqual([
      { name: 'Cherbourg-Octeville', insee: '50129' },
      { name: 'Tourlaville', insee: '50129' },
      { name: 'Lomme', insee: '59350' },
    ]);
  });
});

describe('near and likely first', () => {
  test.each([
    // [where it is, unknowns, weighed km]
    [{ km: 0.4, inCommune: true }, 0, 0],
    [{ km: 6, inCommune: true }, 1, UNKNOWN_KM],
    [{ km: 3, inCommune: false }, 0, 3],
    [{ km: 2, inCommune: false }, 1, 2 + UNKNOWN_KM],
    [{ km: 2, inCommune: false }, 2, 2 + 2 * UNKNOWN_KM],
    [{ km: 2, inCommune: false }, 5, 2 + MOST_UNKNOWN_KM],
    [{ km: null, inCommune: false }, 0, 0],
  ])('%o with %i unknown(s) weighs %f km', (where, unknown, weighed) => {
    expect(rankKm({ ...where, unknown })).toBeCloseTo(weighed, 6);
  });

  test.each([
    // [the first, the second]: which comes first
    ['a likely place 2 km away before a sure one 80 km away, whatever it does not know', { km: 2, inCommune: false, unknown: 9 }, { km: 80, inCommune: false, unknown: 0 }],
    ['a sure place 3 km away before a likely one 0.5 km away', { km: 3, inCommune: false, unknown: 0 }, { km: 0.5, inCommune: false, unknown: 1 }],
    ['a likely place 1 km away before a sure one 6 km away', { km: 1, inCommune: false, unknown: 1 }, { km: 6, inCommune: false, unknown: 0 }],
    ['a sure place of the commune before a likely one of the commune', { km: 5, inCommune: true, unknown: 0 }, { km: 0.2, inCommune: true, unknown: 1 }],
    ['a likely place of the commune before a sure one 30 km away', { km: 3, inCommune: true, unknown: 2 }, { km: 30, inCommune: false, unknown: 0 }],
  ])('%s', (_, first, second) => {
    expect(rankKm(first)).toBeLessThan(rankKm(second));
  });

  const world = [
    // In Villeurbanne: open on Saturday morning, price unknown.
    place('Lieu fictif proche', { hours: { openingHours: 'Sa 09:00-12:00', closures: [] } }),
    // 45 km away (Vienne, Isère): free and open on Saturday morning, for sure.
    place('Lieu fictif loin et sûr', { insee: '38544', lat: 45.52, lon: 4.87, hours: { openingHours: 'Sa 09:00-12:00', closures: [] }, access: { fees: ['free'] } }),
    // 10 km away: sure too.
    place('Lieu fictif voisin et sûr', { insee: '69259', lat: 45.7, lon: 4.99, hours: { openingHours: 'Sa 09:00-12:00', closures: [] }, access: { fees: ['free'] } }),
    // A shelter in the commune, sure: still after the places open to all.
    place('AG_CHRS_FICTIF', {
      hours: { openingHours: 'Sa 09:00-12:00', closures: [] },
      access: { fees: ['free'] },
      national: { typologie: ['CHRS'], itinerance: [], accompagnement: [], acces: [], formations: [], autresFormations: [] },
    }),
  ];
  const engine = perTest(() => recordingEngine(searchFilesOf(world, [], searchReference)).engine);
  const saturdayMorningFree: Filters = { ...NO_FILTERS, free: true, when: { day: 5, half: 'morning' } };

  test('free on Saturday morning: the near place to check before the far sure one; the counts stay right', async () => {
    const outcome = await engine().search({ q: 'Villeurbanne', filters: saturdayMorningFree, now: NOW });
    if (outcome.type !== 'results') throw new Error(outcome.type);
    expect(outcome.results.map((result) => [result.name, result.toCheck])).toEqual([
      ['Lieu fictif proche', ['free']],
      ['Lieu fictif voisin et sûr', []],
      ['Lieu fictif loin et sûr', []],
      ['AG_CHRS_FICTIF', []],
    ]);
    expect(outcome.counts).toEqual({ total: 4, confirmed: 3, toCheck: 1 });
  });

  test('the cards know the day asked for: its date and its slots', async () => {
    const outcome = await engine().search({ q: 'Villeurbanne', filters: saturdayMorningFree, now: NOW });
    if (outcome.type !== 'results') throw new Error(outcome.type);
    expect(outcome.results[0]!.day).toEqual({ date: '2026-03-07', slots: [540, 720] });
    // Today asked for: no other day to show.
    const today = await engine().search({ q: 'Villeurbanne', filters: { ...NO_FILTERS, when: { day: 'today', half: null } }, now: NOW });
    expect(today.type === 'results' && today.results.map((result) => result.day)).toEqual([null, null, null, null].slice(0, today.type === 'results' ? today.results.length : 0));
  });
});

describe('the next opening from the day asked for', () => {
  const schedule = buildSchedule({ openingHours: 'Tu-Fr 14:00-17:00; Sa 09:00-12:00', departementName: 'Nord', lat: 50.6, lon: 3.06, tz: 'Europe/Paris' }, '2026-11-23');
  const wednesday = new Date('2026-12-02T08:30:00+01:00');
  const plain = (text: string | null) => text?.replaceAll('\u00a0', ' ') ?? null;

  test.each([
    ['now (Wednesday 8:30)', null, 'Prochaine ouverture : le mercredi 2 décembre à 14 h'],
    ['Saturday', { date: '2026-12-05', minutes: 0 }, 'Prochaine ouverture : le samedi 5 décembre à 9 h'],
    ['Saturday afternoon (closed then)', { date: '2026-12-05', minutes: 720 }, 'Prochaine ouverture : le mardi 8 décembre à 14 h'],
    ['Thursday afternoon, at noon', { date: '2026-12-03', minutes: 720 }, 'Prochaine ouverture : le jeudi 3 décembre à 14 h'],
    ['Thursday at 15:00 (open then)', { date: '2026-12-03', minutes: 900 }, 'Ouvert le jeudi 3 décembre jusqu’à 17 h'],
    ['a day past the known hours', { date: '2027-12-04', minutes: 0 }, null],
  ])('from %s: %s', (_, from, expected) => {
    expect(plain(nextOpening(t, schedule, wednesday, from))).toBe(expected);
  });
});

describe('the first page from the nearest files, the counts after', () => {
  // Three places in Villeurbanne (Rhône), one for its residents, and one in Vienne (Isère), 45 km away.
  const world = [
    place('Lieu fictif A'),
    place('Lieu fictif B', { lat: 45.766, lon: 4.88 }),
    place('Lieu fictif C', { lat: 45.78, lon: 4.9 }),
    place('AG_CHRS_FICTIF', { national: { typologie: ['CHRS'], itinerance: [], accompagnement: [], acces: [], formations: [], autresFormations: [] } }),
    place('Lieu fictif de Vienne', { insee: '38544', lat: 45.52, lon: 4.87 }),
  ];
  const files = perTest(() => searchFilesOf(world, [], searchReference));

  async function searched(limit: number, filters: Filters = NO_FILTERS) {
    const engine = recordingEngine(files()).engine;
    const firsts: SearchOutcome[] = [];
    const outcome = await engine.search({ q: 'Villeurbanne', filters, now: NOW, limit, onFirst: (first) => firsts.push(first) });
    if (outcome.type !== 'results') throw new Error(outcome.type);
    return { outcome, firsts };
  }

  test('a page the commune’s own file fills is shown before the other files are read, and is the whole search’s first page', async () => {
    const { outcome, firsts } = await searched(2);
    expect(firsts).toHaveLength(1);
    const first = firsts[0]!;
    if (first.type !== 'results') throw new Error(first.type);
    expect(first.partial).toBe(true);
    expect(first.results.map((result) => result.name)).toEqual(outcome.results.map((result) => result.name));
    // The counts come with the whole search: Vienne is counted, not shown.
    expect(outcome.counts.total).toBe(5);
    expect(outcome.partial).toBeUndefined();
  });

  const names = (outcome: SearchOutcome) => (outcome.type === 'results' ? outcome.results.map((result) => result.name) : []);

  test('a page not full, or ending with a place for residents only, is shown early up to where a place of a later file could come', async () => {
    // The Rhône's file holds four places; Vienne's may come before the one for residents, and after the others.
    const five = await searched(5);
    expect(five.firsts.map(names)).toEqual([['Lieu fictif A', 'Lieu fictif B', 'Lieu fictif C']]);
    expect(names(five.outcome)).toEqual(['Lieu fictif A', 'Lieu fictif B', 'Lieu fictif C', 'Lieu fictif de Vienne', 'AG_CHRS_FICTIF']);
    const four = await searched(4);
    expect(four.firsts.map(names)).toEqual([['Lieu fictif A', 'Lieu fictif B', 'Lieu fictif C']]);
    expect(names(four.outcome).at(-1)).toBe('Lieu fictif de Vienne');
  });

  // In the Rhône: two places in Villeurbanne and one 20 km south; in the Isère, one 12 km away.
  const rhoneAndIsere = () => [
    place('Lieu fictif A'),
    place('Lieu fictif B', { lat: 45.766, lon: 4.88 }),
    place('Lieu fictif du sud', { insee: '69259', lat: 45.59, lon: 4.89 }),
    place('Lieu fictif isérois', { insee: '38544', lat: 45.665, lon: 4.89 }),
  ];

  test('a place of a later file that may be nearer than the last of the page: the page is shown up to before it, then whole', async () => {
    // The Rhône's file gives A, B and a place 20 km south; the Isère's place, 12 km away, may come
    // before it, so its file is read; the Ain's place, 45 km away in Bourg-en-Bresse, cannot.
    const around = [...rhoneAndIsere(), place('Lieu fictif de l’Ain', { insee: '01053', lat: 46.2, lon: 5.22 })];
    const { engine, asked } = recordingEngine(searchFilesOf(around, [], searchReference));
    const readBefore: string[][] = [];
    const firsts: SearchOutcome[] = [];
    const outcome = await engine.search({
      q: 'Villeurbanne',
      filters: NO_FILTERS,
      now: NOW,
      limit: 3,
      onFirst: (first) => {
        firsts.push(first);
        readBefore.push(asked.filter((file) => file.startsWith('/recherche/lieux/')));
      },
    });
    // Villeurbanne's own places first, from the Rhône's file alone; then the Isère's place, which comes before the one 20 km south.
    expect(firsts.map(names)).toEqual([
      ['Lieu fictif A', 'Lieu fictif B'],
      ['Lieu fictif A', 'Lieu fictif B', 'Lieu fictif isérois'],
    ]);
    expect(readBefore).toEqual([['/recherche/lieux/69.json'], ['/recherche/lieux/69.json', '/recherche/lieux/38.json']]);
    expect(asked.filter((file) => file.startsWith('/recherche/lieux/'))).toEqual(['/recherche/lieux/69.json', '/recherche/lieux/38.json', '/recherche/lieux/01.json']);
    expect(names(outcome)).toEqual(['Lieu fictif A', 'Lieu fictif B', 'Lieu fictif isérois']);
    expect(outcome.type === 'results' && outcome.counts.total).toBe(5);
  });

  test('a name asked: its places of the nearest files come early when those files hold its words; otherwise not before every file is read', async () => {
    const world = [
      place('Lieu fictif Solidaire de Villeurbanne'),
      place('Lieu fictif sans le mot', { lat: 45.766, lon: 4.88 }),
      place('Lieu fictif Solidaire de Vienne', { insee: '38544', lat: 45.52, lon: 4.87 }),
      place('Lieu fictif Hirondelle de Vienne', { insee: '38544', lat: 45.521, lon: 4.871 }),
    ];
    const search = async (q: string) => {
      const firsts: SearchOutcome[] = [];
      const outcome = await recordingEngine(searchFilesOf(world, [], searchReference)).engine.search({ q, filters: NO_FILTERS, now: NOW, limit: 10, onFirst: (first) => firsts.push(first) });
      return { firsts: firsts.map(names), outcome: names(outcome) };
    };
    expect(await search('solidaire Villeurbanne')).toEqual({
      firsts: [['Lieu fictif Solidaire de Villeurbanne']],
      outcome: ['Lieu fictif Solidaire de Villeurbanne', 'Lieu fictif Solidaire de Vienne'],
    });
    // « hirondelle » is in no name of the Rhône's file: the early page would have left it out.
    expect(await search('hirondelle Villeurbanne')).toEqual({ firsts: [], outcome: ['Lieu fictif Hirondelle de Vienne'] });
  });

  test('no early page when a need asked has no sure place on it (the whole search may look further)', async () => {
    expect((await searched(2, { ...NO_FILTERS, services: ['impression'] })).firsts).toEqual([]);
  });
});

describe('filters said in the words typed', () => {
  const said = (q: string, others: Record<string, string> = {}) => filtersSaid(new URLSearchParams({ q, ...others }));
  test.each([
    ['wifi gratuit lille', 'wifi lille', { free: true }],
    ['Gratuites', null, { free: true }],
    ['ouvert samedi matin Saint-Étienne', 'Saint-Étienne', { when: { day: 5, half: 'morning' } }],
    ['ouvert lille', 'lille', { openNow: true }],
    ["ouvert aujourd'hui lille", 'lille', { when: { day: 'today', half: null } }],
    ['après-midi roubaix', 'roubaix', { when: { day: 'today', half: 'afternoon' } }],
    ['aide en arabe Marseille', 'aide Marseille', { language: 'ar' }],
    ['qui parle en anglais lyon', 'qui lyon', { language: 'en' }],
    ['langue des signes paris', 'paris', { language: 'lsf' }],
    ['fauteuil roulant grenoble', 'grenoble', { wheelchair: true }],
    // A word kept where it is not said of a language; communes named like a filter word.
    ['aix en provence gratuit', 'aix en provence', { free: true }],
  ])('« %s » searches « %s » with %o', (q, left, filters) => {
    const params = said(q);
    expect(params.get('q')).toBe(left);
    expect(filtersFrom(params)).toMatchObject(filters);
  });

  test.each([
    ['en', 'free wifi Lille', 'wifi Lille', { free: true }],
    ['en', 'open now Lyon', 'Lyon', { openNow: true }],
    ['ru', 'бесплатно принтер Лион', 'принтер Лион', { free: true }],
    ['uk', 'Ліон зараз', 'Ліон', { openNow: true }],
    ['ar', 'طباعة مجانا باريس', 'طباعة باريس', { free: true }],
    ['fa', 'ویلچر پاریس', 'پاریس', { wheelchair: true }],
  ] as const)('in %s, « %s » searches « %s » with %o (the words of that language)', (code, q, left, filters) => {
    const params = filtersSaid(new URLSearchParams({ q }), filterWordsOf(wordsFor(code).t));
    expect(params.get('q')).toBe(left);
    expect(filtersFrom(params)).toMatchObject(filters);
  });

  test('nothing said: the same query; a filter already chosen keeps its value; Persan and Signes are communes', () => {
    for (const q of ['imprimer grenoble', 'Persan', 'Signes', 'saint etienne']) expect(said(q).toString()).toBe(new URLSearchParams({ q }).toString());
    expect(said('samedi lille', { quand: 'lundi' }).get('quand')).toBe('lundi');
    // A filter whose field is set stays in the words, to be seen: it is not silently dropped.
    expect(said('arabe lyon', { langue: 'en' }).get('q')).toBe('arabe lyon');
    // Denied, or joined to a word that is no filter: left as typed.
    for (const q of ['pas gratuit lille', 'ouvert après-demain lille']) expect(filtersFrom(said(q))).toMatchObject({ free: false, when: null });
    expect(said('ouvert après-demain lille').get('q')).toBe('ouvert après-demain lille');
  });
});
