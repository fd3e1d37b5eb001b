/**
 * Text of one direction inside words of the other. Its own module: the pages that never write
 * French data in another language's words (a commune's, a département's) do not carry it.
 */
import type { Translate } from './translate.ts';

/** Intl locales written right to left: Arabic, Dari, Pashto. */
const RIGHT_TO_LEFT = /^(ar|fa|ps)(-|$)/;

/**
 * French data written left to right (an address, a phone number) inside words written right to
 * left, kept in its own order: Unicode's isolates (LRI … PDI). Without them an Arabic page showed
 * « 57 57 81 20 03 » for 03 20 81 57 57 and « Roubaix9 Rue Pellart, ». Unchanged in other languages.
 */
export function leftToRight(t: Pick<Translate, 'locale'>, text: string): string {
  return text && RIGHT_TO_LEFT.test(t.locale) ? `\u2066${text}\u2069` : text;
}

/**
 * A phone number inside words written right to left: kept in its order, and on one line (cut at
 * a line's end, an Arabic button showed « 57 » alone below the rest of 03 20 81 57 57).
 */
export function phoneLeftToRight(t: Pick<Translate, 'locale'>, display: string): string {
  return RIGHT_TO_LEFT.test(t.locale) ? wholePhone(t, display) : display;
}

/**
 * A phone number in a button's words (« Appeler le 03 20 81 57 57 »): the words may go to a
 * second line on a narrow screen, the number never (a 320-pixel screen scrolled sideways when the
 * whole button was kept on one line).
 */
export function wholePhone(t: Pick<Translate, 'locale'>, display: string): string {
  return leftToRight(t, display.replaceAll(' ', '\u00a0'));
}
