/**
 * The site's languages: French (the source) and the others, each in its own file here. A word
 * a language lacks falls back to French (counted by tests/unit/locales.test.ts), never to a key.
 */
import type { LocaleFile, LocaleMeta } from '../locale.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import { frFalc } from './fr-falc.ts';
import { ps } from './ps.ts';
import { ru } from './ru.ts';
import { uk } from './uk.ts';

export const FRENCH: LocaleMeta = { code: 'fr', name: 'Français', dir: 'ltr', method: 'human', reviewed: null };

/** The other languages, in the order the picker shows them (the easy-to-read French first, then by need: OFPRA 2024). */
export const OTHER_LOCALES: readonly LocaleFile[] = [frFalc, ar, fa, ps, uk, ru, en];

export const LOCALE_CODES: readonly string[] = ['fr', ...OTHER_LOCALES.map((locale) => locale.meta.code)];

export function localeFile(code: string): LocaleFile | undefined {
  return OTHER_LOCALES.find((locale) => locale.meta.code === code);
}

export function localeMeta(code: string): LocaleMeta {
  return localeFile(code)?.meta ?? FRENCH;
}

/**
 * The locale the browser's Intl is given: Latin digits everywhere (phones and times read the
 * same as on French signs) and the Gregorian calendar (not the Persian one for Dari and Pashto).
 */
export function intlLocale(code: string): string {
  switch (code) {
    case 'fr':
    case 'fr-falc':
      return 'fr-FR';
    case 'en':
      return 'en-GB';
    case 'ar':
      return 'ar-u-nu-latn';
    case 'fa':
      return 'fa-AF-u-ca-gregory-nu-latn';
    case 'ps':
      return 'ps-AF-u-ca-gregory-nu-latn';
    default:
      return code;
  }
}
