/**
 * Reading a national file before anything is imported: strict decoding, the file's shape, its
 * columns against the standard's. A file that fails here is refused whole (`ReadRefusal`): the
 * import and the refresh stop before writing anything. A row that fails (a `null` in a JSON
 * list, a CSV line with more cells than the header) is rejected with its reason, and counted.
 * Pure: bytes in, rows or a refusal out; the words are in the dictionary (`import.refuse.*`).
 */
import { parse } from 'csv-parse/sync';
import schemaV01 from '../../../data/standard/schema-v0.1.x.json' with { type: 'json' };
import { closest } from '../text.ts';
import { restoreCell } from './csv.ts';
import { STANDARD_COLUMNS } from './standard.ts';

export type ReadRefusal =
  | { kind: 'empty' }
  | { kind: 'notUtf8'; line: number }
  | { kind: 'json'; line: number; column: number }
  | { kind: 'notList'; found: string }
  | { kind: 'semicolons' }
  | { kind: 'csv'; line: number }
  | { kind: 'missingColumns'; missing: string[]; renamed: [found: string, expected: string][] }
  | { kind: 'unknownColumns'; unknown: string[]; renamed: [found: string, expected: string][] };

/** A row that cannot be read as a place: rejected, with its reason. */
export type RowProblem = { kind: 'notObject'; found: string } | { kind: 'cells'; cells: number; expected: number };

export type FileFormat = 'standard' | 'france-services';

export interface ReadFile {
  format: FileFormat;
  rows: (Record<string, unknown> | { problem: RowProblem })[];
}

/** The standard's v0.1 columns (still in real exports) and the ones v1.0.2 renamed. */
const V01_COLUMNS: string[] = schemaV01.fields.map((field: { name: string }) => field.name);
/** Columns that real national exports add beside the standard's (CNFS's `structureId`, a misspelt v0.1 `conditions_access`). */
export const KNOWN_EXTRA_COLUMNS = ['structureId', 'conditions_access'];
const STANDARD_KNOWN = new Set<string>([...STANDARD_COLUMNS, ...V01_COLUMNS, ...KNOWN_EXTRA_COLUMNS]);
/** What every row of the standard must have (v0.1 and v1.0.2 agree on these). */
const STANDARD_REQUIRED = ['id', 'nom', 'commune', 'code_postal', 'adresse'];

/** France Services' own list (ANCT), editions of 2023, 2024 and the live file. */
const FS_REQUIRED = ['id_fs', 'lib_fs', 'adresse', 'insee_com', 'code_postal', 'lib_com', 'latitude', 'longitude', 'h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi'];
const FS_KNOWN = new Set([
  ...FS_REQUIRED,
  ...'insee_dep complement_adresse mail telephone prise_rdv commentaire type_fs format_fs groupe_fs labellisation_fs itinerance groupe labellisation format_fs_anct'.split(' '),
]);

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Strict UTF-8 (a Latin-1 file would be published with "Caf\uFFFD"); a byte-order mark is dropped. */
export function decode(bytes: Uint8Array): { text: string } | ReadRefusal {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    return { kind: 'notUtf8', line: loose.slice(0, Math.max(loose.indexOf('\uFFFD'), 0)).split('\n').length };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function checkColumns(columns: readonly string[], known: ReadonlySet<string>, required: readonly string[]): ReadRefusal | null {
  const present = new Set(columns);
  const unknown = columns.filter((column) => !known.has(column));
  const missing = required.filter((column) => !present.has(column));
  if (missing.length > 0) {
    // One column missing, one unknown: renamed, surely; otherwise the closest names.
    const renamed =
      missing.length === 1 && unknown.length === 1
        ? [[unknown[0]!, missing[0]!] as [string, string]]
        : missing.flatMap((expected): [string, string][] => {
            const found = closest(expected, unknown);
            return found ? [[found, expected]] : [];
          });
    return { kind: 'missingColumns', missing, renamed };
  }
  if (unknown.length === 0) return null;
  const renamed = unknown.flatMap((found): [string, string][] => {
    const expected = closest(found, known);
    return expected ? [[found, expected]] : [];
  });
  return { kind: 'unknownColumns', unknown, renamed };
}

function readJson(text: string): ReadFile | ReadRefusal {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(String((error as Error).message));
    return { kind: 'json', ...lineAndColumn(text, at ? Number(at[1]) : text.length) };
  }
  // A list of places, or an object that holds one under `data` (a few exports wrap it).
  const list: unknown = Array.isArray(json) ? json : json !== null && typeof json === 'object' && 'data' in json ? json.data : json;
  if (!Array.isArray(list)) {
    const holder = json !== null && typeof json === 'object' && !Array.isArray(json) ? Object.keys(json) : [];
    return { kind: 'notList', found: holder.length > 0 && list === json ? `{ ${holder.slice(0, 5).join(', ')} }` : kindOf(list) };
  }
  const columns = [...new Set(list.flatMap((row: unknown) => (row !== null && typeof row === 'object' && !Array.isArray(row) ? Object.keys(row) : [])))];
  const refusal = list.some((row) => row !== null && typeof row === 'object') ? checkColumns(columns, STANDARD_KNOWN, STANDARD_REQUIRED) : null;
  if (refusal) return refusal;
  return {
    format: 'standard',
    rows: list.map((row) => (row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : { problem: { kind: 'notObject', found: kindOf(row) } })),
  };
}

function readCsv(text: string): ReadFile | ReadRefusal {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if ((header.match(/;/g) ?? []).length > (header.match(/,/g) ?? []).length) return { kind: 'semicolons' };
  let cells: string[][];
  try {
    cells = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return { kind: 'csv', line: Number((error as { lines?: number }).lines ?? 1) };
  }
  const [columns = [], ...lines] = cells;
  const franceServices = columns.includes('id_fs');
  const refusal = franceServices ? checkColumns(columns, FS_KNOWN, FS_REQUIRED) : checkColumns(columns, STANDARD_KNOWN, STANDARD_REQUIRED);
  if (refusal) return refusal;
  return {
    format: franceServices ? 'france-services' : 'standard',
    rows: lines.map((line) =>
      line.length !== columns.length
        ? { problem: { kind: 'cells', cells: line.length, expected: columns.length } }
        : Object.fromEntries(columns.map((column, index) => [column, restoreCell(line[index]!)])),
    ),
  };
}

/** A national file, read strictly: its rows, or why it is refused. */
export function readNationalFile(bytes: Uint8Array, name: string): ReadFile | ReadRefusal {
  const decoded = decode(bytes);
  if ('kind' in decoded) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { kind: 'empty' };
  const json = /\.json$/i.test(name) || (!/\.csv$/i.test(name) && /^\s*[[{]/.test(text)) || (/^\s*(null|true|false|-?\d)/.test(text) && !/\.csv$/i.test(name));
  return json ? readJson(text) : readCsv(text);
}

export const isRefusal = (read: ReadFile | ReadRefusal): read is ReadRefusal => 'kind' in read;
