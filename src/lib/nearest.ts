/**
 * The nearest places around a point: one search for the whole site (a commune's page, the
 * communes without a place, who is far from help), on `kdbush`, a static spatial index
 * (longitude, latitude) of the kind supercluster is built on. A box around the point, made as
 * wide as the distance asked for at that latitude, holds every place within that distance;
 * when too few are found, the box grows (for "the nearest, however far").
 */
import KDBush from 'kdbush';
import { distanceKm, type LatLon } from './geo.ts';

export interface Nearby<T> {
  item: T;
  km: number;
}

/** Km in a degree of latitude (and of longitude at the equator). */
const KM_PER_DEGREE = 111.2;
/** The first box, in km: most communes have a place this near. */
const FIRST_KM = 25;
/** Half the Earth's circumference: beyond, the box holds everything. */
const WHOLE_EARTH_KM = 20_040;

export class NearestIndex<T extends LatLon> {
  private readonly items: readonly T[];
  private readonly index: KDBush | null;

  constructor(items: readonly T[]) {
    this.items = items;
    if (items.length === 0) {
      this.index = null;
      return;
    }
    this.index = new KDBush(items.length);
    for (const item of items) this.index.add(item.lon, item.lat);
    this.index.finish();
  }

  /** The places within `km` of the point: a box that holds them all, then each measured. */
  private within(point: LatLon, km: number, exclude?: (item: T) => boolean): Nearby<T>[] {
    const dLat = km / KM_PER_DEGREE;
    // The box is as wide as `km` at its latitude nearest a pole: it holds every place within `km`.
    const poleward = Math.min(89.9, Math.abs(point.lat) + dLat);
    const dLon = Math.min(180, km / (KM_PER_DEGREE * Math.cos((poleward * Math.PI) / 180)));
    const found: Nearby<T>[] = [];
    for (const id of this.index!.range(point.lon - dLon, point.lat - dLat, point.lon + dLon, point.lat + dLat)) {
      const item = this.items[id]!;
      if (exclude?.(item)) continue;
      const distance = distanceKm(point, item);
      if (distance <= km) found.push({ item, km: distance });
    }
    return found.sort((a, b) => a.km - b.km);
  }

  /** The `count` nearest items within `maxKm`, nearest first, skipping those `exclude` rejects. */
  nearest(point: LatLon, count: number, maxKm: number, exclude?: (item: T) => boolean): Nearby<T>[] {
    if (!this.index || count <= 0) return [];
    for (let km = Math.min(FIRST_KM, maxKm); ; km = Math.min(km * 2, maxKm)) {
      const found = this.within(point, km, exclude);
      // Every place within `km` is found: enough of them, or nothing further may be looked at.
      if (found.length >= count || km >= maxKm || km >= WHOLE_EARTH_KM) return found.slice(0, count);
    }
  }
}
