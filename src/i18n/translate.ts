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

/** How a language puts values into a text: French joins « de » and « à » to names (./french.ts). */
export type Fill = (text: string, valueOf: (name: string) => string | undefined) => string;

const fillPlain: Fill = (text, valueOf) => text.replace(/\{(\w+)\}/g, (whole, name: string) => valueOf(name) ?? whole);

export function createTranslator(base: Readonly<Record<string, string>>, override: Readonly<Record<string, string>> = {}, locale = 'fr', fill: Fill = fillPlain): Translate {
  const plurals = new Intl.PluralRules(locale);
  const lookup = (key: string): string | undefined => override[key] ?? base[key];
  const translate = (key: Key, vars?: Vars): string => {
    let text = lookup(key);
    if (text === undefined && vars && typeof vars.count === 'number') {
      const count = vars.count;
      text = (count === 0 ? lookup(`${key}.zero`) : undefined) ?? lookup(`${key}.${plurals.select(count)}`) ?? lookup(`${key}.other`);
    }
    if (text === undefined) throw new Error(`missing word: ${key}`);
    return vars ? fill(text, (name) => (name in vars ? format(vars[name]!) : undefined)) : text;
  };
  return Object.assign(translate, { locale });
  function format(value: string | number): string {
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  }
}

const picked = new WeakMap<object, Map<string, Record<string, string>>>();

/**
 * The part of the dictionary under some prefixes: what a client script needs, sent in a data
 * attribute. « !key » leaves out that key, « !key. » the keys under it (« !search.when. »:
 * search.when.lundi…). Picked once per dictionary and prefixes: pages ask for the
 * same parts thousands of times a build (it was the build's most expensive function).
 */
export function pick(dictionary: Readonly<Record<string, string>>, prefixes: readonly string[]): Record<string, string> {
  let cache = picked.get(dictionary);
  if (!cache) picked.set(dictionary, (cache = new Map<string, Record<string, string>>()));
  const key = prefixes.join('\u0000');
  let part = cache.get(key);
  if (!part) {
    const left = prefixes.filter((prefix) => prefix.startsWith('!')).map((prefix) => prefix.slice(1));
    const out = (word: string) => left.some((key) => (key.endsWith('.') ? word.startsWith(key) : word === key));
    part = Object.fromEntries(Object.entries(dictionary).filter(([word]) => !out(word) && prefixes.some((prefix) => !prefix.startsWith('!') && word.startsWith(prefix))));
    cache.set(key, part);
  }
  return part;
}

/** The key a page adds to a client script's words: the Intl locale they are written in. */
export const LOCALE_KEY = 'i18n.locale';

/**
 * Words written into a page for its scripts (`data-i18n`): keys and texts one after the other,
 * each ended by a tab (no text holds one; a line break stays as it is). JSON's quotes would each
 * be `&quot;` in an HTML attribute: this way the six pages every device keeps offline are 1 kB
 * (gzip) lighter, and reading them takes one split.
 */
export function encodeWords(words: Readonly<Record<string, string>>): string {
  return Object.entries(words)
    .map(([key, text]) => {
      if (`${key}${text}`.includes('\t')) throw new Error(`The words of ${key} hold a tab: write a space instead (${JSON.stringify(text)})`);
      return `${key}\t${text}\t`;
    })
    .join('');
}

/** The words `encodeWords` wrote. */
export function decodeWords(text: string): Record<string, string> {
  const parts = text.split('\t');
  const words: Record<string, string> = {};
  for (let index = 0; index + 1 < parts.length; index += 2) words[parts[index]!] = parts[index + 1]!;
  return words;
}

/** A client script's translator, from the words its page gave it (`data-i18n`, see encodeWords()), in their language. */
export function clientTranslator(text: string, fill?: Fill): Translate {
  const words = decodeWords(text);
  return createTranslator(words, {}, words[LOCALE_KEY] ?? 'fr', fill);
}
