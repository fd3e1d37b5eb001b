/**
 * The search, in the browser and offline: reads the static files of ./data.ts through a
 * loader (fetch in the browser, the file system in tests), narrows the candidates first
 * (postcode, exact commune names, the départements around), and only then compares text
 * fuzzily, with fuse.js, over a few thousand commune names at most.
 */
import Fuse from 'fuse.js';
import { distanceKm } from '../geo.ts';
import { statusAt, todaySlots, wallClock, type OpenStatus } from '../hours/status.ts';
import { parsePhone } from '../phone.ts';
import { SEARCH_FILES } from '../routes.ts';
import { departementOf, type CommuneRow, type Meta, type PlaceShard, type PostcodeRow } from './data.ts';
import { communeShard, normalize } from './normalize.ts';
import { judge, NO_FILTERS, type FilterName, type Filters } from './judge.ts';
import { arrondissementPostcode, FILLER_WORDS, matchNeeds, MAX_QUERY, queryWords } from './query.ts';
import { decodePlace, hasFlag, type SearchPlace } from './row.ts';
import { editDistance } from '../text.ts';

export interface Loader {
  json<T>(path: string): Promise<T>;
}

/** A commune as the search knows it (from its files), not the reference's Commune. */
export interface CommuneMatch {
  insee: string;
  name: string;
  departement: string;
  lat: number;
  lon: number;
  postcodes: string[];
  key: string;
  /** The name of an arrondissement of Paris, Lyon or Marseille searched for, when it is one. */
  arrondissement?: string;
}

export { NO_FILTERS, type Filters };

export interface SearchRequest {
  q: string;
  /** A commune chosen among homonyms (INSEE code). */
  commune?: string | null;
  /** A position from the device ("Autour de moi") or the centre of the map. */
  near?: { lat: number; lon: number } | null;
  /** Where that position comes from, to name it. */
  nearKind?: 'position' | 'map-area';
  filters: Filters;
  now: Date;
  limit?: number;
  /** Only the counts matter (the orientation mode): no looking further for a confirmed place. */
  countOnly?: boolean;
}

export interface Result extends Omit<SearchPlace, 'schedule'> {
  /** From the origin; null for a search by name. */
  km: number | null;
  /** In the commune searched for (its point may be only the commune's centre). */
  inCommune: boolean;
  /** For `tel:` links. */
  dial: string;
  status: OpenStatus | { state: 'moves' };
  /** Today's slots, undefined when unknown. */
  today: number[] | undefined;
  /** The usual week (for paper, where "today" means nothing), null when unknown or on the move. */
  week: number[][] | null;
  /** Filters the data cannot answer for this place: to check with it. */
  toCheck: FilterName[];
  /** The needs it meets, by its own word or its label's. */
  needs: { id: string; byLabel: boolean }[];
}

/** Where results are measured from. */
export type Origin = { kind: 'commune'; commune: CommuneMatch } | { kind: 'position' | 'map-area' };

export interface Counts {
  total: number;
  /** Places that meet every filter for sure. */
  confirmed: number;
  /** Places kept because the data does not say: to check. */
  toCheck: number;
}

export type SearchOutcome =
  | { type: 'results'; origin: Origin; results: Result[]; counts: Counts; filters: Filters; further: Result | null }
  | { type: 'choose'; communes: CommuneMatch[]; filters: Filters }
  | { type: 'need-location'; filters: Filters }
  | { type: 'by-name'; results: Result[]; counts: Counts; filters: Filters }
  | { type: 'empty' }
  | { type: 'none'; query: string; filters: Filters };

const DEFAULT_LIMIT = 20;
/** Places further than this from the commune are not "around" it. */
const MAX_KM = 100;

function toCommune([insee, name, lat, lon]: CommuneRow): CommuneMatch {
  return { insee, name, departement: departementOf(insee), lat, lon, postcodes: [], key: normalize(name) };
}

interface LetterIndex {
  communes: CommuneMatch[];
  byKey: Map<string, CommuneMatch[]>;
  byInsee: Map<string, CommuneMatch>;
}

/** A shard decoded once, its names normalized once: not at every query. */
interface LoadedShard {
  places: SearchPlace[];
  keys: string[];
  /** The words of each place's name, and of its name and commune, read once per file. */
  nameWords: string[][];
  nameAndCommuneWords: string[][];
}

export class SearchEngine {
  private readonly loader: Loader;
  private metaPromise: Promise<Meta> | undefined;
  private readonly letters = new Map<string, Promise<LetterIndex>>();
  private readonly postcodes = new Map<string, Promise<PostcodeRow[]>>();
  private readonly shards = new Map<string, Promise<LoadedShard>>();

  constructor(loader: Loader) {
    this.loader = loader;
  }

  meta(): Promise<Meta> {
    this.metaPromise ??= this.loader.json<Meta>(SEARCH_FILES.meta);
    return this.metaPromise;
  }

  /** Data files carry the build's version, so that no cache ever mixes two builds. */
  private async data<T>(path: string): Promise<T> {
    const { version } = await this.meta();
    return this.loader.json<T>(`${path}?v=${version}`);
  }

  private letter(letter: string): Promise<LetterIndex> {
    let promise = this.letters.get(letter);
    if (!promise) {
      promise = this.data<CommuneRow[]>(SEARCH_FILES.communes(letter)).then(
        (rows) => {
          const communes = rows.map(toCommune);
          const byKey = new Map<string, CommuneMatch[]>();
          for (const commune of communes) byKey.set(commune.key, [...(byKey.get(commune.key) ?? []), commune]);
          return { communes, byKey, byInsee: new Map(communes.map((commune) => [commune.insee, commune])) };
        },
        () => ({ communes: [], byKey: new Map(), byInsee: new Map() }),
      );
      this.letters.set(letter, promise);
    }
    return promise;
  }

  async communesStartingWith(letter: string): Promise<CommuneMatch[]> {
    return (await this.letter(letter)).communes;
  }

  async communesWithPostcode(postcode: string): Promise<CommuneMatch[]> {
    const prefix = postcode.slice(0, 2);
    let promise = this.postcodes.get(prefix);
    if (!promise) {
      promise = this.data<PostcodeRow[]>(SEARCH_FILES.postcodes(prefix)).catch(() => []);
      this.postcodes.set(prefix, promise);
    }
    const rows = (await promise).filter((row) => row[0] === postcode);
    const communes = await Promise.all(
      rows.map(async ([, insee, letter, lat, lon, name]) => {
        const commune = (await this.letter(letter)).byInsee.get(insee);
        // An arrondissement: searched from its own centre, named by its official name.
        return commune && lat !== undefined && lon !== undefined ? { ...commune, lat, lon, arrondissement: name ?? postcode } : commune;
      }),
    );
    return communes.filter((commune): commune is CommuneMatch => commune !== undefined);
  }

  /** Communes whose name is exactly this (after normalization). */
  async exactCommunes(text: string): Promise<CommuneMatch[]> {
    const key = normalize(text);
    return key ? ((await this.letter(communeShard(key))).byKey.get(key) ?? []) : [];
  }

  /** A commune by its code, for a shared link that names it (rare: the query usually has its name). */
  async commune(insee: string): Promise<CommuneMatch | undefined> {
    for (const letter of COMMUNE_FILES) {
      const found = (await this.communesStartingWith(letter)).find((commune) => commune.insee === insee);
      if (found) return found;
    }
    return undefined;
  }

  shard(departement: string): Promise<LoadedShard> {
    let promise = this.shards.get(departement);
    if (!promise) {
      promise = this.data<PlaceShard>(SEARCH_FILES.places(departement)).then(
        (shard) => {
          const places = shard.places.map((row) => decodePlace(row, shard));
          const keys = places.map((place) => normalize(place.name));
          return {
            places,
            keys,
            nameWords: keys.map((key) => key.split(' ')),
            nameAndCommuneWords: places.map((place, index) => `${keys[index]} ${normalize(place.commune)}`.split(' ')),
          };
        },
        () => ({ places: [], keys: [], nameWords: [], nameAndCommuneWords: [] }),
      );
      this.shards.set(departement, promise);
    }
    return promise;
  }

  /**
   * Exact names first; then, for a typo, the closest names starting with the same letter
   * (fuse.js); then, when the first letter itself is wrong, the names of about the same length
   * that share the most pairs of letters, in every file. Fuse runs on a shortlist: the 150
   * names of that letter that hold the most of the phrase's pairs of letters (a few
   * milliseconds), not on all of them (5,600 names start with "s": 85 ms for a long phrase).
   */
  /** The places of a selection, in its order; null for one that is no longer in its file. */
  async placesOf(entries: readonly { departement: string; id: string }[]): Promise<(SearchPlace | null)[]> {
    const meta = await this.meta();
    return Promise.all(
      entries.map(async ({ departement, id }) => {
        if (!meta.departements[departement]?.places) return null;
        const shard = await this.shard(departement);
        return shard.places.find((place) => place.id === id) ?? null;
      }),
    );
  }

  async findCommunes(text: string): Promise<{ exact: CommuneMatch[]; fuzzy: CommuneMatch[]; score: number }> {
    const key = normalize(text);
    if (!key) return { exact: [], fuzzy: [], score: 1 };
    const exact = await this.exactCommunes(key);
    if (exact.length > 0) return { exact, fuzzy: [], score: 0 };
    // Longer than any commune's name with a few typos: it is not a misspelt commune.
    if (key.length > LONGEST_COMMUNE_KEY + 5) return { exact, fuzzy: [], score: 1 };
    await yieldToPage();
    const wanted = letterPairs(key);
    const shortlist = shortlisted(await this.pairsOf(communeShard(key)), wanted);
    const fuse = new Fuse(shortlist, { keys: ['key'], includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2 });
    const hits = fuse.search(key, { limit: 8 });
    const best = hits[0]?.score ?? 1;
    if (hits.length > 0 && best <= WEAK) return { exact, fuzzy: closestSpelling(key, hits.map((hit) => hit.item)), score: best };
    // No name close enough with this first letter: the first letter itself may be wrong ("frenoble").
    await yieldToPage();
    const other = await this.anyLetter(key, wanted);
    if (other.fuzzy.length > 0 && other.score < best) return other;
    return { exact, fuzzy: closestSpelling(key, hits.map((hit) => hit.item)), score: best };
  }

  /** The communes of one file with their pairs of letters, built once per file. */
  private readonly pairs = new Map<string, Promise<Paired[]>>();

  private pairsOf(letter: string): Promise<Paired[]> {
    let promise = this.pairs.get(letter);
    if (!promise) {
      promise = this.communesStartingWith(letter).then((communes) => communes.map((commune) => ({ commune, pairs: letterPairs(commune.key) })));
      this.pairs.set(letter, promise);
    }
    return promise;
  }

  private async anyLetter(key: string, wanted: Set<string>): Promise<{ exact: CommuneMatch[]; fuzzy: CommuneMatch[]; score: number }> {
    if (key.length < 5) return { exact: [], fuzzy: [], score: 1 };
    let best: { commune: CommuneMatch; dice: number }[] = [];
    for (const letter of COMMUNE_FILES) {
      for (const { commune, pairs } of await this.pairsOf(letter)) {
        if (Math.abs(commune.key.length - key.length) > 2) continue;
        const dice = (2 * sharedPairs(wanted, pairs)) / (wanted.size + pairs.size);
        if (dice >= MIN_DICE && (best.length === 0 || dice >= best[0]!.dice)) best = best.length > 0 && dice === best[0]!.dice ? [...best, { commune, dice }] : [{ commune, dice }];
      }
    }
    return { exact: [], fuzzy: closestSpelling(key, best.slice(0, 8).map((item) => item.commune)), score: best.length > 0 ? 1 - best[0]!.dice : 1 };
  }

  async search(request: SearchRequest): Promise<SearchOutcome> {
    const meta = await this.meta();
    const limit = request.limit ?? DEFAULT_LIMIT;
    const words = queryWords(request.q.slice(0, MAX_QUERY));
    const consumed = new Set<number>();
    let communes: CommuneMatch[] = [];

    // 1. A postcode, or an arrondissement of Paris, Lyon or Marseille ("Paris 19e").
    const arrondissement = arrondissementPostcode(words);
    const postcodeIndex = words.findIndex((word) => /^\d{5}$/.test(word));
    if (postcodeIndex >= 0 || arrondissement) {
      if (postcodeIndex >= 0) consumed.add(postcodeIndex);
      if (arrondissement) consumed.add(arrondissement.at).add(arrondissement.at + 1);
      communes = await this.communesWithPostcode(postcodeIndex >= 0 ? words[postcodeIndex]! : arrondissement!.postcode);
    }
    // Stray numbers say nothing more.
    words.forEach((word, index) => {
      if (/^\d{1,3}(e|er|eme)?$/.test(word)) consumed.add(index);
    });

    // 2. Needs and the France Services label: "recharge téléphone", "aide caf", "ordinateur pas cher".
    const needs = matchNeeds(words.map((word, index) => (consumed.has(index) ? '' : word)), meta);
    for (const index of needs.used) consumed.add(index);

    // 3. A commune's exact name, as the longest run of words ("saint denis", "emmaus *lille*").
    let exactSpan: number[] = [];
    if (communes.length === 0) {
      search: for (let size = Math.min(words.length, MOST_WORDS_IN_A_COMMUNE); size >= 1; size--) {
        for (let start = 0; start + size <= words.length; start++) {
          const span = Array.from({ length: size }, (_, offset) => start + offset);
          if (span.some((index) => consumed.has(index))) continue;
          const exact = await this.exactCommunes(words.slice(start, start + size).join(' '));
          if (exact.length > 0) {
            communes = exact;
            exactSpan = span;
            break search;
          }
        }
      }
    }
    for (const index of exactSpan) consumed.add(index);
    // Each word once: "saint saint saint" asks no more than "saint".
    const nameWords = [...new Set(words.filter((word, index) => !consumed.has(index) && !FILLER_WORDS.has(word)))];

    // 4. A misspelt commune ("grenobel"), also when a word of it is itself a commune ("le pon-tde-claix" is not Claix).
    if (!request.near && !request.commune && (communes.length === 0 ? nameWords.length > 0 : nameWords.length > 0 && exactSpan.length > 0)) {
      // Articles begin many names ("Le Pont-de-Claix", "La Rochelle"): they stay in the phrase.
      const phrase = words.filter((word, index) => (!consumed.has(index) || exactSpan.includes(index)) && (!FILLER_WORDS.has(word) || ARTICLES.has(word))).join(' ');
      const { fuzzy, score } = await this.findCommunes(phrase);
      // A longer name that holds the exact one ("le pont de claix" holds "claix") is the one meant.
      const holdsExact = exactSpan.length > 0 && fuzzy.length === 1 && fuzzy[0]!.key.includes(words.filter((_, index) => exactSpan.includes(index)).join(' '));
      if (fuzzy.length > 0 && (communes.length === 0 || score <= CLOSE_ENOUGH || holdsExact)) {
        communes = fuzzy;
        nameWords.length = 0;
      }
    }

    if (request.commune) {
      const chosen = communes.find((commune) => commune.insee === request.commune) ?? (await this.commune(request.commune));
      communes = chosen ? [chosen] : communes;
    }
    const filters: Filters = {
      ...request.filters,
      services: [...new Set([...needs.services, ...request.filters.services])],
      franceServices: request.filters.franceServices || needs.franceServices,
    };

    await yieldToPage();
    if (request.near) {
      const found = await this.around(request.near, null, filters, nameWords, request.now);
      return { type: 'results', origin: { kind: request.nearKind ?? 'position' }, ...(await this.page(found, filters, limit, request.now, request.countOnly ? null : request.near)) };
    }
    if (communes.length > 1) return { type: 'choose', communes: communes.slice(0, 12), filters };
    if (communes.length === 1) {
      const commune = communes[0]!;
      const found = await this.around(commune, commune, filters, nameWords, request.now);
      return { type: 'results', origin: { kind: 'commune', commune }, ...(await this.page(found, filters, limit, request.now, request.countOnly ? null : commune)) };
    }
    if (nameWords.length > 0) {
      const found = await this.byName(nameWords, filters, request.now);
      if (found.length > 0) {
        const { results, counts } = await this.page(found, filters, limit, request.now, null);
        return { type: 'by-name', results, counts, filters };
      }
      return { type: 'none', query: request.q, filters };
    }
    if (filters.services.length > 0 || filters.franceServices) return { type: 'need-location', filters };
    return words.length === 0 ? { type: 'empty' } : { type: 'none', query: request.q, filters };
  }

  /**
   * The places around a point (in the départements around), ranked for the person: those that
   * meet every filter first; then, for a commune, its own places, the most helpful first (a
   * street address, hours, a phone: open soon first); then the nearest. Places for their
   * residents only come after the places open to all. Two records of one place show once.
   */
  private async around(point: { lat: number; lon: number }, commune: CommuneMatch | null, filters: Filters, nameWords: string[], now: Date): Promise<Found[]> {
    const meta = await this.meta();
    const codes = commune ? [commune.departement, ...(meta.departements[commune.departement]?.neighbours ?? [])] : nearestDepartements(meta, point);
    const shards = await Promise.all(codes.filter((code) => meta.departements[code]?.places).map(async (code) => ({ code, shard: await this.shard(code) })));
    const found: Found[] = [];
    for (const { code, shard } of shards) {
      shard.places.forEach((place, index) => {
        if (nameWords.length > 0 && !containsWords(shard.nameWords[index]!, nameWords)) return;
        const km = distanceKm(point, place);
        if (km > MAX_KM) return;
        const verdict = judge(place, filters, meta, now);
        if (!verdict.keep) return;
        // Within an arrondissement, nearest first: the city is too large for "in the commune".
        const inCommune = commune !== null && !commune.arrondissement && code === commune.departement && place.commune === commune.name;
        found.push({ place, km, inCommune, verdict, key: shard.keys[index]! });
      });
    }
    return rank(found, now);
  }

  private async byName(nameWords: string[], filters: Filters, now: Date): Promise<Found[]> {
    // A name without a place: every département's places (cached offline like the rest).
    const meta = await this.meta();
    const shards = await Promise.all(Object.entries(meta.departements).filter(([, departement]) => departement.places > 0).map(([code]) => this.shard(code)));
    const found: Found[] = [];
    for (const [count, shard] of shards.entries()) {
      if (count % 20 === 19) await yieldToPage();
      shard.places.forEach((place, index) => {
        if (!containsWords(shard.nameAndCommuneWords[index]!, nameWords)) return;
        const verdict = judge(place, filters, meta, now);
        if (verdict.keep) found.push({ place, km: null, inCommune: false, verdict, key: shard.keys[index]! });
      });
    }
    return found.sort((a, b) => byName(a.place.name, b.place.name));
  }

  /** The first `limit` results, the counts, and when a need has no confirmed place near, the nearest one further. */
  private async page(found: Found[], filters: Filters, limit: number, now: Date, origin: { lat: number; lon: number } | null) {
    const unique = dedupe(found);
    const confirmed = unique.filter((item) => item.verdict.unknown.length === 0).length;
    const counts = { total: unique.length, confirmed, toCheck: unique.length - confirmed };
    let further: Result | null = null;
    if (origin && filters.services.length > 0 && confirmed === 0) further = await this.further(origin, filters, now);
    return { results: unique.slice(0, limit).map((item) => toResult(item, now)), counts, filters, further };
  }

  /** The nearest place that surely meets the needs, looking further, département by département. */
  private async further(point: { lat: number; lon: number }, filters: Filters, now: Date): Promise<Result | null> {
    const meta = await this.meta();
    const codes = Object.entries(meta.departements)
      .filter(([, departement]) => departement.places > 0)
      .map(([code, departement]) => ({ code, km: distanceKm(point, departement.centre) }))
      .sort((a, b) => a.km - b.km);
    let best: (Found & { km: number }) | null = null;
    for (const { code, km } of codes) {
      // A département whose centre is this much further than the best place found cannot hold a nearer one;
      // and a place across the sea is no answer (nor worth downloading every file for).
      if ((best && km > best.km + DEPARTEMENT_REACH_KM) || km > FURTHEST_KM) break;
      const shard = await this.shard(code);
      for (const [index, place] of shard.places.entries()) {
        const verdict = judge(place, filters, meta, now);
        if (!verdict.keep || verdict.unknown.length > 0 || hasFlag(place, 'residentsOnly')) continue;
        const distance = distanceKm(point, place);
        if (!best || distance < best.km) best = { place, km: distance, inCommune: false, verdict, key: shard.keys[index]! };
      }
    }
    return best ? toResult(best, now) : null;
  }
}

interface Found {
  place: SearchPlace;
  km: number | null;
  inCommune: boolean;
  verdict: ReturnType<typeof judge>;
  /** The normalized name. */
  key: string;
}

const ARTICLES = new Set(['le', 'la', 'les', 'l']);

/** A fuse.js score above this is a weak match (0 = exact). */
const WEAK = 0.3;

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


/** Pairs of letters shared (Dice coefficient) for a name with a wrong first letter. */
const MIN_DICE = 0.6;

/** One collator for every sort by name (`localeCompare` with a locale builds one per call). */
const byName = new Intl.Collator('fr').compare;

/**
 * Lets the browser paint and answer taps between the steps of a search, so that no step
 * holds the page for long (the scheduler's yield where there is one, else a timer).
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** The files of communes, by first letter (0: a name starting with a digit). */
const COMMUNE_FILES = [...'abcdefghijklmnopqrstuvwxyz0'];

/** The longest commune key (Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson): a test checks it against the reference. */
export const LONGEST_COMMUNE_KEY = 45;
/** The most words in a commune's name: a longer run of words is never looked up as one. */
export const MOST_WORDS_IN_A_COMMUNE = 8;

interface Paired {
  commune: CommuneMatch;
  pairs: Set<string>;
}

/** How many names fuse.js compares a phrase with. */
const SHORTLIST = 150;

/** How many of the phrase's pairs of letters a name holds. */
function sharedPairs(wanted: Set<string>, pairs: Set<string>): number {
  let shared = 0;
  for (const pair of wanted) if (pairs.has(pair)) shared++;
  return shared;
}

/** The names that hold the most of the phrase's pairs of letters, best first. */
export function shortlisted(communes: readonly Paired[], wanted: Set<string>): CommuneMatch[] {
  const scored: { commune: CommuneMatch; shared: number }[] = [];
  for (const { commune, pairs } of communes) {
    const shared = sharedPairs(wanted, pairs);
    if (shared > 0) scored.push({ commune, shared });
  }
  return scored
    .sort((a, b) => b.shared - a.shared)
    .slice(0, SHORTLIST)
    .map((item) => item.commune);
}

export function letterPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

/** The furthest a place "further away" may be: the length of metropolitan France. */
const FURTHEST_KM = 1200;
/** No place of a département is further than this from its centre (Guyane's reach is about 250 km). */
const DEPARTEMENT_REACH_KM = 300;
/** A fuzzy match this close (fuse.js score, 0 = exact) beats an exact match on a part of the words. */
const CLOSE_ENOUGH = 0.2;

/** How likely a place is to help, from what we know of it: a street address, hours, a phone. */
export function helpfulness(place: SearchPlace): number {
  return (place.street ? 4 : 0) + (place.schedule ? 2 : 0) + (place.phone ? 1 : 0);
}

/** Minutes until the place opens (0 when open now); Infinity when unknown. */
function opensIn(place: SearchPlace, now: Date): number {
  if (hasFlag(place, 'itinerant')) return Infinity;
  const status = statusAt(place.schedule, now);
  if (status.state === 'open') return 0;
  if (status.state !== 'closed' || !status.next) return Infinity;
  return status.next.inDays * 1440 + status.next.opensAt - wallClock(now, place.schedule!.tz).minutes;
}

export function rank(found: Found[], now: Date): Found[] {
  const soon = new Map(found.filter((item) => item.inCommune).map((item) => [item, opensIn(item.place, now)]));
  return found.sort(
    (a, b) =>
      Number(a.verdict.unknown.length > 0) - Number(b.verdict.unknown.length > 0) ||
      Number(hasFlag(a.place, 'residentsOnly')) - Number(hasFlag(b.place, 'residentsOnly')) ||
      Number(b.inCommune) - Number(a.inCommune) ||
      (a.inCommune && b.inCommune
        ? helpfulness(b.place) - helpfulness(a.place) || Math.min(soon.get(a)!, 1e9) - Math.min(soon.get(b)!, 1e9)
        : 0) ||
      (a.km ?? 0) - (b.km ?? 0) ||
      byName(a.place.name, b.place.name),
  );
}

/** Two records of one place (same name, same commune) show once: the better ranked. */
function dedupe(found: Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = `${item.key}|${item.place.commune}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function containsWords(parts: readonly string[], words: string[]): boolean {
  return words.every((word) => parts.some((part) => part.startsWith(word)));
}

/** Départements whose communes lie within reach of a point (for "Autour de moi"). */
function nearestDepartements(meta: Meta, point: { lat: number; lon: number }): string[] {
  return Object.entries(meta.departements)
    .filter(([, departement]) => departement.places > 0)
    .map(([code, departement]) => ({ code, km: distanceKm(point, departement.centre) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, 6)
    .map((entry) => entry.code);
}

function toResult({ place, km, inCommune, verdict }: Found, now: Date): Result {
  const { schedule, ...rest } = place;
  const moves = hasFlag(place, 'itinerant');
  return {
    ...rest,
    km,
    inCommune,
    dial: place.phone ? (parsePhone(place.phone)?.dial ?? '') : '',
    status: moves ? { state: 'moves' } : statusAt(schedule, now),
    today: moves ? undefined : todaySlots(schedule, now),
    week: moves ? null : (schedule?.week ?? null),
    toCheck: verdict.unknown,
    needs: verdict.needs,
  };
}
