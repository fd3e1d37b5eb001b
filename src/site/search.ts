import { buildDate } from '../lib/dataset.ts';
import { buildSearchFiles, type SearchFiles } from '../lib/search/build.ts';
import { getDirectory } from './data.ts';
import { otherLanguagesWords, writtenSearchFiles } from './search-files.ts';

let files: Promise<SearchFiles> | undefined;
let written: Promise<Map<string, string>> | undefined;

/** Computed once per build; every search file is a slice of it. */
export function searchFiles(): Promise<SearchFiles> {
  files ??= getDirectory().then((directory) => buildSearchFiles(directory, buildDate(), undefined, otherLanguagesWords()));
  return files;
}

/** A search file as the site serves it (./search-files.ts), by its URL. */
export async function searchFileResponse(url: string): Promise<Response> {
  written ??= searchFiles().then(writtenSearchFiles);
  const body = (await written).get(url);
  if (body === undefined) throw new Error(`No search file ${url}`);
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}
