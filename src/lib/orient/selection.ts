/**
 * "Ma sélection": the places a person or a social worker keeps to print or send. Kept on the
 * device only (localStorage), and carried by a link: `/selection/?lieux=59.ccas-haubourdin,75.…`.
 * Each entry names the département of its search file, so that a phone that receives the link
 * finds the places in the files it already has offline.
 */
import { departementOf } from '../search/data.ts';

export interface SelectionEntry {
  /** The département of the place's search file: "59", "2A", "974". */
  departement: string;
  id: string;
}

/** Enough for a day's orientations; a longer list no longer fits a link or a printed sheet. */
export const MAX_SELECTION = 30;
/** The URL parameter and the localStorage key. */
export const SELECTION_PARAM = 'lieux';
export const SELECTION_STORAGE_KEY = 'selection';

const ENTRY = /^(\d{2,3}|2[AB])\.([a-z0-9](?:[a-z0-9-]{0,158}[a-z0-9])?)$/;

export function entryToken(entry: SelectionEntry): string {
  return `${entry.departement}.${entry.id}`;
}

/** The entry of a place from its id and its commune's INSEE code. */
export function entryOf(id: string, insee: string): SelectionEntry {
  return { departement: departementOf(insee), id };
}

/** Reads a list written by entryToken, keeping the first of duplicates and dropping what is not an entry. */
export function parseSelection(value: string | null | undefined): SelectionEntry[] {
  const entries: SelectionEntry[] = [];
  const seen = new Set<string>();
  for (const token of (value ?? '').split(',')) {
    const match = ENTRY.exec(token.trim().replace(/^(2[ab])\./, (_, code: string) => `${code.toUpperCase()}.`));
    if (!match || seen.has(match[2]!)) continue;
    seen.add(match[2]!);
    entries.push({ departement: match[1]!, id: match[2]! });
    if (entries.length === MAX_SELECTION) break;
  }
  return entries;
}

export function serializeSelection(entries: readonly SelectionEntry[]): string {
  return entries.map(entryToken).join(',');
}

export function hasEntry(entries: readonly SelectionEntry[], id: string): boolean {
  return entries.some((entry) => entry.id === id);
}

/** Adds at the end; a full list stays as it is (the caller says so). */
export function withEntry(entries: readonly SelectionEntry[], entry: SelectionEntry): SelectionEntry[] {
  if (hasEntry(entries, entry.id) || entries.length >= MAX_SELECTION) return [...entries];
  return [...entries, entry];
}

export function withoutEntry(entries: readonly SelectionEntry[], id: string): SelectionEntry[] {
  return entries.filter((entry) => entry.id !== id);
}

/** Moves an entry one step up (-1) or down (+1); at an end, nothing moves. */
export function moveEntry(entries: readonly SelectionEntry[], id: string, step: -1 | 1): SelectionEntry[] {
  const next = [...entries];
  const from = next.findIndex((entry) => entry.id === id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= next.length) return next;
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
