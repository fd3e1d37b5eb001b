import { readFile } from 'node:fs/promises';
import { parseYaml, readRawDataset, readReference } from '../../src/lib/dataset.ts';
import { formatIssue, validateDataset, type DataIssue, type RawFile } from '../../src/lib/validate.ts';

export const FIXTURE_SITE = 'tests/fixtures/site';
export const reference = await readReference('data');
const fixtureSite = await readRawDataset(FIXTURE_SITE, process.cwd());

export async function rawFile(path: string): Promise<RawFile> {
  return parseYaml(await readFile(path, 'utf8'), path);
}

/** Validates the fixture site with its places replaced by the given files. */
export async function issuesFor(...paths: string[]): Promise<DataIssue[]> {
  const places = await Promise.all(paths.map(rawFile));
  return validateDataset({ ...fixtureSite, places }, reference, { today: '2026-03-01' }).issues;
}

export async function messagesFor(...paths: string[]): Promise<string[]> {
  return (await issuesFor(...paths)).map(formatIssue);
}
