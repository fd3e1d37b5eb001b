/** Dates and distances as people read them, through the dictionary. */
import type { Translate } from '../i18n/translate.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * A day in words: "22 juin 2023". Always in the calendar of France, the one of appointments and of
 * the papers on a place's door: Persian and Pashto otherwise give the Solar Hijri date (« Azar 13
 * 1405 » on a printed list in Pashto).
 */
export const DATE_IN_WORDS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory' };

/** "22 juin 2023" from "2023-06-22" ("1er" for the first of the month, in French). */
export function formatDate(iso: string, locale = 'fr'): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_IN_WORDS);
    dateFormats.set(locale, format);
  }
  const text = format.format(new Date(`${iso}T00:00:00Z`));
  return locale.startsWith('fr') ? text.replace(/^1 /, '1er ') : text;
}

/** « Напечатано 4 декабря 2026 г.. »: a sentence whose last word already ends with a full stop keeps one. */
export function oneFullStop(sentence: string): string {
  return sentence.replace(/\.\.$/, '.');
}

/** Distances already written, by translator: a build writes a million of them, of a few hundred values. */
const distances = new WeakMap<Translate, Map<number, string>>();

/** "3,2 km", "800 m" (never under 100 m: points are not that precise). */
export function formatDistance(t: Translate, km: number): string {
  // Metres as negative keys, kilometres as positive ones. 0.96 km rounds to a kilometre: « 1 km », not « 1 000 m ».
  const tenths = Math.round(km * 10);
  const key = tenths < 10 ? -Math.max(100, tenths * 100) : km < 10 ? tenths / 10 : Math.round(km);
  let written = distances.get(t);
  if (!written) distances.set(t, (written = new Map<number, string>()));
  let text = written.get(key);
  if (text === undefined) {
    text = key < 0 ? t('distance.m', { n: -key }) : t('distance.km', { n: key });
    written.set(key, text);
  }
  return text;
}

/** "a, b et c". */
export function formatList(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(t('list.comma'))}${t('list.and')}${items.at(-1)}`;
}

/** "1,5 Mo", "800 ko": the size of a download, as a phone's settings say it. */
export function formatBytes(t: Translate, bytes: number, locale = 'fr'): string {
  if (bytes >= 1e6) return t('size.mb', { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1e6) });
  return t('size.kb', { n: Math.max(1, Math.round(bytes / 1e3)) });
}
