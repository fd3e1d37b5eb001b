import { fold } from '../text.ts';

/**
 * Text as people type it, made comparable: "Saint-Denis", "st denis", "ST-DENIS" and
 * "saint denis" all become "saint denis"; "L'Haÿ" becomes "l hay". Words in the site's other
 * scripts are kept, made comparable too: Arabic and Persian letters the same whatever the
 * keyboard (ي/ى/ی, ك/ک), without short vowels or the tatweel; Cyrillic without the apostrophe
 * inside a word ("комп’ютер") and ё as е.
 */
export function normalize(text: string): string {
  const folded = fold(text);
  // Most names are plain letters once folded: the other scripts' rules change nothing there.
  if (ASCII.test(folded)) return words(folded.replace(/[^a-z0-9 ]+/g, ' '));
  return words(
    folded
      .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[\u064A\u0649]/g, '\u06CC')
      .replace(/\u0643/g, '\u06A9')
      .replace(/(?<=\p{Script=Cyrillic})[’'ʼ](?=\p{Script=Cyrillic})/gu, '')
      .replace(/[''`´’-]/g, ' ')
      .replace(/[^a-z0-9 \p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Ethiopic}]+/gu, ' '),
  );
}

/** Plain ASCII text (no accent, no other script): the fast path. */
const ASCII = /^[\p{ASCII}]*$/u;

/** "st" and "ste" in full, one space between words. */
function words(text: string): string {
  return text
    .replace(/\b(st)\b/g, 'saint')
    .replace(/\b(ste)\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ') : [];
}
