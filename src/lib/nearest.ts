/**
 * Nearest places around a point, with a grid of cells of 0.1°: a commune page asks for its
 * neighbours without measuring the distance to every place in France.
 */
import { distanceKm, type LatLon } from './geo.ts';

const CELL_DEGREES = 0.1;
/** One cell is at least this many km across, even at the latitude of Dunkerque. */
const MIN_CELL_KM = 111 * CELL_DEGREES * Math.cos((51.5 * Math.PI) / 180);

export interface Nearby<T> {
  item: T;
  km: number;
}

export class NearestIndex<T extends LatLon> {
  private readonly cells = new Map<string, T[]>();
  private readonly maxRing: number;

  constructor(items: readonly T[]) {
    for (const item of items) {
      const key = cellKey(cellOf(item.lat), cellOf(item.lon));
      const cell = this.cells.get(key);
      if (cell) cell.push(item);
      else this.cells.set(key, [item]);
    }
    // Beyond this ring we have looked at the whole of metropolitan France.
    this.maxRing = Math.ceil(30 / CELL_DEGREES);
  }

  /** The `count` nearest items within `maxKm`, nearest first, skipping those `exclude` rejects. */
  nearest(point: LatLon, count: number, maxKm: number, exclude?: (item: T) => boolean): Nearby<T>[] {
    const row = cellOf(point.lat);
    const column = cellOf(point.lon);
    const found: Nearby<T>[] = [];
    for (let ring = 0; ring <= this.maxRing; ring++) {
      for (const [dy, dx] of ringCells(ring)) {
        for (const item of this.cells.get(cellKey(row + dy, column + dx)) ?? []) {
          if (exclude?.(item)) continue;
          const km = distanceKm(point, item);
          if (km <= maxKm) found.push({ item, km });
        }
      }
      // Anything in a further ring is at least `ring * MIN_CELL_KM` away.
      const reach = ring * MIN_CELL_KM;
      if (reach > maxKm) break;
      if (found.length >= count) {
        found.sort((a, b) => a.km - b.km);
        if (found[count - 1]!.km <= reach) break;
      }
    }
    return found.sort((a, b) => a.km - b.km).slice(0, count);
  }
}

/** The cells on the border of the square `ring` cells away from the centre. */
function* ringCells(ring: number): Generator<[number, number]> {
  if (ring === 0) {
    yield [0, 0];
    return;
  }
  for (let d = -ring; d <= ring; d++) {
    yield [-ring, d];
    yield [ring, d];
  }
  for (let d = -ring + 1; d < ring; d++) {
    yield [d, -ring];
    yield [d, ring];
  }
}

function cellOf(degrees: number): number {
  return Math.floor(degrees / CELL_DEGREES);
}

function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}
