/**
 * The static files the search reads, made at build time (URLs in routes.ts SEARCH_FILES).
 * Small arrays, not objects: they are downloaded on cheap phones. A place's row is written
 * and read by one codec: ./row.ts.
 *
 * - meta.json                 services, départements and their neighbours, file list
 * - communes/<n>.json         communes by name: the names from meta.communeFiles[n] (its first
 *                             key) to the next file's first key
 * - codes-postaux/<x>.json    postcodes starting with the digit x, and their communes
 * - lieux/<département>.json  the places of a département, with what results show
 */
import type { Schedule } from '../hours/types.ts';
import type { PlaceRow } from './row.ts';

/**
 * [insee, name, lat, lon, population in hundreds (rounded; 0 when unknown or under 50)]: the
 * département is the start of the INSEE code; homonyms are offered largest first. A former name
 * (a commune déléguée or associée) is [insee of today's commune, former name, the file of today's
 * name]: today's row, in that file, gives the rest.
 */
export type CommuneRow = [string, string, number, number, number] | FormerNameRow;
export type FormerNameRow = [string, string, string];

export function isFormerName(row: CommuneRow): row is FormerNameRow {
  return typeof row[2] === 'string';
}

/**
 * [postcode, insee, the commune's file]: its name and centre are in that file.
 * An arrondissement of Paris, Lyon or Marseille adds its own centre and its name: [..., lat, lon, name].
 */
export type PostcodeRow = [string, string, string] | [string, string, string, number, number, string];

/**
 * The file of a postcode: its first digit. Ten files of about 9 kB gzip weigh 12 kB less in the
 * offline download than a hundred of 1 kB (one per two digits).
 */
export function postcodeFile(postcode: string): string {
  return postcode.charAt(0);
}

/**
 * The words of the Emmaüs Connect network's name. Its places (solidarity spaces and relays) are
 * found by the first, whatever their own name (« CCAS de Haubourdin »); « connect » after it is
 * part of the name, not a word a place must hold. A search for it (« emmaus », « emmaus connect »)
 * reads only the départements whose places hold a word starting so (Meta's `emmaus`), and shows
 * the network's places first.
 */
export const NETWORK_WORDS = ['emmaus', 'connect'] as const;

/** Does one of these words (normalized) start with « emmaus »? */
export function holdsNetworkWord(words: readonly string[]): boolean {
  return words.some((word) => word.startsWith(NETWORK_WORDS[0]));
}

/** The communes whose postcodes are their arrondissements. */
export const CITIES_WITH_ARRONDISSEMENTS = ['75056', '69123', '13055'];

/** Département of an INSEE code: 59350 → 59, 2A004 → 2A, 97411 → 974. */
export function departementOf(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

export interface Meta {
  built: string;
  /** Changes whenever any search file changes: data URLs carry it, so caches never mix builds. */
  version: string;
  /** `places`: how many places offer it, by their own word or their label's (the orientation mode's first count). */
  services: { id: string; label: string; keywords: string[]; places: number }[];
  departements: Record<
    string,
    {
      name: string;
      neighbours: string[];
      places: number;
      centre: { lat: number; lon: number };
      /** Its places' box, [south, west, north, east] (none without places). */ box?: [number, number, number, number];
      /**
       * How many of its places are the network's, or have a word starting « emmaus » in their name or
       * commune's (none when 0): a search for the network's name reads these départements only (see NETWORK_WORDS).
       */
      emmaus?: number;
    }
  >;
  languages: Record<string, string>;
  /** The contacts networks publish for their places that cannot be reached themselves (SearchPlace.network); none when no place needs one. */
  networks?: { name: string; website: string; postal?: string }[];
  files: string[];
  /** The first name (normalized) of each file of communes, in order: file n holds the names from its start to the next one's. */
  communeFiles: string[];
  /** Words that name the France Services label, in every language of the site (normalized). */
  franceServices?: string[];
  /** Words that say nothing about where or what, in the site's other languages ("help", "with"; normalized). */
  fillers?: string[];
  /**
   * The national programmes' names ("emmaus connect", "aidants connect"), normalized: in a query
   * they are a name, never needs ("emmaus connect roubaix" is not « connexion » at Roubaix).
   */
  programmeNames?: string[];
  /** Towns as people write them in the site's other languages, when not as in French: each French name (normalized) and its other names (normalized). */
  towns?: Record<string, string[]>;
}

export interface PlaceShard {
  /** Its code: "59", "2A", "974". */
  departement: string;
  places: PlaceRow[];
  /** Names of the communes the places are in. */
  communes: string[];
  /** Schedules shared by the places of the shard (many are identical). */
  schedules: Schedule[];
}

/**
 * A communes file as written: in columns, numbers as differences from the row before. Gzip
 * finds far more to share in a column of names or of small numbers than in rows that mix them:
 * the 26 files weigh under 390 kB gzip instead of 540 on the real data. Read back into rows by `unpackCommunes`, the only reader.
 */
export interface CommunesFile {
  names: string[];
  /** The difference from the previous numeric code, or the code itself when it has letters (2A004). */
  insee: (number | string)[];
  /** Thousandths of a degree, each the difference from the row before. */
  lat: number[];
  lon: number[];
  population: number[];
  /** Former names: names, today's INSEE codes (as `insee`) and today's files (see packFiles()). */
  former: { names: string[]; insee: (number | string)[]; files: string };
}

function differences(values: readonly number[]): number[] {
  return values.map((value, index) => value - (index === 0 ? 0 : values[index - 1]!));
}

function sums(values: readonly number[]): number[] {
  let total = 0;
  return values.map((value) => (total += value));
}

/** INSEE codes as differences from the previous numeric one; a code with letters (2A004) as it is. */
function packInsee(codes: readonly string[]): (number | string)[] {
  let previous = 0;
  return codes.map((code) => {
    if (!/^\d{5}$/.test(code)) return code;
    const value = Number(code) - previous;
    previous = Number(code);
    return value;
  });
}

function unpackInsee(codes: readonly (number | string)[]): string[] {
  let previous = 0;
  return codes.map((code) => (typeof code === 'string' ? code : String((previous += code)).padStart(5, '0')));
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The numbers of files of communes as one string, each in base 62 with the same number of
 * characters (one for up to 62 files): a column of numbers in JSON takes three times as much.
 */
export function packFiles(files: readonly string[]): string {
  const largest = Math.max(0, ...files.map(Number));
  let width = 1;
  for (let reach = DIGITS.length; largest >= reach; reach *= DIGITS.length) width++;
  return files
    .map((file) => {
      let number = Number(file);
      let text = '';
      for (let digit = 0; digit < width; digit++, number = Math.floor(number / DIGITS.length)) text = DIGITS[number % DIGITS.length]! + text;
      return text;
    })
    .join('');
}

export function unpackFiles(text: string, count: number): string[] {
  const width = count === 0 ? 1 : text.length / count;
  return Array.from({ length: count }, (_, index) => String([...text.slice(index * width, (index + 1) * width)].reduce((number, char) => number * DIGITS.length + DIGITS.indexOf(char), 0)));
}

export function packCommunes(rows: readonly CommuneRow[]): CommunesFile {
  const current = rows.filter((row): row is [string, string, number, number, number] => !isFormerName(row));
  const former = rows.filter(isFormerName);
  return {
    names: current.map((row) => row[1]),
    insee: packInsee(current.map((row) => row[0])),
    lat: differences(current.map((row) => Math.round(row[2] * 1000))),
    lon: differences(current.map((row) => Math.round(row[3] * 1000))),
    population: current.map((row) => row[4]),
    former: { names: former.map((row) => row[1]), insee: packInsee(former.map((row) => row[0])), files: packFiles(former.map((row) => row[2])) },
  };
}

export function unpackCommunes(file: CommunesFile): CommuneRow[] {
  const lat = sums(file.lat);
  const lon = sums(file.lon);
  const insee = unpackInsee(file.insee);
  const rows: CommuneRow[] = file.names.map((name, index) => [insee[index]!, name, lat[index]! / 1000, lon[index]! / 1000, file.population[index]!]);
  const formerInsee = unpackInsee(file.former.insee);
  const formerFiles = unpackFiles(file.former.files, file.former.names.length);
  return [...rows, ...file.former.names.map((name, index): FormerNameRow => [formerInsee[index]!, name, formerFiles[index]!])];
}

/** A postcodes file as written: columns too (see CommunesFile). */
export interface PostcodesFile {
  /** Each the difference from the row before. */
  postcodes: number[];
  /** As in CommunesFile. */
  insee: (number | string)[];
  /** The file of each row's commune (see packFiles()). */
  files: string;
  /** The rows of arrondissements: [row index, lat, lon, name]. */
  arrondissements: [number, number, number, string][];
}

export function packPostcodes(rows: readonly PostcodeRow[]): PostcodesFile {
  return {
    postcodes: differences(rows.map((row) => Number(row[0]))),
    insee: packInsee(rows.map((row) => row[1])),
    files: packFiles(rows.map((row) => row[2])),
    arrondissements: rows.flatMap((row, index) => (row.length === 6 ? [[index, row[3], row[4], row[5]] as [number, number, number, string]] : [])),
  };
}

export function unpackPostcodes(file: PostcodesFile): PostcodeRow[] {
  const extra = new Map(file.arrondissements.map(([index, lat, lon, name]) => [index, [lat, lon, name] as const]));
  const insee = unpackInsee(file.insee);
  const files = unpackFiles(file.files, file.postcodes.length);
  return sums(file.postcodes).map((postcode, index) => {
    const row: [string, string, string] = [String(postcode).padStart(5, '0'), insee[index]!, files[index]!];
    const more = extra.get(index);
    return more ? [...row, ...more] : row;
  });
}

/**
 * A places file as written: the rows' fields in columns (PlaceRow's order), and the schedules'
 * fields in columns too (Schedule's order), a column whose values are all the same written once
 * (the time zone, the dates covered): about 35 kB gzip lighter than rows on the real data, and
 * 3.7 kB more for the schedules. Read back into a PlaceShard by `unpackShard`, the only reader.
 */
export interface ShardFile {
  departement: string;
  columns: unknown[][];
  communes: string[];
  schedules: [string[], number[][][], Record<string, number[]>[], string[], string[], boolean[]];
  /** The few places that need their network's contact (PlaceRow's last element): by row, the network's index. */
  networks?: Record<number, number>;
}

/** A column whose values are all the same, as one value (see ShardFile). */
function once<T>(column: T[]): T[] {
  const first = JSON.stringify(column[0]);
  return column.length > 1 && column.every((value) => JSON.stringify(value) === first) ? [column[0]!] : column;
}

const ROW_FIELDS = 14;

export function packShard(shard: PlaceShard): ShardFile {
  return {
    departement: shard.departement,
    columns: Array.from({ length: ROW_FIELDS }, (_, field) => shard.places.map((row) => row[field])),
    ...networksOf(shard.places),
    communes: shard.communes,
    schedules: [
      once(shard.schedules.map((schedule) => schedule.tz)),
      once(shard.schedules.map((schedule) => schedule.week)),
      once(shard.schedules.map((schedule) => schedule.days)),
      once(shard.schedules.map((schedule) => schedule.from)),
      once(shard.schedules.map((schedule) => schedule.until)),
      once(shard.schedules.map((schedule) => schedule.holidaysClosedByDefault)),
    ],
  };
}

function networksOf(rows: readonly PlaceRow[]): Pick<ShardFile, 'networks'> {
  const networks: Record<number, number> = {};
  rows.forEach((row, index) => {
    if (row[ROW_FIELDS] !== undefined) networks[index] = row[ROW_FIELDS];
  });
  return Object.keys(networks).length > 0 ? { networks } : {};
}

export function unpackShard(file: ShardFile): PlaceShard {
  const count = file.columns[0]?.length ?? 0;
  const withNetwork = (row: PlaceRow, index: number): PlaceRow => (file.networks?.[index] === undefined ? row : ([...row.slice(0, ROW_FIELDS), file.networks[index]] as unknown as PlaceRow));
  return {
    departement: file.departement,
    places: Array.from({ length: count }, (_, index) => withNetwork(file.columns.map((column) => column[index]) as PlaceRow, index)),
    communes: file.communes,
    schedules: Array.from({ length: Math.max(0, ...file.schedules.map((column) => column.length)) }, (_, index) => {
      const [tz, week, days, from, until, holidaysClosedByDefault] = file.schedules.map((column) => column[column.length === 1 ? 0 : index]) as [
        string,
        number[][],
        Record<string, number[]>,
        string,
        string,
        boolean,
      ];
      return { tz, week, days, from, until, holidaysClosedByDefault };
    }),
  };
}
