/** A place whose facts are more than a year old, or undated, says so: the person should call first. */
import type { Place } from './schemas/place.ts';
import { daysBetween } from './dates.ts';

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

/**
 * When a place's facts were last confirmed, and by which source: the newest of its sources'
 * dates, where a source that the refresh reads again (history of updates) counts from its last
 * edition, as long as the place is still on that list. Null when no source has a date.
 */
export function lastConfirmation(place: Pick<Place, 'sources' | 'delisted'>, history: readonly { source: string; name: string; edition: string }[]): { date: string; source: string } | null {
  let best: { date: string; source: string } | null = null;
  for (const source of place.sources) {
    const key = source.record?.split(':')[0];
    const run = key ? history.findLast((entry) => entry.source === key) : undefined;
    const candidate = run && place.delisted?.list !== run.name ? { date: run.edition, source: run.name } : source.date ? { date: source.date, source: source.name } : null;
    if (candidate && (!best || candidate.date > best.date)) best = candidate;
  }
  return best;
}
