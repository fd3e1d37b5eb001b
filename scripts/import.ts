/**
 * `npm run import -- <file> [--source <key>]`: turns a file of the national standard
 * (v1.0.2 CSV or JSON, v0.1 JSON) or France Services' CSV into data/places/imported/.
 *
 * Every input row ends imported, merged (into which place) or rejected (why), in a report
 * (data/imports/reports/<source>.json) and in the printed summary. Re-running on the same
 * input changes no file. Hand-curated files only ever gain a source.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument, parse as parseYamlText, type YAMLSeq } from 'yaml';
import { t } from '../src/i18n/index.ts';
import { buildDate, loadData } from '../src/lib/dataset.ts';
import { runImport, summarize, type ImportRow } from '../src/lib/interop/importRun.ts';
import { parseCsvRecords } from '../src/lib/interop/csv.ts';
import { franceServicesRecord, parseValueMapping, toNationalRecord, type Conversion } from '../src/lib/interop/record.ts';
import type { SourceInfo } from '../src/lib/interop/toPlace.ts';
import { placeToYaml } from '../src/lib/interop/yamlOut.ts';
import { DataError } from '../src/lib/validate.ts';

const args = process.argv.slice(2);
const file = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
if (!file) {
  console.error(t('import.usage'));
  process.exit(2);
}

const DATA = process.env.DATA_DIR ?? 'data';
const known = parseYamlText(await readFile(join(DATA, 'imports/sources.yaml'), 'utf8').catch(() => '{}')) as Record<string, Omit<SourceInfo, 'key'>>;
const key = option('source') ?? file.split('/').at(-1)!.replace(/\.[^.]+$/, '');
const described = known[key];
const source: SourceInfo = {
  key,
  name: option('name') ?? described?.name ?? key,
  url: option('url') ?? described?.url ?? null,
  date: option('date') ?? described?.date ?? buildDate(),
  supersedes: described?.supersedes,
};
if (!described && !option('name')) console.warn(t('import.unknownSource', { key, file: `${DATA}/imports/sources.yaml` }));

let loaded;
try {
  loaded = await loadData({ dataDir: DATA, referenceDataDir: 'data', today: buildDate() });
} catch (error) {
  if (error instanceof DataError) {
    console.error(`${t('import.fixFirst')}\n\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
const { dataset, reference } = loaded;
const mapping = parseValueMapping(await readFile('data/standard/v0.1-to-v1-value-mapping.csv', 'utf8'));

// ---- Read the rows.
const text = await readFile(file, 'utf8');
let conversions: Conversion[];
if (/\.csv$/i.test(file)) {
  const rows = parseCsvRecords(text);
  conversions = rows[0] && 'id_fs' in rows[0] ? rows.map((row) => franceServicesRecord(row, source.date)) : rows.map((row) => toNationalRecord(row, mapping));
} else {
  const json = JSON.parse(text) as unknown;
  const rows = (Array.isArray(json) ? json : ((json as { data?: unknown[] }).data ?? [])) as Record<string, unknown>[];
  conversions = rows.map((row) => toNationalRecord(row, mapping));
}

// ---- Decide: imported, merged or rejected, for every row.
const { places, changed, addedToCurated, rows: report } = runImport({ dataset, reference, conversions, source, dataDir: DATA, today: buildDate() });

// ---- Write what changed (and only if its text changed).
let written = 0;
for (const id of [...changed].sort()) {
  const entry = places.get(id)!;
  const previous = await readFile(entry.file, 'utf8').catch(() => null);
  let next: string;
  if (entry.curated) {
    // Keep the editor's comments and layout: only the sources list grows.
    const document = parseDocument(previous!);
    const list = document.get('sources') as YAMLSeq;
    for (const added of addedToCurated.get(id) ?? []) {
      list.add(document.createNode(Object.fromEntries(Object.entries(added).filter(([, value]) => value !== null && value !== undefined))));
    }
    next = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  } else {
    next = placeToYaml(entry.place);
  }
  if (next !== previous) {
    await mkdir(dirname(entry.file), { recursive: true });
    await writeFile(entry.file, next);
    written++;
  }
}

// ---- Report.
const summary = { source, input: file.split('/').at(-1), ...summarize(report) };
await mkdir(join(DATA, 'imports/reports'), { recursive: true });
await writeFile(join(DATA, `imports/reports/${source.key}.json`), JSON.stringify({ summary, rows: report }, null, 1) + '\n');

console.log(t('import.heading', { name: source.name, file: summary.input!, rows: summary.rows }));
for (const [outcome, count] of Object.entries(summary.outcomes)) console.log(t('import.outcomeLine', { outcome: t(`import.outcome.${outcome as ImportRow['outcome']}`), count }));
for (const [reason, count] of Object.entries(summary.rejections)) console.log(t('import.rejectionLine', { reason, count }));
for (const [why, count] of Object.entries(summary.merges)) console.log(t('import.mergeLine', { why, count }));
console.log(t('import.normalizations'));
for (const [what, count] of Object.entries(summary.normalizations).slice(0, 15)) console.log(t('import.normalizationLine', { what, count }));
console.log(t('import.written', { count: written, report: `${DATA}/imports/reports/${source.key}.json` }));
