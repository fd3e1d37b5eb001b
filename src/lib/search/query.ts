/**
 * What a query says, word by word: a postcode, an arrondissement ("Paris 19e", "Lyon 8"),
 * needs ("recharge", "papiers", "caf", "ordinateur pas cher"), the France Services label, and
 * the words left for a commune or a place's name. Small words ("aide", "pour", "le") name nothing.
 */
import type { Meta } from './data.ts';
import { normalize } from './normalize.ts';

/** Longer queries are cut: nobody types more, and the page must never freeze. */
export const MAX_QUERY = 200;

/** Words that say nothing about where or what: never used to filter names. */
export const FILLER_WORDS = new Set(
  'a au aux avec besoin ce ces chez cherche chercher d de des du en et faire j je l la le les lieu lieux ma me mes moi mon ou par pour pres sur trouver un une veux aide aider'.split(' '),
);

const PLM: Record<string, { count: number; postcode: (n: number) => string }> = {
  paris: { count: 20, postcode: (n) => `750${String(n).padStart(2, '0')}` },
  lyon: { count: 9, postcode: (n) => `6900${n}` },
  marseille: { count: 16, postcode: (n) => `130${String(n).padStart(2, '0')}` },
};

/** "paris 19e", "lyon 8", "marseille 13eme" → the arrondissement's postcode, and the words it used. */
export function arrondissementPostcode(words: readonly string[]): { postcode: string; at: number } | null {
  for (let i = 0; i + 1 < words.length; i++) {
    const city = PLM[words[i]!];
    const number = /^(\d{1,2})(?:e|er|eme|ieme)?$/.exec(words[i + 1]!)?.[1];
    if (city && number && Number(number) >= 1 && Number(number) <= city.count) return { postcode: city.postcode(Number(number)), at: i };
  }
  return null;
}

/** Two words are the same word, give or take an ending: "impot" and "impots", "recharge" and "recharger". */
function sameWord(typed: string, keyword: string): boolean {
  if (typed === keyword) return true;
  if (typed.length < 4 || keyword.length < 4) return false;
  const [short, long] = typed.length <= keyword.length ? [typed, keyword] : [keyword, typed];
  return long.startsWith(short) && long.length - short.length <= 3;
}

export interface Needs {
  services: string[];
  franceServices: boolean;
  /** Indexes of the words that named them. */
  used: Set<number>;
}

const FRANCE_SERVICES = ['france', 'services'];

/**
 * The needs a query names, longest keyword first: "ordinateur pas cher" is a cheap computer,
 * not the computer on site; a word serves one need only.
 */
export function matchNeeds(words: readonly string[], meta: Pick<Meta, 'services'>): Needs {
  const candidates: { service: string | null; at: number; length: number; exact: boolean; order: number }[] = [];
  const phrases: { service: string | null; words: string[]; order: number }[] = [
    { service: null, words: FRANCE_SERVICES, order: -1 },
    ...meta.services.flatMap((service, order) => service.keywords.map((keyword) => ({ service: service.id, words: keyword.split(' '), order }))),
  ];
  for (const phrase of phrases) {
    for (let at = 0; at + phrase.words.length <= words.length; at++) {
      if (phrase.words.every((word, offset) => sameWord(words[at + offset]!, word))) {
        candidates.push({ service: phrase.service, at, length: phrase.words.length, exact: phrase.words.every((word, offset) => words[at + offset] === word), order: phrase.order });
      }
    }
  }
  candidates.sort((a, b) => b.length - a.length || Number(b.exact) - Number(a.exact) || a.order - b.order);
  const used = new Set<number>();
  const services: string[] = [];
  let franceServices = false;
  for (const candidate of candidates) {
    const span = Array.from({ length: candidate.length }, (_, offset) => candidate.at + offset);
    if (span.some((index) => used.has(index))) continue;
    for (const index of span) used.add(index);
    if (candidate.service === null) franceServices = true;
    else if (!services.includes(candidate.service)) services.push(candidate.service);
  }
  return { services, franceServices, used };
}

export function queryWords(q: string): string[] {
  return normalize(q).split(' ').filter(Boolean);
}
