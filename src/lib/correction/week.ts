/**
 * The usual week as a town hall fills it in (each day closed, or open in one or two periods)
 * and as the data stores it (OpenStreetMap `opening_hours`). The form never asks anyone to
 * write that syntax: it writes it, in the simplest form the build's parser reads.
 */
export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

/** "HH:MM" from and to. */
export interface Period {
  from: string;
  to: string;
}

/** Monday first: the periods of each day (none: closed). */
export type Week = Period[][];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight, as schedules store them. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The week of a schedule ([start, end, …] in minutes per day, Monday first). */
export function weekFromSchedule(week: readonly (readonly number[])[]): Week {
  return DAY_CODES.map((_, day) => {
    const slots = week[day] ?? [];
    const periods: Period[] = [];
    for (let index = 0; index + 1 < slots.length; index += 2) periods.push({ from: timeOf(slots[index]!), to: timeOf(Math.min(slots[index + 1]!, 24 * 60 - 1)) });
    return periods;
  });
}

/** Back to minutes, as weekLines() reads them. */
export function scheduleWeek(week: Week): number[][] {
  return week.map((periods) => periods.flatMap(({ from, to }) => [minutesOf(from), minutesOf(to)]));
}

export type PeriodProblem = 'format' | 'order' | 'overlap';

/** What is wrong with a day's periods, if anything. */
export function periodProblem(periods: readonly Period[]): PeriodProblem | null {
  for (const { from, to } of periods) {
    if (!TIME.test(from) || !TIME.test(to)) return 'format';
    if (minutesOf(from) >= minutesOf(to)) return 'order';
  }
  for (let index = 1; index < periods.length; index++) {
    if (minutesOf(periods[index]!.from) < minutesOf(periods[index - 1]!.to)) return 'overlap';
  }
  return null;
}

/**
 * "Mo 09:00-12:00,14:00-17:00; Tu 09:00-12:00; PH off": one rule per open day, days with the
 * same periods joined ("Mo,Tu,Th 09:00-12:00"). Null when no day is open (hours unknown).
 */
export function openingHoursOf(week: Week, closedOnHolidays: boolean): string | null {
  const groups = new Map<string, string[]>();
  week.forEach((periods, day) => {
    if (periods.length === 0) return;
    const key = periods.map(({ from, to }) => `${from}-${to}`).join(',');
    groups.set(key, [...(groups.get(key) ?? []), DAY_CODES[day]!]);
  });
  if (groups.size === 0) return null;
  const rules = [...groups].map(([periods, days]) => `${days.join(',')} ${periods}`);
  if (closedOnHolidays) rules.push('PH off');
  return rules.join('; ');
}
