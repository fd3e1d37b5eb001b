/**
 * The words of "open now": the status line of a place and what it needs ("9 h 15", "demain",
 * "le mardi 26 mai"). Apart from ./hours.ts, which re-exports them, so that a place's page adds
 * "open now" with this alone (budget: bench/budgets.ts OPEN_NOW_KB).
 */
import type { OpenStatus } from '../lib/hours/status.ts';
import { weekdayOf } from '../lib/dates.ts';
import { WEEKDAY_IDS } from '../lib/hours/types.ts';
import type { Key, Translate } from './translate.ts';

/** "9 h 15", "14 h" (no-break spaces: never split across lines). */
export function formatTime(t: Translate, minutes: number): string {
  if (minutes === 1440) return t('hours.midnight');
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return m === 0 ? t('hours.time', { h: String(h) }) : t('hours.timeMinutes', { h: String(h), mm: String(m).padStart(2, '0') });
}

export function weekdayName(t: Translate, index: number): string {
  return t(`weekday.${WEEKDAY_IDS[index]!}` as Key);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The month's name as written after a day (« 26 mai », « 26 мая », « 26 травня »: the genitive
 * where the language has one), in the translator's language.
 */
function monthAfterDay(locale: string, month: number): string {
  let format = monthFormats.get(locale);
  if (!format) monthFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })));
  return format.formatToParts(new Date(Date.UTC(2000, month - 1, 15))).find((part) => part.type === 'month')!.value;
}

/** "le mardi 26 mai", "le mardi 1er décembre": a date that stays true on paper and in a message. */
export function dateName(t: Translate, date: string): string {
  const weekday = weekdayName(t, weekdayOf(date));
  const [, month, day] = date.split('-').map(Number);
  const monthName = monthAfterDay(t.locale, month!);
  return t(day === 1 ? 'hours.onFirstOfMonth' : 'hours.onDate', { weekday, day: String(day), month: monthName });
}

/** "aujourd'hui", "demain", "mardi", "le mardi 26 mai". */
export function dayName(t: Translate, date: string, inDays: number): string {
  if (inDays === 0) return t('hours.today');
  if (inDays === 1) return t('hours.tomorrow');
  if (inDays < 7) return weekdayName(t, weekdayOf(date));
  return dateName(t, date);
}

/** The status line: "Ouvert maintenant · ferme à 18 h", "Fermé · ouvre demain à 9 h". */
export function statusLabel(t: Translate, status: OpenStatus | { state: 'moves' }): string {
  switch (status.state) {
    case 'moves':
      return t('hours.status.moves');
    case 'unknown':
      return t(status.reason === 'no-hours' ? 'hours.status.noHours' : 'hours.status.outsideWindow');
    case 'open': {
      const time = formatTime(t, status.closesAt);
      if (status.closesInDays === 0) return t('hours.status.openUntil', { time });
      return t(status.closesInDays === 1 ? 'hours.status.openUntilTomorrow' : 'hours.status.openUntilDayAfter', { time });
    }
    case 'closed':
      return status.next ? t('hours.status.closedOpens', { day: dayName(t, status.next.date, status.next.inDays), time: formatTime(t, status.next.opensAt) }) : t('hours.status.closedNoOpening');
  }
}

/** The words this file uses, as pages give them to <open-status> (once per place, or once per list): a test checks that none is missing. */
export const STATUS_WORDS = ['hours.midnight', 'hours.onDate', 'hours.onFirstOfMonth', 'hours.status.', 'hours.time', 'hours.today', 'hours.tomorrow', 'weekday.'] as const;
