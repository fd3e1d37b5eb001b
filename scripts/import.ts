/**
 * `npm run import -- <file> [--source <key>] [--dry-run] [--force "reason"]`: turns a file of the
 * national standard (v1.0.2 CSV or JSON, v0.1 JSON) or France Services' CSV into
 * data/places/imported/.
 *
 * Every input row ends imported, merged (into which place) or rejected (why), in a report
 * (data/imports/reports/<source>.json, and <source>.md for people) and in the printed summary.
 * Re-running on the same input changes no file. Hand-curated files only ever gain a source.
 * A file that cannot be read, is not the standard, gives no usable row or takes too many
 * places off its list at once is refused, and nothing is written (scripts/importer.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { t } from '../src/i18n/index.ts';
import { buildDate } from '../src/lib/dataset.ts';
import type { SourceInfo } from '../src/lib/interop/toPlace.ts';
import { importFile, Refused } from './importer.ts';

const args = process.argv.slice(2);
const valued = new Set(['--source', '--name', '--url', '--date', '--force']);
const file = args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1] ?? ''));
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
if (!file) {
  console.error(t('import.usage'));
  process.exit(2);
}

const DATA = process.env.DATA_DIR ?? 'data';
const known = (parseYamlText(await readFile(join(DATA, 'imports/sources.yaml'), 'utf8').catch(() => '{}')) ?? {}) as Record<string, Omit<SourceInfo, 'key'> & { maxGone?: number }>;
const key =
  option('source') ??
  file
    .split('/')
    .at(-1)!
    .replace(/\.[^.]+$/, '');
const described = Object.hasOwn(known, key) ? known[key] : undefined;
const source: SourceInfo = {
  key,
  name: option('name') ?? described?.name ?? key,
  url: option('url') ?? described?.url ?? null,
  date: option('date') ?? described?.date ?? buildDate(),
  supersedes: described?.supersedes,
};
if (!described && !option('name')) console.warn(t('import.unknownSource', { key, file: `${DATA}/imports/sources.yaml` }));

let bytes: Uint8Array;
try {
  bytes = await readFile(file);
} catch (error) {
  console.error(new Refused(file, t('import.refuse.unreadable', { code: String((error as NodeJS.ErrnoException).code) }), DATA).message);
  process.exit(1);
}
try {
  const outcome = await importFile({
    dataDir: DATA,
    file,
    bytes,
    source,
    provenance: { url: null },
    dryRun: args.includes('--dry-run'),
    force: option('force') ?? null,
    maxGoneShare: described?.maxGone,
  });
  console.log(outcome.lines.join('\n'));
} catch (error) {
  if (error instanceof Refused) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
