/**
 * "Ouvert maintenant" / "Fermé · ouvre mardi à 9 h 15", computed in the browser from a
 * precomputed Schedule. No dependency: this ships on place pages and in search results.
 */
import { WEEKDAYS, type Schedule } from './types.ts';

export interface OpenStatus {
  state: 'open' | 'closed' | 'unknown';
  /** Short text: "Ouvert maintenant", "Fermé · ouvre demain à 9 h". */
  label: string;
}

interface WallClock {
  date: string;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local date and minutes after midnight of an instant, in a time zone. */
export function wallClock(now: Date, tz: string): WallClock {
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
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function shiftDate(iso: string, days: number): string {
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

/** "9 h 15", "14 h". */
export function formatTime(minutes: number): string {
  const hours = Math.floor(minutes / 60) % 24;
  const rest = minutes % 60;
  // No-break spaces: "9 h 15" never splits across lines.
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
}

/** "9 h 15 à 12 h 30 et 14 h à 18 h 30", or "Fermé". */
export function formatSlots(slots: readonly number[]): string {
  if (slots.length === 0) return 'Fermé';
  const ranges: string[] = [];
  for (let i = 0; i < slots.length; i += 2) {
    ranges.push(`${formatTime(slots[i]!)} à ${slots[i + 1] === 1440 ? 'minuit' : formatTime(slots[i + 1]!)}`);
  }
  return ranges.join(' et ');
}

function dayName(date: string, offset: number): string {
  if (offset === 0) return 'aujourd’hui';
  if (offset === 1) return 'demain';
  const weekday = WEEKDAYS[weekdayOf(date)]!;
  if (offset < 7) return weekday;
  const [, month, day] = date.split('-').map(Number);
  const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month! - 1, 1)),
  );
  return `le ${weekday} ${day === 1 ? '1er' : day} ${monthName}`;
}

/** How far ahead to look for the next opening. */
const LOOKAHEAD_DAYS = 31;

export function statusAt(schedule: Schedule | null, now: Date): OpenStatus {
  if (!schedule) return { state: 'unknown', label: 'Horaires non renseignés' };
  const clock = wallClock(now, schedule.tz);
  const today = slotsOn(schedule, clock.date);
  if (!today) return { state: 'unknown', label: 'Vérifiez les horaires avant de venir' };

  // Open now? A slot ending at midnight may go on after it (overnight opening).
  for (let i = 0; i < today.length; i += 2) {
    if (clock.minutes >= today[i]! && clock.minutes < today[i + 1]!) {
      let closing = today[i + 1]!;
      let closingDay = 0;
      while (closing === 1440 && closingDay < 2) {
        const next = slotsOn(schedule, shiftDate(clock.date, closingDay + 1));
        if (!next || next[0] !== 0) break;
        closing = next[1]!;
        closingDay += 1;
      }
      const when = closingDay === 0 ? '' : closingDay === 1 ? 'demain ' : 'après-demain ';
      const time = closing === 1440 ? 'minuit' : formatTime(closing);
      return { state: 'open', label: `Ouvert maintenant · ferme ${when}à ${time}` };
    }
  }
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const date = shiftDate(clock.date, offset);
    const slots = slotsOn(schedule, date);
    if (!slots) break;
    for (let i = 0; i < slots.length; i += 2) {
      if (offset === 0 && slots[i]! <= clock.minutes) continue;
      return {
        state: 'closed',
        label: `Fermé · ouvre ${dayName(date, offset)} à ${formatTime(slots[i]!)}`,
      };
    }
  }
  return { state: 'closed', label: 'Fermé · pas d’ouverture prévue dans le mois qui vient' };
}

/** "Aujourd'hui : 9 h 15 à 18 h 30", for lists of results. */
export function todayHours(schedule: Schedule | null, now: Date): string | null {
  if (!schedule) return null;
  const slots = slotsOn(schedule, wallClock(now, schedule.tz).date);
  return slots ? `Aujourd’hui : ${formatSlots(slots)}` : null;
}
