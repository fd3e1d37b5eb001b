/**
 * Reads the data folder from disk. Used by the content loader (build), by `npm run check:data`
 * and by the tests, so that all three see exactly the same validation.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { t } from '../i18n/index.ts';
import { parseReference, type Reference } from './reference.ts';
import { DataError, validateDataset, type Dataset, type RawDataset, type RawFile } from './validate.ts';

async function yamlFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Parses one YAML file; a syntax error becomes a message for the data editor, not a crash. */
export function parseYaml(text: string, file: string): RawFile {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = error.linePos?.[0]?.line;
    const reason = error.code === 'DUPLICATE_KEY' ? t('editor.yaml.duplicateKey') : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { file, data: undefined, syntaxError: t('editor.yaml.invalid', { line: line ? t('editor.yaml.line', { line: String(line) }) : '', reason }) };
  }
  return { file, data: document.toJS() };
}

async function readYaml(path: string, root: string): Promise<RawFile> {
  const file = relative(root, path).split(sep).join('/');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, data: undefined, syntaxError: code === 'ENOENT' ? t('editor.file.missing') : t('editor.file.unreadable', { code: String(code) }) };
  }
  return parseYaml(text, file);
}

/** Reads many files a few at a time: tens of thousands at once exhaust file handles. */
async function readAll(paths: string[], root: string): Promise<RawFile[]> {
  const out: RawFile[] = new Array(paths.length);
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

export async function readReference(dataDir: string): Promise<Reference> {
  const dir = join(dataDir, 'reference');
  const [communes, departements, regions] = await Promise.all(
    ['communes.csv', 'departements.csv', 'regions.csv'].map((name) => readFile(join(dir, name), 'utf8')),
  );
  return parseReference({ communes: communes!, departements: departements!, regions: regions! });
}

export async function readRawDataset(dataDir: string, root: string): Promise<RawDataset> {
  const [places, municipalities, services, charter, labels] = await Promise.all([
    yamlFiles(join(dataDir, 'places')).then((paths) => readAll(paths, root)),
    yamlFiles(join(dataDir, 'municipalities')).then((paths) => readAll(paths, root)),
    readYaml(join(dataDir, 'services.yaml'), root),
    readYaml(join(dataDir, 'charter.yaml'), root),
    // Optional: without it, no place gets its network's or label's offers.
    readYaml(join(dataDir, 'labels.yaml'), root).then((file) => (file.syntaxError === t('editor.file.missing') ? undefined : file)),
  ]);
  return { places, municipalities, services, charter, labels };
}

export interface LoadedData {
  dataset: Dataset;
  reference: Reference;
}

export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

/**
 * Loads and validates everything; throws a DataError listing every problem.
 * `referenceDir` lets tests use fixture places with the real communes.
 */
export async function loadData(options: {
  dataDir: string;
  referenceDataDir?: string;
  root?: string;
  today?: string;
}): Promise<LoadedData> {
  const root = options.root ?? process.cwd();
  const [raw, reference] = await Promise.all([
    readRawDataset(options.dataDir, root),
    readReference(options.referenceDataDir ?? options.dataDir),
  ]);
  const result = validateDataset(raw, reference, { today: options.today ?? todayIso() });
  if (!result.dataset) throw new DataError(result.issues);
  return { dataset: result.dataset, reference };
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
