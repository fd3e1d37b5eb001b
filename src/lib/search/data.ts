/**
 * The static files the search reads, made at build time (URLs in routes.ts SEARCH_FILES).
 * Small arrays, not objects: they are downloaded on cheap phones. A place's row is written
 * and read by one codec: ./row.ts.
 *
 * - meta.json                 services, départements and their neighbours, file list
 * - communes/<letter>.json    communes whose name starts with that letter
 * - codes-postaux/<xx>.json   postcodes starting with xx, and their communes
 * - lieux/<département>.json  the places of a département, with what results show
 */
import type { Schedule } from '../hours/types.ts';
import type { PlaceRow } from './row.ts';

/**
 * [insee, name, lat, lon, population in hundreds (rounded; 0 when unknown or under 50)]: the
 * département is the start of the INSEE code; homonyms are offered largest first. A former name
 * (a commune déléguée or associée) is [insee of today's commune, former name, first letter of
 * today's name]: today's row, in that file, gives the rest.
 */
export type CommuneRow = [string, string, number, number, number] | FormerNameRow;
export type FormerNameRow = [string, string, string];

export function isFormerName(row: CommuneRow): row is FormerNameRow {
  return typeof row[2] === 'string';
}

/**
 * [postcode, insee, letter of the commune's file]: its name and centre are in that file.
 * An arrondissement of Paris, Lyon or Marseille adds its own centre and its name: [..., lat, lon, name].
 */
export type PostcodeRow = [string, string, string] | [string, string, string, number, number, string];

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
    }
  >;
  languages: Record<string, string>;
  files: string[];
  /** Words that name the France Services label, in every language of the site (normalized). */
  franceServices?: string[];
  /** Words that say nothing about where or what, in the site's other languages ("help", "with"; normalized). */
  fillers?: string[];
  /**
   * The national programmes' names ("emmaus connect", "aidants connect"), normalized: in a query
   * they are a name, never needs ("emmaus connect roubaix" is not « connexion » at Roubaix).
   */
  programmeNames?: string[];
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
  /** Former names: names, today's INSEE codes (as `insee`) and the letters of today's files, one character each. */
  former: { names: string[]; insee: (number | string)[]; letters: string };
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

export function packCommunes(rows: readonly CommuneRow[]): CommunesFile {
  const current = rows.filter((row): row is [string, string, number, number, number] => !isFormerName(row));
  const former = rows.filter(isFormerName);
  return {
    names: current.map((row) => row[1]),
    insee: packInsee(current.map((row) => row[0])),
    lat: differences(current.map((row) => Math.round(row[2] * 1000))),
    lon: differences(current.map((row) => Math.round(row[3] * 1000))),
    population: current.map((row) => row[4]),
    former: { names: former.map((row) => row[1]), insee: packInsee(former.map((row) => row[0])), letters: former.map((row) => row[2]).join('') },
  };
}

export function unpackCommunes(file: CommunesFile): CommuneRow[] {
  const lat = sums(file.lat);
  const lon = sums(file.lon);
  const insee = unpackInsee(file.insee);
  const rows: CommuneRow[] = file.names.map((name, index) => [insee[index]!, name, lat[index]! / 1000, lon[index]! / 1000, file.population[index]!]);
  const formerInsee = unpackInsee(file.former.insee);
  return [...rows, ...file.former.names.map((name, index): FormerNameRow => [formerInsee[index]!, name, file.former.letters[index]!])];
}

/** A postcodes file as written: columns too (see CommunesFile). */
export interface PostcodesFile {
  /** Each the difference from the row before. */
  postcodes: number[];
  /** As in CommunesFile. */
  insee: (number | string)[];
  /** The letter of each commune's file, one character a row. */
  letters: string;
  /** The rows of arrondissements: [row index, lat, lon, name]. */
  arrondissements: [number, number, number, string][];
}

export function packPostcodes(rows: readonly PostcodeRow[]): PostcodesFile {
  return {
    postcodes: differences(rows.map((row) => Number(row[0]))),
    insee: packInsee(rows.map((row) => row[1])),
    letters: rows.map((row) => row[2]).join(''),
    arrondissements: rows.flatMap((row, index) => (row.length === 6 ? [[index, row[3], row[4], row[5]] as [number, number, number, string]] : [])),
  };
}

export function unpackPostcodes(file: PostcodesFile): PostcodeRow[] {
  const extra = new Map(file.arrondissements.map(([index, lat, lon, name]) => [index, [lat, lon, name] as const]));
  const insee = unpackInsee(file.insee);
  return sums(file.postcodes).map((postcode, index) => {
    const row: [string, string, string] = [String(postcode).padStart(5, '0'), insee[index]!, file.letters[index]!];
    const more = extra.get(index);
    return more ? [...row, ...more] : row;
  });
}

/**
 * A places file as written: the rows' fields in columns (PlaceRow's order), schedules as
 * arrays in Schedule's order. About 35 kB gzip lighter than rows on the real data. Read back
 * into a PlaceShard by `unpackShard`, the only reader.
 */
export interface ShardFile {
  departement: string;
  columns: unknown[][];
  communes: string[];
  schedules: [string, number[][], Record<string, number[]>, string, string, boolean][];
}

const ROW_FIELDS = 14;

export function packShard(shard: PlaceShard): ShardFile {
  return {
    departement: shard.departement,
    columns: Array.from({ length: ROW_FIELDS }, (_, field) => shard.places.map((row) => row[field])),
    communes: shard.communes,
    schedules: shard.schedules.map((schedule) => [schedule.tz, schedule.week, schedule.days, schedule.from, schedule.until, schedule.holidaysClosedByDefault]),
  };
}

export function unpackShard(file: ShardFile): PlaceShard {
  const count = file.columns[0]?.length ?? 0;
  return {
    departement: file.departement,
    places: Array.from({ length: count }, (_, index) => file.columns.map((column) => column[index]) as PlaceRow),
    communes: file.communes,
    schedules: file.schedules.map(([tz, week, days, from, until, holidaysClosedByDefault]) => ({ tz, week, days, from, until, holidaysClosedByDefault })),
  };
}
