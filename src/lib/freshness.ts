/** A place whose facts are more than a year old, or undated, says so: the person should call first. */
import type { Place } from './schemas/place.ts';
import { daysBetween } from './format.ts';

export const STALE_AFTER_DAYS = 365;

/** The date of the place's last check: its `verified` date, else its newest source's date. */
export function lastUpdate(place: Pick<Place, 'verified' | 'sources'>): string | null {
  if (place.verified) return place.verified;
  const dates = place.sources.map((source) => source.date).filter((date): date is string => Boolean(date));
  return dates.length > 0 ? dates.sort().at(-1)! : null;
}

export type Freshness = 'fresh' | 'stale' | 'undated';

export function freshness(place: Pick<Place, 'verified' | 'sources'>, today: string): Freshness {
  const date = place.verified ?? lastUpdate(place);
  if (!date) return 'undated';
  return daysBetween(date, today) > STALE_AFTER_DAYS ? 'stale' : 'fresh';
}

/** True when the last check is over a year before `today`, or unknown. */
export function isStale(place: Pick<Place, 'verified' | 'sources'>, today: string): boolean {
  return freshness(place, today) !== 'fresh';
}
