/**
 * Does a place meet what the person asks? Each filter answers yes, no, or unknown: the data
 * often does not say. Unknown is not no: a place is dropped only on a known "no"; a place
 * with unknowns comes after the confirmed ones, marked "à vérifier".
 */
import { slotsOn, statusAt } from '../hours/status.ts';
import { wallClock, weekdayOf, shiftDate } from '../dates.ts';
import type { Meta } from './data.ts';
import { hasFlag, type SearchPlace } from './row.ts';

export type Half = 'morning' | 'afternoon';
/** A day asked for: today, tomorrow, or a weekday (0 Monday … 6 Sunday), and maybe a half-day. */
export interface When {
  day: 'today' | 'tomorrow' | number;
  half: Half | null;
}

export interface Filters {
  /** Needs (service ids): the place offers them all, itself or through its label. */
  services: string[];
  franceServices: boolean;
  openNow: boolean;
  when: When | null;
  free: boolean;
  noReferral: boolean;
  walkIn: boolean;
  wheelchair: boolean;
  language: string | null;
  emmaus: boolean;
}

export const NO_FILTERS: Filters = {
  services: [],
  franceServices: false,
  openNow: false,
  when: null,
  free: false,
  noReferral: false,
  walkIn: false,
  wheelchair: false,
  language: null,
  emmaus: false,
};

export type FilterName = 'services' | 'franceServices' | 'openNow' | 'when' | 'free' | 'noReferral' | 'walkIn' | 'wheelchair' | 'language' | 'emmaus';
export type Answer = 'yes' | 'no' | 'unknown';

export interface Verdict {
  /** False when one filter is a known "no". */
  keep: boolean;
  /** The filters the data cannot answer for this place: to check with it. */
  unknown: FilterName[];
  /** The needs met, and whether by the place's own word or its label's. */
  needs: { id: string; byLabel: boolean }[];
}

/** Morning: a slot that starts before noon. Afternoon: a slot that ends after noon. */
const NOON = 12 * 60;

function yesNo(yes: boolean, no: boolean): Answer {
  return yes ? 'yes' : no ? 'no' : 'unknown';
}

/** The date a `When` points to, from the place's own clock. */
export function dateOf(when: When, today: string): string {
  if (when.day === 'today') return today;
  if (when.day === 'tomorrow') return shiftDate(today, 1);
  return shiftDate(today, (when.day - weekdayOf(today) + 7) % 7);
}

export function openOn(place: SearchPlace, when: When, now: Date): Answer {
  if (!place.schedule || hasFlag(place, 'itinerant')) return 'unknown';
  const slots = slotsOn(place.schedule, dateOf(when, wallClock(now, place.schedule.tz).date));
  if (!slots) return 'unknown';
  for (let i = 0; i < slots.length; i += 2) {
    const [from, to] = [slots[i]!, slots[i + 1]!];
    if (when.half === null || (when.half === 'morning' && from < NOON) || (when.half === 'afternoon' && to > NOON)) return 'yes';
  }
  return 'no';
}

export function judge(place: SearchPlace, filters: Filters, meta: Pick<Meta, 'services'>, now: Date): Verdict {
  const answers: [FilterName, Answer][] = [];
  const needs: Verdict['needs'] = [];
  if (filters.services.length > 0) {
    const own = place.services.map((index) => meta.services[index]?.id);
    const offered = place.offers.map((index) => meta.services[index]?.id);
    let missing = 0;
    for (const id of filters.services) {
      if (own.includes(id)) needs.push({ id, byLabel: false });
      else if (offered.includes(id)) needs.push({ id, byLabel: true });
      else missing++;
    }
    // A place that lists none of its own services may still offer it: unknown. One that lists others does not.
    answers.push(['services', missing === 0 ? 'yes' : own.length === 0 ? 'unknown' : 'no']);
  }
  if (filters.franceServices) answers.push(['franceServices', hasFlag(place, 'franceServices') ? 'yes' : 'no']);
  if (filters.emmaus) answers.push(['emmaus', hasFlag(place, 'emmaus') ? 'yes' : 'no']);
  if (filters.free) answers.push(['free', yesNo(hasFlag(place, 'free'), hasFlag(place, 'notFree'))]);
  if (filters.noReferral) answers.push(['noReferral', yesNo(hasFlag(place, 'noReferral'), hasFlag(place, 'referralRequired'))]);
  if (filters.walkIn) answers.push(['walkIn', yesNo(hasFlag(place, 'walkIn'), hasFlag(place, 'appointmentRequired'))]);
  if (filters.wheelchair) answers.push(['wheelchair', yesNo(hasFlag(place, 'wheelchair'), hasFlag(place, 'wheelchairNo'))]);
  if (filters.language) answers.push(['language', place.languages.length === 0 ? 'unknown' : place.languages.includes(filters.language) ? 'yes' : 'no']);
  if (filters.openNow) {
    const state = hasFlag(place, 'itinerant') ? 'unknown' : statusAt(place.schedule, now).state;
    answers.push(['openNow', state === 'open' ? 'yes' : state === 'closed' ? 'no' : 'unknown']);
  }
  if (filters.when) answers.push(['when', openOn(place, filters.when, now)]);
  return {
    keep: answers.every(([, answer]) => answer !== 'no'),
    unknown: answers.filter(([, answer]) => answer === 'unknown').map(([name]) => name),
    needs,
  };
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.services.length > 0 ||
    filters.franceServices ||
    filters.openNow ||
    filters.when !== null ||
    filters.free ||
    filters.noReferral ||
    filters.walkIn ||
    filters.wheelchair ||
    filters.language !== null ||
    filters.emmaus
  );
}
