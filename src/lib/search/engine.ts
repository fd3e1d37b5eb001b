/**
 * The search, in the browser and offline: reads the static files of ./data.ts through a
 * loader (fetch in the browser, the file system in tests), narrows the candidates first
 * (postcode, exact commune names, the départements around), and only then compares text
 * fuzzily, with fuse.js, over a few thousand commune names at most.
 */
import Fuse from 'fuse.js';
import { distanceKm } from '../geo.ts';
import { statusAt, todaySlots, type OpenStatus } from '../hours/status.ts';
import { parsePhone } from '../phone.ts';
import { SEARCH_FILES } from '../routes.ts';
import { departementOf, type CommuneRow, type Meta, type PlaceShard, type PostcodeRow } from './data.ts';
import { communeShard, normalize } from './normalize.ts';
import { decodePlace, hasFlag, type SearchPlace } from './row.ts';

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
}

export interface Filters {
  services: string[];
  openNow: boolean;
  saturday: boolean;
  free: boolean;
  noReferral: boolean;
  walkIn: boolean;
  wheelchair: boolean;
  language: string | null;
  emmaus: boolean;
}

export const NO_FILTERS: Filters = {
  services: [],
  openNow: false,
  saturday: false,
  free: false,
  noReferral: false,
  walkIn: false,
  wheelchair: false,
  language: null,
  emmaus: false,
};

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
}

export interface Result extends Omit<SearchPlace, 'schedule'> {
  km: number | null;
  /** For `tel:` links. */
  dial: string;
  status: OpenStatus;
  /** Today's slots, undefined when unknown. */
  today: number[] | undefined;
}

/** Where results are measured from. */
export type Origin = { kind: 'commune'; commune: CommuneMatch } | { kind: 'position' | 'map-area' };

export type SearchOutcome =
  | { type: 'results'; origin: Origin; results: Result[]; total: number; serviceIds: string[] }
  | { type: 'choose'; communes: CommuneMatch[]; serviceIds: string[] }
  | { type: 'need-location'; serviceIds: string[] }
  | { type: 'by-name'; results: Result[]; total: number }
  | { type: 'empty' }
  | { type: 'none'; query: string };

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
}

export class SearchEngine {
  private readonly loader: Loader;
  private metaPromise: Promise<Meta> | undefined;
  private readonly letters = new Map<string, Promise<LetterIndex>>();
  private readonly postcodes = new Map<string, Promise<PostcodeRow[]>>();
  private readonly shards = new Map<string, Promise<LoadedShard>>();
  private readonly fuses = new Map<string, Fuse<CommuneMatch>>();

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
    const communes = await Promise.all(rows.map(async ([, insee, letter]) => (await this.letter(letter)).byInsee.get(insee)));
    return communes.filter((commune): commune is CommuneMatch => commune !== undefined);
  }

  /** Communes whose name is exactly this (after normalization). */
  async exactCommunes(text: string): Promise<CommuneMatch[]> {
    const key = normalize(text);
    return key ? ((await this.letter(communeShard(key))).byKey.get(key) ?? []) : [];
  }

  /** A commune by its code, for a shared link that names it (rare: the query usually has its name). */
  async commune(insee: string): Promise<CommuneMatch | undefined> {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz0') {
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
          return { places, keys: places.map((place) => normalize(place.name)) };
        },
        () => ({ places: [], keys: [] }),
      );
      this.shards.set(departement, promise);
    }
    return promise;
  }

  /** Exact names first; then, for a typo, the closest names starting with the same letter. */
  async findCommunes(text: string): Promise<{ exact: CommuneMatch[]; fuzzy: CommuneMatch[] }> {
    const key = normalize(text);
    if (!key) return { exact: [], fuzzy: [] };
    const letter = communeShard(key);
    const exact = await this.exactCommunes(key);
    if (exact.length > 0) return { exact, fuzzy: [] };
    const communes = await this.communesStartingWith(letter);
    let fuse = this.fuses.get(letter);
    if (!fuse) {
      fuse = new Fuse(communes, { keys: ['key'], includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2 });
      this.fuses.set(letter, fuse);
    }
    const hits = fuse.search(key, { limit: 8 });
    if (hits.length === 0) return { exact, fuzzy: [] };
    const best = hits[0]!.score ?? 1;
    // Keep the names as close as the best one: "grenobel" → Grenoble, not every "Gren…".
    return { exact, fuzzy: hits.filter((hit) => (hit.score ?? 1) <= best + 0.05).map((hit) => hit.item) };
  }

  /** Services a query names by one of their keywords: "recharge téléphone" → recharges. */
  matchServices(words: string[], meta: Meta): { serviceIds: string[]; used: Set<number> } {
    let best: { id: string; used: Set<number> } | undefined;
    for (const service of meta.services) {
      const used = new Set<number>();
      words.forEach((word, index) => {
        if (word.length < 4) return;
        for (const keyword of service.keywords) {
          if (keyword.split(' ').some((part) => part.length >= 4 && (part.startsWith(word) || word.startsWith(part)))) used.add(index);
        }
      });
      if (used.size > 0 && (!best || used.size > best.used.size)) best = { id: service.id, used };
    }
    return best ? { serviceIds: [best.id], used: best.used } : { serviceIds: [], used: new Set() };
  }

  async search(request: SearchRequest): Promise<SearchOutcome> {
    const meta = await this.meta();
    const limit = request.limit ?? DEFAULT_LIMIT;
    const words = normalize(request.q).split(' ').filter(Boolean);
    const consumed = new Set<number>();
    let communes: CommuneMatch[] = [];

    // 1. A postcode.
    const postcodeIndex = words.findIndex((word) => /^\d{5}$/.test(word));
    if (postcodeIndex >= 0) {
      consumed.add(postcodeIndex);
      communes = await this.communesWithPostcode(words[postcodeIndex]!);
    }
    // Arrondissement numbers ("Paris 19") and stray digits say nothing more.
    words.forEach((word, index) => {
      if (/^\d{1,3}(e|er|eme)?$/.test(word)) consumed.add(index);
    });

    // 2. A commune's exact name, as the longest run of words ("saint denis", "emmaus *lille*").
    if (communes.length === 0) {
      search: for (let size = words.length; size >= 1; size--) {
        for (let start = 0; start + size <= words.length; start++) {
          if ([...Array(size).keys()].some((offset) => consumed.has(start + offset))) continue;
          const phrase = words.slice(start, start + size).join(' ');
          const exact = await this.exactCommunes(phrase);
          if (exact.length > 0) {
            communes = exact;
            for (let offset = 0; offset < size; offset++) consumed.add(start + offset);
            break search;
          }
        }
      }
    }

    // 3. A need: "recharge téléphone".
    const remainingWords = words.filter((_, index) => !consumed.has(index));
    const services = this.matchServices(remainingWords, meta);
    const nameWords = remainingWords.filter((_, index) => !services.used.has(index));
    const serviceIds = [...new Set([...services.serviceIds, ...request.filters.services])];

    // 4. A misspelt commune: "grenobel".
    if (communes.length === 0 && nameWords.length > 0 && !request.near && !request.commune) {
      const { fuzzy } = await this.findCommunes(nameWords.join(' '));
      if (fuzzy.length > 0) {
        communes = fuzzy;
        nameWords.length = 0;
      }
    }

    if (request.commune) {
      const chosen = communes.find((commune) => commune.insee === request.commune) ?? (await this.commune(request.commune));
      communes = chosen ? [chosen] : communes;
    }
    const filters = { ...request.filters, services: serviceIds };

    if (request.near) {
      const results = await this.around(request.near, filters, nameWords, request.now);
      return { type: 'results', origin: { kind: request.nearKind ?? 'position' }, results: results.slice(0, limit).map((make) => make()), total: results.length, serviceIds };
    }
    if (communes.length > 1) return { type: 'choose', communes: communes.slice(0, 12), serviceIds };
    if (communes.length === 1) {
      const commune = communes[0]!;
      const results = await this.around(commune, filters, nameWords, request.now, commune.departement);
      return { type: 'results', origin: { kind: 'commune', commune }, results: results.slice(0, limit).map((make) => make()), total: results.length, serviceIds };
    }
    if (nameWords.length > 0) {
      const results = await this.byName(nameWords, filters, request.now);
      if (results.length > 0) return { type: 'by-name', results: results.slice(0, limit), total: results.length };
      return { type: 'none', query: request.q };
    }
    if (serviceIds.length > 0) return { type: 'need-location', serviceIds };
    return words.length === 0 ? { type: 'empty' } : { type: 'none', query: request.q };
  }

  /** Places around a point, nearest first, in its département and the neighbouring ones. */
  /** Results are built lazily (status, today's hours): only the ones shown pay for it. */
  private async around(point: { lat: number; lon: number }, filters: Filters, nameWords: string[], now: Date, departement?: string): Promise<(() => Result)[]> {
    const meta = await this.meta();
    const codes = departement ? [departement, ...(meta.departements[departement]?.neighbours ?? [])] : nearestDepartements(meta, point);
    const shards = await Promise.all(codes.filter((code) => meta.departements[code]?.places).map((code) => this.shard(code)));
    const found: { place: SearchPlace; km: number }[] = [];
    for (const shard of shards) {
      shard.places.forEach((place, index) => {
        const km = distanceKm(point, place);
        if (km <= MAX_KM && matches(place, shard.keys[index]!, filters, nameWords, meta, now)) found.push({ place, km });
      });
    }
    found.sort((a, b) => a.km - b.km || a.place.name.localeCompare(b.place.name, 'fr'));
    return found.map(({ place, km }) => () => toResult(place, km, now));
  }

  private async byName(nameWords: string[], filters: Filters, now: Date): Promise<Result[]> {
    // A name without a place: every département's places (cached offline like the rest).
    const meta = await this.meta();
    const shards = await Promise.all(Object.entries(meta.departements).filter(([, departement]) => departement.places > 0).map(([code]) => this.shard(code)));
    const results: Result[] = [];
    for (const shard of shards) {
      shard.places.forEach((place, index) => {
        const key = `${shard.keys[index]} ${normalize(place.commune)}`;
        if (containsWords(key, nameWords) && matches(place, shard.keys[index]!, filters, [], meta, now)) results.push(toResult(place, null, now));
      });
    }
    return results.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
}

function containsWords(text: string, words: string[]): boolean {
  const parts = text.split(' ');
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

/** Whether a place passes the filters, its name has the words, and it is open now when asked. */
export function matches(place: SearchPlace, key: string, filters: Filters, nameWords: string[], meta: Pick<Meta, 'services'>, now: Date): boolean {
  if (filters.free && !hasFlag(place, 'free')) return false;
  if (filters.noReferral && !hasFlag(place, 'noReferral')) return false;
  if (filters.walkIn && !hasFlag(place, 'walkIn')) return false;
  if (filters.wheelchair && !hasFlag(place, 'wheelchair')) return false;
  if (filters.emmaus && !hasFlag(place, 'emmaus')) return false;
  if (filters.saturday && !hasFlag(place, 'saturday')) return false;
  if (filters.language && !place.languages.includes(filters.language)) return false;
  if (filters.services.length > 0) {
    const offered = place.services.map((index) => meta.services[index]?.id);
    if (!filters.services.every((id) => offered.includes(id))) return false;
  }
  if (nameWords.length > 0 && !containsWords(key, nameWords)) return false;
  if (filters.openNow && statusAt(place.schedule, now).state !== 'open') return false;
  return true;
}

function toResult(place: SearchPlace, km: number | null, now: Date): Result {
  const { schedule, ...rest } = place;
  return {
    ...rest,
    km,
    dial: place.phone ? (parsePhone(place.phone)?.dial ?? '') : '',
    status: statusAt(schedule, now),
    today: todaySlots(schedule, now),
  };
}
