/**
 * Opening hours in words: "9 h 15", "9 h à 12 h et 14 h à 17 h", "Fermé · ouvre mardi à 9 h".
 * Takes the states of lib/hours/status.ts and a `t` (the full dictionary on pages, its
 * `hours.` part in the browser).
 */
import type { OpenStatus } from '../lib/hours/status.ts';
import { weekdayOf } from '../lib/hours/status.ts';
import { WEEKDAY_IDS } from '../lib/hours/types.ts';
import type { Key, Translate } from './translate.ts';
import { formatList } from '../lib/format.ts';

/** "9 h 15", "14 h" (no-break spaces: never split across lines). */
export function formatTime(t: Translate, minutes: number): string {
  if (minutes === 1440) return t('hours.midnight');
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return m === 0 ? t('hours.time', { h: String(h) }) : t('hours.timeMinutes', { h: String(h), mm: String(m).padStart(2, '0') });
}

/** "9 h 15 à 12 h 30 et 14 h à 18 h 30", or "Fermé". */
export function formatSlots(t: Translate, slots: readonly number[]): string {
  if (slots.length === 0) return t('hours.closedAllDay');
  const ranges: string[] = [];
  for (let i = 0; i < slots.length; i += 2) ranges.push(t('hours.range', { from: formatTime(t, slots[i]!), to: formatTime(t, slots[i + 1]!) }));
  return ranges.join(t('hours.rangeJoin'));
}

/** The usual week in lines, open days only: "Lundi : 9 h à 12 h" (for paper and messages). */
export function weekLines(t: Translate, week: readonly (readonly number[])[]): string[] {
  const lines: string[] = [];
  week.forEach((slots, index) => {
    if (slots.length === 0) return;
    const day = weekdayName(t, index);
    lines.push(`${day.charAt(0).toUpperCase()}${day.slice(1)}${t('list.colon')}${formatSlots(t, slots)}`);
  });
  return lines;
}

/**
 * The usual week in fewer lines, days with the same hours together: "Du lundi au vendredi :
 * 9 h à 12 h ; Samedi : 9 h à 11 h". Consecutive days make a span, others a list ("Lundi et
 * jeudi : …"). For a poster, where space is short.
 */
export function weekCompact(t: Translate, week: readonly (readonly number[])[]): string[] {
  const groups = new Map<string, number[]>();
  week.forEach((slots, index) => {
    if (slots.length === 0) return;
    const key = slots.join(',');
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  return [...groups.values()].map((days) => {
    const consecutive = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
    const names = consecutive
      ? t('hours.daySpan', { from: weekdayName(t, days[0]!), to: weekdayName(t, days.at(-1)!) })
      : formatList(t, days.map((day) => weekdayName(t, day)));
    return `${names.charAt(0).toUpperCase()}${names.slice(1)}${t('list.colon')}${formatSlots(t, week[days[0]!]!)}`;
  });
}

/** "Horaires : Lundi : 9 h à 12 h ; …" on paper; a week closed every day reads "Fermé", an unknown week says so. */
export function weekSummary(t: Translate, week: readonly (readonly number[])[] | null): string {
  if (!week) return t('print.hoursUnknown');
  const lines = weekLines(t, week);
  return `${t('print.hours')}${lines.length > 0 ? lines.join(' ; ') : formatSlots(t, [])}`;
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
      return status.next
        ? t('hours.status.closedOpens', { day: dayName(t, status.next.date, status.next.inDays), time: formatTime(t, status.next.opensAt) })
        : t('hours.status.closedNoOpening');
  }
}

/** "Aujourd'hui : 9 h à 18 h", or null when unknown. */
export function todayLabel(t: Translate, slots: readonly number[] | undefined): string | null {
  return slots ? t('hours.todaySlots', { slots: formatSlots(t, slots) }) : null;
}
