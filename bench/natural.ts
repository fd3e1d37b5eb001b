/**
 * Natural-language queries (bench/natural.json): sentences with filler words, needs in common
 * forms and misspellings, ambiguous communes, former names of merged communes, words not
 * understood. Each has its expected answer: the commune searched from (or, for a name several
 * communes share, the first ones offered, largest first), the needs read, the France Services
 * label, the words said to be not understood. A query is answered when every expectation holds.
 *
 * Usage (engine only, on a built site): node bench/natural.ts [dist] [--list]
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchOutcome } from '../src/lib/search/engine.ts';

export interface NaturalQuery {
  q: string;
  /** INSEE code of the commune the results are around. */
  commune?: string;
  /** The first communes offered, in this order. */
  choose?: string[];
  /** Needs the query names (all of them must be read; others may be). */
  needs?: string[];
  franceServices?: boolean;
  /** Words the page says it did not understand. */
  unknown?: string[];
  /** The start of the first result's name (the synthetic data adds to the real names). */
  first?: string;
  /** Written after the search's words were added, and not tuned for: a check on the rest. */
  heldOut?: boolean;
}

export interface NaturalFigures {
  answered: number;
  queries: number;
  /** Of the held-out queries. */
  heldOutAnswered: number;
  heldOut: number;
  /** The queries not answered, with what came instead. */
  missed: { q: string; got: string }[];
}

/** What an outcome answered, in a few words, to compare with an expectation. */
function summary(outcome: SearchOutcome): string {
  const where =
    outcome.type === 'results' && outcome.origin.kind === 'commune'
      ? `${outcome.origin.commune.insee} ${outcome.origin.commune.name}`
      : outcome.type === 'choose'
        ? outcome.communes
            .slice(0, 3)
            .map((commune) => `${commune.insee} ${commune.name}`)
            .join(' / ')
        : '';
  const services = 'filters' in outcome ? outcome.filters.services.join(',') : '';
  const unknown = 'reading' in outcome ? (outcome as { reading: { unknown: string[] } }).reading.unknown.join(',') : '';
  const first = 'results' in outcome ? outcome.results[0]?.name : undefined;
  return `${outcome.type} ${where}${services ? ` · ${services}` : ''}${unknown ? ` · ? ${unknown}` : ''}${first ? ` · 1. ${first}` : ''}`;
}

export function answers(expected: NaturalQuery, outcome: SearchOutcome): boolean {
  if (expected.commune && !(outcome.type === 'results' && outcome.origin.kind === 'commune' && outcome.origin.commune.insee === expected.commune)) return false;
  if (expected.choose && !(outcome.type === 'choose' && expected.choose.every((insee, index) => outcome.communes[index]?.insee === insee))) return false;
  const filters = 'filters' in outcome ? outcome.filters : null;
  if (expected.needs && !expected.needs.every((id) => filters?.services.includes(id))) return false;
  if (expected.franceServices && !filters?.franceServices) return false;
  if (expected.first && !('results' in outcome && outcome.results[0]?.name.startsWith(expected.first))) return false;
  if (expected.unknown) {
    const reading = 'reading' in outcome ? (outcome as { reading?: { unknown: string[] } }).reading : undefined;
    if (!reading || expected.unknown.some((word) => !reading.unknown.includes(word))) return false;
  }
  return true;
}

/** Runs every natural query through a search function (the engine of this code, or of another version). */
export async function judgeNatural(search: (q: string) => Promise<SearchOutcome>, queries: readonly NaturalQuery[] = readNatural()): Promise<NaturalFigures> {
  const missed: NaturalFigures['missed'] = [];
  let heldOutAnswered = 0;
  for (const expected of queries) {
    const outcome = await search(expected.q);
    if (!answers(expected, outcome)) missed.push({ q: expected.q, got: summary(outcome) });
    else if (expected.heldOut) heldOutAnswered++;
  }
  return { answered: queries.length - missed.length, queries: queries.length, heldOutAnswered, heldOut: queries.filter((query) => query.heldOut).length, missed };
}

export function readNatural(): NaturalQuery[] {
  return JSON.parse(readFileSync('bench/natural.json', 'utf8')) as NaturalQuery[];
}

/** The natural queries answered by the engine, on a built site's search files. */
export async function benchNatural(dir: string): Promise<NaturalFigures> {
  const { SearchEngine, NO_FILTERS } = await import('../src/lib/search/engine.ts');
  const engine = new SearchEngine({ json: async <T>(path: string) => JSON.parse(await readFile(join(dir, path.split('?')[0]!), 'utf8')) as T });
  const now = new Date('2026-03-03T10:00:00+01:00');
  return judgeNatural((q) => engine.search({ q, filters: NO_FILTERS, now }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const figures = await benchNatural(dir);
  console.log(`Requêtes en langage courant : ${figures.answered}/${figures.queries} comprises (dont ${figures.heldOutAnswered}/${figures.heldOut} écrites après les mots de la recherche)`);
  if (process.argv.includes('--list')) for (const { q, got } of figures.missed) console.log(`  ✗ ${q} → ${got}`);
}
