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
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument, parse as parseYamlText, type YAMLSeq } from 'yaml';
import { buildDate, loadData } from '../src/lib/dataset.ts';
import { franceServicesRecord, parseValueMapping, toNationalRecord, type Conversion } from '../src/lib/interop/record.ts';
import { importContext, recordToPlace, type SourceInfo } from '../src/lib/interop/toPlace.ts';
import { PlaceMatcher, mergePlaces, sourceKeys, type KnownPlace } from '../src/lib/interop/merge.ts';
import { placeToYaml } from '../src/lib/interop/yamlOut.ts';
import { normalize } from '../src/lib/search/normalize.ts';
import { placeSchema, type PlaceInput } from '../src/lib/schemas/place.ts';
import { checkPlace, DataError, formatIssue } from '../src/lib/validate.ts';

const args = process.argv.slice(2);
const file = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
if (!file) {
  console.error('Usage : npm run import -- <fichier.csv|fichier.json> [--source <clé>] [--name "Nom"] [--date AAAA-MM-JJ] [--url https://…]');
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
};
if (!described && !option('name')) console.warn(`Source « ${key} » inconnue de ${DATA}/imports/sources.yaml : décrivez-la là, ou donnez --name et --date.`);

let loaded;
try {
  loaded = await loadData({ dataDir: DATA, referenceDataDir: 'data', today: buildDate() });
} catch (error) {
  if (error instanceof DataError) {
    console.error('Les données actuelles ont des erreurs : corrigez-les avant d’importer.\n\n' + error.message);
    process.exit(1);
  }
  throw error;
}
const { dataset, reference } = loaded;
const context = importContext(reference, dataset.services);
const mapping = parseValueMapping(await readFile('data/standard/v0.1-to-v1-value-mapping.csv', 'utf8'));

// ---- Read the rows.
const text = await readFile(file, 'utf8');
let conversions: Conversion[];
if (/\.csv$/i.test(file)) {
  const rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  conversions = rows[0] && 'id_fs' in rows[0] ? rows.map((row) => franceServicesRecord(row, source.date)) : rows.map((row) => toNationalRecord(row, mapping));
} else {
  const json = JSON.parse(text) as unknown;
  const rows = (Array.isArray(json) ? json : ((json as { data?: unknown[] }).data ?? [])) as Record<string, unknown>[];
  conversions = rows.map((row) => toNationalRecord(row, mapping));
}

// ---- Match and merge.
const places = new Map<string, KnownPlace>();
for (const place of dataset.places) {
  const { file: placeFile, ...data } = place;
  places.set(place.id, { id: place.id, file: placeFile, curated: !placeFile.includes('/places/imported/'), place: data });
}
const matcher = new PlaceMatcher(places.values());
const changed = new Set<string>();
/** Sources added to hand-curated files, which are edited in place, never rewritten. */
const addedToCurated = new Map<string, PlaceInput['sources']>();
const serviceIds = new Set(dataset.services.map((service) => service.id));

type Row =
  | { row: number; record: string; outcome: 'imported'; place: string; normalized: string[] }
  | { row: number; record: string; outcome: 'merged'; into: string; why: string; normalized: string[] }
  | { row: number; record: string; outcome: 'rejected'; reason: string; normalized: string[] };
const report: Row[] = [];
const seenThisRun = new Map<string, string>();
const namesById = new Map<string, string>();

conversions.forEach((conversion, index) => {
  const row = index + 1;
  if (!conversion.record.id) conversion.record.id = `ligne-${row}`;
  // Some exports reuse an id for different places (data·inclusion merges several sources):
  // a repeated id with another name is another place, told apart by its row number.
  const firstName = namesById.get(conversion.record.id);
  if (firstName === undefined) namesById.set(conversion.record.id, normalize(conversion.record.nom));
  else if (firstName !== normalize(conversion.record.nom)) conversion.record.id = `${conversion.record.id}~${row}`;
  const recordKey = `${source.key}:${conversion.record.id}`;
  const outcome = recordToPlace(conversion.record, source, context);
  const normalized = [...conversion.dropped.map((text) => `valeur retirée : ${text}`), ...outcome.normalized];
  if (!outcome.ok) {
    report.push({ row, record: recordKey, outcome: 'rejected', reason: outcome.reason, normalized });
    return;
  }
  const place = outcome.place;
  const invalid = problems(place);
  if (invalid) {
    report.push({ row, record: recordKey, outcome: 'rejected', reason: `fiche invalide : ${invalid}`, normalized });
    return;
  }

  if (seenThisRun.has(recordKey)) {
    report.push({ row, record: recordKey, outcome: 'merged', into: seenThisRun.get(recordKey)!, why: 'ligne en double dans le fichier (même identifiant)', normalized });
    return;
  }
  const already = matcher.byRecordKey(recordKey);
  if (already) {
    seenThisRun.set(recordKey, already.id);
    if (!already.curated && sourceKeys(already.place).length === 1) {
      // The place comes from this row alone: rewrite it from the row (a no-op when unchanged).
      already.place = { ...place, id: already.id };
      changed.add(already.id);
      report.push({ row, record: recordKey, outcome: 'imported', place: already.id, normalized });
    } else {
      report.push({ row, record: recordKey, outcome: 'merged', into: already.id, why: 'déjà fusionné lors d’un import précédent', normalized });
    }
    return;
  }

  const duplicate = matcher.duplicateOf(place);
  if (duplicate) {
    if (duplicate.curated) {
      const added = place.sources.filter((item) => !sourceKeys(duplicate.place).includes(item.record ?? ''));
      duplicate.place = { ...duplicate.place, sources: [...duplicate.place.sources, ...added] };
      addedToCurated.set(duplicate.id, [...(addedToCurated.get(duplicate.id) ?? []), ...added]);
    } else {
      duplicate.place = mergePlaces(duplicate.place, place);
    }
    matcher.add(duplicate);
    changed.add(duplicate.id);
    seenThisRun.set(recordKey, duplicate.id);
    const why = duplicate.place.national?.pivot && duplicate.place.national.pivot === place.national?.pivot ? 'même SIRET et même adresse' : 'à moins de 100 m, nom proche';
    report.push({ row, record: recordKey, outcome: 'merged', into: duplicate.id, why, normalized });
    return;
  }

  let id = place.id;
  for (let n = 2; places.has(id); n++) id = `${place.id}-${n}`;
  const commune = reference.communes.get(place.address.insee)!;
  const created: KnownPlace = { id, file: `${DATA}/places/imported/${commune.departementCode}/${id}.yaml`, curated: false, place: { ...place, id } };
  places.set(id, created);
  matcher.add(created);
  changed.add(id);
  seenThisRun.set(recordKey, id);
  report.push({ row, record: recordKey, outcome: 'imported', place: id, normalized });
});

function problems(place: PlaceInput): string | null {
  const parsed = placeSchema.safeParse(place);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`).join(' ; ');
  const fileName = `imported/${place.id}.yaml`;
  const issues = checkPlace(fileName, parsed.data, { reference, serviceIds, today: buildDate() });
  return issues.length > 0 ? issues.map(formatIssue).join(' ; ') : null;
}

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
const counts = (values: string[]) => Object.fromEntries([...values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]));
const summary = {
  source,
  input: file.split('/').at(-1),
  rows: report.length,
  outcomes: counts(report.map((row) => row.outcome)),
  rejections: counts(report.flatMap((row) => (row.outcome === 'rejected' ? [row.reason.replace(/« [^»]*»/g, '«…»').replace(/\d{5}/g, '…')] : []))),
  merges: counts(report.flatMap((row) => (row.outcome === 'merged' ? [row.why] : []))),
  normalizations: counts(report.flatMap((row) => row.normalized.map((text) => text.replace(/« [^»]*»/g, '«…»').replace(/\d[\d-]*/g, '…')))),
};
await mkdir(join(DATA, 'imports/reports'), { recursive: true });
await writeFile(join(DATA, `imports/reports/${source.key}.json`), JSON.stringify({ summary, rows: report }, null, 1) + '\n');

console.log(`Import de « ${source.name} » (${summary.input}) : ${summary.rows} lignes.`);
for (const [outcome, count] of Object.entries(summary.outcomes)) console.log(`  ${{ imported: 'importées', merged: 'fusionnées avec un lieu existant', rejected: 'rejetées' }[outcome as Row['outcome']]} : ${count}`);
for (const [reason, count] of Object.entries(summary.rejections)) console.log(`    rejet, ${reason} : ${count}`);
for (const [why, count] of Object.entries(summary.merges)) console.log(`    fusion, ${why} : ${count}`);
console.log('  Corrections sûres faites (et notées dans le rapport) :');
for (const [what, count] of Object.entries(summary.normalizations).slice(0, 15)) console.log(`    ${what} : ${count}`);
console.log(`Fichiers écrits : ${written}. Rapport : ${DATA}/imports/reports/${source.key}.json`);
