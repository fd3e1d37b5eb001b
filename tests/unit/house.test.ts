/** The shape of the house: words live in the dictionary, every vocabulary value has its words. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fr } from '../../src/i18n/fr.ts';
import { clientWords, label, t } from '../../src/i18n/index.ts';
import { createTranslator, decodeWords, encodeWords, pick } from '../../src/i18n/translate.ts';
import { SERVER_ONLY_SEARCH_WORDS } from '../../src/components/search/server-words.ts';
import { KINDS } from '../../src/lib/kinds.ts';
import * as vocab from '../../src/lib/vocab.ts';
import { parseYaml } from '../../src/lib/dataset.ts';
import { labelsFileSchema } from '../../src/lib/schemas/label.ts';

describe('the translator', () => {
  test.each([
    [0, 'aucun lieu'],
    [1, '1 lieu'],
    [2, '2 lieux'],
    [8461, '8\u00a0461 lieux'],
  ])('counts %i place(s) as « %s »', (count, text) => {
    expect(t('count.places', { count })).toBe(text);
  });

  test('fills every placeholder and leaves unknown ones as they are', () => {
    expect(t('place.title', { name: 'Lieu fictif', commune: 'Lille' })).toBe('Lieu fictif (Lille)');
    expect(t('place.title', { name: 'Lieu fictif' })).toBe('Lieu fictif ({commune})');
  });

  test('French joins « de » and « à » to a name: d’Évry, du Havre, aux Mureaux; other languages as written', () => {
    expect(t('search.around', { origin: 'Évry-Courcouronnes' })).toBe(' autour d’Évry-Courcouronnes');
    expect(t('commune.heading', { name: 'Le Havre' })).toBe('Aide au numérique au Havre');
    expect(t('commune.asTheCrowFlies', { name: 'Les Mureaux' })).toBe('Distance à vol d’oiseau depuis le centre des Mureaux.');
    expect(t('commune.heading', { name: 'La Rochelle' })).toBe('Aide au numérique à La Rochelle');
    expect(t('commune.asTheCrowFlies', { name: 'Lille' })).toBe('Distance à vol d’oiseau depuis le centre de Lille.');
    expect(t('poster.lead', { name: 'Le Havre' })).toMatch(/^Au Havre, /);
    const en = createTranslator(fr, { 'x.de': 'de {name}' }, 'en');
    expect(en('x.de' as Parameters<typeof en>[0], { name: 'Évry' })).toBe('de Évry');
  });

  test('falls back to French for a word another locale lacks', () => {
    const en = createTranslator(fr, { 'site.skip': 'Skip to content' }, 'en');
    expect(en('site.skip')).toBe('Skip to content');
    expect(en('site.nav.home')).toBe('Accueil');
    expect(en('count.places', { count: 1234 })).toBe('1,234 lieux');
  });

  test('refuses a word that does not exist, rather than showing a key', () => {
    expect(() => createTranslator({})('site.skip')).toThrow('missing word: site.skip');
  });

  test('leaves out the words a page shows only in its HTML, and no script asks for them', () => {
    const part = pick(fr, ['search.', ...SERVER_ONLY_SEARCH_WORDS.map((key) => `!${key}`)]);
    expect(part['search.sure.zero']).toBe(fr['search.sure.zero']);
    expect(Object.keys(part).filter((key) => SERVER_ONLY_SEARCH_WORDS.some((left) => (left.endsWith('.') ? key.startsWith(left) : key === left)))).toEqual([]);
    expect(Object.keys(part)).not.toContain('search.when.lundi');
    // A key left out does not take the keys under it: the cards say « search.day.open ».
    expect(part['search.day.open']).toBe(fr['search.day.open']);
    // The scripts (TypeScript modules, and <script> in components) never name them.
    const scripts = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(ts|astro)$/.test(path) && !path.startsWith('i18n') && !path.endsWith('server-words.ts'))
      .map((path) => {
        const text = readFileSync(join('src', path), 'utf8');
        return path.endsWith('.astro') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n') : text;
      })
      .join('\n');
    for (const key of SERVER_ONLY_SEARCH_WORDS) {
      const written = key.replaceAll('.', '\\.');
      expect(scripts).not.toMatch(new RegExp(key.endsWith('.') ? `['"\`]${written}` : `['"\`]${written}(['"\`]|\\.\\$\\{)`));
    }
  });

  test('gives a client script only the words it asks for', () => {
    expect(Object.keys(pick(fr, ['weekday.'])).sort()).toEqual(['weekday.fr', 'weekday.mo', 'weekday.sa', 'weekday.su', 'weekday.th', 'weekday.tu', 'weekday.we']);
    expect(decodeWords(clientWords('hours.todayMarker'))).toEqual({ 'hours.todayMarker': ' (aujourd’hui)' });
  });

  test('writes a script’s words without quotes, and reads back every dictionary text as it was', () => {
    // The whole French dictionary: line breaks (the e-mails), a backslash, quotes, « », braces.
    const hard = { 'a.lines': 'Bonjour,\n\nLigne \\n pas un saut', 'a.quote': 'Dit "oui" & l’a écrit <ici>', 'a.empty': '', 'a.end': 'fin\\' };
    for (const words of [fr as Record<string, string>, hard]) expect(decodeWords(encodeWords(words))).toEqual(words);
    // An HTML attribute needs &quot; only for a quote in a text, not around every key and text.
    expect(encodeWords({ 'b.c': 'd', 'b.e': 'f' })).toBe('b.c\td\tb.e\tf\t');
    // A tab would cut the words: the build stops and says which.
    expect(() => encodeWords({ 'b.c': 'une\ttabulation' })).toThrow(/b\.c hold a tab/);
  });
});

describe('every value of a vocabulary has its words', () => {
  test('every label of data/labels.yaml', () => {
    const { labels } = labelsFileSchema.parse(parseYaml(readFileSync('data/labels.yaml', 'utf8'), 'data/labels.yaml').data);
    expect(labels.map((item) => item.id)).toEqual(['emmaus-connect', 'france-services', 'relais-emmaus-connect']);
    for (const item of labels) expect(t(`labelOffer.${item.id}` as never)).toMatch(/à confirmer avec le lieu$/);
    // A network's contact is the network's, for its places without their own: the relays' network has no offer of its own.
    expect(labels.filter((item) => item.contact).map((item) => item.id)).toEqual(['emmaus-connect', 'relais-emmaus-connect']);
  });

  test.each([
    ['kind', vocab.KIND_IDS],
    ['kindShort', vocab.KIND_IDS],
    ['programme', vocab.PROGRAMME_IDS],
    ['public', vocab.PUBLIC_IDS],
    ['support', vocab.SUPPORT_IDS],
    ['fee', vocab.FEE_IDS],
    ['referral', vocab.REFERRAL_IDS],
    ['appointment', vocab.APPOINTMENT_IDS],
    ['wheelchair', vocab.WHEELCHAIR_IDS],
    ['language', vocab.LANGUAGE_IDS],
    ['commitmentStatus', vocab.COMMITMENT_STATUS_IDS],
    ['factGroup', vocab.FACT_GROUP_IDS],
    ['shape', Object.values(KINDS).map((kind) => kind.shape)],
  ] as const)('%s', (name, ids) => {
    for (const id of ids) expect(label(name, id)).not.toBe('');
  });
});

/**
 * A line of src/ "holds French text" when one of its strings (or an Astro template's text)
 * has a French accent or typographic sign, or a French small word before another word.
 */
function frenchLines(root: string): string[] {
  const accent = /[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊÎÔÛŒ’«»]/;
  const phrase = /(?:^|\s)(?:le|la|les|des|du|de|un|une|est|pour|avec|vous|votre|dans|sur|pas|et|ou|au|aux|qui|que|ce|cette|il|elle|nous|ne)\s+\w/i;
  const strings = /'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\])*)`/g;
  const found: string[] = [];
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.(ts|tsx|astro|js|mjs)$/.test(entry.name));
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    if (path.startsWith(join(root, 'i18n')) || path.startsWith(join(root, 'content'))) continue;
    let fences = 0;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((raw) => {
        const line = raw.trim();
        if (path.endsWith('.astro') && line === '---') fences++;
        if (/^(\/\/|\*|\/\*|\{\/\*)/.test(line)) return;
        const segments = [...line.matchAll(strings)].map((match) => match.slice(1).join(''));
        if (path.endsWith('.astro') && fences >= 2) {
          segments.push(...[...line.matchAll(/>([^<>{}]+)</g)].map((match) => match[1]!));
          if (!/^[<{})]/.test(line)) segments.push(line);
        }
        if (segments.some((segment) => accent.test(segment) || phrase.test(segment))) found.push(`${path}: ${line}`);
      });
  }
  return found;
}

describe('words live in the dictionary', () => {
  const lines = frenchLines('src');

  test('fewer than 40 lines of src/ hold French text outside the dictionary and the content files', () => {
    expect(lines.length).toBeLessThan(40);
  });

  test('those few are the national standard’s own values and the reading of French text (imported data, typed queries)', () => {
    const files = [...new Set(lines.map((line) => line.split(':')[0]))].sort();
    expect(files).toEqual([
      'src/lib/interop/importRun.ts',
      'src/lib/interop/standard.ts',
      'src/lib/interop/toPlace.ts',
      'src/lib/map/config.ts',
      'src/lib/search/audience.ts',
      'src/lib/search/query.ts',
    ]);
  });

  test('finds French where there is some', () => {
    expect(frenchLines('tests/fixtures/french-lines').sort()).toEqual([
      'tests/fixtures/french-lines/page.astro: <p>Bonjour, vous êtes ici.</p>',
      "tests/fixtures/french-lines/script.ts: export const message = 'Le lieu est fermé';",
    ]);
  });
});
