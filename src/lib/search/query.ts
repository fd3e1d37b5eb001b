/**
 * What a query says, word by word: a postcode, an arrondissement ("Paris 19e", "Lyon 8"),
 * needs ("recharge", "papiers", "caf", "ordinateur pas cher"), the France Services label, and
 * the words left for a commune or a place's name. Small words ("aide", "pour", "le") name nothing.
 */
import type { Meta } from './data.ts';
import { normalize } from './normalize.ts';
import { editDistance } from '../text.ts';

/** Longer queries are cut: nobody types more, and the page must never freeze. */
export const MAX_QUERY = 200;

/**
 * Words that say nothing about where or what: the grammar of a sentence typed in French ("je
 * cherche de l'aide pour faire ma déclaration"), the same for every catalogue, so they live here
 * and not in data/services.yaml with the needs' words. Never used to filter names; never "not
 * understood". Folded as queries are (no accents).
 */
export const FILLER_WORDS = new Set(
  'a ai as au aux avec avoir besoin bonjour c ce ces cet cette chez cherche chercher cherchons comment d dans de des doit dois document documents du elle en endroit est et etre faire fais fait il ils j je l la le les leur lieu lieux lui m ma me merci mes moi mon n ne nos nous numerique on ou par pas peut peux pour pres proche puis qu que quel quelle quelqu qui quoi s sa se ses si sil son sur svp t ta te tes ton trouver tu un une urgent veut veux voudrais vos votre vous y aide aider aidez'.split(
    ' ',
  ),
);

/**
 * The filters people type with the rest (« wifi gratuit lille », « ouvert samedi matin », « arabe
 * marseille », « fauteuil roulant »), in French, each phrase and its field (see filtersSaid() in
 * components/search/state.ts). Not « persan » nor « signes » alone: Persan and Signes are communes.
 */
export const FILTER_WORDS = new Map<string, string>([
  ...['gratuit', 'gratuite', 'gratuits', 'gratuites', 'gratuitement'].map((word) => [word, 'gratuit=1'] as const),
  ...['fauteuil roulant', 'fauteuil', 'pmr'].map((word) => [word, 'fauteuil=1'] as const),
  ...['maintenant', 'en ce moment'].map((word) => [word, 'quand=maintenant'] as const),
  ...['aujourd hui', 'aujourdhui'].map((word) => [word, 'quand=aujourdhui'] as const),
  ...['demain', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'].map((word) => [word, `quand=${word}`] as const),
  ['matin', 'moment=matin'],
  ['apres midi', 'moment=apres-midi'],
  ...Object.entries({
    anglais: 'en',
    arabe: 'ar',
    espagnol: 'es',
    portugais: 'pt',
    roumain: 'ro',
    russe: 'ru',
    ukrainien: 'uk',
    turc: 'tr',
    farsi: 'fa',
    dari: 'fa',
    pachto: 'ps',
    pashto: 'ps',
    tamoul: 'ta',
    chinois: 'zh',
    wolof: 'wo',
    allemand: 'de',
    italien: 'it',
    'langue des signes': 'lsf',
    lsf: 'lsf',
  }).map(([word, code]) => [word, `langue=${code}`] as const),
]);
/** « ouvert » says nothing more with a day (« ouvert le samedi »); alone, it is « open now ». */
export const OPEN = /^ouverte?s?$/;
/** Just before a language, these words say nothing more (« qui parle arabe », « aide en anglais »), and are kept elsewhere (« aix en provence »). */
export const BEFORE_LANGUAGE = new Set(['parle', 'parlent', 'langue', 'en']);
/** A filter said after these is denied (« pas gratuit »): left in the words. */
export const NOT_WORDS = new Set(['pas', 'sans', 'non']);

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

/**
 * How many typing mistakes a word of this length may hold and still be a need's word: none
 * under 5 letters (too many short words are one letter apart: "caf", "cv", "rsa"), one from 5
 * ("scaner", "inpots"), two from 9 ("declaraton", "photocoppie" give or take a swap).
 */
export function typosAllowed(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * The words that write one of these communes' names, a typing mistake allowed: with a postcode
 * (« roubaix 59100 », « 93200 saint denis »), the name says the same commune, not a place's
 * name. Read as a name, « roubaix » kept 4 of Roubaix's 383 places. `keys`: normalized names.
 */
export function communeNameWords(words: readonly string[], keys: readonly string[]): number[] {
  const parts = [...new Set(keys.flatMap((key) => key.split(' ')))];
  return words.flatMap((word, index) => (word.length > 1 && parts.some((part) => part === word || editDistance(word, part) <= typosAllowed(word.length)) ? [index] : []));
}

/** The same word, or a word misspelt (a swap of two letters is one mistake), give or take an ending. */
function closeWord(typed: string, keyword: string): boolean {
  if (sameWord(typed, keyword)) return true;
  const allowed = typosAllowed(Math.min(typed.length, keyword.length));
  if (allowed === 0 || Math.abs(typed.length - keyword.length) > allowed + 3) return false;
  // Endings first ("declarations" is "declaration" + s), then the mistakes in what is left.
  const stem = typed.length > keyword.length ? typed.slice(0, keyword.length + Math.min(allowed, typed.length - keyword.length)) : typed;
  return editDistance(stem, keyword, allowed) <= allowed || editDistance(typed, keyword, allowed) <= allowed;
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
export function matchNeeds(words: readonly string[], meta: Pick<Meta, 'services' | 'franceServices'>, options: { typos?: boolean } = {}): Needs {
  // A word typed several times ("saint saint …") is compared with each keyword once.
  const seen = new Map<string, boolean>();
  const close = (typed: string, keyword: string): boolean => {
    const key = `${typed}\u0000${keyword}`;
    let answer = seen.get(key);
    if (answer === undefined) seen.set(key, (answer = closeWord(typed, keyword)));
    return answer;
  };
  const same = options.typos ? close : sameWord;
  const candidates: { service: string | null; at: number; length: number; exact: boolean; order: number }[] = [];
  const phrases: { service: string | null; words: string[]; order: number }[] = [
    { service: null, words: FRANCE_SERVICES, order: -1 },
    ...(meta.franceServices ?? []).map((keyword) => ({ service: null, words: keyword.split(' '), order: -1 })),
    ...meta.services.flatMap((service, order) => service.keywords.map((keyword) => ({ service: service.id, words: keyword.split(' '), order }))),
  ];
  for (const phrase of phrases) {
    for (let at = 0; at + phrase.words.length <= words.length; at++) {
      // A small word inside a phrase ("carte d identite") is never a typo of another one.
      if (phrase.words.every((word, offset) => (word.length < 4 ? words[at + offset] === word : same(words[at + offset]!, word)))) {
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

/** Cyrillic letters (Russian and Ukrainian, folded: й is и), each as a French ear writes its sound; ь and ъ are silent. */
const CYRILLIC = 'абвгґдеєжзиіклмнопрстуфхцчшщыэюяьъ';
const LATIN = 'a b v g g d e ie j z i i k l m n o p r s t ou f kh ts tch ch chtch i e u ia  '.split(' ');

/**
 * A commune's name typed in Cyrillic, in Latin letters as it sounds, for the search by sound
 * (see sound.ts): « Тулуза » is « toulouza » (Toulouse), « Марсель » « marseill » (Marseille),
 * « Рубе » « roubai » (Roubaix), « Сен-Дени » « saint deni ». The usual ways French names are
 * written in Cyrillic: a final е says « é » (Рубе, Кале), a final ль the « ille » of Marseille or
 * Versailles, ье « ier » at the end (Монпелье), ио the « yo » of Lyon (Лион), Сен and Сент are Saint.
 * Other words are kept.
 */
export function latinOf(word: string): string {
  if (!/\p{Script=Cyrillic}/u.test(word)) return word;
  if (word === 'сен' || word === 'сент') return 'saint';
  let latin = '';
  for (const letter of word
    .replace(/ь[еє]$/, 'ier')
    .replace(/(?<=..)е$/, 'ai')
    .replace(/(?<!л)ль$/, 'ill')
    .replace(/ье/g, 'ие')
    .replace(/[иі]о/g, 'yo'))
    latin += LATIN[CYRILLIC.indexOf(letter)] ?? letter;
  return latin;
}
