/**
 * French joins « de » and « à » to the name after them (elision and contraction): « autour
 * d’Évry », « au Havre », « des Mureaux ». Given to the translators that write names into French
 * text (the build's, and the search panel's for « autour de … »); the other pages' scripts do
 * without it (their JavaScript budgets).
 */
import type { Join } from './translate.ts';

/** A word before a name: « de » or « à », then a space. */
const BEFORE_NAME = /(?<!\p{L})(de|à) $/u;
const VOWEL = /^[aeiouyâêîôûéèëïüœ]/iu;

/**
 * « de » or « à » and the words after it, joined as French writes them (elision and contraction):
 * d’Évry, du Havre, des Mureaux, au Havre, aux Mureaux. Anything else is left as it is.
 */
export function frenchJoin(before: 'de' | 'à', value: string): string {
  const article = /^(Les?) (.*)$/su.exec(value);
  if (article) return `${{ de: { Le: 'du', Les: 'des' }, à: { Le: 'au', Les: 'aux' } }[before][article[1] as 'Le' | 'Les']} ${article[2]}`;
  return before === 'de' && VOWEL.test(value) ? `d’${value}` : `${before} ${value}`;
}

/** Text that ends with « de » or « à » and a space, joined to what follows as French writes it (see frenchJoin()). */
export const joinFrench: Join = (text, value) => {
  const before = BEFORE_NAME.exec(text);
  return before ? text.slice(0, before.index) + frenchJoin(before[1] as 'de' | 'à', value) : text + value;
};
