/**
 * The static files the search reads, made at build time. Small arrays, not objects: they are
 * downloaded on cheap phones.
 *
 * - /recherche/meta.json                 services, départements and their neighbours, file list
 * - /recherche/communes/<letter>.json    communes whose name starts with that letter
 * - /recherche/codes-postaux/<xx>.json   communes whose postcode starts with xx
 * - /recherche/lieux/<département>.json  the places of a département, with what results show
 * - /recherche/noms.json                 every place's name, for searches by name only
 */
import type { Schedule } from '../hours/types.ts';

/** [insee, name, département, lat, lon, "postcode postcode…"] */
export type CommuneRow = [string, string, string, number, number, string];

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
 * [id, name, kind (0 space, 1 relay, 2 other), lat, lon, insee, commune name,
 *  phone to show, phone to dial, flags, service indexes, language codes, schedule index or -1]
 */
export type PlaceRow = [string, string, number, number, number, string, string, string, string, number, number[], string[], number];

export interface PlaceShard {
  places: PlaceRow[];
  /** Schedules shared by the places of the shard (many are identical). */
  schedules: Schedule[];
}

export const KIND_CODES = ['solidarity-space', 'relay', 'other'] as const;

/** [name, département, id, commune name] */
export type NameRow = [string, string, string, string];
