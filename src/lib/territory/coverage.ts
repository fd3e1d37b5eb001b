/**
 * Who is far from help ("zones blanches"): for every commune, the straight-line distance from
 * its centre to the nearest help point and to the nearest place of the Emmaüs Connect network;
 * then, for a group of communes (a département, an EPCI), how many communes and people live
 * beyond 5, 10 and 20 km. Computed once per build (see bench: `coverage`).
 */
import type { LatLon } from '../geo.ts';
import { NearestIndex } from '../nearest.ts';

/** The distances a table and a map layer are cut at, in km. */
export const DISTANCE_BANDS = [5, 10, 20] as const;
export type Band = (typeof DISTANCE_BANDS)[number];

export interface Reach {
  /** Km to the nearest help point, or null when there is none at all. */
  km: number | null;
  /** Km to the nearest Emmaüs Connect place, or null when there is none. */
  networkKm: number | null;
}

/** Distance from a point to the nearest place of the index, however far; null when there is none. */
function nearestKm(point: LatLon, index: NearestIndex<LatLon>): number | null {
  return index.nearest(point, 1, Infinity)[0]?.km ?? null;
}

/** The reach of each commune (by its key) from its centre. */
export function reachOf<C extends LatLon & { insee: string }>(communes: Iterable<C>, places: readonly LatLon[], network: readonly LatLon[]): Map<string, Reach> {
  const all = new NearestIndex<LatLon>(places);
  const own = new NearestIndex<LatLon>(network);
  const out = new Map<string, Reach>();
  for (const commune of communes) {
    out.set(commune.insee, { km: nearestKm(commune, all), networkKm: nearestKm(commune, own) });
  }
  return out;
}

export interface CommuneReach extends Reach {
  insee: string;
  /** Légal population, or null when unknown. */
  population: number | null;
}

export interface BandTotal {
  km: Band;
  /** Communes whose centre is further than `km` from every help point. */
  communes: number;
  /** Their population (communes of unknown population are counted in `unknownPopulation`). */
  population: number;
  unknownPopulation: number;
}

export interface Coverage {
  communes: number;
  population: number;
  /** Communes whose population is unknown. */
  unknownPopulation: number;
  /** One total per band (5, 10, 20 km), for help points of any kind. */
  bands: BandTotal[];
  /** The same for the Emmaüs Connect network's places. */
  networkBands: BandTotal[];
  /** Communes beyond the first band, furthest first (then the most populated). */
  far: CommuneReach[];
}

/** Beyond `km` (strictly), or nowhere near any place at all. */
export const isBeyond = (distance: number | null, km: number): boolean => distance === null || distance > km;

function bandTotals(rows: readonly CommuneReach[], distance: (row: CommuneReach) => number | null): BandTotal[] {
  return DISTANCE_BANDS.map((km) => {
    const beyond = rows.filter((row) => isBeyond(distance(row), km));
    return {
      km,
      communes: beyond.length,
      population: beyond.reduce((sum, row) => sum + (row.population ?? 0), 0),
      unknownPopulation: beyond.filter((row) => row.population === null).length,
    };
  });
}

const farthestFirst = (a: CommuneReach, b: CommuneReach): number => (b.km ?? Infinity) - (a.km ?? Infinity) || (b.population ?? 0) - (a.population ?? 0) || a.insee.localeCompare(b.insee);

/** Totals for a group of communes. */
export function coverage(rows: readonly CommuneReach[]): Coverage {
  return {
    communes: rows.length,
    population: rows.reduce((sum, row) => sum + (row.population ?? 0), 0),
    unknownPopulation: rows.filter((row) => row.population === null).length,
    bands: bandTotals(rows, (row) => row.km),
    networkBands: bandTotals(rows, (row) => row.networkKm),
    far: rows.filter((row) => isBeyond(row.km, DISTANCE_BANDS[0])).sort(farthestFirst),
  };
}

/** The band a distance falls in: 0 (within 5 km), 5, 10 or 20 (beyond 20 km). */
export function bandOf(km: number | null): 0 | Band {
  let band: 0 | Band = 0;
  for (const limit of DISTANCE_BANDS) if (isBeyond(km, limit)) band = limit;
  return band;
}
