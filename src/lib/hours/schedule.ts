/**
 * Build-time evaluation of OSM `opening_hours` values (the national standard's format) into
 * the compact Schedule the browser reads. Only this module imports the 1 MB library.
 */
import OpeningHours from 'opening_hours';
import type { Schedule } from './types.ts';

export interface Closure {
  from: string;
  to: string;
  reason?: string | null | undefined;
}

export interface ScheduleInput {
  openingHours: string;
  closures?: readonly Closure[];
  /** Name of the département, as the library's French holiday table names states (Moselle, Bas-Rhin…). */
  departementName: string;
  lat: number;
  lon: number;
  tz: string;
  /** Evaluate every day of the window even for a weekly value (to check the shortcut). */
  exhaustive?: boolean;
}

/** How many days from the build date the precomputed exceptions cover. */
export const SCHEDULE_WINDOW_DAYS = 190;

export interface HoursCheck {
  ok: boolean;
  /** The canonical form the library suggests, when it understood the value. */
  suggestion?: string;
  /** The library's first explanation, in French. */
  problem?: string;
}

const NOMINATIM_FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };
/** Time ranges mode (0), French explanations. The library's types want every key spelt out. */
const OPTIONS = { mode: 0, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: 'fr' } as const;

/**
 * A value is valid when the library parses it without warning and it is already written the
 * canonical way (e.g. "Mo-Fr 09:00-12:00", not "Lu-Ve 9h-12h").
 */
const checks = new Map<string, HoursCheck>();

export function checkOpeningHours(value: string): HoursCheck {
  let check = checks.get(value);
  if (!check) {
    check = checkUncached(value);
    checks.set(value, check);
  }
  return check;
}

const parsedValues = new Map<string, OpeningHours | Error>();

/**
 * Forgets the parsed values. Each one keeps the library's whole state (tens of kB): kept for the
 * whole build, the few thousand distinct values of the real data were 140 MB of the build's
 * memory, twice (Astro's config and its pages each load this module). Called once the data are
 * checked and once the schedules are made; a value asked again later is parsed again.
 */
export function releaseParsedHours(): void {
  parsedValues.clear();
}

/** How many parsed values are kept (tests: none once the data are read). */
export const parsedHoursKept = (): number => parsedValues.size;

/** Parsing is the library's slow part: each distinct value is parsed once while the data are read. */
function parseGeneric(value: string): OpeningHours | Error {
  let parsed = parsedValues.get(value);
  if (!parsed) {
    try {
      parsed = new OpeningHours(value, NOMINATIM_FRANCE, OPTIONS);
    } catch (error) {
      parsed = error instanceof Error ? error : new Error(String(error));
    }
    parsedValues.set(value, parsed);
  }
  return parsed;
}

function checkUncached(value: string): HoursCheck {
  const parsed = parseGeneric(value);
  if (parsed instanceof Error) return { ok: false, problem: firstLine(String(parsed.message)) };
  const warnings = parsed.getWarnings();
  const canonical = parsed.prettifyValue();
  if (warnings.length === 0 && canonical === value) return { ok: true };
  return {
    ok: false,
    suggestion: canonical,
    ...(warnings.length > 0 ? { problem: firstLine(warnings[0]!) } : {}),
  };
}

/** The library writes "Lu <--- (Veuillez utiliser…)": keep the explanation only. */
function firstLine(text: string): string {
  const line = text
    .split('\n')[0]!
    .replace(/^Error:\s*/, '')
    .trim();
  const explained = /<---\s*\((.*)\)\s*$/.exec(line);
  return explained ? explained[1]!.trim() : line;
}

/**
 * The first slot of a day (minutes, cut at midnight) that starts before `earliest` or ends
 * after `latest`, over a week for a weekly value and a year for the others; null when none
 * does, or when the value cannot be read (validation says so). See ./review.ts.
 */
export function slotsOutside(value: string, earliest: number, latest: number): { from: number; to: number } | null {
  const parsed = parseGeneric(value);
  if (parsed instanceof Error) return null;
  // A fixed Monday: the answer does not depend on the day it is asked.
  const first = new Date(2024, 0, 1);
  const end = addDays(first, isWeekly(value) ? 7 : 366);
  for (const [open, close] of parsed.getOpenIntervals(first, end)) {
    for (let day = startOfDay(open); day < close; day = addDays(day, 1)) {
      const from = minutesIntoDay(new Date(Math.max(open.getTime(), day.getTime())), day);
      const to = minutesIntoDay(new Date(Math.min(close.getTime(), addDays(day, 1).getTime())), day);
      if (to > from && (from < earliest || to > latest)) return { from, to };
    }
  }
  return null;
}

/** Public holidays follow French law unless the value says otherwise ("PH off", "PH 10:00-12:00"). */
export function mentionsPublicHolidays(value: string): boolean {
  return /\bPH\b/.test(value);
}

const cache = new Map<string, Schedule>();

/**
 * Values made only of weekdays and times ("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00")
 * are the same every week: one week of evaluation and the list of public holidays describe
 * them fully. Anything else (months, dates, weeks, PH…) is evaluated over the whole window.
 */
export function isWeekly(value: string): boolean {
  return /^(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)* (?:\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*|off)(?:; |$))+$/.test(
    value,
  );
}

const holidayCache = new Map<string, string[]>();

/** Public holiday dates of a département over the window (the library knows Alsace-Moselle and overseas). */
function publicHolidays(departementName: string, lat: number, lon: number, first: Date, end: Date): string[] {
  const key = `${departementName}|${isoDate(first)}`;
  let dates = holidayCache.get(key);
  if (!dates) {
    const holidays = new OpeningHours('PH', { lat, lon, address: { country_code: 'fr', state: departementName } }, OPTIONS);
    dates = [...new Set(holidays.getOpenIntervals(first, end).map(([open]) => isoDate(open)))];
    holidayCache.set(key, dates);
  }
  return dates;
}

/**
 * Evaluates a place's hours from `start` (a local date) for SCHEDULE_WINDOW_DAYS. Results are
 * cached by value, holiday region and closures: national data repeats the same few thousand
 * values across many places.
 */
export function buildSchedule(input: ScheduleInput, start: string): Schedule {
  const closures = input.closures ?? [];
  const key = JSON.stringify([input.openingHours, input.departementName, input.tz, closures, start, input.exhaustive]);
  const cached = cache.get(key);
  if (cached) return cached;

  const holidaysClosedByDefault = !mentionsPublicHolidays(input.openingHours);
  const first = parseDate(start);
  const windowEnd = addDays(first, SCHEDULE_WINDOW_DAYS);
  const weekly = holidaysClosedByDefault && !input.exhaustive && isWeekly(input.openingHours);
  // A weekly value does not depend on the region: the parse shared with validation serves.
  const generic = weekly ? parseGeneric(input.openingHours) : undefined;
  const hours =
    generic && !(generic instanceof Error)
      ? generic
      : new OpeningHours(
          holidaysClosedByDefault ? `${input.openingHours}; PH off` : input.openingHours,
          { lat: input.lat, lon: input.lon, address: { country_code: 'fr', state: input.departementName } },
          OPTIONS,
        );

  const perDay = new Map<string, number[]>();
  // A weekly value needs one week of evaluation; the others the whole window.
  const evaluatedEnd = weekly ? addDays(first, 7) : windowEnd;
  for (let day = first; day < evaluatedEnd; day = addDays(day, 1)) perDay.set(isoDate(day), []);
  // One call for the whole span, then split at midnights: far faster than a call per day.
  for (const [open, close] of hours.getOpenIntervals(first, evaluatedEnd)) {
    for (let day = startOfDay(open); day < close; day = addDays(day, 1)) {
      const slots = perDay.get(isoDate(day));
      if (!slots) continue;
      const from = Math.max(open.getTime(), day.getTime());
      const to = Math.min(close.getTime(), addDays(day, 1).getTime());
      if (to > from) slots.push(minutesIntoDay(new Date(from), day), minutesIntoDay(new Date(to), day));
    }
  }

  const week = usualWeek(perDay);
  const days: Record<string, number[]> = {};
  if (weekly) {
    for (const date of publicHolidays(input.departementName, input.lat, input.lon, first, windowEnd)) {
      if (week[weekdayIndex(parseDate(date))]!.length > 0) days[date] = [];
    }
  } else {
    for (const [date, slots] of perDay) {
      if (!sameSlots(slots, week[weekdayIndex(parseDate(date))]!)) days[date] = slots;
    }
  }
  for (const closure of closures) {
    for (let day = parseDate(closure.from); day <= parseDate(closure.to) && day < windowEnd; day = addDays(day, 1)) {
      const date = isoDate(day);
      if (day >= first && (days[date] ?? week[weekdayIndex(day)]!).length > 0) days[date] = [];
    }
  }
  const schedule: Schedule = {
    tz: input.tz,
    week,
    days: Object.fromEntries(Object.entries(days).sort(([a], [b]) => a.localeCompare(b))),
    from: start,
    until: isoDate(addDays(windowEnd, -1)),
    holidaysClosedByDefault,
  };
  cache.set(key, schedule);
  return schedule;
}

/** For each weekday, the slots it has most often over the window. */
function usualWeek(perDay: Map<string, number[]>): number[][] {
  const counts = Array.from({ length: 7 }, () => new Map<string, number>());
  for (const [date, slots] of perDay) {
    const tally = counts[weekdayIndex(parseDate(date))]!;
    const signature = slots.join(',');
    tally.set(signature, (tally.get(signature) ?? 0) + 1);
  }
  return counts.map((tally) => {
    let best = '';
    let bestCount = -1;
    for (const [signature, count] of tally) {
      if (count > bestCount) [best, bestCount] = [signature, count];
    }
    return best === '' ? [] : best.split(',').map(Number);
  });
}

function sameSlots(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// The library works in the process's local time. Dates below are local midnights and the
// minutes read back are wall-clock minutes, which is what the schedule stores.
function parseDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year!, month! - 1, day);
}

function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function minutesIntoDay(instant: Date, day: Date): number {
  if (startOfDay(instant).getTime() > day.getTime()) return 24 * 60;
  return instant.getHours() * 60 + instant.getMinutes();
}

/** 0 for Monday … 6 for Sunday. */
function weekdayIndex(date: Date): number {
  return (date.getDay() + 6) % 7;
}
