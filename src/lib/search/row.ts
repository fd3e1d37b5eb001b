/**
 * One place in the search files: the one codec that writes a row at build time and reads it
 * in the browser (search results and map). A row is a small array, not an object, to keep the
 * files light; everything else works with the decoded SearchPlace.
 */
import type { Schedule } from '../hours/types.ts';
import { kindCode, kindOfCode, type Kind } from '../kinds.ts';
import { placeIdBase } from '../text.ts';
import type { PlaceShard } from './data.ts';

/**
 * [id, name, kind code, lat, lon, commune index, phone, flags, own service indexes, language
 *  codes, schedule index or -1, street, readable title or '', service indexes its label offers,
 *  and, only for a place that cannot be reached itself, its network's contact: an index into Meta.networks]
 */
export type PlaceRow = [string, string, number, number, number, number, string, number, number[], string[], number, string, string, number[], network?: number];

/** Bits of a row's flags. */
export const FLAG = {
  free: 1,
  noReferral: 2,
  referralRequired: 4,
  walkIn: 8,
  appointmentRequired: 16,
  wheelchair: 32,
  emmaus: 64,
  saturday: 128,
  /** Its fees are known and none is free. */
  notFree: 256,
  wheelchairNo: 512,
  /** The point is on the place, not at the commune's centre. */
  exactPoint: 1024,
  /** A shelter or housing: it helps its residents (see ./audience.ts). */
  residentsOnly: 2048,
  /** A bus or a mobile service: it has no fixed place. */
  itinerant: 4096,
  franceServices: 8192,
  /** Checked less than a year before the build (see lib/freshness.ts): most places are not, so the bit is rare and costs little. */
  fresh: 16384,
  /** No date of check at all (the page says « Nous ne savons pas quand… »). */
  undated: 32768,
} as const;
export type FlagName = keyof typeof FLAG;

export interface SearchPlace {
  id: string;
  /** The département of its search file (a selection names it, see lib/orient/selection.ts). */
  departement: string;
  name: string;
  kind: Kind;
  lat: number;
  lon: number;
  commune: string;
  /** As read aloud: "01 23 45 67 89", or '' when unknown. */
  phone: string;
  flags: number;
  /** Indexes into Meta.services: what the place says it offers. */
  services: number[];
  /** Indexes into Meta.services: what its network or label offers in all its places. */
  offers: number[];
  languages: string[];
  schedule: Schedule | null;
  /** Street and number, or '' when unknown. */
  street: string;
  /** A readable title when the name reads as a code, else ''. */
  title: string;
  /** A place without its own phone, e-mail or website: how its network is reached (an index into Meta.networks). */
  network?: number;
}

/** What the build knows of a place, for its row. */
export interface RowSource extends Omit<SearchPlace, 'commune' | 'schedule' | 'departement'> {
  communeIndex: number;
  scheduleIndex: number;
}

export function hasFlag(place: Pick<SearchPlace, 'flags'>, flag: FlagName): boolean {
  return (place.flags & FLAG[flag]) !== 0;
}

export function flagsOf(names: readonly FlagName[]): number {
  return names.reduce((flags, name) => flags | FLAG[name], 0);
}

/** About 10 m: enough for a distance and a marker. */
function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

export function encodePlace(place: RowSource): PlaceRow {
  return [
    compactId(place.id, place.name),
    place.name,
    kindCode(place.kind),
    round4(place.lat),
    round4(place.lon),
    place.communeIndex,
    place.phone,
    place.flags,
    place.services,
    place.languages,
    place.scheduleIndex,
    place.street,
    place.title,
    place.offers,
    ...(place.network === undefined ? [] : [place.network]),
  ] as PlaceRow;
}

export function decodePlace(row: PlaceRow, shard: Pick<PlaceShard, 'departement' | 'communes' | 'schedules'>): SearchPlace {
  const [compact, name, kind, lat, lon, commune, phone, flags, services, languages, schedule, street, title, offers, network] = row;
  return {
    id: expandId(compact, name),
    departement: shard.departement,
    name,
    kind: kindOfCode(kind),
    lat,
    lon,
    commune: shard.communes[commune] ?? '',
    phone,
    flags,
    services,
    offers,
    languages,
    schedule: schedule >= 0 ? (shard.schedules[schedule] ?? null) : null,
    street,
    title,
    ...(network === undefined ? {} : { network }),
  };
}

/** Imported ids are "<slug of the name>-<hash>": a row writes "~<hash>" and the name gives the rest. */
export function compactId(id: string, name: string): string {
  const base = placeIdBase(name);
  return id.startsWith(`${base}-`) && id.length > base.length + 1 ? `~${id.slice(base.length + 1)}` : id;
}

export function expandId(compact: string, name: string): string {
  return compact.startsWith('~') ? `${placeIdBase(name)}-${compact.slice(1)}` : compact;
}
