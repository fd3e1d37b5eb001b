/**
 * The search, in the browser and offline: reads the static files of ./data.ts through a
 * loader (fetch in the browser, the file system in tests), narrows the candidates first
 * (postcode, exact commune names, the départements around), and only then compares text
 * fuzzily (edit distance, ../text.ts), over 150 commune names at most.
 *
 * The engine reads the files and follows a query's steps; what each step decides lives beside
 * it: reading the words (./query.ts: needs, fillers, arrondissements), finding communes
 * (./communes.ts), judging a place against the filters (./judge.ts) and ranking (./rank.ts).
 */
import { distanceKm } from '../geo.ts';
import { slotsOn, statusAt, todaySlots, type OpenStatus } from '../hours/status.ts';
import { wallClock } from '../dates.ts';
import type { Schedule } from '../hours/types.ts';
import { parsePhone } from '../phone.ts';
import { SEARCH_FILES } from '../routes.ts';
import {
  holdsNetworkWord,
  NETWORK_WORDS,
  postcodeFile,
  unpackCommunes,
  unpackPostcodes,
  type CommunesFile,
  type Meta,
  type PostcodeRow,
  type PostcodesFile,
  type ShardFile,
  unpackShard,
} from './data.ts';
import { normalize } from './normalize.ts';
import { dateOf, judge, NO_FILTERS, type FilterName, type Filters, type When } from './judge.ts';
import { arrondissementPostcode, communeNameWords, FILLER_WORDS, latinOf, matchNeeds, MAX_QUERY, queryWords } from './query.ts';
import { decodePlace, hasFlag, type SearchPlace } from './row.ts';
import { inSlices, SLICE_MS, yieldToPage } from '../yield.ts';
import {
  ARTICLES,
  CLOSE_ENOUGH,
  citySize,
  endsSaid,
  closeNames,
  closestSpelling,
  INITIALS,
  EMPTY_COMMUNES,
  communeFileOf,
  communeFilesOfInitial,
  communeFilesWith,
  initialOf,
  keyOrder,
  largestFirst,
  letterPairs,
  LONGEST_COMMUNE_KEY,
  MIN_DICE,
  MOST_CHOICES,
  MOST_WORDS_IN_A_COMMUNE,
  sharedPairs,
  shortlisted,
  silentForm,
  SHORTEST_BY_SOUND,
  SOUNDS_ALIKE,
  toCommune,
  WEAK,
  withLargerNamesakes,
  type CommuneMatch,
  type FormerMatch,
  type CommunesIndex,
  type Paired,
} from './communes.ts';
import { dedupe, rank, type Found } from './rank.ts';
import { editDistance, frenchOrder } from '../text.ts';

export type { CommuneMatch } from './communes.ts';

export interface Loader {
  json<T>(path: string): Promise<T>;
}

/**
 * What the search understood in a query, word by word, as codes and words (the page says it):
 * the needs, the France Services label, the words of a place's name, and the words it could
 * not use (the results come from the rest).
 */
export interface Reading {
  needs: string[];
  franceServices: boolean;
  name: string[];
  unknown: string[];
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
  /**
   * Called with the first page of results, or its start, as soon as the nearest files give it for
   * sure, before the others are read for the counts: a slow phone shows the nearest places sooner.
   * Its outcome says `partial` and counts only what it shows. It may be called again with more of
   * that page: each call's results start with the previous call's, and the whole outcome's with the last.
   */
  onFirst?: (outcome: Extract<SearchOutcome, { type: 'results' }>) => void;
  /** Words in Cyrillic already tried apart, as one run (see search(), 2c): not split again. */
  together?: boolean;
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
  /** The day asked for ("Samedi · le matin"), when it is not today: its date and slots (undefined when unknown). */
  day: { date: string; slots: number[] | undefined } | null;
  /** For a message that gives the next opening from the day asked for. */
  schedule: Schedule | null;
  /** Filters the data cannot answer for this place: to check with it. */
  toCheck: FilterName[];
  /** The needs it meets, by its own word or its label's. */
  needs: { id: string; byLabel: boolean }[];
}

/**
 * Where the results are counted from. `guessed`: the commune was read from a name not written as
 * it is (a typo, a name written by ear): the page names its département, so that a wrong guess
 * shows (« marseye » → « Marey (Vosges) »).
 */
export type Origin = { kind: 'commune'; commune: CommuneMatch; guessed?: true } | { kind: 'position' | 'map-area' };

export interface Counts {
  total: number;
  /** Places that meet every filter for sure. */
  confirmed: number;
  /** Places kept because the data does not say: to check. */
  toCheck: number;
}

export type SearchOutcome =
  | { type: 'results'; origin: Origin; results: Result[]; counts: Counts; filters: Filters; further: Result | null; reading: Reading; partial?: true }
  | { type: 'choose'; communes: CommuneMatch[]; filters: Filters; reading: Reading }
  | { type: 'need-location'; filters: Filters; reading: Reading; departement?: NamedDepartement }
  | { type: 'by-name'; results: Result[]; counts: Counts; filters: Filters; reading: Reading; departement?: NamedDepartement }
  | { type: 'empty' }
  | { type: 'none'; query: string; filters: Filters; departement?: NamedDepartement };

/** A département the query names where no commune is found (« lozere », « france services 12 »): the page leads to its own. */
export interface NamedDepartement {
  code: string;
  name: string;
}

/** Words after which a département's name may end a commune's: Saint-Ciers-sur-Gironde, Champigny-sur-Marne. */
const NAME_JOINS = new Set(['sur']);

/**
 * The département that words not read yet name, by its name (the longest run of words: « seine
 * saint denis ») or by its number alone (« 12 », also when read as a number); null when none does.
 * Not a name that follows « sur » after a word of a name (unless `fillers` is null: once no
 * commune's name ends with it): « champigni sur marne » is a commune misspelt, « aide sur nord »
 * the Nord (« sur » alone, or after a need or a small word).
 */
export function departementIn(words: readonly string[], consumed: ReadonlySet<number>, meta: Meta, fillers: ReadonlySet<string> | null = new Set()): (NamedDepartement & { span: number[] }) | null {
  const byName = new Map(Object.entries(meta.departements).map(([code, departement]) => [normalize(departement.name), code]));
  for (let size = Math.min(words.length, MOST_WORDS_IN_A_DEPARTEMENT); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const span = Array.from({ length: size }, (_, offset) => start + offset);
      const joined = fillers !== null && start > 1 && NAME_JOINS.has(words[start - 1]!) && !consumed.has(start - 2) && !fillers.has(words[start - 2]!);
      const code = joined || span.some((index) => consumed.has(index)) ? undefined : byName.get(words.slice(start, start + size).join(' '));
      if (code) return { code, name: meta.departements[code]!.name, span };
    }
  }
  const index = words.findIndex((word) => /^(\d{2,3}|2[ab])$/.test(word) && meta.departements[word.toUpperCase()] !== undefined);
  return index < 0 ? null : { code: words[index]!.toUpperCase(), name: meta.departements[words[index]!.toUpperCase()]!.name, span: [index] };
}

/** The most words in a département's name (« Provence Alpes Côte d'Azur » is a region; « Territoire de Belfort », « Seine Saint Denis »…). */
const MOST_WORDS_IN_A_DEPARTEMENT = 4;

const DEFAULT_LIMIT = 20;
/** Files read together when a place is looked for by its id alone. */
const FILES_AT_ONCE = 8;
/** Places further than this from the commune are not "around" it. */
const MAX_KM = 100;

/** A shard decoded once, its names normalized once: not at every query. */
interface LoadedShard {
  places: SearchPlace[];
  keys: string[];
  /** The words of each place's name, and of its name and commune, read once per file. */
  nameWords: string[][];
  nameAndCommuneWords: string[][];
  /** Every word of the names (and of names and communes), once, in order: is a word in any name? A few comparisons. */
  nameParts: string[];
  allParts: string[];
}

export class SearchEngine {
  private readonly loader: Loader;
  private metaPromise: Promise<Meta> | undefined;
  private readonly communeFiles = new Map<string, Promise<CommunesIndex>>();
  private readonly postcodes = new Map<string, Promise<PostcodeRow[]>>();
  private readonly shards = new Map<string, Promise<LoadedShard>>();
  /** The départements whose file is read and decoded. */
  private readonly decoded = new Set<string>();

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

  /** A file of communes (see communeFileStarts()), read once. */
  private communesFile(file: string): Promise<CommunesIndex> {
    let promise = this.communeFiles.get(file);
    if (!promise) {
      promise = this.hasFile(SEARCH_FILES.communes(file)).then((exists) =>
        exists
          ? this.data<CommunesFile>(SEARCH_FILES.communes(file)).then(
              async (data) => {
                // Read in slices that yield to the page.
                const communes = await inSlices(unpackCommunes(data), toCommune);
                const byKey = new Map<string, CommuneMatch[]>();
                for (const commune of communes) byKey.set(commune.key, [...(byKey.get(commune.key) ?? []), commune]);
                const current = communes.filter((commune) => commune.formerName === undefined);
                const sorted = [...communes].sort((a, b) => keyOrder(a.key, b.key));
                return { communes, byKey, byInsee: new Map(current.map((commune) => [commune.insee, commune])), sorted };
              },
              () => EMPTY_COMMUNES,
            )
          : EMPTY_COMMUNES,
      );
      this.communeFiles.set(file, promise);
    }
    return promise;
  }

  /** Where the files of communes start (see communeFileStarts()). */
  private async starts(): Promise<string[]> {
    return (await this.meta()).communeFiles;
  }

  /** The file of communes that holds this normalized name. */
  private async fileOfName(key: string): Promise<CommunesIndex> {
    return this.communesFile(communeFileOf(key, await this.starts()));
  }

  /** Every commune (and former name) whose name has this initial (see initialOf()). */
  async communesOfInitial(initial: string): Promise<CommuneMatch[]> {
    const files = await Promise.all(communeFilesOfInitial(initial, await this.starts()).map((file) => this.communesFile(file)));
    return files.flatMap((file) => file.communes.filter((commune) => initialOf(commune.key) === initial));
  }

  /** Communes as outcomes name them: a former name read with today's commune (its name, centre and population). */
  private async today(communes: readonly CommuneMatch[]): Promise<CommuneMatch[]> {
    const resolved = await Promise.all(
      communes.map(async (commune) => {
        if (!('todayFile' in commune)) return commune;
        const today = (await this.communesFile((commune as FormerMatch).todayFile)).byInsee.get(commune.insee);
        return today ? { ...today, formerName: commune.formerName } : null;
      }),
    );
    return resolved.filter((commune): commune is CommuneMatch => commune !== null);
  }

  /** The files this build wrote, without their version: no request for a file that does not exist. */
  private filesPromise: Promise<Set<string>> | undefined;

  private async hasFile(path: string): Promise<boolean> {
    this.filesPromise ??= this.meta().then((meta) => new Set(meta.files.map((file) => file.split('?')[0]!)));
    return (await this.filesPromise).has(path);
  }

  /**
   * Communes whose name starts with these words as whole words ("aix" → Aix-en-Provence,
   * Aix-les-Bains…, "florac" → Florac Trois Rivières), largest first, one entry per commune.
   */
  async communesStartingWithWords(text: string): Promise<CommuneMatch[]> {
    const key = normalize(text);
    if (!key) return [];
    const prefix = `${key} `;
    const found: CommuneMatch[] = [];
    // "saint" spans several files, fetched together; a name, one.
    const files = await Promise.all(communeFilesWith(prefix, await this.starts()).map((file) => this.communesFile(file)));
    for (const { sorted } of files) {
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle]!.key < prefix) low = middle + 1;
        else high = middle;
      }
      for (let index = low; index < sorted.length && sorted[index]!.key.startsWith(prefix); index++) found.push(sorted[index]!);
    }
    return largestFirst(await this.today(found));
  }

  async communesWithPostcode(postcode: string): Promise<CommuneMatch[]> {
    const prefix = postcodeFile(postcode);
    let promise = this.postcodes.get(prefix);
    if (!promise) {
      promise = this.hasFile(SEARCH_FILES.postcodes(prefix)).then((exists) => (exists ? this.data<PostcodesFile>(SEARCH_FILES.postcodes(prefix)).then(unpackPostcodes, () => []) : []));
      this.postcodes.set(prefix, promise);
    }
    const rows = (await promise).filter((row) => row[0] === postcode);
    const communes = await Promise.all(
      rows.map(async ([, insee, file, lat, lon, name]) => {
        const commune = (await this.communesFile(file)).byInsee.get(insee);
        // An arrondissement: searched from its own centre, named by its official name.
        return commune && lat !== undefined && lon !== undefined ? { ...commune, lat, lon, arrondissement: name ?? postcode } : commune;
      }),
    );
    return communes.filter((commune): commune is CommuneMatch => commune !== undefined);
  }

  /** Communes whose name is exactly this (after normalization). */
  async exactCommunes(text: string): Promise<CommuneMatch[]> {
    const key = normalize(text);
    return key ? this.today((await this.fileOfName(key)).byKey.get(key) ?? []) : [];
  }

  /** A commune by its code, for a shared link that names it (rare: the query usually has its name). */
  async commune(insee: string): Promise<CommuneMatch | undefined> {
    for (const file of communeFilesWith('', await this.starts())) {
      const found = (await this.communesFile(file)).byInsee.get(insee);
      if (found) return found;
    }
    return undefined;
  }

  shard(departement: string): Promise<LoadedShard> {
    let promise = this.shards.get(departement);
    if (!promise) {
      promise = this.data<ShardFile>(SEARCH_FILES.places(departement)).then(
        async (file) => {
          const shard = unpackShard(file);
          // Decoded in slices, yielding to the page between them: a large file never holds a slow phone for long.
          const places: SearchPlace[] = [];
          const keys: string[] = [];
          const nameWords: string[][] = [];
          const nameAndCommuneWords: string[][] = [];
          const communeKeys = new Map<string, string>();
          let sliceStart = performance.now();
          for (const row of shard.places) {
            if (performance.now() - sliceStart > SLICE_MS) {
              await yieldToPage();
              sliceStart = performance.now();
            }
            const place = decodePlace(row, shard);
            const key = normalize(place.name);
            let communeKey = communeKeys.get(place.commune);
            if (communeKey === undefined) communeKeys.set(place.commune, (communeKey = normalize(place.commune)));
            places.push(place);
            keys.push(key);
            const words = key.split(' ');
            // The network's places are found by its name too (« emmaus lille »: a relay near Lille), its relays by « relais ».
            if (hasFlag(place, 'emmaus')) words.push(...networkWordsOf(place).filter((word) => !words.includes(word)));
            nameWords.push(words);
            nameAndCommuneWords.push([...words, ...communeKey.split(' ')]);
          }
          // Sorted when first asked for (a name in the query): most searches never need them.
          let nameParts: string[] | undefined;
          let allParts: string[] | undefined;
          return {
            places,
            keys,
            nameWords,
            nameAndCommuneWords,
            get nameParts() {
              return (nameParts ??= sortedParts(nameWords));
            },
            get allParts() {
              return (allParts ??= sortedParts(nameAndCommuneWords));
            },
          };
        },
        () => ({ places: [], keys: [], nameWords: [], nameAndCommuneWords: [], nameParts: [], allParts: [] }),
      );
      void promise.then(() => this.decoded.add(departement));
      this.shards.set(departement, promise);
    }
    return promise;
  }

  /** The places of a département, decoded once for the search and the map alike; none when its file lists none. */
  async placesIn(departement: string): Promise<SearchPlace[]> {
    const meta = await this.meta();
    return meta.departements[departement]?.places ? (await this.shard(departement)).places : [];
  }

  /** The places of a selection, in its order; null for one that is no longer in its file. */
  async placesOf(entries: readonly { departement: string; id: string }[]): Promise<(SearchPlace | null)[]> {
    return Promise.all(entries.map(async ({ departement, id }) => (await this.placesIn(departement)).find((place) => place.id === id) ?? null));
  }

  /**
   * A place known by its id alone (a place page's address, opened offline): looked for in each
   * département's file, a few files at a time, as a search by name reads them.
   */
  async placeById(id: string): Promise<SearchPlace | null> {
    const codes = Object.entries((await this.meta()).departements)
      .filter(([, departement]) => departement.places > 0)
      .map(([code]) => code);
    for (let start = 0; start < codes.length; start += FILES_AT_ONCE) {
      const lists = await Promise.all(codes.slice(start, start + FILES_AT_ONCE).map((code) => this.placesIn(code)));
      const found = lists.flat().find((place) => place.id === id);
      if (found) return found;
    }
    return null;
  }

  /**
   * Exact names first; then, for a typo, the closest names starting with the same letter, by
   * edit distance (closeNames()); then, when the first letter itself is wrong, the names of about
   * the same length that share the most pairs of letters, in every file. Spellings are compared
   * on a shortlist only: the 150 names of that letter that hold the most of the phrase's pairs
   * of letters, not all of them (5,600 names start with "s").
   */
  async findCommunes(text: string, options: { anyFirstLetter?: boolean } = {}): Promise<{ exact: CommuneMatch[]; fuzzy: CommuneMatch[]; score: number }> {
    const key = normalize(text);
    if (!key) return { exact: [], fuzzy: [], score: 1 };
    const exact = await this.exactCommunes(key);
    if (exact.length > 0) return { exact, fuzzy: [], score: 0 };
    // Longer than any commune's name with a few typos: it is not a misspelt commune.
    if (key.length > LONGEST_COMMUNE_KEY + 5) return { exact, fuzzy: [], score: 1 };
    await yieldToPage();
    const wanted = letterPairs(key);
    const shortlist = shortlisted(await this.pairsOf(initialOf(key)), wanted);
    const hits = closeNames(key, shortlist);
    const best = hits.score;
    // The closest spellings among them, largest first, each under today's name.
    const fromHits = async () => ({ exact, fuzzy: largestFirst(await this.today(closestSpelling(key, hits.communes))), score: best });
    // A name written by ear (« bordo », « nansi »): the communes whose name sounds the same, and
    // those whose first words do when larger (« evri »: Évry-Courcouronnes, and Évry in Yonne),
    // unless a commune as large is spelt close to it. « bordo » is Bordeaux, not Bords one letter
    // away; « marsey » is Marseille, not Marcey-les-Grèves; « renne » is Rennes, not a choice with Reynès.
    // Not when a commune is already found by its exact name (« emmaus lille »): the sounds' code and
    // names would be read for every such search (6 kB more on a slow phone's first search).
    const sounding = options.anyFirstLetter === false ? { same: [], starting: [] } : await this.soundingLike(key);
    const alike = sounding.same.length > 0 || sounding.starting.length > 0 ? withLargerNamesakes(sounding.same, sounding.starting) : [];
    const spelt = hits.communes.length > 0 && best <= WEAK ? closestSpelling(key, hits.communes) : [];
    const largest = (list: readonly CommuneMatch[]) => Math.max(0, ...list.map((commune) => commune.population));
    if (alike.length > 0 && largest(alike) > largest(spelt)) return { exact, fuzzy: largestFirst(await this.today(alike)), score: SOUNDS_ALIKE };
    if (spelt.length > 0) return fromHits();
    // No name close enough with this first letter: the first letter itself may be wrong ("frenoble").
    if (options.anyFirstLetter === false) return fromHits();
    await yieldToPage();
    const other = await this.anyLetter(key, wanted);
    if (other.fuzzy.length > 0 && other.score < best) return other;
    return fromHits();
  }

  /** The communes of one initial with their sound (see soundOf()), worked out once per initial. */
  private readonly sounds = new Map<string, Promise<{ commune: CommuneMatch; sound: string }[]>>();

  private soundModule: Promise<typeof import('./sound.ts') | null> | undefined;

  /** The sounds' module, loaded on demand; null when it cannot be (offline with an old offline download: names are then matched as spelt). */
  private soundOfNames(): Promise<typeof import('./sound.ts') | null> {
    this.soundModule ??= import('./sound.ts').catch(() => {
      this.soundModule = undefined;
      return null;
    });
    return this.soundModule;
  }

  /** Whether a phrase names this commune: the start of its name, spelt close to it, or said like it. */
  private async names(phrase: string, commune: CommuneMatch): Promise<boolean> {
    const key = normalize(phrase);
    if (!key) return false;
    if (commune.key.startsWith(key) || closeNames(key, [commune]).communes.length > 0) return true;
    const module = key.length >= SHORTEST_BY_SOUND ? await this.soundOfNames() : null;
    if (!module) return false;
    const [sound, its] = [module.soundOf(key), module.soundOf(commune.key)];
    return its === sound || its.startsWith(`${sound} `);
  }

  /**
   * The communes (and former names) whose name sounds like this one, and those whose first words
   * do, among the initials that may begin that sound.
   */
  private async soundingLike(key: string): Promise<{ same: CommuneMatch[]; starting: CommuneMatch[] }> {
    const none = { same: [], starting: [] };
    if (key.length < SHORTEST_BY_SOUND) return none;
    const module = await this.soundOfNames();
    if (!module) return none;
    const { soundInitials, soundOf, soundsOf } = module;
    const sounds = soundsOf(key);
    const lists = await Promise.all(
      soundInitials(initialOf(key)).map((initial) => {
        let promise = this.sounds.get(initial);
        if (!promise) {
          promise = this.communesOfInitial(initial).then((communes) => inSlices(communes, (commune) => ({ commune, sound: soundOf(commune.key) })));
          this.sounds.set(initial, promise);
        }
        return promise;
      }),
    );
    const starts = sounds.map((sound) => `${sound} `);
    const all = lists.flat();
    return {
      same: all.flatMap((item) => (sounds.includes(item.sound) ? [item.commune] : [])),
      starting: all.flatMap((item) => (starts.some((start) => item.sound.startsWith(start)) ? [item.commune] : [])),
    };
  }

  /**
   * The cities written like a village's exact name but for silent letters (see
   * CITY_NAMESAKE and silentForm()): « vanne » (Vanne, and Vannes), « rene » (René, and
   * Rennes). They sort side by side: only the name's own file is read, and no sounds' code.
   */
  private async citiesSpeltLike(spoken: string, exact: readonly CommuneMatch[]): Promise<CommuneMatch[]> {
    const key = normalize(spoken);
    const least = citySize(exact);
    if (least === null || key.length < SHORTEST_BY_SOUND) return [];
    const form = silentForm(key);
    const cities = (await this.fileOfName(key)).communes.filter((commune) => commune.population >= least && silentForm(commune.key) === form && !endsSaid(commune.name));
    return largestFirst(await this.today(cities));
  }

  /**
   * The cities said like words that end with a small village's exact name: « klermon ferran » is
   * Clermont-Ferrand, not Ferran (Aude). Looked for where the words would sort with each first
   * letter said the same (« clermon ferran », « qlermon ferran »). None when the sounds' code
   * cannot be loaded.
   */
  private async citiesSaidLike(phrase: string, exact: readonly CommuneMatch[]): Promise<CommuneMatch[]> {
    const key = normalize(phrase);
    const least = citySize(exact);
    if (least === null || key.length < SHORTEST_BY_SOUND) return [];
    const module = await this.soundOfNames();
    if (!module) return [];
    const initial = initialOf(key);
    const keys = initial === '0' ? [key] : module.soundInitials(initial).map((letter) => letter + key.slice(1));
    const starts = await this.starts();
    const files = await Promise.all([...new Set(keys.map((spelt) => communeFileOf(spelt, starts)))].map((file) => this.communesFile(file)));
    const sound = module.soundOf(key);
    const cities = files.flatMap((file) => file.communes.filter((commune) => commune.population >= least && module.soundOf(commune.key) === sound));
    return largestFirst(await this.today(cities));
  }

  /** The communes of one initial with their pairs of letters, built once per initial. */
  private readonly pairs = new Map<string, Promise<Paired[]>>();

  private pairsOf(initial: string): Promise<Paired[]> {
    let promise = this.pairs.get(initial);
    if (!promise) {
      promise = this.communesOfInitial(initial).then((communes) => inSlices(communes, (commune) => ({ commune, pairs: letterPairs(commune.key) })));
      this.pairs.set(initial, promise);
    }
    return promise;
  }

  private async anyLetter(key: string, wanted: Set<string>): Promise<{ exact: CommuneMatch[]; fuzzy: CommuneMatch[]; score: number }> {
    if (key.length < 5) return { exact: [], fuzzy: [], score: 1 };
    let best: { commune: CommuneMatch; dice: number }[] = [];
    for (const initial of INITIALS) {
      for (const { commune, pairs } of await this.pairsOf(initial)) {
        if (Math.abs(commune.key.length - key.length) > 2) continue;
        const dice = (2 * sharedPairs(wanted, pairs)) / (wanted.size + pairs.size);
        if (dice >= MIN_DICE && (best.length === 0 || dice >= best[0]!.dice)) best = best.length > 0 && dice === best[0]!.dice ? [...best, { commune, dice }] : [{ commune, dice }];
      }
    }
    return {
      exact: [],
      fuzzy: largestFirst(
        await this.today(
          closestSpelling(
            key,
            best.slice(0, 8).map((item) => item.commune),
          ),
        ),
      ),
      score: best.length > 0 ? 1 - best[0]!.dice : 1,
    };
  }

  /**
   * The files a search for this query starts with, surely needed whatever it finds: the communes
   * of each word's first letter (needs and small words aside) and a postcode's file, with their
   * version. A page about to open the results asks for them ahead (see search-panel.ts).
   */
  async firstFiles(q: string): Promise<string[]> {
    const meta = await this.meta();
    const words = queryWords(q.slice(0, MAX_QUERY));
    const needs = new Set(matchNeeds(words, meta).used);
    const fillers = fillersOf(meta);
    const paths = new Set<string>();
    const postcode = words.find((word) => /^\d{5}$/.test(word)) ?? arrondissementPostcode(words)?.postcode;
    if (postcode) paths.add(SEARCH_FILES.postcodes(postcodeFile(postcode)));
    words.forEach((word, index) => {
      if (!needs.has(index) && !fillers.has(word) && !/^\d/.test(word)) paths.add(SEARCH_FILES.communes(communeFileOf(latinOf(word), meta.communeFiles)));
    });
    const kept = await Promise.all([...paths].map(async (path) => ((await this.hasFile(path)) ? `${path}?v=${meta.version}` : null)));
    return kept.filter((path): path is string => path !== null);
  }

  async search(request: SearchRequest): Promise<SearchOutcome> {
    const meta = await this.meta();
    const limit = request.limit ?? DEFAULT_LIMIT;
    const words = queryWords(request.q.slice(0, MAX_QUERY));
    const consumed = new Set<number>();
    const masked = () => words.map((word, index) => (consumed.has(index) ? '' : word));
    let communes: CommuneMatch[] = [];
    let guessed = false;

    // 1. A postcode, or an arrondissement of Paris, Lyon or Marseille ("Paris 19e").
    const arrondissement = arrondissementPostcode(words);
    const postcodeIndex = words.findIndex((word) => /^\d{5}$/.test(word));
    if (postcodeIndex >= 0 || arrondissement) {
      if (postcodeIndex >= 0) consumed.add(postcodeIndex);
      if (arrondissement) consumed.add(arrondissement.at).add(arrondissement.at + 1);
      communes = await this.communesWithPostcode(postcodeIndex >= 0 ? words[postcodeIndex]! : arrondissement!.postcode);
      for (const index of communeNameWords(
        masked(),
        communes.map((commune) => commune.key),
      ))
        consumed.add(index);
    }
    // Stray numbers say nothing more, but a département's number may choose among namesakes (« saint denis 93 »).
    const departementHint = words.find((word, index) => !consumed.has(index) && /^(\d{2,3}|2[ab])$/.test(word))?.toUpperCase();
    words.forEach((word, index) => {
      if (/^\d{1,3}(e|er|eme)?$/.test(word)) consumed.add(index);
    });

    // Words that say nothing about where or what, in French and in the site's other languages.
    const fillers = fillersOf(meta);

    // 2. Needs and the France Services label, as written: "recharge téléphone", "aide caf", "ordinateur pas cher".
    // A programme's name ("emmaus connect") is a name, never needs: its words stay for the names.
    const programme = programmeSpans(words, meta.programmeNames ?? []);
    const forNeeds = () => masked().map((word, index) => (programme.has(index) ? '' : word));
    const needs = matchNeeds(forNeeds(), meta);
    for (const index of needs.used) consumed.add(index);
    // What each word was, as typed: a word not understood is said so (« Абвгдж », not « абвгдж »).
    const chunks = queryChunks(request.q.slice(0, MAX_QUERY), words.length);
    const asTyped = (span: number[]) => {
      const covering = chunks.filter((chunk) => chunk.span.some((index) => span.includes(index)));
      const whole = covering.every((chunk) => chunk.span.every((index) => span.includes(index)));
      return whole && covering.length > 0 ? covering.map((chunk) => chunk.text).join(' ') : span.map((index) => words[index]).join(' ');
    };
    // « в Париже », « у Ліоні », « в Ницце »: a town after « in » takes an ending there; its name is without it,
    // or with « а » or « ь » in its place (Ницца, Марсель). Not a short name, nor « ье » (« в Кале », « в Монпелье »).
    const locative = (index: number): string[] => {
      const word = words[index]!;
      if (!/^(в|во|у)$/.test(words[index - 1] ?? '') || !/\p{Script=Cyrillic}{4}[еі]$/u.test(word) || /ь[еє]$/.test(word)) return [];
      const stem = word.slice(0, -1);
      return [stem, `${stem}а`, `${stem}ь`];
    };

    // 2a. A town named as people write it in another language (« باريس », « Marseilles », « Ницца »): its French
    // name, from the languages' dictionaries (`towns`). The words typed are kept to say them (`typed`).
    const typed = new Map<string, string>();
    const towns = townNames(meta);
    let namesakes: CommuneMatch[] = [];
    const townSpans: number[][] = [];
    for (let start = 0; start < words.length && towns.size > 0; start++) {
      for (let size = Math.min(3, words.length - start); size >= 1; size--) {
        const span = Array.from({ length: size }, (_, offset) => start + offset);
        if (span.some((index) => consumed.has(index))) continue;
        const said = words.slice(start, start + size).join(' ');
        const french = [said, ...(size === 1 ? locative(start) : [])].map((form) => towns.get(form)).find(Boolean);
        if (!french) continue;
        // A name in Latin letters may also begin communes' names (« lyons »: Lyons-la-Forêt): they are offered too.
        if (!/[^\p{Script=Latin}\s]/u.test(said)) namesakes = await this.communesStartingWithWords(said);
        words[start] = french;
        typed.set(french, asTyped(span));
        townSpans.push(span);
        for (const index of span.slice(1)) consumed.add(index);
        start += size - 1;
        break;
      }
    }
    // 2b. Words left in Cyrillic: a need misspelt, or else a commune's name, read in Latin letters as it sounds
    // (« Тулуза » is « toulouza », Toulouse; see latinOf()).
    const cyrillic = matchNeeds(
      forNeeds().map((word) => (latinOf(word) === word ? '' : word)),
      meta,
      { typos: true },
    );
    for (const index of cyrillic.used) consumed.add(index);
    words.forEach((word, index) => {
      if (consumed.has(index) || fillers.has(word)) return;
      words[index] = latinOf(locative(index)[0] ?? word);
      if (words[index] !== word) typed.set(words[index], asTyped([index]));
    });
    const said = (list: string[]) => list.map((word) => typed.get(word) ?? word);
    // 2c. Several chunks in Cyrillic left, apart (« факс Марсель »: a need we lack, and the town; « Клермон Ферран »):
    // read together they may be no town (« faks marseill » was Os-Marsillon). Runs of neighbouring chunks are tried
    // as the town, the longest first, then the last: the first whose town has each of their words is the one.
    // A town's name of several words from the dictionaries (« Экс ан Прованс ») is one chunk.
    const apart = chunks
      .flatMap((chunk) => {
        const town = townSpans.find((span) => span.includes(chunk.span[0]!));
        if (town) return town[0] === chunk.span[0] ? [{ text: asTyped(town), span: town, read: words[town[0]!]!.split(' ') }] : [];
        return chunk.span.every((index) => typed.has(words[index]!) && !consumed.has(index)) ? [{ ...chunk, read: chunk.span.map((index) => words[index]!) }] : [];
      })
      .filter((chunk) => !consumed.has(chunk.span[0]!));
    if (apart.length > 1 && apart.length <= 4 && !request.commune && !request.near && !request.together) {
      const others = words.map((word, index) => (consumed.has(index) || fillers.has(word) || apart.some((chunk) => chunk.span.includes(index)) ? '' : word));
      const typos = matchNeeds(others, meta, { typos: true });
      const services = [...new Set([...needs.services, ...cyrillic.services, ...typos.services])];
      const franceServices = needs.franceServices || cyrillic.franceServices || typos.franceServices;
      const asked = { ...request.filters, services: [...new Set([...request.filters.services, ...services])], franceServices: request.filters.franceServices || franceServices };
      for (let size = apart.length; size >= 1; size--) {
        for (let first = apart.length - size; first >= 0; first--) {
          const run = apart.slice(first, first + size);
          // Never drawn early: a run may be the wrong town (« факс Марсель » read together is Os-Marsillon).
          const alone = await this.search({ ...request, q: run.map((chunk) => chunk.text).join(' '), filters: asked, together: true, onFirst: undefined });
          if (
            !namesTown(
              alone,
              run.flatMap((chunk) => chunk.read),
            )
          )
            continue;
          const left = [...apart.filter((chunk) => !run.includes(chunk)).map((chunk) => chunk.text), ...said(others.filter((word, index) => word && !typos.used.has(index)))];
          return withReading(alone, { needs: services, franceServices, name: [], unknown: left });
        }
      }
    }

    // 3a. A département's name of several words is read before the communes in it: « seine saint
    // denis » is the département, not Saint-Denis, nor Selles-Saint-Denis misspelt.
    const longName = departementIn(words, consumed, meta, fillers);
    if (longName && longName.span.length > 1) for (const index of longName.span) consumed.add(index);

    // 3. A commune's exact name, today's or a former one, as the longest run of words ("saint denis",
    // "emmaus *lille*"); between runs of the same length, the largest commune ("aide en ligne
    // *montpellier*" is not Ligné).
    let exactSpan: number[] = [];
    if (communes.length === 0) {
      for (let size = Math.min(words.length, MOST_WORDS_IN_A_COMMUNE); size >= 1 && exactSpan.length === 0; size--) {
        let largest = -1;
        for (let start = 0; start + size <= words.length; start++) {
          const span = Array.from({ length: size }, (_, offset) => start + offset);
          if (span.some((index) => consumed.has(index))) continue;
          // A small word alone ("y", "a", "le") is a commune only when nothing else is asked.
          if (size === 1 && fillers.has(words[start]!) && words.length > 1) continue;
          const exact = await this.exactCommunes(words.slice(start, start + size).join(' '));
          const population = Math.max(-1, ...exact.map((commune) => commune.population));
          if (exact.length > 0 && population >= largest) {
            communes = exact;
            exactSpan = span;
            largest = population;
          }
        }
      }
    }
    for (const index of exactSpan) consumed.add(index);
    // A name read from another script is a guess, even when it is a commune's exact name (« Брест » read « brest »: a village could
    // bear the name read, not the town meant): the page names its département, so that a wrong one is seen.
    if (exactSpan.some((index) => typed.has(words[index]!))) guessed = true;
    // 3b. A département named or numbered where no commune is: not a misspelt commune (« lozere »
    // offered Lopérec and Luzeret). An outcome with no place leads to its page, its places commune by commune.
    // Step 3 read no word of a one-word name when it found no commune: the département found in 3a is the one.
    let departement = longName && (longName.span.length > 1 || communes.length === 0) ? longName : null;
    for (const index of departement?.span ?? []) consumed.add(index);

    // 4. Needs misspelt, among the words left: "declaraton", "inpots", "scaner".
    const typos = matchNeeds(forNeeds(), meta, { typos: true });
    for (const index of typos.used) consumed.add(index);
    const services = [...new Set([...needs.services, ...cyrillic.services, ...typos.services])];
    const franceServices = needs.franceServices || cyrillic.franceServices || typos.franceServices;

    // 5. A name that is also the start of larger communes' names is not clearly meant: "aix" is
    // Aix in Corrèze (352 people) but most likely Aix-en-Provence or Aix-les-Bains. All are offered.
    // A commune chosen among them (a link that names it) is looked for among the same ones, by its code.
    // A village's exact name written like a city's but for silent letters is offered with it, the city
    // first: « vanne » is Vanne (Haute-Saône, 123 people) as written, but most likely Vannes; « rene » Rennes.
    if (exactSpan.length > 0) {
      const spoken = words.slice(exactSpan[0], exactSpan.at(-1)! + 1).join(' ');
      const longer = await this.communesStartingWithWords(spoken);
      communes = request.commune ? [...communes, ...longer] : withLargerNamesakes(communes, [...longer, ...(await this.citiesSpeltLike(spoken, communes))]);
    }
    // A town's other name that begins communes' names too (« lyons »): the person chooses, the town first.
    if (namesakes.length > 0 && !request.commune && communes.length === 1) communes = [...communes, ...namesakes.filter((other) => other.insee !== communes[0]!.insee)];
    // Each word once: "saint saint saint" asks no more than "saint".
    // « connect » after « emmaus » is the network's name: its places all hold « emmaus » (see NETWORK_WORDS), not all « connect ».
    let nameWords = [...new Set(words.filter((word, index) => !consumed.has(index) && !fillers.has(word) && !(word === 'connect' && words[index - 1] === NETWORK_WORDS[0])))];
    const unknown: string[] = [];

    // 6. A commune named by the start of its name ("florac", "cherbourg") or misspelt ("grenobel"),
    // also when a word of it is itself a commune ("le pon-tde-claix" is not Claix).
    const sixth = !request.near && (communes.length === 0 ? nameWords.length > 0 : nameWords.length > 0 && exactSpan.length > 0);
    // Articles begin many names ("Le Pont-de-Claix", "La Rochelle"): they stay in the phrase, and
    // so does « sur » between two words (« champigni sur marne », not « champigni marne »: Champs-sur-Marne).
    const kept = (index: number) => (!consumed.has(index) || exactSpan.includes(index)) && (!fillers.has(words[index]!) || ARTICLES.has(words[index]!));
    const joins = (index: number) => NAME_JOINS.has(words[index]!) && !consumed.has(index) && index > 0 && kept(index - 1) && index + 1 < words.length && kept(index + 1);
    const phrase = words.filter((_, index) => kept(index) || joins(index)).join(' ');
    let everyFirstLetter = false;
    // A département's name after « sur » (« emmaus sur nord »): read as the end of a commune's name
    // first, as the département below when no commune ends so. Looked for once.
    const afterSur = communes.length === 0 && !departement ? departementIn(words, consumed, meta, null) : null;
    if (sixth && request.commune) {
      // A commune chosen among those offered (« sin deni » → Saint-Denis): the words that named it are
      // not a place's name as well (they kept 2 of Saint-Denis's 109 places). Compared with it alone.
      const chosen = await this.commune(request.commune);
      if (chosen && (await this.names(phrase, chosen))) {
        communes = [chosen];
        nameWords = [];
      }
    } else if (sixth) {
      // A name said without its article: « pont de claix » is Le Pont-de-Claix, not Pont-Croix (« pont claix » misspelt).
      const spokenWords = words.filter((word, index) => !consumed.has(index) || exactSpan.includes(index));
      // Small words before the name are not part of it (« aide pont de claix »).
      while (spokenWords.length > 1 && fillers.has(spokenWords[0]!)) spokenWords.shift();
      const spoken = spokenWords.join(' ');
      // Tried when no commune is found yet (« havre »), or when a small word joins the words as in a name
      // (« pont de claix »); not for « emmaus lille », where each article would read another file for nothing.
      const joined = spokenWords.slice(1, -1).some((word) => fillers.has(word));
      // The network's name alone (« emmaus », « emmaus connect ») is no commune's, with an article or misspelt.
      const networkOnly = spokenWords.every((word) => holdsNetworkWord([word]) || NETWORK_WORDS.some((name) => name.startsWith(word))) && networkDepartements(meta, spokenWords) !== null;
      const tryArticles = !ARTICLES.has(spokenWords[0]!) && (communes.length === 0 || joined) && !networkOnly;
      const withArticle = tryArticles ? (await Promise.all([...ARTICLES].map((article) => this.exactCommunes(`${article} ${spoken}`)))).flat() : [];
      const starting = withArticle.length > 0 ? withArticle : communes.length === 0 ? await this.communesStartingWithWords(phrase) : [];
      if (starting.length > 0) {
        communes = starting;
        nameWords = [];
      } else {
        // A commune already found by its exact name: only a longer name of the same first letter may be meant, never every file read.
        // Nor with a département named (« emmaus nord », « emmaus sur nord »): a name misspelt from its first letter on, there, is too rare to read 47 files for.
        // Looked for after the places' names, below (« frenoble isere »).
        // Nor for the network's name alone.
        const anyFirstLetter = communes.length === 0 && !departement && !afterSur && !networkOnly;
        everyFirstLetter = communes.length === 0 && !anyFirstLetter;
        const { fuzzy, score } = await this.findCommunes(phrase, { anyFirstLetter });
        // A longer name that holds the exact one ("le pont de claix" holds "claix") is the one meant.
        const holdsExact = exactSpan.length > 0 && fuzzy.length === 1 && fuzzy[0]!.key.includes(words.filter((_, index) => exactSpan.includes(index)).join(' '));
        // Or a city said by ear whose name ends with a village's (« klermon ferran »: Clermont-Ferrand, not Ferran in Aude and a word left over).
        const cities = fuzzy.length > 0 && (communes.length === 0 || score <= CLOSE_ENOUGH || holdsExact) ? fuzzy : await this.citiesSaidLike(phrase, communes);
        if (cities.length > 0) {
          communes = cities;
          guessed = true;
          nameWords = [];
        }
      }
    }

    // Words read from Cyrillic and left: no place's name is in Cyrillic, so they are words not understood, never a name to look for (« в » read « v » kept places named « V… »).
    unknown.push(...nameWords.filter((word) => typed.has(word)));
    nameWords = nameWords.filter((word) => !typed.has(word));

    // A département's name after « sur » that ends no commune's name after all (« emmaus sur nord »): the département.
    if (communes.length === 0 && !departement) {
      departement = afterSur;
      const its = new Set(departement?.span.map((index) => words[index]));
      nameWords = nameWords.filter((word) => !its.has(word));
    }
    const named = departement ? { departement: { code: departement.code, name: departement.name } } : {};

    if (request.commune) {
      const chosen = communes.find((commune) => commune.insee === request.commune) ?? (await this.commune(request.commune));
      communes = chosen ? [chosen] : communes;
    }
    const filters: Filters = {
      ...request.filters,
      services: [...new Set([...services, ...request.filters.services])],
      franceServices: request.filters.franceServices || franceServices,
    };
    const reading = (name: string[]): Reading => ({ needs: services, franceServices, name, unknown: said([...unknown, ...nameWords.filter((word) => !name.includes(word))]) });

    await yieldToPage();
    // The first page, or its start, when the nearest files give it for sure (see around()); never for the counts alone.
    const first = (origin: Origin) =>
      request.onFirst && !request.countOnly
        ? {
            limit,
            show: (found: Found[]) => {
              const results = found.map((item) => toResult(item, request.now, filters.when));
              // Shown early only when the files read hold every word of the name (see around()): the whole search keeps them all.
              request.onFirst!({ type: 'results', origin, results, counts: countsOf(found), filters, further: null, reading: reading(nameWords), partial: true });
            },
          }
        : undefined;
    if (request.near) {
      const origin: Origin = { kind: request.nearKind ?? 'position' };
      const { found, known } = await this.around(request.near, null, filters, nameWords, request.now, first(origin));
      return {
        type: 'results',
        origin,
        ...(await this.page(found, filters, limit, request.now, request.countOnly ? null : request.near)),
        reading: reading(known),
      };
    }
    const inDepartement = communes.length > 1 && departementHint ? communes.filter((commune) => commune.departement === departementHint) : [];
    if (inDepartement.length > 0) communes = inDepartement;
    if (communes.length > 1) return { type: 'choose', communes: communes.slice(0, MOST_CHOICES).map((commune) => this.named(commune, meta)), filters, reading: reading([]) };
    if (communes.length === 1) {
      const commune = this.named(communes[0]!, meta);
      const origin: Origin = guessed ? { kind: 'commune', commune, guessed } : { kind: 'commune', commune };
      const { found, known } = await this.around(commune, commune, filters, nameWords, request.now, first(origin));
      return { type: 'results', origin, ...(await this.page(found, filters, limit, request.now, request.countOnly ? null : commune)), reading: reading(known) };
    }
    if (nameWords.length > 0) {
      const { found, known } = await this.byName(nameWords, filters, request.now, departement?.code);
      if (found.length > 0) {
        const { results, counts } = await this.page(found, filters, limit, request.now, null);
        return { type: 'by-name', results, counts, filters, reading: reading(known), ...named };
      }
      // No place has these words in its name: maybe a commune misspelt from its first letter, in the département named.
      if (everyFirstLetter && departement) {
        const { fuzzy } = await this.findCommunes(phrase, { anyFirstLetter: true });
        const there = fuzzy.find((commune) => commune.departement === departement.code);
        if (there) return withReading(await this.search({ ...request, q: phrase, commune: there.insee, filters }), { needs: services, franceServices, name: [], unknown: said(unknown) });
      }
      // Or one of them is the start of a commune's name ("florac xyz").
      for (const [index, word] of nameWords.entries()) {
        const starting = word.length >= 3 ? await this.communesStartingWithWords(word) : [];
        if (starting.length === 0) continue;
        unknown.push(...nameWords.filter((_, other) => other !== index));
        nameWords = [];
        const outcome = await this.search({ ...request, q: word, filters });
        return withReading(outcome, { needs: services, franceServices, name: [], unknown: said(unknown) });
      }
    }
    if (filters.services.length > 0 || filters.franceServices) return { type: 'need-location', filters, reading: reading([]), ...named };
    return words.length === 0 ? { type: 'empty' } : { type: 'none', query: request.q, filters, ...named };
  }

  /** A commune as an outcome names it: with its département's name. */
  private named(commune: CommuneMatch, meta: Meta): CommuneMatch {
    const departementName = meta.departements[commune.departement]?.name;
    return departementName ? { ...commune, departementName } : commune;
  }

  /**
   * The places around a point (in the départements around), ranked for the person (see rank()).
   * Words of a name keep the places whose name holds them; words that no place within reach
   * has in its name are left out, and said so (`known` holds the words used).
   */
  private async around(
    point: { lat: number; lon: number },
    commune: CommuneMatch | null,
    filters: Filters,
    nameWords: string[],
    now: Date,
    first?: { limit: number; show: (found: Found[]) => void },
  ): Promise<{ found: Found[]; known: string[] }> {
    const meta = await this.meta();
    const codes = commune ? [commune.departement, ...(meta.departements[commune.departement]?.neighbours ?? [])] : nearestDepartements(meta, point);
    // A file none of whose places can be within reach is not downloaded ("roubaix": not Eure's, nor Seine-Maritime's).
    const reach = new Map(codes.filter((code) => meta.departements[code]?.places).map((code) => [code, nearestPossibleKm(meta.departements[code]!, point)]));
    const load = (list: string[]) => Promise.all(list.map(async (code) => ({ code, shard: await this.shard(code) })));
    const inReach = [...reach].filter(([, km]) => km <= MAX_KM).map(([code]) => code);
    // The nearest files first (and the commune's own): on a slow phone the first page of results
    // often comes from them alone ("paris 18": 3 files of 14), drawn while the others download.
    const near = first ? inReach.filter((code) => reach.get(code)! <= FIRST_FILES_KM || code === commune?.departement) : inReach;
    let later = inReach.filter((code) => !near.includes(code));
    const shards = await load(near);
    let shown = 0;
    // Only when some file is still to be read: once all are, the whole outcome is as quick.
    while (first && later.some((code) => !this.decoded.has(code))) {
      // The words of a name: only once the files read hold them all, so that the whole search keeps them too (see `used` below).
      if (!nameWords.every((word) => shards.some(({ shard }) => startsAWord(shard.nameParts, word)))) break;
      // The last file was unpacked in this task: the page is weighed in the next one (a slow phone, 4× slower than this machine, otherwise spends 35 ms on both).
      await yieldToPage();
      const ranked = dedupe(rank(collectIn(shards, point, commune, filters, meta, now, nameWords), now));
      const page = ranked.slice(0, first.limit);
      const beyond = Math.min(...later.map((code) => reach.get(code)!));
      // The start of the whole search's first page: the places no place of the other files can come
      // before (see rank()), being open to all and nearer than any of those can be (« Emmaüs Lille »:
      // Lille's and Roubaix's before the Somme's, Aisne's and Ardennes' files). The commune's own
      // file is read first: no place of the others is in the commune named.
      const before = page.findIndex((item) => hasFlag(item.place, 'residentsOnly') || item.weight! >= beyond);
      const settled = before === -1 ? page : page.slice(0, before);
      const sure = (list: Found[]) => filters.services.length === 0 || list.some((item) => item.verdict.unknown.length === 0);
      if (settled.length > shown && sure(settled)) {
        first.show(settled);
        shown = settled.length;
      }
      if (shown === first.limit) break;
      // Not sure yet: when only the files that may hold a place before the page's last one can
      // change it, those are read next, and the page weighed again ("imprimer un document
      // grenoble": the Drôme's and the Hautes-Alpes' files, not the nine others, 75 kB more).
      const last = page.at(-1);
      if (page.length < first.limit || !last || hasFlag(last.place, 'residentsOnly') || !sure(page)) break;
      const next = later.filter((code) => reach.get(code)! <= last.weight!);
      shards.push(...(await load(next)));
      later = later.filter((code) => !next.includes(code));
    }
    shards.push(...(await load(later)));
    const collect = (words: string[]) => collectIn(shards, point, commune, filters, meta, now, words);
    const used = nameWords.filter((word) => shards.some(({ shard }) => startsAWord(shard.nameParts, word)));
    const found = collect(used);
    // No place within reach has them all in its name: the results come from the rest of the query, and the page says so.
    if (found.length === 0 && used.length > 0) {
      const rest = collect([]);
      if (rest.length > 0) return { found: rank(rest, now), known: [] };
    }
    return { found: rank(found, now), known: used };
  }

  /** Places by the words of their name (or commune), in every département; words no place holds are left out. */
  private async byName(nameWords: string[], filters: Filters, now: Date, departement?: string): Promise<{ found: Found[]; known: string[] }> {
    // A name without a place: every département's places (cached offline like the rest), or the named département's only (« mediatheque lozere »).
    // The network's name: only the départements where a place holds it (its places, and names like « Emmaüs Solidarité »).
    const meta = await this.meta();
    const network = networkDepartements(meta, nameWords);
    const shards = await Promise.all(
      Object.entries(meta.departements)
        .filter(([code, { places }]) => places > 0 && (departement === undefined || code === departement) && (!network || network.has(code)))
        .map(([code]) => this.shard(code)),
    );
    const used = nameWords.filter((word) => shards.some((shard) => startsAWord(shard.allParts, word)));
    const found: Found[] = [];
    if (used.length === 0) return { found, known: used };
    for (const [count, shard] of shards.entries()) {
      if (count % 20 === 19) await yieldToPage();
      shard.places.forEach((place, index) => {
        if (!containsWords(shard.nameAndCommuneWords[index]!, used)) return;
        const verdict = judge(place, filters, meta, now);
        if (verdict.keep) found.push({ place, km: null, inCommune: false, verdict, key: shard.keys[index]! });
      });
    }
    // The network's places first (its solidarity spaces, then its relays), then in the order of their names.
    return { found: found.sort((a, b) => networkRank(a.place) - networkRank(b.place) || frenchOrder(a.place.name, b.place.name)), known: used };
  }

  /** The first `limit` results, the counts, and when a need has no confirmed place near, the nearest one further. */
  private async page(found: Found[], filters: Filters, limit: number, now: Date, origin: { lat: number; lon: number } | null) {
    const unique = dedupe(found);
    const counts = countsOf(unique);
    let further: Result | null = null;
    if (origin && filters.services.length > 0 && counts.confirmed === 0) further = await this.further(origin, filters, now);
    return { results: unique.slice(0, limit).map((item) => toResult(item, now, filters.when)), counts, filters, further };
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
    return best ? toResult(best, now, filters.when) : null;
  }
}

/** The furthest a place "further away" may be: the length of metropolitan France. */
const FURTHEST_KM = 1200;
/** No place of a département is further than this from its centre (Guyane's reach is about 250 km). */
const DEPARTEMENT_REACH_KM = 300;

/** Each town's names in other languages (meta.towns), to its French name: worked out once per meta. */
const townsByMeta = new WeakMap<Meta, Map<string, string>>();
function townNames(meta: Meta): Map<string, string> {
  let towns = townsByMeta.get(meta);
  if (!towns) townsByMeta.set(meta, (towns = new Map(Object.entries(meta.towns ?? {}).flatMap(([french, names]) => names.map((name) => [name, french] as const)))));
  return towns;
}

/** The query's chunks between spaces, with their words' places among the query's words; none when they cannot be told apart. */
function queryChunks(q: string, count: number): { text: string; span: number[] }[] {
  const chunks: { text: string; span: number[] }[] = [];
  let at = 0;
  for (const text of q.split(/\s+/)) {
    const length = queryWords(text).length;
    if (length > 0) chunks.push({ text, span: Array.from({ length }, (_, offset) => at + offset) });
    at += length;
  }
  return at === count ? chunks : [];
}

/** Close enough to be the same name read from Cyrillic (« klermon » Clermont, « bordo » Bordeaux); « faks » is no part of Os-Marsillon. */
function sameName(read: string, name: string): boolean {
  const [a, b] = [read, name].map((word) => word.replaceAll('k', 'c').replaceAll('ou', 'u'));
  return editDistance(a!, b!) <= Math.ceil(a!.length / 3) || b!.startsWith(a!.slice(0, 3));
}

/** An outcome whose town (or one of those offered) has each of these words in its name. */
function namesTown(outcome: SearchOutcome, read: string[]): boolean {
  const communes = outcome.type === 'choose' ? outcome.communes : outcome.type === 'results' && outcome.origin.kind === 'commune' ? [outcome.origin.commune] : [];
  return communes.some((commune) => {
    const names = normalize(commune.name).split(' ');
    return read.every((word) => names.some((name) => sameName(word, name)));
  });
}

/** An outcome found from part of the words: says what was used and what was not. */
function withReading(outcome: SearchOutcome, reading: Reading): SearchOutcome {
  return 'reading' in outcome ? { ...outcome, reading: { ...reading, name: outcome.reading.name, unknown: [...reading.unknown, ...outcome.reading.unknown] } } : outcome;
}

/** Every word once, in order. */
function sortedParts(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Does a word of this sorted list start with `word`? (A binary search: the candidates follow `word` in order.) */
export function startsAWord(sorted: readonly string[], word: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low]!.startsWith(word);
}

/** How many places, and how many of them meet every filter for sure. */
function countsOf(found: readonly Found[]): Counts {
  const confirmed = found.filter((item) => item.verdict.unknown.length === 0).length;
  return { total: found.length, confirmed, toCheck: found.length - confirmed };
}

/** The places of these files within reach of the point that meet the filters (and hold these words in their name). */
function collectIn(
  shards: readonly { code: string; shard: LoadedShard }[],
  point: { lat: number; lon: number },
  commune: CommuneMatch | null,
  filters: Filters,
  meta: Meta,
  now: Date,
  words: string[],
): Found[] {
  const found: Found[] = [];
  for (const { code, shard } of shards) {
    shard.places.forEach((place, index) => {
      if (words.length > 0 && !containsWords(shard.nameWords[index]!, words)) return;
      const km = distanceKm(point, place);
      if (km > MAX_KM) return;
      const verdict = judge(place, filters, meta, now);
      if (!verdict.keep) return;
      // Within an arrondissement, nearest first: the city is too large for "in the commune".
      const inCommune = commune !== null && !commune.arrondissement && code === commune.departement && place.commune === commune.name;
      found.push({ place, km, inCommune, verdict, key: shard.keys[index]! });
    });
  }
  return found;
}

/**
 * The départements to read for a name with a word starting « emmaus »: those whose places the build
 * counted as holding one (Meta's `emmaus`). Null for any other name, or when the build counted none.
 */
export function networkDepartements(meta: Meta, nameWords: readonly string[]): Set<string> | null {
  if (!holdsNetworkWord(nameWords)) return null;
  let codes = networkSets.get(meta);
  if (codes === undefined) {
    const counted = Object.entries(meta.departements).filter(([, departement]) => (departement.emmaus ?? 0) > 0);
    networkSets.set(meta, (codes = counted.length > 0 ? new Set(counted.map(([code]) => code)) : null));
  }
  return codes;
}

/** networkDepartements()'s set, once per build's meta (a search asks it twice: the commune files to skip, the places to read). */
const networkSets = new WeakMap<Meta, Set<string> | null>();

/** The words a place of the network is found by besides its name's: « emmaus », and « relais » for a relay it trained. */
function networkWordsOf(place: SearchPlace): string[] {
  return place.kind === 'relay' ? [NETWORK_WORDS[0], 'relais'] : [NETWORK_WORDS[0]];
}

/** Where a place comes in a list by name: the network's solidarity spaces, its relays, its other places, then any other. */
function networkRank(place: SearchPlace): number {
  if (!hasFlag(place, 'emmaus')) return 3;
  return place.kind === 'solidarity-space' ? 0 : place.kind === 'relay' ? 1 : 2;
}

function containsWords(parts: readonly string[], words: string[]): boolean {
  return words.every((word) => parts.some((part) => part.startsWith(word)));
}

/** Kilometres added to a box's nearest point: a box on a sphere is not quite a rectangle. */
const BOX_MARGIN_KM = 5;

/** No place of this département is nearer the point than this (its places' box, less the margin; 0 when the build wrote no box). */
export function nearestPossibleKm(departement: Meta['departements'][string], point: { lat: number; lon: number }): number {
  if (!departement.box) return 0;
  const [south, west, north, east] = departement.box;
  const nearest = { lat: Math.min(north, Math.max(south, point.lat)), lon: Math.min(east, Math.max(west, point.lon)) };
  return Math.max(0, distanceKm(point, nearest) - BOX_MARGIN_KM);
}

/** Could a place of this département be within MAX_KM of the point? */
export function withinReach(departement: Meta['departements'][string], point: { lat: number; lon: number }): boolean {
  return nearestPossibleKm(departement, point) <= MAX_KM;
}

/** The files read first for a first page of results: those whose places may be this near (see around()). */
export const FIRST_FILES_KM = 5;

/** Départements whose communes lie within reach of a point (for "Autour de moi"). */
function nearestDepartements(meta: Meta, point: { lat: number; lon: number }): string[] {
  return Object.entries(meta.departements)
    .filter(([, departement]) => departement.places > 0)
    .map(([code, departement]) => ({ code, km: distanceKm(point, departement.centre) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, 6)
    .map((entry) => entry.code);
}

function toResult({ place, km, inCommune, verdict }: Found, now: Date, when: When | null): Result {
  const { schedule } = place;
  const moves = hasFlag(place, 'itinerant');
  const today = schedule ? wallClock(now, schedule.tz).date : null;
  const date = when && today ? dateOf(when, today) : null;
  return {
    ...place,
    day: !moves && date && date !== today ? { date, slots: slotsOn(schedule!, date) } : null,
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

const fillerSets = new WeakMap<Meta, ReadonlySet<string>>();

/** French filler words and those of the site's other languages (meta.fillers), in one set per build. */
function fillersOf(meta: Meta): ReadonlySet<string> {
  let set = fillerSets.get(meta);
  if (!set) fillerSets.set(meta, (set = meta.fillers?.length ? new Set([...FILLER_WORDS, ...meta.fillers]) : FILLER_WORDS));
  return set;
}

/** The positions of the words that spell a programme's name, in order ("emmaus connect"). */
export function programmeSpans(words: readonly string[], names: readonly string[]): Set<number> {
  const spans = new Set<number>();
  for (const name of names) {
    const parts = name.split(' ');
    for (let at = 0; at + parts.length <= words.length; at++) {
      if (parts.every((part, offset) => words[at + offset] === part)) parts.forEach((_, offset) => spans.add(at + offset));
    }
  }
  return spans;
}
