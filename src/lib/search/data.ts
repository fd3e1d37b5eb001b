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
  departements: Record<string, { name: string; neighbours: string[]; places: number; centre: { lat: number; lon: number }; /** Its places' box, [south, west, north, east] (none without places). */ box?: [number, number, number, number] }>;
  languages: Record<string, string>;
  files: string[];
  /** Words that name the France Services label, in every language of the site (normalized). */
  franceServices?: string[];
  /** Words that say nothing about where or what, in the site's other languages ("help", "with"; normalized). */
  fillers?: string[];
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
