/**
 * Opening hours in words: "9 h 15", "9 h à 12 h et 14 h à 17 h", "Fermé · ouvre mardi à 9 h".
 * Takes the states of lib/hours/status.ts and a `t` (the full dictionary on pages, its
 * `hours.` part in the browser). The status line and its words are in ./hours-status.ts.
 */
import type { Translate } from './translate.ts';
import { formatList } from '../lib/format.ts';
import { formatTime, weekdayName } from './hours-status.ts';

export { dateName, dayName, formatTime, statusLabel, weekdayName } from './hours-status.ts';

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
      : formatList(
          t,
          days.map((day) => weekdayName(t, day)),
        );
    return `${names.charAt(0).toUpperCase()}${names.slice(1)}${t('list.colon')}${formatSlots(t, week[days[0]!]!)}`;
  });
}

/** "Horaires : Lundi : 9 h à 12 h ; …" on paper; a week closed every day reads "Fermé", an unknown week says so. */
export function weekSummary(t: Translate, week: readonly (readonly number[])[] | null, callable: boolean): string {
  // Unknown hours: « appelez avant de venir » only to a place with a phone number.
  if (!week) return t(callable ? 'print.hoursUnknown' : 'hours.status.noHoursCheck');
  const lines = weekLines(t, week);
  return `${t('print.hours')}${lines.length > 0 ? lines.join(t('hours.separator')) : formatSlots(t, [])}`;
}

/** "Aujourd'hui : 9 h à 18 h", or null when unknown. */
export function todayLabel(t: Translate, slots: readonly number[] | undefined): string | null {
  return slots ? t('hours.todaySlots', { slots: formatSlots(t, slots) }) : null;
}
