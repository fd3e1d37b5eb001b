/**
 * The translation system: one typed French dictionary (./fr.ts), read through `t()`.
 * Another locale gives a partial dictionary; a missing word falls back to French.
 * Plurals: a key `x` may exist as `x.zero`, `x.one` and `x.other`, chosen by `{count}`.
 * Numbers are written the locale's way ("8 461").
 */
import type { fr } from './fr.ts';

export type Dictionary = typeof fr;
type PluralForm = 'zero' | 'one' | 'other';
type Plural<K> = K extends `${infer Base}.${PluralForm}` ? Base : never;
/** A key of the dictionary, or the base of a plural key. */
export type Key = keyof Dictionary | Plural<keyof Dictionary>;
export type Vars = Record<string, string | number>;
/** Looks up a word; `locale` is the Intl locale its numbers, plurals and dates are written in. */
export type Translate = ((key: Key, vars?: Vars) => string) & { readonly locale: string };

/** One formatter per locale: making one costs about 50 µs, and a build writes numbers a few hundred thousand times (it was 15 % of the build). */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the words write it in this Intl locale ("8 461"): a map bubble shows the same text its name starts with. */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value).replace(/\u202f/g, '\u00a0');
}

/** A word before a name, as French writes it: « de Évry » is « d’Évry », « à Le Havre » « au Havre ». */
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
export function joinFrench(text: string, value: string): string {
  const before = BEFORE_NAME.exec(text);
  return before ? text.slice(0, before.index) + frenchJoin(before[1] as 'de' | 'à', value) : text + value;
}

export function createTranslator(base: Readonly<Record<string, string>>, override: Readonly<Record<string, string>> = {}, locale = 'fr'): Translate {
  const plurals = new Intl.PluralRules(locale);
  const french = locale.startsWith('fr');
  const lookup = (key: string): string | undefined => override[key] ?? base[key];
  const translate = (key: Key, vars?: Vars): string => {
    let text = lookup(key);
    if (text === undefined && vars && typeof vars.count === 'number') {
      const count = vars.count;
      text = (count === 0 ? lookup(`${key}.zero`) : undefined) ?? lookup(`${key}.${plurals.select(count)}`) ?? lookup(`${key}.other`);
    }
    if (text === undefined) throw new Error(`missing word: ${key}`);
    if (!vars) return text;
    if (!french) return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? format(vars[name]!) : whole));
    // French joins « de » and « à » to the name after them: « autour d’Évry », « au Havre ».
    let out = '';
    let last = 0;
    for (const match of text.matchAll(/\{(\w+)\}/g)) {
      const name = match[1]!;
      const value = name in vars ? format(vars[name]!) : match[0];
      out = joinFrench(out + text.slice(last, match.index), value);
      last = match.index + match[0].length;
    }
    return out + text.slice(last);
  };
  return Object.assign(translate, { locale });
  function format(value: string | number): string {
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  }
}

const picked = new WeakMap<object, Map<string, Record<string, string>>>();

/**
 * The part of the dictionary under some prefixes: what a client script needs, sent in a data
 * attribute. Picked once per dictionary and prefixes: pages ask for the same parts thousands
 * of times a build (it was the build's most expensive function).
 */
export function pick(dictionary: Readonly<Record<string, string>>, prefixes: readonly string[]): Record<string, string> {
  let cache = picked.get(dictionary);
  if (!cache) picked.set(dictionary, (cache = new Map<string, Record<string, string>>()));
  const key = prefixes.join('\u0000');
  let part = cache.get(key);
  if (!part) {
    part = Object.fromEntries(Object.entries(dictionary).filter(([word]) => prefixes.some((prefix) => word.startsWith(prefix))));
    cache.set(key, part);
  }
  return part;
}

/** The key a page adds to a client script's words: the Intl locale they are written in. */
export const LOCALE_KEY = 'i18n.locale';

/** A client script's translator, from the words its page gave it (`data-i18n`), in their language. */
export function clientTranslator(json: string): Translate {
  const words = JSON.parse(json) as Record<string, string>;
  return createTranslator(words, {}, words[LOCALE_KEY] ?? 'fr');
}
