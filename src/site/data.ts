/**
 * The one place pages get data from. The data folder is read and checked once per build (by
 * the `data` integration, before any page is made: integrations/data.ts) and turned into a
 * Directory (src/lib/directory.ts) that every page shares.
 *
 * The places are not an Astro content collection. At 50,000 places the content layer kept a
 * second copy of every place (its data store, 1.25 GB) and checked each one against the schema
 * a second time; the pages only ever read the Directory.
 */
import { buildDate, loadData, type LoadedData } from '../lib/dataset.ts';
import { buildDirectory, scheduleStartFor, type Directory } from '../lib/directory.ts';

/** Tests build the site from fixtures: DATA_DIR=tests/fixtures/site. Communes always come from data/. */
export const DATA_DIR = process.env.DATA_DIR ?? 'data';

/**
 * The integration and the pages are two copies of this module (Astro's config and Vite's
 * page bundle), in one process: the data read by the first is handed to the second here, so
 * that it is read and checked once.
 */
const SHARED = Symbol.for('aide-numerique.data');
type Shared = { loading?: Promise<LoadedData>; directory?: Promise<Directory> };
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= {}) as Shared;

/** The data folder, read and checked (a DataError lists every problem). */
export function readData(): Promise<LoadedData> {
  shared.loading ??= loadData({ dataDir: DATA_DIR, referenceDataDir: 'data', today: buildDate() });
  return shared.loading;
}

/** Forgets what was read, so that the next page reads the data folder again (dev server). */
export function forgetData(): void {
  shared.loading = undefined;
  shared.directory = undefined;
}

export function getDirectory(): Promise<Directory> {
  shared.directory ??= readData().then(({ dataset, reference }) => buildDirectory(dataset, reference, scheduleStartFor(buildDate())));
  return shared.directory;
}

/**
 * A value made once per directory, that both copies of the code share (Astro's config and its
 * pages, as for the data above): kept on `globalThis`, by directory, so that an integration takes
 * what the pages made instead of reading it back from a file of the build.
 */
export function oncePerDirectory<T>(name: string, directory: Directory, make: () => T): T {
  const made = ((globalThis as Record<symbol, unknown>)[Symbol.for(`aide-numerique.${name}`)] ??= new WeakMap()) as WeakMap<Directory, T>;
  let value = made.get(directory);
  if (value === undefined) made.set(directory, (value = make()));
  return value;
}
