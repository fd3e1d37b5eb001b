import { buildDate } from '../lib/dataset.ts';
import { buildSearchFiles, type SearchFiles } from '../lib/search/build.ts';
import { getDirectory } from './collections.ts';

let files: Promise<SearchFiles> | undefined;

/** Computed once per build; every search file is a slice of it. */
export function searchFiles(): Promise<SearchFiles> {
  files ??= getDirectory().then((directory) => buildSearchFiles(directory, buildDate()));
  return files;
}

export function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
}
