import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/lib/dataset.ts';
import { buildDirectory, scheduleStartFor } from '../../src/lib/directory.ts';
import { buildSearchFiles } from '../../src/lib/search/build.ts';
import { NO_FILTERS, SearchEngine, type SearchOutcome } from '../../src/lib/search/engine.ts';
import { normalize } from '../../src/lib/search/normalize.ts';
import { compactId, expandId } from '../../src/lib/search/data.ts';

const { dataset, reference } = await loadData({ dataDir: 'tests/fixtures/site', referenceDataDir: 'data', today: '2026-03-01' });
const files = buildSearchFiles(buildDirectory(dataset, reference, scheduleStartFor('2026-03-01')), '2026-03-01');

/** Serves the search files from memory, as the static site would. */
function engine(): SearchEngine {
  return new SearchEngine({
    json: async <T>(path: string): Promise<T> => {
      const [file, query] = path.split('?');
      if (file !== '/recherche/meta.json') expect(query).toBe(`v=${files.meta.version}`);
      const match = /^\/recherche\/(?:(meta)\.json|communes\/(\w+)\.json|codes-postaux\/(\w+)\.json|lieux\/(\w+)\.json)$/.exec(file!);
      if (!match) throw new Error(`unknown file ${path}`);
      const [, single, letter, prefix, departement] = match;
      const value =
        single === 'meta' ? files.meta : letter ? files.communes.get(letter) : prefix ? files.postcodes.get(prefix) : files.shards.get(departement!.toUpperCase());
      if (value === undefined) throw new Error(`404 ${path}`);
      return structuredClone(value) as T;
    },
  });
}

const NOW = new Date('2026-03-03T10:00:00+01:00'); // a Tuesday morning

async function search(q: string, extra: Partial<Parameters<SearchEngine['search']>[0]> = {}): Promise<SearchOutcome> {
  return engine().search({ q, filters: NO_FILTERS, now: NOW, ...extra });
}

function names(outcome: SearchOutcome): string[] {
  return outcome.type === 'results' || outcome.type === 'by-name' ? outcome.results.map((result) => result.name) : [];
}

describe('normalization', () => {
  test.each([
    ['Saint-Denis', 'saint denis'],
    ['st-denis', 'saint denis'],
    ['ST DENIS', 'saint denis'],
    ['Ste-Geneviève', 'sainte genevieve'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['l’Île-Bouchard', 'l ile bouchard'],
    ['  Emmaüs   LILLE ', 'emmaus lille'],
    ['Œuilly', 'oeuilly'],
  ])('%s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });
});

describe('finding places', () => {
  test('a commune lists its places and the nearby ones, nearest first, with distances', async () => {
    const outcome = await search('Lille');
    expect(outcome.type).toBe('results');
    expect(names(outcome)).toEqual(['Relais fictif du Moulin', 'Point fictif de la Colline', 'Atelier fictif du Canal']);
    if (outcome.type !== 'results') return;
    expect(outcome.origin.label).toBe('Lille');
    expect(outcome.results.map((result) => Math.round(result.km!))).toEqual([0, 1, 11]);
  });

  test('a postcode finds its commune', async () => {
    expect(names(await search('59100'))[0]).toBe('Atelier fictif du Canal');
  });

  test('a misspelt commune is understood', async () => {
    const outcome = await search('strasbourgg');
    expect(outcome.type === 'results' && outcome.origin.label).toBe('Strasbourg');
    expect(names(outcome)).toEqual(['Espace fictif des Hirondelles']);
  });

  test('a commune with no help point still gets its nearest ones', async () => {
    const outcome = await search('Roncq');
    expect(outcome.type === 'results' && outcome.origin.label).toBe('Roncq');
    expect(names(outcome)[0]).toBe('Atelier fictif du Canal');
  });

  test.each([
    ['Grigny', ['Grigny (62)', 'Grigny (69)', 'Grigny (91)']],
    ['Saint Denis', ['Saint-Denis (11)', 'Saint-Denis (30)', 'Saint-Denis (93)', 'Saint-Denis (974)']],
    ['st-denis', ['Saint-Denis (11)', 'Saint-Denis (30)', 'Saint-Denis (93)', 'Saint-Denis (974)']],
  ])('an ambiguous name (%s) offers the choice, with the département', async (q, expected) => {
    const outcome = await search(q);
    expect(outcome.type).toBe('choose');
    if (outcome.type !== 'choose') return;
    expect(outcome.communes.map((commune) => `${commune.name} (${commune.departement})`).sort()).toEqual(expected);
  });

  test('the chosen homonym gives results around it', async () => {
    const outcome = await search('Grigny', { commune: '91286' });
    expect(outcome.type === 'results' && outcome.origin.commune?.insee).toBe('91286');
  });

  test('a name and a commune: the place, near that commune', async () => {
    expect(names(await search('colline lille'))).toEqual(['Point fictif de la Colline']);
    expect(names(await search('fictif hirondelles'))).toEqual(['Espace fictif des Hirondelles']);
  });

  test('a need without a place asks where, and remembers the need', async () => {
    expect(await search('recharge téléphone')).toEqual({ type: 'need-location', serviceIds: ['recharges-solidaires'] });
  });

  test('a need and a commune: the places that meet it', async () => {
    const outcome = await search('recharge téléphone strasbourg');
    expect(names(outcome)).toEqual(['Espace fictif des Hirondelles']);
    expect(outcome.type === 'results' && outcome.serviceIds).toEqual(['recharges-solidaires']);
  });

  test('around a position from the device', async () => {
    const outcome = await search('', { near: { lat: 50.69, lon: 3.17 } });
    expect(names(outcome)[0]).toBe('Atelier fictif du Canal');
  });

  test('an unknown word says so', async () => {
    expect(await search('zzqqxx')).toEqual({ type: 'none', query: 'zzqqxx' });
  });
});

describe('filters', () => {
  test.each([
    ['free', { free: true }, ['Point fictif de la Colline']],
    ['no referral', { noReferral: true }, ['Point fictif de la Colline']],
    ['walk-in', { walkIn: true }, ['Point fictif de la Colline']],
    ['open on Saturday', { saturday: true }, ['Point fictif de la Colline']],
    ['open now (a Tuesday at 10:00)', { openNow: true }, ['Point fictif de la Colline']],
    ['Emmaüs Connect network', { emmaus: true }, ['Relais fictif du Moulin']],
    ['a need', { services: ['usage-quotidien'] }, ['Point fictif de la Colline']],
    ['a language', { language: 'ar' }, []],
  ])('%s', async (_, filters, expected) => {
    expect(names(await search('Lille', { filters: { ...NO_FILTERS, ...filters } }))).toEqual(expected);
  });

  test('results carry today’s hours, the status and the phone', async () => {
    const outcome = await search('Lille');
    const colline = outcome.type === 'results' ? outcome.results.find((result) => result.name === 'Point fictif de la Colline')! : undefined;
    expect(colline?.status).toEqual({ state: 'open', label: 'Ouvert maintenant · ferme à 18\u00a0h' });
    expect(colline?.today).toBe('Aujourd’hui : 10\u00a0h à 18\u00a0h');
    expect(colline?.dial).toBe('+33300000000');
  });
});

describe('compact ids', () => {
  test.each([
    ['espace-fictif-du-belvedere-0wnxhby', 'Espace fictif du Belvédère', '~0wnxhby'],
    ['emmaus-connect-lille', 'Emmaüs Connect Lille', 'emmaus-connect-lille'],
    ['lieu-a2', 'Lieu', '~a2'],
  ])('%s ↔ %s', (id, name, compact) => {
    expect(compactId(id, name)).toBe(compact);
    expect(expandId(compactId(id, name), name)).toBe(id);
  });
});
