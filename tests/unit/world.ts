/**
 * Fictitious places built in memory, and a search engine over them: a test says only what
 * makes its places differ. Every place is valid against the schemas and the reference.
 */
import { beforeEach, expect } from 'vitest';
import { loadData } from '../../src/lib/dataset.ts';
import { buildDirectory, scheduleStartFor, type Directory } from '../../src/lib/directory.ts';
import { placeSchema, type Place, type PlaceInput } from '../../src/lib/schemas/place.ts';
import { buildSearchFiles, type SearchFiles } from '../../src/lib/search/build.ts';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import { packCommunes, packPostcodes, packShard } from '../../src/lib/search/data.ts';
import type { Dataset } from '../../src/lib/validate.ts';
import { missingForStandard, toStandardRow } from '../../src/lib/interop/export.ts';

export const BUILD_DATE = '2026-03-01';
export const fixtures = await loadData({ dataDir: 'tests/fixtures/site', referenceDataDir: 'data', today: BUILD_DATE });

type Overrides = Partial<Omit<PlaceInput, 'id' | 'name'>> & { lat?: number; lon?: number; insee?: string };

/** A fictitious place in Villeurbanne unless told otherwise, with nothing known but its name and point. */
export function place(name: string, overrides: Overrides = {}): Place & { file: string } {
  const { lat = 45.7719, lon = 4.8898, insee = '69266', ...rest } = overrides;
  const id = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const input: PlaceInput = {
    id,
    name,
    kind: 'other',
    address: { street: '1 rue Fictive', postcode: null, insee },
    location: { lat, lon, precision: 'address' },
    sources: [{ name: 'Source fictive', date: '2026-01-01' }],
    verified: '2026-01-01',
    ...rest,
  };
  return { ...placeSchema.parse(input), file: `tests/memory/${id}.yaml` };
}

export function directoryOf(places: Dataset['places'], labels: Dataset['labels'] = []): Directory {
  return buildDirectory({ ...fixtures.dataset, places, labels }, fixtures.reference, scheduleStartFor(BUILD_DATE));
}

/** A file as the site writes it (communes and postcodes in columns, see search/data.ts), or undefined. */
export function packed<T, F>(rows: T | undefined, pack: (rows: T) => F): F | undefined {
  return rows === undefined ? undefined : pack(rows);
}

/** A search engine reading the files built from these places, from memory, as the static site would serve them. */
export function engineOver(files: SearchFiles): SearchEngine {
  return new SearchEngine({
    // eslint-disable-next-line @typescript-eslint/require-await -- async like the network: a missing file is a rejection, not a throw
    json: async <T>(path: string): Promise<T> => {
      const [file, query] = path.split('?');
      if (file !== '/recherche/meta.json') expect(query).toBe(`v=${files.meta.version}`);
      const match = /^\/recherche\/(?:(meta)\.json|communes\/(\w+)\.json|codes-postaux\/(\w+)\.json|lieux\/(\w+)\.json)$/.exec(file!);
      if (!match) throw new Error(`unknown file ${path}`);
      const [, single, communeFile, prefix, departement] = match;
      const value =
        single === 'meta'
          ? files.meta
          : communeFile
            ? packed(files.communes.get(communeFile), packCommunes)
            : prefix
              ? packed(files.postcodes.get(prefix), packPostcodes)
              : packed(files.shards.get(departement!.toUpperCase()), packShard);
      if (value === undefined) throw new Error(`404 ${path}`);
      return structuredClone(value) as T;
    },
  });
}

/**
 * The communes the search tests know: those of the départements where their places are, or
 * that their queries name (the homonyms Grigny and Saint-Denis, Strasbourg misspelt, Roncq,
 * Clermont-Ferrand said by ear…): about 5,300 of France's 34,945. The search files are built afresh for each test (see
 * `perTest`), and the communes' part of that build grows with their number.
 */
const SEARCH_DEPARTEMENTS = new Set(['01', '11', '30', '35', '38', '59', '62', '63', '67', '69', '73', '75', '91', '93', '974']);
export const searchReference: typeof fixtures.reference = {
  ...fixtures.reference,
  communes: new Map([...fixtures.reference.communes].filter(([, commune]) => SEARCH_DEPARTEMENTS.has(commune.departementCode))),
};

export function searchFilesOf(places: Dataset['places'], labels: Dataset['labels'] = [], reference = searchReference, otherWords: Record<string, string[]> = {}): SearchFiles {
  return buildSearchFiles(buildDirectory({ ...fixtures.dataset, places, labels }, reference, scheduleStartFor(BUILD_DATE)), BUILD_DATE, undefined, otherWords);
}

/** The rows of the standard export of a data folder, and the places left out with the reason. */
export async function exportOf(dataDir: string) {
  const { dataset, reference } = await loadData({ dataDir, referenceDataDir: 'data', today: '2026-03-01' });
  return exportRows(dataset, reference);
}

/** The standard export of loaded data: its rows, and the places left out with the reason. */
export function exportRows(dataset: Dataset, reference: typeof fixtures.reference) {
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const places = dataset.places.map((place) => ({ ...place, commune: reference.communes.get(place.address.insee)! }));
  return {
    rows: places.filter((place) => !missingForStandard(place)).map((place) => toStandardRow(place, services)),
    left: places.filter((place) => missingForStandard(place)).map((place) => [place.id, missingForStandard(place)]),
  };
}

/**
 * A value computed afresh before each test. Mutation testing activates a mutant for each test
 * (in a beforeEach hook): a value computed when the file is collected never runs a mutant, and
 * the mutants it would catch survive. Call the returned function inside tests.
 */
export function perTest<T>(compute: () => T): () => T {
  let value: T | undefined;
  let ready = false;
  beforeEach(() => {
    value = compute();
    ready = true;
  });
  return () => {
    if (!ready) throw new Error('perTest: read inside a test only');
    return value as T;
  };
}
