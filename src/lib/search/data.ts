/**
 * The static files the search reads, made at build time. Small arrays, not objects: they are
 * downloaded on cheap phones.
 *
 * - /recherche/meta.json                 services, départements and their neighbours, file list
 * - /recherche/communes/<letter>.json    communes whose name starts with that letter
 * - /recherche/codes-postaux/<xx>.json   postcodes starting with xx, and their communes
 * - /recherche/lieux/<département>.json  the places of a département, with what results show
 */
import type { Schedule } from '../hours/types.ts';
import { placeIdBase } from '../text.ts';

/** [insee, name, lat, lon]: the département is the start of the INSEE code. */
export type CommuneRow = [string, string, number, number];

/** [postcode, insee, letter of the commune's file]: its name and centre are in that file. */
export type PostcodeRow = [string, string, string];

/** Département of an INSEE code: 59350 → 59, 2A004 → 2A, 97411 → 974. */
export function departementOf(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

export interface Meta {
  built: string;
  /** Changes whenever any search file changes: data URLs carry it, so caches never mix builds. */
  version: string;
  services: { id: string; label: string; keywords: string[] }[];
  departements: Record<string, { name: string; neighbours: string[]; places: number; centre: { lat: number; lon: number } }>;
  languages: Record<string, string>;
  files: string[];
}

/** Bits of PlaceRow[FLAGS]. */
export const FLAG = {
  free: 1,
  noReferral: 2,
  referralRequired: 4,
  walkIn: 8,
  appointmentRequired: 16,
  wheelchair: 32,
  emmaus: 64,
  saturday: 128,
} as const;

/**
 * [id, name, kind (0 space, 1 relay, 2 other), lat, lon, commune index, phone, flags,
 *  service indexes, language codes, schedule index or -1]
 * An id written "~abc1234" is the name's slug followed by "-abc1234" (imported places).
 */
export type PlaceRow = [string, string, number, number, number, number, string, number, number[], string[], number];

export interface PlaceShard {
  places: PlaceRow[];
  /** Names of the communes the places are in. */
  communes: string[];
  /** Schedules shared by the places of the shard (many are identical). */
  schedules: Schedule[];
}

export const KIND_CODES = ['solidarity-space', 'relay', 'other'] as const;

/** Imported ids are "<slug of the name>-<hash>": the hash alone says it (see PlaceRow). */
export function compactId(id: string, name: string): string {
  const base = placeIdBase(name);
  return id.startsWith(`${base}-`) && id.length > base.length + 1 ? `~${id.slice(base.length + 1)}` : id;
}

export function expandId(compact: string, name: string): string {
  return compact.startsWith('~') ? `${placeIdBase(name)}-${compact.slice(1)}` : compact;
}
