/**
 * A place's opening hours as the browser needs them: small, precomputed at build time with
 * the `opening_hours` library, evaluated with a few lines of code and no library on the phone.
 *
 * Times are minutes after local midnight, in the place's own time zone (wall-clock time), so
 * daylight-saving changes need no special case: "9 h 15" stays 555 all year.
 */
export interface Schedule {
  /** IANA time zone of the place (Europe/Paris in metropolitan France). */
  tz: string;
  /** Usual week, Monday first: for each day, [start, end, start, end, …] in minutes. */
  week: number[][];
  /** Dates (YYYY-MM-DD) whose slots differ from the usual week: public holidays, closures, exceptions. */
  days: Record<string, number[]>;
  /** First and last date (YYYY-MM-DD) that `days` covers; outside, the status is not computed. */
  from: string;
  until: string;
  /** True when public holidays are closed because the hours do not mention them (PH). */
  holidaysClosedByDefault: boolean;
}

/** Monday first, as in Schedule.week. */
export const WEEKDAY_IDS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
