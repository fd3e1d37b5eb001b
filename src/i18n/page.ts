/**
 * The words of the page being built, in its language: French at the root, another language
 * under its folder (/ar/, /en/, /facile/…). A component asks `wordsOf(Astro.url)` for the
 * translator of its page instead of importing the French one, so that the same component
 * renders every language. Each language's translator and client words are made once per build.
 */
import { fr } from './fr.ts';
import type { LocaleMeta } from './locale.ts';
import { FRENCH, intlLocale, localeFile, OTHER_LOCALES } from './locales/index.ts';
import { createTranslator, encodeWords, LOCALE_KEY, pick, type Key, type Translate } from './translate.ts';
import { fillOf } from './french.ts';
import { LOCALE_ROOTS, localeOfPath, localizedPath } from '../lib/routes.ts';

export interface PageWords {
  code: string;
  meta: LocaleMeta;
  /** The `lang` attribute: the easy-to-read French is French. */
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** The words a client script needs, for a `data-i18n` attribute (`encodeWords`). */
  clientWords(...prefixes: string[]): string;
  /** The same words, as a record (for a JSON file). */
  clientRecord(...prefixes: string[]): Record<string, string>;
  label(vocabulary: string, id: string): string;
  /** A page of the site in this language when it has it (LOCALIZED_PATHS), else the French page. */
  href(path: string, search?: string): string;
  /** A service's name and description in this language (French from data/services.yaml otherwise). */
  service(service: { id: string; label: string; description: string }): { label: string; description: string };
}

const made = new Map<string, PageWords>();

export function wordsFor(code: string): PageWords {
  let words = made.get(code);
  if (words) return words;
  const file = localeFile(code);
  const meta = file?.meta ?? FRENCH;
  const dictionary: Record<string, string> = file ? { ...fr, ...(file.words as Record<string, string>) } : fr;
  const t = createTranslator(fr, file?.words ?? {}, intlLocale(meta.code), fillOf(meta.code));
  const encoded = new Map<string, string>();
  const record = (prefixes: string[]) => ({ ...pick(dictionary, prefixes), [LOCALE_KEY]: intlLocale(meta.code) });
  words = {
    code: meta.code,
    meta,
    lang: meta.code === 'fr-falc' ? 'fr' : meta.code,
    dir: meta.dir,
    t,
    clientWords(...prefixes) {
      const key = prefixes.join('\u0000');
      let text = encoded.get(key);
      if (text === undefined) encoded.set(key, (text = encodeWords(record(prefixes))));
      return text;
    },
    clientRecord: (...prefixes) => record(prefixes),
    label: (vocabulary, id) => t(`${vocabulary}.${id}` as Key),
    href: (path, search = '') => localizedPath(path, meta.code, search) ?? `${path}${search}`,
    service: (service) => file?.services[service.id] ?? { label: service.label, description: service.description },
  };
  made.set(code, words);
  return words;
}

/** The words of the page at this address. */
export function wordsOf(url: URL): PageWords {
  return wordsFor(localeOfPath(url.pathname));
}

/** What paper and messages say: a list, cut-out cards, a fiche d'orientation, an SMS (see /mots/<code>.json). */
/**
 * The words every page carries for its header's selection count and « Ajouter à ma sélection »
 * (components/selection/store.ts), and for the offline notice (offline/register.ts): only
 * those, as 80,000 pages carry them (all of `selection.`, `offline.` and `languages.` were
 * 6.4 kB of each page).
 */
export const SELECTION_COUNT_WORDS = ['selection.nav', 'selection.add', 'selection.remove', 'selection.itemAction', 'selection.count', 'selection.full'] as const;
export const NOTICE_WORDS = ['offline.close', 'offline.download', 'offline.later', 'offline.noNetwork', 'offline.ready', 'offline.reload', 'offline.saveData', 'offline.update', 'size.'] as const;

/** The words of a place's card (lib/card.ts), for every page that draws cards in the browser. */
export const CARD_WORDS = [
  'kind.',
  'referral.required',
  'place.referralShort',
  'appointment.required',
  'appointment.walk-in',
  'fee.free',
  'search.card.rawName',
  'search.card.residentsOnly',
  'search.card.inCommune',
  'search.card.approximate',
  'search.card.approximateStreet',
  'search.place.phone',
  'search.place.distance',
  'distance.',
] as const;

export const PAPER_WORDS = [
  ...CARD_WORDS,
  'selection.',
  'share.',
  'print.',
  'sheet.',
  'hours.',
  'weekday.',
  'referral.',
  'appointment.',
  'fee.',
  'wheelchair.',
  'list.',
  'languages.suggest',
  'languages.stay',
] as const;

/** Every language but French, for the pages built once per language (a new list for each route: Astro keeps each route's own). */
export function localePaths() {
  return OTHER_LOCALES.map((file) => ({ params: { lang: LOCALE_ROOTS[file.meta.code]! }, props: { code: file.meta.code } }));
}
