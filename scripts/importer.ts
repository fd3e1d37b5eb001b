/**
 * One import of a national file into data/, shared by `npm run import` and `npm run refresh`.
 * Everything is decided before anything is written: a file that cannot be read, whose columns
 * are not the standard's, that gives no usable row, or that would take too many places off a
 * list at once is refused (exit status 1, a message naming the file and the reason), and data/
 * stays byte for byte as it was. Otherwise the place files change (each written whole, then
 * renamed into place), with a JSON report row by row, a Markdown report of what changed for
 * people to read, and a line in the history of updates (data/imports/history.yaml).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYamlText, parseDocument, stringify, type YAMLSeq } from 'yaml';
import { t } from '../src/i18n/index.ts';
import { formatDate } from '../src/lib/format.ts';
import { buildDate, loadData } from '../src/lib/dataset.ts';
import { compare, guardRefusal, MAX_GONE_SHARE, type Comparison, type GuardRefusal } from '../src/lib/interop/compare.ts';
import { runImport, summarize, type ImportRow, type Unreadable } from '../src/lib/interop/importRun.ts';
import { isRefusal, readNationalFile, type ReadRefusal, type RowProblem } from '../src/lib/interop/read.ts';
import { franceServicesRecord, parseValueMapping, toNationalRecord, type Conversion } from '../src/lib/interop/record.ts';
import type { SourceInfo } from '../src/lib/interop/toPlace.ts';
import { placeToYaml } from '../src/lib/interop/yamlOut.ts';
import { DataError } from '../src/lib/validate.ts';
import type { PlaceInput } from '../src/lib/schemas/place.ts';
import { HISTORY_FILE, type HistoryEntry } from '../src/lib/schemas/history.ts';

/** A refusal: the words for the person, and nothing written. */
export class Refused extends Error {
  constructor(file: string, reason: string, dataDir: string) {
    super(t('import.refused', { file, reason, data: dataDir }));
    this.name = 'Refused';
  }
}

/** What the file was, where it came from: kept in the history. */
export interface Provenance {
  /** Where it was downloaded from, or null for a local file. */
  url: string | null;
  lastModified?: string | null;
  etag?: string | null;
}

export interface ImportOptions {
  dataDir: string;
  /** The file's name (for messages and the format) and its bytes. */
  file: string;
  bytes: Uint8Array;
  source: SourceInfo;
  provenance: Provenance;
  dryRun?: boolean;
  /** Written anyway past the share of places gone, with this reason in the history. */
  force?: string | null;
  maxGoneShare?: number;
}

export interface ImportOutcome {
  summary: ReturnType<typeof summarize>;
  comparison: Comparison;
  written: number;
  entry: HistoryEntry;
  lines: string[];
}

export function readRefusalText(refusal: ReadRefusal): string {
  const renamed = (pairs: [string, string][]) =>
    pairs.length > 0 ? t('import.refuse.renamed', { pairs: pairs.map(([found, expected]) => t('import.refuse.renamedPair', { found, expected })).join(', ') }) : '';
  switch (refusal.kind) {
    case 'missingColumns':
      return t('import.refuse.missingColumns', { missing: refusal.missing.join(', '), renamed: renamed(refusal.renamed) });
    case 'unknownColumns':
      return t('import.refuse.unknownColumns', { unknown: refusal.unknown.join(', '), renamed: renamed(refusal.renamed) });
    case 'json':
      return t('import.refuse.json', { line: refusal.line, column: refusal.column });
    case 'notUtf8':
    case 'csv':
      return t(`import.refuse.${refusal.kind}`, { line: refusal.line });
    case 'notList':
      return t('import.refuse.notList', { found: refusal.found });
    default:
      return t(`import.refuse.${refusal.kind}`);
  }
}

function rowProblemText(problem: RowProblem): string {
  return problem.kind === 'notObject' ? t('import.reject.notObject', { found: problem.found }) : t('import.reject.cells', { cells: problem.cells, expected: problem.expected });
}

function guardText(refusal: GuardRefusal): string {
  if (refusal.kind === 'noUsableRow') return refusal.rows === 0 ? t('import.refuse.noRow') : t('import.refuse.noUsableRow', { rows: refusal.rows });
  return t('import.refuse.tooManyGone', {
    gone: refusal.gone,
    listed: refusal.listed,
    share: Math.round((refusal.gone / refusal.listed) * 100),
    max: Math.round(refusal.maxShare * 100),
  });
}

/** Writes a file whole, then renames it into place: a file is never left half written. */
async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('changes.empty');
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
  return `« ${text.length > 160 ? `${text.slice(0, 159)}…` : text} »`;
};

/** The Markdown report people read before accepting an update. */
export function markdownReport(entry: HistoryEntry, comparison: Comparison, rejections: Record<string, number>, limit = 500): string {
  const lines = [
    t('changes.title', { name: entry.name }),
    '',
    t('changes.file', { file: entry.file, bytes: entry.bytes, sha256: entry.sha256 }),
    ...(entry.url ? [t('changes.from', { url: entry.url })] : []),
    t('changes.dates', { edition: formatDate(entry.edition), date: formatDate(entry.date) }),
    t('changes.rows', { rows: entry.rows, imported: entry.counts.imported, merged: entry.counts.merged, rejected: entry.counts.rejected }),
    t('changes.places', { created: entry.counts.created, changed: entry.counts.changed, unchanged: entry.counts.unchanged, gone: entry.counts.gone }),
    ...(entry.forced ? [t('changes.forced', { reason: entry.forced })] : []),
  ];
  const section = <T>(title: string, items: readonly T[], line: (item: T) => string[]) => {
    if (items.length === 0) return;
    lines.push('', title, '');
    for (const item of items.slice(0, limit)) lines.push(...line(item));
    if (items.length > limit) lines.push(t('changes.more', { count: items.length - limit }));
  };
  section(t('changes.created', { count: comparison.created.length }), comparison.created, (item) => [t('changes.placeLine', { id: item.id, name: item.name })]);
  section(t('changes.changed', { count: comparison.changed.length }), comparison.changed, (item) => [
    t('changes.placeLine', { id: item.id, name: item.name }),
    ...item.changes.map((change) => t('changes.changeLine', { field: t(`changes.field.${change.field}`), before: shown(change.before), after: shown(change.after) })),
  ]);
  section(t('changes.gone', { count: comparison.gone.length }), comparison.gone, (item) => [t('changes.placeLine', { id: item.id, name: item.name })]);
  section(t('changes.rejected', { count: entry.counts.rejected }), Object.entries(rejections), ([reason, count]) => [t('changes.rejectedLine', { reason, count })]);
  return `${lines.join('\n')}\n`;
}

/** Reads, decides, checks the guard rails, then writes (or only reports, with dryRun). Throws Refused. */
export async function importFile(options: ImportOptions): Promise<ImportOutcome> {
  const { dataDir, file, bytes, source } = options;
  const name = file.split('/').at(-1)!;
  const refuse = (reason: string) => new Refused(file, reason, dataDir);

  const read = readNationalFile(bytes, name);
  if (isRefusal(read)) throw refuse(readRefusalText(read));

  let loaded;
  try {
    loaded = await loadData({ dataDir, referenceDataDir: 'data', today: buildDate() });
  } catch (error) {
    if (error instanceof DataError) throw refuse(`${t('import.fixFirst')}\n\n${error.message}`);
    throw error;
  }
  const { dataset, reference } = loaded;
  const mapping = parseValueMapping(await readFile('data/standard/v0.1-to-v1-value-mapping.csv', 'utf8'));
  const conversions: (Conversion | Unreadable)[] = read.rows.map((row) => {
    if ('problem' in row && Object.keys(row).length === 1) return { unreadable: rowProblemText(row.problem as RowProblem) };
    const record = row as Record<string, unknown>;
    return read.format === 'france-services' ? franceServicesRecord(record as Record<string, string>, source.date) : toNationalRecord(record, mapping);
  });

  const before = new Map<string, PlaceInput>(dataset.places.map(({ file: _, ...place }) => [place.id, place]));
  const result = runImport({ dataset, reference, conversions, source, dataDir, today: buildDate() });
  const comparison = compare(before, result);
  const summary = summarize(result.rows);
  const refusal = guardRefusal(result, comparison, options.maxGoneShare ?? MAX_GONE_SHARE);
  const rejectionLines = Object.entries(summary.rejections).map(([reason, count]) => t('import.rejectionLine', { reason, count }));
  if (refusal && !(refusal.kind === 'tooManyGone' && options.force)) throw refuse([...rejectionLines.map((line) => line.trim()), guardText(refusal)].join('\n  '));

  const counts = (outcome: ImportRow['outcome']) => summary.outcomes[outcome] ?? 0;
  const entry: HistoryEntry = {
    source: source.key,
    name: source.name,
    date: buildDate(),
    edition: source.date,
    file: name,
    url: options.provenance.url,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    lastModified: options.provenance.lastModified ?? null,
    etag: options.provenance.etag ?? null,
    rows: summary.rows,
    counts: {
      imported: counts('imported'),
      merged: counts('merged'),
      rejected: counts('rejected'),
      created: comparison.created.length,
      changed: comparison.changed.length,
      unchanged: comparison.unchanged,
      gone: comparison.gone.length,
    },
    forced: refusal && options.force ? options.force : null,
  };

  // ---- The new text of every changed file (a file whose text is unchanged is not rewritten).
  const texts = new Map<string, string>();
  for (const id of [...result.changed].sort()) {
    const known = result.places.get(id)!;
    const previous = await readFile(known.file, 'utf8').catch(() => null);
    let next: string;
    if (known.curated) {
      // Keep the editor's comments and layout: only the sources list grows.
      const document = parseDocument(previous!);
      const list = document.get('sources') as YAMLSeq;
      for (const added of result.addedToCurated.get(id) ?? []) {
        list.add(document.createNode(Object.fromEntries(Object.entries(added).filter(([, value]) => value !== null && value !== undefined))));
      }
      next = document.toString({ lineWidth: 0, flowCollectionPadding: false });
    } else {
      next = placeToYaml(known.place);
    }
    if (next !== previous) texts.set(known.file, next);
  }

  const lines = [
    t('import.heading', { name: source.name, file: name, rows: summary.rows }),
    ...Object.entries(summary.outcomes).map(([outcome, count]) => t('import.outcomeLine', { outcome: t(`import.outcome.${outcome as ImportRow['outcome']}`), count })),
    ...rejectionLines,
    ...Object.entries(summary.merges).map(([why, count]) => t('import.mergeLine', { why, count })),
    t('import.compared', { created: entry.counts.created, changed: entry.counts.changed, unchanged: entry.counts.unchanged, gone: entry.counts.gone }),
    ...(entry.forced ? [t('import.forced', { reason: entry.forced })] : []),
  ];
  if (options.dryRun) return { summary, comparison, written: 0, entry, lines: [...lines, t('import.dryRun')] };
  // The same file again, changing nothing: nothing to add to the history either (idempotent).
  const last = (await readHistory(dataDir)).findLast((item) => item.source === source.key);
  if (texts.size === 0 && last?.sha256 === entry.sha256)
    return { summary, comparison, written: 0, entry, lines: [...lines, t('import.written', { count: 0, report: `${dataDir}/imports/reports/${source.key}.md` })] };

  for (const [path, text] of texts) await writeWhole(path, text);
  const reports = join(dataDir, 'imports/reports');
  await writeWhole(join(reports, `${source.key}.json`), JSON.stringify({ summary: { source, input: name, ...summary }, rows: result.rows }, null, 1) + '\n');
  await writeWhole(join(reports, `${source.key}.md`), markdownReport(entry, comparison, summary.rejections));
  await appendHistory(dataDir, entry);
  lines.push(
    t('import.normalizations'),
    ...Object.entries(summary.normalizations)
      .slice(0, 15)
      .map(([what, count]) => t('import.normalizationLine', { what, count })),
    t('import.written', { count: texts.size, report: `${reports}/${source.key}.md` }),
  );
  return { summary, comparison, written: texts.size, entry, lines };
}

/** The history of updates, oldest first. */
export async function readHistory(dataDir: string): Promise<HistoryEntry[]> {
  const text = await readFile(join(dataDir, HISTORY_FILE), 'utf8').catch(() => null);
  return text ? ((parseYamlText(text) as HistoryEntry[] | null) ?? []) : [];
}

async function appendHistory(dataDir: string, entry: HistoryEntry): Promise<void> {
  const history = [...(await readHistory(dataDir)), entry];
  await writeWhole(join(dataDir, HISTORY_FILE), `${t('changes.historyHeader')}\n${stringify(history, { lineWidth: 0 })}`);
}
