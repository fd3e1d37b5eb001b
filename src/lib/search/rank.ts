/**
 * The order of results: near and likely first (each unknown costs kilometres, up to a limit),
 * places open to all before residents-only ones, the most helpful and soonest open among those
 * of the commune named; one entry per place.
 */
import { statusAt } from '../hours/status.ts';
import { wallClock } from '../dates.ts';
import type { judge } from './judge.ts';
import { hasFlag, type SearchPlace } from './row.ts';
import { frenchOrder } from '../text.ts';

export interface Found {
  place: SearchPlace;
  km: number | null;
  inCommune: boolean;
  verdict: ReturnType<typeof judge>;
  /** The normalized name. */
  key: string;
  /** Its distance as the ranking weighs it (rankKm), set by rank(). */
  weight?: number;
}

/** How likely a place is to help, from what we know of it: a street address, hours, a phone. */
export function helpfulness(place: SearchPlace): number {
  return (place.street ? 4 : 0) + (place.schedule ? 2 : 0) + (place.phone ? 1 : 0);
}

/** Minutes until the place opens (0 when open now); Infinity when unknown. */
export function opensIn(place: SearchPlace, now: Date): number {
  if (hasFlag(place, 'itinerant')) return Infinity;
  const status = statusAt(place.schedule, now);
  if (status.state === 'open') return 0;
  if (status.state !== 'closed' || !status.next) return Infinity;
  return status.next.inDays * 1440 + status.next.opensAt - wallClock(now, place.schedule!.tz).minutes;
}

/**
 * Near and likely first. Each filter the data cannot answer for a place (to check with it)
 * counts as this many kilometres more: a sure place 3 km away comes before a likely one at
 * 0.5 km, a likely one 1 km away before a sure one at 6 km.
 */
export const UNKNOWN_KM = 4;

/** However many unknowns, never more than this: a sure place 80 km away never comes before a likely one 2 km away. */
export const MOST_UNKNOWN_KM = 10;

/**
 * A place's distance as the ranking weighs it: kilometres from where the person searches (0 for
 * the places of the commune they named: its own places first), plus the unknowns' penalty.
 */
export function rankKm(item: { km: number | null; inCommune: boolean; unknown: number }): number {
  return (item.inCommune ? 0 : (item.km ?? 0)) + Math.min(item.unknown * UNKNOWN_KM, MOST_UNKNOWN_KM);
}

/**
 * The order of results: places open to all before places for their residents; then by rankKm()
 * (near and likely first); between equals in the commune, the most helpful and the soonest open
 * first; then the nearest, then by name.
 */
export function rank(found: Found[], now: Date): Found[] {
  const soon = new Map(found.filter((item) => item.inCommune).map((item) => [item, opensIn(item.place, now)]));
  // Weighed once per place, not at each of the sort's comparisons (10,000 places around at 50,000 in France).
  for (const item of found) item.weight = rankKm({ km: item.km, inCommune: item.inCommune, unknown: item.verdict.unknown.length });
  return found.sort(
    (a, b) =>
      Number(hasFlag(a.place, 'residentsOnly')) - Number(hasFlag(b.place, 'residentsOnly')) ||
      a.weight! - b.weight! ||
      (a.inCommune && b.inCommune ? helpfulness(b.place) - helpfulness(a.place) || Math.min(soon.get(a)!, 1e9) - Math.min(soon.get(b)!, 1e9) : 0) ||
      (a.km ?? 0) - (b.km ?? 0) ||
      frenchOrder(a.place.name, b.place.name),
  );
}

/** Two records of one place (same name, same commune) show once: the better ranked. */
export function dedupe(found: Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = `${item.key}|${item.place.commune}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
