/**
 * Reads the data folder from disk. Used by the content loader (build), by `npm run check:data`
 * and by the tests, so that all three see exactly the same validation.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { t } from '../i18n/index.ts';
import { todayIso } from './dates.ts';
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

/** Parses one YAML file; a syntax error becomes a message for the data editor, not a crash. */
export function parseYaml(text: string, file: string): RawFile {
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

async function readYaml(path: string, root: string): Promise<RawFile> {
  const file = relativeFile(root, path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refused(file, code === 'ENOENT' ? t('editor.file.missing') : t('editor.file.unreadable', { code: String(code) }));
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) return refused(file, t('editor.file.notUtf8', { line: String(decoded.badLine) }));
  return parseYaml(decoded.text, file);
}

/** Reads many files a few at a time: tens of thousands at once exhaust file handles. */
async function readAll(paths: string[], root: string): Promise<RawFile[]> {
  const out = new Array<RawFile>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      out[index] = await readYaml(paths[index]!, root);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return out;
}

/** A data folder: its YAML files read, then the files refused. */
async function readFolder(dir: string, root: string): Promise<RawFile[]> {
  const { paths, refused } = await dataFiles(dir, root);
  return [...(await readAll(paths, root)), ...refused];
}

export async function readReference(dataDir: string): Promise<Reference> {
  const dir = join(dataDir, 'reference');
  const [communes, departements, regions] = await Promise.all(['communes.csv', 'departements.csv', 'regions.csv'].map((name) => readFile(join(dir, name), 'utf8')));
  return parseReference({ communes: communes!, departements: departements!, regions: regions! });
}

export async function readRawDataset(dataDir: string, root: string): Promise<RawDataset> {
  const optional = (file: RawFile) => (file.syntaxError === t('editor.file.missing') ? undefined : file);
  const [places, municipalities, services, charter, labels, history] = await Promise.all([
    readFolder(join(dataDir, 'places'), root),
    readFolder(join(dataDir, 'municipalities'), root),
    readYaml(join(dataDir, 'services.yaml'), root),
    readYaml(join(dataDir, 'charter.yaml'), root),
    // Optional: without it, no place gets its network's or label's offers.
    readYaml(join(dataDir, 'labels.yaml'), root).then(optional),
    // Written by the first import or refresh.
    readYaml(join(dataDir, HISTORY_FILE), root).then(optional),
  ]);
  return { places, municipalities, services, charter, labels, history };
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
