/**
 * A small map drawn at build time as SVG: outlines and points, projected with an
 * equirectangular projection corrected at the middle latitude. No tiles, no JavaScript: it
 * prints, works offline, and a table beside it says the same in words.
 */
import type { LatLon } from '../geo.ts';

/** GeoJSON polygon or multipolygon coordinates ([lon, lat]). */
export type Rings = number[][][];

export interface SketchPoint<T> extends LatLon {
  data: T;
}

export interface Sketch<T> {
  width: number;
  height: number;
  /** One SVG path (`d`) per outline. */
  outlines: string[];
  points: { x: number; y: number; data: T }[];
}

const WIDTH = 600;
const MARGIN = 8;

/** Rings of a GeoJSON geometry (Polygon or MultiPolygon). */
export function ringsOf(geometry: { type: string; coordinates: unknown }): Rings {
  if (geometry.type === 'Polygon') return geometry.coordinates as Rings;
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Rings[]).flat();
  return [];
}

export function sketch<T>(outlines: readonly Rings[], points: readonly SketchPoint<T>[]): Sketch<T> {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const extend = (lon: number, lat: number) => {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const rings of outlines) for (const ring of rings) for (const [lon, lat] of ring) extend(lon!, lat!);
  for (const point of points) extend(point.lon, point.lat);
  if (!Number.isFinite(west)) return { width: WIDTH, height: WIDTH / 2, outlines: [], points: [] };
  const cos = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * cos, 1e-6);
  const spanY = Math.max(north - south, 1e-6);
  const scale = (WIDTH - 2 * MARGIN) / spanX;
  const height = Math.round(spanY * scale + 2 * MARGIN);
  const x = (lon: number) => Math.round((MARGIN + (lon - west) * cos * scale) * 10) / 10;
  const y = (lat: number) => Math.round((MARGIN + (north - lat) * scale) * 10) / 10;
  return {
    width: WIDTH,
    height,
    outlines: outlines.map((rings) => rings.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon!)} ${y(lat!)}`).join('L')}Z`).join('')),
    points: points.map((point) => ({ x: x(point.lon), y: y(point.lat), data: point.data })),
  };
}
