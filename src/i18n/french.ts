/**
 * French joins « de » and « à » to the name after them (elision and contraction): « autour
 * d’Évry », « au Havre », « des Mureaux ». Given to the translators that write names into French
 * text (the build's, and the search panel's for « autour de … »); the other pages' scripts do
 * without it (their JavaScript budgets).
 */
import type { Fill } from './translate.ts';

/** A word before a name, at the end of a text: « de » or « à » (« De », « À » starting a sentence), then a space. */
const BEFORE_NAME = /(?<!\p{L})(de|De|à|À) $/u;
const VOWEL = /^[aeiouyâêîôûéèëïüœ]/iu;
const JOINED: Record<string, Record<'Le' | 'Les', string>> = { de: { Le: 'du', Les: 'des' }, à: { Le: 'au', Les: 'aux' } };

/**
 * « de » or « à » and the words after it, joined as French writes them (elision and contraction):
 * d’Évry, du Havre, des Mureaux, au Havre, aux Mureaux; « À Le Havre » starting a sentence is
 * « Au Havre ». Anything else is left as it is.
 */
export function frenchJoin(before: string, value: string): string {
  const word = before.toLowerCase();
  const capital = (text: string) => (before === word ? text : text.charAt(0).toUpperCase() + text.slice(1));
  const article = /^(Les?) (.*)$/su.exec(value);
  if (article) return `${capital(JOINED[word]![article[1] as 'Le' | 'Les'])} ${article[2]}`;
  return word === 'de' && VOWEL.test(value) ? `${capital('d’')}${value}` : `${before} ${value}`;
}

/** A text, cut before the « de » or « à » and space it ends with, and that word (null when it ends otherwise). */
export function splitBefore(text: string): [head: string, before: string | null] {
  // Only the end is read (a page's template is 20 kB).
  const tail = text.slice(-4);
  const found = BEFORE_NAME.exec(tail);
  return found ? [text.slice(0, text.length - tail.length + found.index), found[1]!] : [text, null];
}

/** The values put into a French text, each joined to the « de » or « à » before it (see createTranslator()). */
export const fillFrench: Fill = (text, valueOf) => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const [head, before] = splitBefore(text.slice(last, match.index));
    const value = valueOf(match[1]!) ?? match[0];
    out += head + (before ? frenchJoin(before, value) : value);
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
};

/** The fill of a language's translators: French joins names, the others put values as they are. */
export function fillOf(locale: string): Fill | undefined {
  return locale.startsWith('fr') ? fillFrench : undefined;
}
