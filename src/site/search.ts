import { buildDate } from '../lib/dataset.ts';
import { buildSearchFiles, FILLERS, type SearchFiles } from '../lib/search/build.ts';
import { getDirectory } from './collections.ts';
import { OTHER_LOCALES } from '../i18n/locales/index.ts';

let files: Promise<SearchFiles> | undefined;

/** Each need's words in every other language of the site, together (src/i18n/locales/). */
function otherLanguagesWords(): Record<string, string[]> {
  const words: Record<string, string[]> = {};
  for (const file of OTHER_LOCALES) {
    for (const [id, list] of Object.entries(file.keywords)) (words[id] ??= []).push(...list);
    for (const [id, service] of Object.entries(file.services)) (words[id] ??= []).push(service.label);
    (words[FILLERS] ??= []).push(...(file.fillers ?? []));
  }
  return words;
}

/** Computed once per build; every search file is a slice of it. */
export function searchFiles(): Promise<SearchFiles> {
  files ??= getDirectory().then((directory) => buildSearchFiles(directory, buildDate(), undefined, otherLanguagesWords()));
  return files;
}

export function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
}
