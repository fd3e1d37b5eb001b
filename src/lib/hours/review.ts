/**
 * Hours that cannot be right. National exports carry opening hours that no help point keeps:
 * `00:00-00:00` written for an empty half-day (the France Services list does this), a period
 * that ends before it starts, "open day and night". Read literally, the `opening_hours`
 * library says such a place is open all day, or all night: the site would say « Ouvert
 * maintenant » to someone at 7:30 in the morning.
 *
 * The rule, applied at import, at build and by `npm run check:data -- --fix-hours`:
 * - a period that starts and ends at the same time (`00:00-00:00`, `14:00-14:00`) next to real
 *   periods of the same day is a placeholder: it is dropped, the real periods are kept;
 * - a day whose only periods are such placeholders says nothing of when the place opens that
 *   day (France Services writes it for "by appointment only"): the hours are set aside;
 * - a period that ends before it starts (`17:00-12:00`), one that covers the whole day
 *   (`00:00-24:00`, `24/7`), or one that starts before 6:00 or ends after 23:00 (`03:30-12:30`,
 *   a typo for 08:30 or 09:30?) cannot be read in one plausible way: the hours are set aside.
 * Set aside means unknown, shown as unknown (« appelez avant de venir »), never as closed and
 * never as open; nothing is guessed. Pure: returns the reading and the problems, no words.
 */
import { slotsOutside } from './schedule.ts';

/** A help point opens in the day: earliest start and latest end that are plausible, in minutes. */
export const EARLIEST_START = 6 * 60;
export const LATEST_END = 23 * 60;

export type HoursProblem =
  /** Placeholders dropped beside the day's real periods: the hours are kept without them. */
  | { kind: 'placeholder-dropped'; periods: string[] }
  /** A day with placeholders only. */
  | { kind: 'placeholder-only'; periods: string[] }
  | { kind: 'reversed'; period: string }
  | { kind: 'round-the-clock'; period: string }
  | { kind: 'night'; period: string };

export interface HoursReview {
  /** The hours as the site reads them: the value, repaired, or null when set aside. */
  value: string | null;
  problems: HoursProblem[];
}

/** True when the review changed nothing. */
export const isSound = (review: HoursReview): boolean => review.problems.length === 0;
/** True when the hours could not be read in one plausible way and are now unknown. */
export const isSetAside = (review: HoursReview): boolean => review.value === null && review.problems.length > 0;

const TIME_LIST = /\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*/g;
const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (value: number): string => `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;

function periodProblem(period: string): HoursProblem | null {
  const [from, to] = period.split('-') as [string, string];
  const start = minutes(from);
  const end = minutes(to);
  if (start === 0 && end === 24 * 60) return { kind: 'round-the-clock', period };
  if (end < start && end !== 0) return { kind: 'reversed', period };
  // "18:00-00:00" ends at midnight: as late as a night.
  if (start < EARLIEST_START || end > LATEST_END || (end === 0 && start > 0)) return { kind: 'night', period };
  return null;
}

const reviews = new Map<string, HoursReview>();

/** The hours as the site reads them, and what was wrong. A null value is already unknown. */
export function reviewHours(value: string | null): HoursReview {
  if (value === null) return { value: null, problems: [] };
  let review = reviews.get(value);
  if (!review) {
    review = reviewUncached(value);
    reviews.set(value, review);
  }
  return review;
}

function reviewUncached(value: string): HoursReview {
  const problems: HoursProblem[] = [];
  const dropped: string[] = [];
  if (/\b24\/7\b/.test(value)) problems.push({ kind: 'round-the-clock', period: '24/7' });
  const repaired = value.replace(TIME_LIST, (list) => {
    const periods = list.split(',');
    const placeholders = periods.filter((period) => period.slice(0, 5) === period.slice(6));
    const real = periods.filter((period) => !placeholders.includes(period));
    if (real.length === 0) {
      problems.push({ kind: 'placeholder-only', periods: [...new Set(placeholders)] });
      return list;
    }
    for (const period of real) {
      const problem = periodProblem(period);
      if (problem) problems.push(problem);
    }
    dropped.push(...placeholders);
    return real.join(',');
  });
  if (problems.length > 0) return { value: null, problems: dedupe(problems) };
  // What the text does not show (an open end, a selector that spans midnight) the evaluation does.
  const outside = slotsOutside(repaired, EARLIEST_START, LATEST_END);
  if (outside) return { value: null, problems: [{ kind: outside.from === 0 && outside.to === 24 * 60 ? 'round-the-clock' : 'night', period: `${clock(outside.from)}-${clock(outside.to)}` }] };
  return dropped.length > 0 ? { value: repaired, problems: [{ kind: 'placeholder-dropped', periods: [...new Set(dropped)] }] } : { value, problems: [] };
}

function dedupe(problems: HoursProblem[]): HoursProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
