/**
 * The search files as the site writes them, from the SearchFiles the build computes: the pages
 * under src/pages/recherche/ serve these, and the offline budget test (tests/e2e/weights.spec.ts)
 * weighs them on the real data without building the site. No Astro import: plain Node reads it.
 */
import { OTHER_LOCALES } from '../i18n/locales/index.ts';
import { FILLERS, TOWNS, type SearchFiles } from '../lib/search/build.ts';
import { packCommunes, packPostcodes, packShard } from '../lib/search/data.ts';
import { SEARCH_FILES } from '../lib/routes.ts';

/** Each need's words in every other language of the site, together (src/i18n/locales/). */
export function otherLanguagesWords(): Record<string, string[]> {
  const words: Record<string, string[]> = {};
  for (const file of OTHER_LOCALES) {
    for (const [id, list] of Object.entries(file.keywords)) (words[id] ??= []).push(...list);
    for (const [id, service] of Object.entries(file.services)) (words[id] ??= []).push(service.label);
    (words[FILLERS] ??= []).push(...(file.fillers ?? []));
    for (const [name, list] of Object.entries(file.towns ?? {})) (words[`${TOWNS}${name}`] ??= []).push(...list);
  }
  return words;
}

/** Every search file, by its URL (SEARCH_FILES), as its JSON text. */
export function writtenSearchFiles(files: SearchFiles): Map<string, string> {
  const written = new Map<string, string>([[SEARCH_FILES.meta, JSON.stringify(files.meta)]]);
  for (const [letter, rows] of files.communes) written.set(SEARCH_FILES.communes(letter), JSON.stringify(packCommunes(rows)));
  for (const [prefix, rows] of files.postcodes) written.set(SEARCH_FILES.postcodes(prefix), JSON.stringify(packPostcodes(rows)));
  for (const [code, shard] of files.shards) written.set(SEARCH_FILES.places(code), JSON.stringify(packShard(shard)));
  return written;
}
