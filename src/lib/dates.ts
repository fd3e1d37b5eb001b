/**
 * The one set of date helpers. Dates are ISO days ("2026-03-02") read as calendar days, never
 * as instants; an instant becomes a day and minutes only through a time zone (wallClock). No
 * dependency: this ships in the browser. (hours/schedule.ts keeps the local-time Date helpers
 * that the opening_hours library needs, at build only.)
 */

export interface WallClock {
  date: string;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The last instant read in each time zone: a search reads the same "now" for hundreds of places. */
const lastRead = new Map<string, { time: number; clock: WallClock }>();

/** How wallClock reads an instant in a time zone ('en-CA': year, month and day in ISO order). */
export const WALL_CLOCK_FORMAT = ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }] as const;

/** Local date and minutes after midnight of an instant, in a time zone. */
export function wallClock(now: Date, tz: string): WallClock {
  const last = lastRead.get(tz);
  if (last && last.time === now.getTime()) return last.clock;
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat(WALL_CLOCK_FORMAT[0], { ...WALL_CLOCK_FORMAT[1], timeZone: tz });
    formatters.set(tz, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  const clock = { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  lastRead.set(tz, { time: now.getTime(), clock });
  return clock;
}

/** The ISO day `days` days after (or before) another. */
export function shiftDate(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday, of a YYYY-MM-DD date. */
export function weekdayOf(iso: string): number {
  return (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Today in Paris: the date of builds and of the data checks. */
export function todayIso(now = new Date()): string {
  return wallClock(now, 'Europe/Paris').date;
}
