/**
 * Open or closed, and until or from when, computed in the browser from a precomputed
 * Schedule. Returns states and values; src/i18n/hours.ts turns them into words. No
 * dependency: this ships on place pages and in search results.
 */
import { shiftDate, wallClock, weekdayOf } from '../dates.ts';
import type { Schedule } from './types.ts';

export type OpenStatus =
  | { state: 'unknown'; reason: 'no-hours' | 'outside-window' }
  /** Open until `closesAt` minutes, `closesInDays` days from today (an overnight slot closes tomorrow). */
  | { state: 'open'; closesAt: number; closesInDays: number }
  /** Closed; opens `inDays` days from today (on `date`) at `opensAt` minutes, or not within the look-ahead. */
  | { state: 'closed'; next: { date: string; inDays: number; opensAt: number } | null };

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
