/** A place whose facts are more than a year old says so: the person should call first. */
import { lastUpdate } from './interop/export.ts';
import type { Place } from './schemas/place.ts';
import { daysBetween } from './format.ts';

export const STALE_AFTER_DAYS = 365;

/** True when the last check is over a year before `today`, or unknown. */
export function isStale(place: Place, today: string): boolean {
  const date = place.verified ?? lastUpdate(place);
  return !date || daysBetween(date, today) > STALE_AFTER_DAYS;
}

export const STALE_MESSAGE = 'Ces informations datent de plus d’un an : appelez avant de vous déplacer.';
