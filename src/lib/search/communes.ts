/**
 * Finding communes as people name them: a commune as found (today's name or a former one),
 * the closest spellings of a misspelt name, the shortlist of names sharing its pairs of letters,
 * and homonyms offered largest first. The engine (./engine.ts) reads the files; this decides.
 */
import { departementOf, isFormerName, type CommuneRow } from './data.ts';
import { normalize } from './normalize.ts';
import { editDistance, frenchOrder } from '../text.ts';

/** A commune as the search knows it (from its files), not the reference's Commune. */
export interface CommuneMatch {
  insee: string;
  name: string;
  departement: string;
  lat: number;
  lon: number;
  postcodes: string[];
  key: string;
  /** Légal population, to the hundred (0 when unknown): homonyms are offered largest first. */
  population: number;
  /** The old name it was found by (a commune déléguée or associée): "Cherbourg-Octeville". */
  formerName?: string;
  /** The name of its département, for a choice between homonyms (set on the communes an outcome names). */
  departementName?: string;
  /** The name of an arrondissement of Paris, Lyon or Marseille searched for, when it is one. */
  arrondissement?: string;
}

/** A former name before it is read with its commune of today (see SearchEngine.today()). */
export interface FormerMatch extends CommuneMatch {
  /** The file of today's name. */
  todayFile: string;
}

export function toCommune(row: CommuneRow): CommuneMatch {
  const key = normalize(row[1]);
  if (isFormerName(row)) {
    const [insee, formerName, todayFile] = row;
    const former: FormerMatch = { insee, name: formerName, departement: departementOf(insee), lat: 0, lon: 0, postcodes: [], key, population: 0, formerName, todayFile };
    return former;
  }
  const [insee, name, lat, lon, hundreds] = row;
  return { insee, name, departement: departementOf(insee), lat, lon, postcodes: [], key, population: hundreds * 100 };
}

/** The communes of one file, read once. */
export interface CommunesIndex {
  /** Today's communes and former names, by name. */
  communes: CommuneMatch[];
  byKey: Map<string, CommuneMatch[]>;
  /** Today's communes only. */
  byInsee: Map<string, CommuneMatch>;
  /** Every name in the order of its key: the names that start with some words are side by side. */
  sorted: CommuneMatch[];
}

export const EMPTY_COMMUNES: CommunesIndex = { communes: [], byKey: new Map(), byInsee: new Map(), sorted: [] };

/**
 * About how many names a file of communes holds (about 9 kB gzip). The files split the names in
 * the order of their keys, so that a name is looked up in one small file: by first letter, 5,600
 * names start with "s" (63 kB) and 3,900 with "l" (49 kB, for « Lille »).
 */
export const NAMES_PER_FILE = 800;

/**
 * Where each file of communes starts: the first key of each, in order (the first is ""). A name
 * and its homonyms are never split between two files.
 */
export function communeFileStarts(keys: readonly string[], perFile = NAMES_PER_FILE): string[] {
  const sorted = [...keys].sort(keyOrder);
  const starts = [''];
  let count = 0;
  for (const [index, key] of sorted.entries()) {
    if (count >= perFile && key !== sorted[index - 1]) {
      starts.push(key);
      count = 0;
    }
    count++;
  }
  return starts;
}

/** Plain code-unit order: the order the files are cut in and searched in. */
export function keyOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file (its number, as written in its name) of a normalized name. */
export function communeFileOf(key: string, starts: readonly string[]): string {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= key) low = middle;
    else high = middle - 1;
  }
  return String(low);
}

/** The files holding the names that start with this prefix (all of them for ""), in order. */
export function communeFilesWith(prefix: string, starts: readonly string[]): string[] {
  const first = Number(communeFileOf(prefix, starts));
  const last = Number(communeFileOf(`${prefix}\uffff`, starts));
  return Array.from({ length: last - first + 1 }, (_, index) => String(first + index));
}

/** A name's first letter, or "0" for a name that starts with a digit: typos are looked for among names of the same initial. */
export function initialOf(key: string): string {
  const first = key.charAt(0);
  return /[a-z]/.test(first) ? first : '0';
}

/** The files holding the names of this initial (see initialOf()). */
export function communeFilesOfInitial(initial: string, starts: readonly string[]): string[] {
  if (initial !== '0') return communeFilesWith(initial, starts);
  // Before "a": names starting with a digit (keys are lower case letters, digits and spaces).
  return communeFilesWith('', starts).filter((file) => Number(file) <= Number(communeFileOf('a', starts)));
}

export const ARTICLES = new Set(['le', 'la', 'les', 'l']);

/** A phrase needing more changes than this share of its letters to be found in a name is not that name misspelt. */
export const WEAK = 0.3;

/** How many of the closest names are compared whole (see closestSpelling()). */
const MOST_CLOSE = 8;

/**
 * The names of a shortlist that hold the phrase with few changes, anywhere in them (« pont de
 * claix » is in « le pont de claix », « grenobel » is « grenoble » with one swap), fewest changes
 * first; and the share of the phrase's letters the closest needs changed: 0 is exact, 1 none found.
 */
export function closeNames(key: string, shortlist: readonly CommuneMatch[]): { communes: CommuneMatch[]; score: number } {
  const allowed = Math.floor(key.length * WEAK);
  const found: { commune: CommuneMatch; changes: number }[] = [];
  for (const commune of shortlist) {
    const changes = editDistance(key, commune.key, allowed, true);
    if (changes > allowed) continue;
    // Inside a longer name, one change at most: « frenoble » is not « Frenelles-en-Vexin » (two
    // changes in its first word), it is Grenoble with a wrong first letter.
    if (changes > 1 && editDistance(key, commune.key, allowed) > allowed) continue;
    found.push({ commune, changes });
  }
  if (found.length === 0) return { communes: [], score: 1 };
  found.sort((a, b) => a.changes - b.changes);
  return { communes: found.slice(0, MOST_CLOSE).map((item) => item.commune), score: found[0]!.changes / key.length };
}

/**
 * Among close names, those spelt the fewest changes away (a swap of two letters is one change):
 * "alelins" is Alleins, not Avelin. Homonyms stay together, to be chosen from.
 */
export function closestSpelling(key: string, communes: CommuneMatch[]): CommuneMatch[] {
  if (communes.length <= 1) return communes;
  const distances = communes.map((commune) => editDistance(key, commune.key));
  const min = Math.min(...distances);
  return communes.filter((_, index) => distances[index] === min);
}

/**
 * Shorter names sound like too many others: names of three letters and more are compared by
 * sound (see ./sound.ts). « kan » sounds like Caen, Quend and Quéant: all are offered, the city first.
 */
export const SHORTEST_BY_SOUND = 3;

/**
 * How close a name that sounds the same counts (share of letters changed, 0 = exact): closer
 * than CLOSE_ENOUGH, so that « sin deni » is Saint-Denis, not Sin-le-Noble and a word left over.
 */
export const SOUNDS_ALIKE = 0.1;

/**
 * A village's exact name written like a city's but for silent letters (« vanne »: Vanne in
 * Haute-Saône, and Vannes; see silentForm()): the city is offered first when the village has
 * fewer people than `village`, and the city at least `city` and `times` as many.
 */
export const CITY_NAMESAKE = { village: 2_000, city: 10_000, times: 10 } as const;

/** The fewest people a city must have to be offered before these exact namesakes; null when they are not villages (see CITY_NAMESAKE). */
export function citySize(exact: readonly CommuneMatch[]): number | null {
  if (exact.length === 0) return null;
  const largest = Math.max(...exact.map((commune) => commune.population));
  return largest < CITY_NAMESAKE.village ? Math.max(CITY_NAMESAKE.city, CITY_NAMESAKE.times * largest) : null;
}

/**
 * A name without what French leaves silent at the end of a word and in doubled letters: « vanne »
 * and « vannes » are both « van », « rene » and « rennes » « ren ». Only one ending goes (« es »,
 * « e », « s », « x », « t » or « d »): Gacé and Gap, Brée and Brest stay apart.
 */
export function silentForm(key: string): string {
  return key.replace(/(\p{L})\1+/gu, '$1').replace(/(es|e|s|x|t|d)$/, '');
}

/** A name that ends with a said vowel (Pacé, Avrillé): its end is not silent, whatever silentForm() makes of its key. */
export function endsSaid(name: string): boolean {
  return /[éèêàâîôûù]$/iu.test(name);
}

/** Pairs of letters shared (Dice coefficient) for a name with a wrong first letter. */
export const MIN_DICE = 0.6;

/** The initials of names (0: a name starting with a digit). */
export const INITIALS = [...'abcdefghijklmnopqrstuvwxyz0'];

/** The longest commune key (Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson): a test checks it against the reference. */
export const LONGEST_COMMUNE_KEY = 45;

/** The most words in a commune's name: a longer run of words is never looked up as one. */
export const MOST_WORDS_IN_A_COMMUNE = 8;

export interface Paired {
  commune: CommuneMatch;
  pairs: Set<string>;
}

/** How many names a phrase is compared with, letter by letter. */
export const SHORTLIST = 150;

/** How many of the phrase's pairs of letters a name holds. */
export function sharedPairs(wanted: Set<string>, pairs: Set<string>): number {
  let shared = 0;
  for (const pair of wanted) if (pairs.has(pair)) shared++;
  return shared;
}

/** The names that hold the most of the phrase's pairs of letters, best first (larger communes first among equals). */
export function shortlisted(communes: readonly Paired[], wanted: Set<string>): CommuneMatch[] {
  const scored: { commune: CommuneMatch; shared: number }[] = [];
  for (const { commune, pairs } of communes) {
    const shared = sharedPairs(wanted, pairs);
    if (shared > 0) scored.push({ commune, shared });
  }
  // Between names sharing as many pairs, the larger commune first: it is the one more people mean,
  // and the shortlist does not depend on the order the files list names in.
  return scored
    .sort((a, b) => b.shared - a.shared || b.commune.population - a.commune.population)
    .slice(0, SHORTLIST)
    .map((item) => item.commune);
}

export function letterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

/** A misspelt name this close (share of changes, 0 = exact) beats an exact match on a part of the words. */
export const CLOSE_ENOUGH = 0.2;

/** How many communes a choice offers at most. */
export const MOST_CHOICES = 12;

/** Largest first (then by name), one entry per commune: a former name gives way to today's name. */
export function largestFirst(communes: readonly CommuneMatch[]): CommuneMatch[] {
  const byInsee = new Map<string, CommuneMatch>();
  for (const commune of communes) {
    const seen = byInsee.get(commune.insee);
    if (!seen || (seen.formerName !== undefined && commune.formerName === undefined)) byInsee.set(commune.insee, commune);
  }
  return [...byInsee.values()].sort((a, b) => b.population - a.population || frenchOrder(a.name, b.name));
}

/**
 * The communes a name may mean: its exact namesakes, and when a commune whose name starts with
 * it has more people than any of them ("aix": Aix-en-Provence, 149,695, and Aix in Corrèze, 352),
 * those larger ones too, largest first; the namesakes are always among those offered.
 */
export function withLargerNamesakes(exact: readonly CommuneMatch[], longer: readonly CommuneMatch[]): CommuneMatch[] {
  const largest = Math.max(...exact.map((commune) => commune.population));
  const larger = longer.filter((commune) => commune.population > largest && !exact.some((same) => same.insee === commune.insee));
  if (larger.length === 0) return largestFirst(exact);
  const namesakes = largestFirst(exact);
  return largestFirst([...namesakes, ...largestFirst(larger).slice(0, Math.max(0, MOST_CHOICES - namesakes.length))]);
}
