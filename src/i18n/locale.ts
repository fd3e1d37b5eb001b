/**
 * The languages of the site besides French, the source. Each language is one file in
 * ./locales/: its words (the keys of ./fr.ts it translates; a missing key falls back to
 * French, counted by a test), the names and descriptions of the services, and the words
 * people use in that language for each need, so that the search understands them.
 */
import type { fr } from './fr.ts';

type FrKey = keyof typeof fr;
/** Distributes over the keys (a naked type parameter): the bases of French plural keys. */
type BaseOf<K> = K extends `${infer Base}.${'zero' | 'one' | 'other'}` ? Base : never;
type PluralBase = BaseOf<FrKey>;

/** A language's words: any key of the French dictionary, and the plural forms French does not have (Arabic: two, few, many). */
export type LocaleWords = Partial<Record<FrKey | `${PluralBase}.${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`, string>>;

export interface LocaleMeta {
  /** BCP 47 code: en, ar, fa, ps, uk, ru. */
  code: string;
  /** The language's name in itself: "العربية", "English". */
  name: string;
  dir: 'ltr' | 'rtl';
  /** How the words were made. */
  method: 'machine-assisted' | 'human';
  /** Whether a native speaker has reviewed them, and when (ISO date); null until one has. */
  reviewed: string | null;
}

export interface LocaleFile {
  meta: LocaleMeta;
  words: LocaleWords;
  /** Each service of data/services.yaml: its name and description in this language. */
  services: Record<string, { label: string; description: string }>;
  /**
   * Words people type in this language for each need (service id), and for the France
   * Services label (`france-services`): lower case, common forms first, a few misspellings.
   */
  keywords: Record<string, string[]>;
  /** Small words of a sentence that name nothing ("help", "with", "I need"): never make a search fail. */
  fillers?: string[];
  /**
   * Towns as people write them in this language when it is not as in French, by their French name
   * (« Marseille: ['مرسيليا'] », « Marseille: ['Marseilles'] »): the search reads them as the town.
   * A name written as it sounds in Cyrillic needs none (see latinOf()).
   */
  towns?: Record<string, string[]>;
}
