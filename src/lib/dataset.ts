/**
 * Reads the data folder from disk. Used by the build (integrations/data.ts), by `npm run check:data`
 * and by the tests, so that all three see exactly the same validation.
 */
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CORE_SCHEMA, load, Type } from 'js-yaml';
import { parseDocument } from 'yaml';
import { t } from '../i18n/index.ts';
import { todayIso } from './dates.ts';
import { releaseParsedHours } from './hours/schedule.ts';
import { parseReference, type Reference } from './reference.ts';
import { HISTORY_FILE } from './schemas/history.ts';
import { DataError, validateDataset, YAML_FILE, type DataIssue, type Dataset, type RawDataset, type RawFile } from './validate.ts';

const refused = (file: string, message: string): RawFile => ({ file, data: undefined, syntaxError: message });

/**
 * Every file under a data folder, read or refused: never silently skipped. A YAML file is
 * read; a symbolic link, a hidden file or folder (name starting with a dot) and any other file
 * are refused with a message, so that `check:data` and the build say what they did not read.
 */
async function dataFiles(dir: string, root: string): Promise<{ paths: string[]; refused: RawFile[] }> {
  const paths: string[] = [];
  const refusals: RawFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      const file = relativeFile(root, path);
      if (entry.isSymbolicLink()) refusals.push(refused(file, t('editor.file.symlink')));
      else if (entry.name.startsWith('.')) refusals.push(refused(file, t(entry.isDirectory() ? 'editor.file.hiddenFolder' : 'editor.file.hidden')));
      else if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) paths.push(path);
      else refusals.push(refused(file, t('editor.file.notYaml')));
    }
  };
  await walk(dir);
  return { paths: paths.sort(), refused: refusals };
}

const relativeFile = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/**
 * YAML 1.2's core schema exactly as `yaml` reads it. js-yaml's own reads "-.5" as text and
 * "0b101" as a number; these two types make both parsers give the same values (a unit test
 * compares them on every data file).
 */
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const coreFloat = (text: string): number => {
  const infinity = /^([-+]?)\.inf$/i.exec(text);
  if (infinity) return infinity[1] === '-' ? -Infinity : Infinity;
  return /^\.nan$/i.test(text) ? NaN : Number(text);
};
const FAST_SCHEMA = CORE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string | null) => text !== null && CORE_INT.test(text),
      construct: (text: string) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : Number(text)),
    }),
    new Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: (text: string | null) => text !== null && CORE_FLOAT.test(text), construct: coreFloat }),
  ],
});

/**
 * A value that starts with a quote or a bracket and does not end with its closer on the same
 * line. The YAML may be right (a long quoted text on several lines), but js-yaml reads a
 * forgotten closing quote as a text that runs on into the next fields, where `yaml` says which
 * line lacks it: such files are left to `yaml`.
 */
const OPEN_ON_LINE = /^[ \t]*(?:- +)?(?:[^\s#"'[{][^:#\n]*: +|- *)?(?:"(?:[^"\\\n]|\\.)*|'(?:[^'\n]|'')*|\[[^\]\n]*|\{[^}\n]*)\r?$/m;

/**
 * A file read by js-yaml, 8 times faster than `yaml` (10,000 place files: 0.5 s against 4.2 s),
 * or undefined when `yaml` must read it: a file js-yaml refuses (`yaml` says why, in words an
 * editor understands), an empty one, or one that may hold anchors and aliases (`yaml` limits
 * their expansion).
 */
function readFast(text: string): unknown {
  if (/[&*]/.test(text) || OPEN_ON_LINE.test(text)) return undefined;
  try {
    return load(text, { schema: FAST_SCHEMA }) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Parses one YAML file; a syntax error becomes a message for the data editor, not a crash. */
export function parseYaml(text: string, file: string): RawFile {
  const fast = readFast(text);
  if (fast !== undefined) return { file, data: detached(fast) };
  const slow = parseYamlSlowly(text, file);
  return slow.syntaxError ? slow : { file, data: detached(slow.data) };
}

/**
 * A parsed file's values as strings of their own. The parsers cut each value out of the file's
 * text, and V8 keeps such a cut as a pointer into that text: every text the build keeps would
 * keep its whole file alive (55 MB at 50,000 places, for the build's whole length). A copy made
 * by structuredClone owns its characters, and keeps NaN, Infinity and -0 as they are (JSON would not).
 */
function detached(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? structuredClone(data) : data;
}

/** The reference parser: what a file that js-yaml does not read means, or why it is refused. */
export function parseYamlSlowly(text: string, file: string): RawFile {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = error.linePos?.[0]?.line;
    const reason = error.code === 'DUPLICATE_KEY' ? t('editor.yaml.duplicateKey') : t(`editor.yaml.code.${error.code}`);
    return refused(file, t('editor.yaml.invalid', { line: line ? t('editor.yaml.line', { line: String(line) }) : '', reason }));
  }
  try {
    // yaml's default limit on alias expansion stops an "alias bomb" (a few lines that
    // expand to billions of values) before it exhausts memory.
    return { file, data: document.toJS({ maxAliasCount: 100 }) };
  } catch {
    return refused(file, t('editor.yaml.aliases'));
  }
}

/**
 * Decodes a file as UTF-8, strictly: a file saved in another encoding (Windows-1252, Latin-1)
 * would otherwise be published with broken letters ("Caf\uFFFDt\uFFFDria"). Gives the line of
 * the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    return { badLine: loose.slice(0, Math.max(at, 0)).split('\n').length };
  }
}

function readYaml(path: string, root: string): RawFile {
  const file = relativeFile(root, path);
  let bytes: Uint8Array;
  try {
    // Synchronously: 50,000 small files take 0.4 s, against 4.5 s through fs/promises 32 at a time.
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refused(file, code === 'ENOENT' ? t('editor.file.missing') : t('editor.file.unreadable', { code: String(code) }));
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) return refused(file, t('editor.file.notUtf8', { line: String(decoded.badLine) }));
  return parseYaml(decoded.text, file);
}

/** A data folder: its YAML files read, then the files refused. */
async function readFolder(dir: string, root: string): Promise<RawFile[]> {
  const { paths, refused } = await dataFiles(dir, root);
  return [...paths.map((path) => readYaml(path, root)), ...refused];
}

export async function readReference(dataDir: string): Promise<Reference> {
  const dir = join(dataDir, 'reference');
  const [communes, departements, regions] = await Promise.all(['communes.csv', 'departements.csv', 'regions.csv'].map((name) => readFile(join(dir, name), 'utf8')));
  return parseReference({ communes: communes!, departements: departements!, regions: regions! });
}

export async function readRawDataset(dataDir: string, root: string): Promise<RawDataset> {
  const optional = (file: RawFile) => (file.syntaxError === t('editor.file.missing') ? undefined : file);
  const [places, municipalities] = await Promise.all([readFolder(join(dataDir, 'places'), root), readFolder(join(dataDir, 'municipalities'), root)]);
  return {
    places,
    municipalities,
    services: readYaml(join(dataDir, 'services.yaml'), root),
    charter: readYaml(join(dataDir, 'charter.yaml'), root),
    // Optional: without it, no place gets its network's or label's offers.
    labels: optional(readYaml(join(dataDir, 'labels.yaml'), root)),
    // Written by the first import or refresh.
    history: optional(readYaml(join(dataDir, HISTORY_FILE), root)),
  };
}

export interface LoadedData {
  dataset: Dataset;
  reference: Reference;
  /** What the site reads differently from the files (hours that cannot be right), with the fix. */
  warnings: DataIssue[];
}

/**
 * Loads and validates everything; throws a DataError listing every problem.
 * `referenceDir` lets tests use fixture places with the real communes.
 */
export async function loadData(options: { dataDir: string; referenceDataDir?: string; root?: string; today?: string }): Promise<LoadedData> {
  const root = options.root ?? process.cwd();
  const [raw, reference] = await Promise.all([readRawDataset(options.dataDir, root), readReference(options.referenceDataDir ?? options.dataDir)]);
  const result = validateDataset(raw, reference, { today: options.today ?? todayIso() });
  // The parsed opening hours served the checks; the schedules (buildDirectory) parse what they need.
  releaseParsedHours();
  if (!result.dataset) throw new DataError(result.issues);
  return { dataset: result.dataset, reference, warnings: result.warnings };
}

/**
 * The date the site is built for (YYYY-MM-DD): today in Paris, or BUILD_DATE when set, so
 * that tests of opening hours and freshness do not depend on the day they run.
 */
let builtFor: string | undefined;
export function buildDate(): string {
  const forced = process.env.BUILD_DATE;
  if (forced && /^\d{4}-\d{2}-\d{2}$/.test(forced)) return forced;
  // Once per process: a build that runs past midnight stays consistent, and Intl is not cheap.
  builtFor ??= todayIso();
  return builtFor;
}
