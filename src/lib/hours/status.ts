/**
 * Open or closed, and until or from when, computed in the browser from a precomputed
 * Schedule. Returns states and values; src/i18n/hours.ts turns them into words. No
 * dependency: this ships on place pages and in search results.
 */
import type { Schedule } from './types.ts';

export type OpenStatus =
  | { state: 'unknown'; reason: 'no-hours' | 'outside-window' }
  /** Open until `closesAt` minutes, `closesInDays` days from today (an overnight slot closes tomorrow). */
  | { state: 'open'; closesAt: number; closesInDays: number }
  /** Closed; opens `inDays` days from today (on `date`) at `opensAt` minutes, or not within the look-ahead. */
  | { state: 'closed'; next: { date: string; inDays: number; opensAt: number } | null };

interface WallClock {
  date: string;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The last instant read in each time zone: a search reads the same "now" for hundreds of places. */
const lastRead = new Map<string, { time: number; clock: WallClock }>();

/** Local date and minutes after midnight of an instant, in a time zone. */
export function wallClock(now: Date, tz: string): WallClock {
  const last = lastRead.get(tz);
  if (last && last.time === now.getTime()) return last.clock;
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  const clock = { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  lastRead.set(tz, { time: now.getTime(), clock });
  return clock;
}

export function shiftDate(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday, of a YYYY-MM-DD date. */
export function weekdayOf(iso: string): number {
  return (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** The slots of a date; undefined outside the schedule's window. */
export function slotsOn(schedule: Schedule, iso: string): number[] | undefined {
  if (iso < schedule.from || iso > schedule.until) return undefined;
  return schedule.days[iso] ?? schedule.week[weekdayOf(iso)]!;
}

/** How far ahead to look for the next opening. */
export const LOOKAHEAD_DAYS = 31;

export function statusAt(schedule: Schedule | null, now: Date): OpenStatus {
  if (!schedule) return { state: 'unknown', reason: 'no-hours' };
  const clock = wallClock(now, schedule.tz);
  const today = slotsOn(schedule, clock.date);
  if (!today) return { state: 'unknown', reason: 'outside-window' };

  // Open now? A slot ending at midnight may go on after it (overnight opening).
  for (let i = 0; i < today.length; i += 2) {
    if (clock.minutes >= today[i]! && clock.minutes < today[i + 1]!) {
      let closesAt = today[i + 1]!;
      let closesInDays = 0;
      while (closesAt === 1440 && closesInDays < 2) {
        const next = slotsOn(schedule, shiftDate(clock.date, closesInDays + 1));
        if (!next || next[0] !== 0) break;
        closesAt = next[1]!;
        closesInDays += 1;
      }
      return { state: 'open', closesAt, closesInDays };
    }
  }
  for (let inDays = 0; inDays <= LOOKAHEAD_DAYS; inDays++) {
    const date = shiftDate(clock.date, inDays);
    const slots = slotsOn(schedule, date);
    if (!slots) break;
    for (let i = 0; i < slots.length; i += 2) {
      if (inDays === 0 && slots[i]! <= clock.minutes) continue;
      return { state: 'closed', next: { date, inDays, opensAt: slots[i]! } };
    }
  }
  return { state: 'closed', next: null };
}

/** Today's slots where the place is (undefined when unknown). */
export function todaySlots(schedule: Schedule | null, now: Date): number[] | undefined {
  return schedule ? slotsOn(schedule, wallClock(now, schedule.tz).date) : undefined;
}
