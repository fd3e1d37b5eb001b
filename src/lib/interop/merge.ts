/**
 * Finding the same place in two exports: the same SIRET at the same address, or two points
 * less than 100 m apart with similar names.
 */
import { distanceKm } from '../geo.ts';
import type { PlaceInput } from '../schemas/place.ts';
import { slugify } from '../text.ts';

export interface KnownPlace {
  id: string;
  file: string;
  /** Hand-curated files are never rewritten by an import: it only adds sources to them. */
  curated: boolean;
  place: PlaceInput;
}

const NEAR_KM = 0.1;
const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'sur']);

export function nameTokens(name: string): Set<string> {
  return new Set(
    slugify(name)
      .split('-')
      .filter((token) => token && !SMALL_WORDS.has(token))
      .map((token) => token.replace(/s$/, '')),
  );
}

/** Share of the shorter name's words found in the other: "Emmaüs Connect" ~ "EMMAUS CONNECT LILLE". */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / Math.min(left.size, right.size);
}

function streetKey(place: PlaceInput): string | null {
  return place.address.street ? `${place.address.insee}:${slugify(place.address.street)}` : null;
}

export function sourceKeys(place: PlaceInput): string[] {
  return place.sources.map((source) => source.record).filter((key): key is string => Boolean(key));
}

export class PlaceMatcher {
  private readonly byRecord = new Map<string, KnownPlace>();
  private readonly byPivotStreet = new Map<string, KnownPlace>();
  private readonly cells = new Map<string, KnownPlace[]>();

  constructor(places: Iterable<KnownPlace>) {
    for (const place of places) this.add(place);
  }

  add(known: KnownPlace): void {
    for (const key of sourceKeys(known.place)) this.byRecord.set(key, known);
    const pivot = known.place.national?.pivot;
    const street = streetKey(known.place);
    if (pivot && street) this.byPivotStreet.set(`${pivot}|${street}`, known);
    if (known.place.location.precision === 'address') {
      const key = cell(known.place.location.lat, known.place.location.lon);
      const list = this.cells.get(key) ?? [];
      list.push(known);
      this.cells.set(key, list);
    }
  }

  /** The place that already holds this source record (same export row seen before). */
  byRecordKey(key: string): KnownPlace | undefined {
    return this.byRecord.get(key);
  }

  /** Another place that is the same one in the real world. */
  duplicateOf(place: PlaceInput): KnownPlace | undefined {
    const pivot = place.national?.pivot;
    const street = streetKey(place);
    if (pivot && street) {
      const same = this.byPivotStreet.get(`${pivot}|${street}`);
      if (same) return same;
    }
    if (place.location.precision !== 'address') return undefined;
    const { lat, lon } = place.location;
    let best: { known: KnownPlace; km: number } | undefined;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const known of this.cells.get(cell(lat, lon, dy, dx)) ?? []) {
          const km = distanceKm(place.location, known.place.location);
          if (km <= NEAR_KM && nameSimilarity(place.name, known.place.name) >= 0.6 && (!best || km < best.km)) {
            best = { known, km };
          }
        }
      }
    }
    return best?.known;
  }
}

// Cells of about 1 km: a 100 m neighbourhood always lies within the 3 × 3 block around a point.
function cell(lat: number, lon: number, dy = 0, dx = 0): string {
  return `${Math.floor(lat * 100) + dy}:${Math.floor(lon * 70) + dx}`;
}

/**
 * Two records of one place: the more recently updated one gives the values, the other fills
 * what it lacks, and every source is kept.
 */
export function mergePlaces(existing: PlaceInput, incoming: PlaceInput): PlaceInput {
  const newer = (incoming.verified ?? '') > (existing.verified ?? '') ? incoming : existing;
  const older = newer === existing ? incoming : existing;
  const merged = fill(structuredClone(newer), older) as PlaceInput;
  merged.id = existing.id;
  // One entry per source record; a newer edition of the same record gives its date.
  const byKey = new Map<string, PlaceInput['sources'][number]>();
  for (const source of [...existing.sources, ...incoming.sources]) {
    const key = source.record ?? `${source.name}|${source.date}`;
    const known = byKey.get(key);
    if (!known || (source.date ?? '') > (known.date ?? '')) byKey.set(key, source);
  }
  merged.sources = [...byKey.values()];
  return merged;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function fill(target: unknown, other: unknown): unknown {
  if (isEmpty(target)) return structuredClone(other);
  if (Array.isArray(target) || typeof target !== 'object' || target === null) return target;
  if (typeof other !== 'object' || other === null || Array.isArray(other)) return target;
  const out = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(other)) out[key] = fill(out[key], value);
  return out;
}
