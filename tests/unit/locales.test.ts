/**
 * The site's languages: every word another language gives exists in French with the same
 * placeholders, a missing word falls back to French (counted here, never shown as a key), and
 * each language is honest about how it was made.
 */
import { describe, expect, test } from 'vitest';
import { fr } from '../../src/i18n/fr.ts';
import { FRENCH, intlLocale, OTHER_LOCALES } from '../../src/i18n/locales/index.ts';
import { wordsFor } from '../../src/i18n/page.ts';
import { dateName, formatTime, weekSummary } from '../../src/i18n/hours.ts';
import { frenchPath, localeOfPath, localizedPath, placeUrlIn } from '../../src/lib/routes.ts';
import { normalize } from '../../src/lib/search/normalize.ts';
import { siteLanguage } from '../../src/i18n/locales/match.ts';
import { fixtures } from './world.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** The prefixes a person meets (the rest is for the people who edit the data, in French). */
const MAINTAINER = [
  'editor.',
  'import.',
  'field.',
  'schema.',
  'changes.',
  'refresh.',
  'config.',
  'correction.',
  'charterForm.',
  'area.',
  'checkItem.',
  'widget.',
  'poster.',
  'charter.',
  'updates.',
  'data.',
  'commitmentStatus.',
];
const baseOf = (key: string) => key.replace(/\.(zero|one|two|few|many|other)$/, '');

describe.each(OTHER_LOCALES.map((file) => [file.meta.code, file] as const))('%s', (code, file) => {
  const words = file.words as Record<string, string>;

  test('gives only words French has, with the same placeholders', () => {
    for (const [key, value] of Object.entries(words)) {
      const french = (fr as Record<string, string>)[key] ?? (fr as Record<string, string>)[`${baseOf(key)}.other`];
      expect(french, `${code}: ${key} is not a French key`).toBeDefined();
      // A plural form may leave out or add {count}: languages count differently (Arabic "مكانان", Russian "21 месте").
      const plural = /\.(zero|one|two|few|many|other)$/.test(key);
      const names = (text: string) => placeholders(text).filter((name) => !(plural && name === 'count'));
      expect(names(value), `${code}: ${key}`).toEqual(names(french!));
    }
  });

  test('counts the words of the interface that fall back to French', () => {
    const people = Object.keys(fr).filter((key) => !MAINTAINER.some((prefix) => key.startsWith(prefix)));
    const missing = people.filter((key) => !(key in words) && !Object.keys(words).some((own) => baseOf(own) === baseOf(key) && baseOf(key) !== key));
    console.info(
      `${code}: ${missing.length} of ${people.length} words of the interface fall back to French${missing.length > 0 ? `: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? '…' : ''}` : ''}`,
    );
    // The easy-to-read French rewrites the main journeys only (tests/unit/falc.test.ts checks those are whole).
    expect(missing.length).toBeLessThanOrEqual(code === 'fr-falc' ? people.length : 0);
  });

  test('never shows a key: every word of the interface reads as text', () => {
    const { t } = wordsFor(code);
    for (const key of Object.keys(fr)) expect(() => t(key as never, { count: 2 })).not.toThrow();
  });

  test('names each of the 14 services and says honestly how it was made', () => {
    if (code !== 'fr-falc') expect(Object.keys(file.keywords).sort()).toEqual(expect.arrayContaining(['aide-demarches', 'france-services', 'recharges-solidaires']));
    expect(Object.keys(file.services)).toHaveLength(14);
    expect(file.meta.reviewed).toBeNull();
    expect(file.meta.method).toBe(code === 'fr-falc' ? 'human' : 'machine-assisted');
  });
});

describe('times, dates and numbers in each language', () => {
  test.each([
    ['fr', '9\u00a0h\u00a030', 'le samedi 7 mars'],
    ['en', '9:30', 'Saturday 7 March'],
    ['uk', '9:30', '7 березня'],
    ['ru', '9:30', '7 марта'],
  ])('%s: a time « %s », a date holding « %s » (the genitive month where the language has one)', (code, time, date) => {
    const { t } = wordsFor(code);
    expect(formatTime(t, 570)).toBe(time);
    expect(dateName(t, '2026-03-07')).toContain(date);
  });

  test.each([
    ['fr', ' ; '],
    ['en', '; '],
    ['uk', '; '],
    ['ar', '؛ '],
  ])('%s: the days of a week on one line are parted as the language does (« %s »)', (code, separator) => {
    const { t } = wordsFor(code);
    const open = [540, 720];
    const summary = weekSummary(t, [open, open, [], [], [], open, []], true);
    expect(summary.split(separator).length).toBeGreaterThan(1);
    if (code !== 'fr') expect(summary).not.toContain(' ; ');
  });

  test.each(['ar', 'fa', 'ps'])('%s: Latin digits and the Gregorian calendar', (code) => {
    const { t } = wordsFor(code);
    expect(dateName(t, '2026-03-07')).toMatch(/7/);
    expect(dateName(t, '2026-03-07')).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    expect(t('count.places', { count: 1234 })).toMatch(/1.?234/);
    expect(new Intl.DateTimeFormat(intlLocale(code), { month: 'long' }).resolvedOptions().calendar).toBe('gregory');
  });
});

describe('a language’s pages', () => {
  test.each([
    ['/ar/recherche/', 'ar', '/recherche/'],
    ['/facile/orienter/', 'fr-falc', '/orienter/'],
    ['/arcachon/', 'fr', '/arcachon/'],
    ['/departements/07-ardeche/', 'fr', '/departements/07-ardeche/'],
  ])('%s is in %s, the translation of %s', (path, code, french) => {
    expect(localeOfPath(path)).toBe(code);
    expect(frenchPath(path)).toBe(french);
  });

  test('the same page in another language, only when that language has it', () => {
    expect(localizedPath('/recherche/', 'ar', '?q=lille')).toBe('/ar/recherche/?q=lille');
    expect(localizedPath('/ar/recherche/', 'uk')).toBe('/uk/recherche/');
    expect(localizedPath('/communes/59350-lille/', 'ar')).toBeNull();
    expect(placeUrlIn('en', { id: 'lieu-fictif', insee: '59350' })).toBe('/en/lieu/?lieu=59.lieu-fictif');
    expect(localizedPath('/en/lieu/', 'fr', '?lieu=59.lieu-fictif')).toBe('/lieux/lieu-fictif/');
  });

  test('a browser language suggests one of the site’s languages (Dari by its own codes too)', () => {
    const offered = OTHER_LOCALES.map((file) => file.meta.code);
    expect(siteLanguage('fa-AF', offered)).toBe('fa');
    expect(siteLanguage('prs', offered)).toBe('fa');
    expect(siteLanguage('ar-MA', offered)).toBe('ar');
    expect(siteLanguage('de-DE', offered)).toBeNull();
    expect(FRENCH.code).toBe('fr');
  });
});

describe('search words in every script', () => {
  test.each([
    ['تعبئة رصيد', 'تَعْبِئَة رصيد'],
    ['كمبيوتر', 'کمپیوتر'.replace('پ', 'ب')],
    ['комп’ютер', 'компютер'],
    ['Налоги', 'налоги'],
    ['Saint-Denis', 'st denis'],
  ])('« %s » and « %s » read the same', (a, b) => {
    expect(normalize(a)).toBe(normalize(b));
    expect(normalize(a)).not.toBe('');
  });
});

describe('towns as people write them in other languages', () => {
  // The whole of France's communes (the search tests know only a few départements).
  const communes = new Set([...fixtures.reference.communes.values()].map((commune) => normalize(commune.name)));
  const needs = new Set(OTHER_LOCALES.flatMap((file) => [...Object.values(file.keywords).flat(), ...(file.fillers ?? [])]).map(normalize));

  test.each(OTHER_LOCALES.filter((file) => file.towns).map((file) => [file.meta.code, file] as const))('%s: each name leads to a commune of France, and is no need nor small word', (code, file) => {
    for (const [french, names] of Object.entries(file.towns!)) {
      expect(communes.has(normalize(french)), `${code}: ${french} is no commune`).toBe(true);
      for (const name of names) expect(needs.has(normalize(name)), `${code}: « ${name} » is also a need's word or a small word`).toBe(false);
    }
  });
});
