/**
 * The budgets of bench/budgets.ts, checked on every `npm test`: each page type's JavaScript
 * loaded at once, a non-French search against the French one, "open now" on a place's page,
 * and the offline download on the real data. Measured by bench/weights.ts, the code the
 * benchmark uses.
 */
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadData } from '../../src/lib/dataset.ts';
import { buildDirectory, scheduleStartFor } from '../../src/lib/directory.ts';
import { buildSearchFiles } from '../../src/lib/search/build.ts';
import { LOCALE_ROOTS } from '../../src/lib/routes.ts';
import { otherLanguagesWords, writtenSearchFiles } from '../../src/site/search-files.ts';
import { precacheFiles, precacheGroup } from '../../integrations/offline.ts';
import { measurePage, pageScript, staticClosure, weightPages } from '../../bench/weights.ts';
import { OFFLINE_DOWNLOAD_KB, OPEN_NOW_KB, OTHER_LANGUAGE_SEARCH_EXTRA_KB, PAGE_JS_BUDGETS_KB } from '../../bench/budgets.ts';
import { expect, SERVED, test } from './fixtures.ts';

/** The site the tests run on (playwright.config.ts builds it there). */
const SITE_DIR = 'dist-test';

const pages = weightPages(SITE_DIR);

test('every page type weighed has a budget, and every budget a page', () => {
  expect(Object.keys(pages).sort()).toEqual(Object.keys(PAGE_JS_BUDGETS_KB).sort());
});

for (const [name, path] of Object.entries(pages)) {
  test(`${name} (${path}): JavaScript at once within its budget`, async ({ browser }) => {
    const weight = await measurePage(browser, `${SERVED}${path}`);
    expect(weight.jsGzipKB, `scripts (KB gzip): ${JSON.stringify(weight.scripts)}`).toBeLessThanOrEqual(PAGE_JS_BUDGETS_KB[name]!);
  });
}

test(`a search in another language needs at most ${OTHER_LANGUAGE_SEARCH_EXTRA_KB} KB more JavaScript than in French`, async ({ browser }) => {
  const french = await measurePage(browser, `${SERVED}/recherche/?q=Lille`);
  for (const root of Object.values(LOCALE_ROOTS)) {
    const other = await measurePage(browser, `${SERVED}/${root}/recherche/?q=Lille`);
    expect(other.jsGzipKB - french.jsGzipKB, `/${root}/recherche/: ${other.jsGzipKB} KB, French ${french.jsGzipKB} KB`).toBeLessThanOrEqual(OTHER_LANGUAGE_SEARCH_EXTRA_KB);
  }
});

test(`"open now" on a place's page costs at most ${OPEN_NOW_KB} KB of JavaScript`, () => {
  const entry = pageScript(SITE_DIR, pages.lieu!, 'OpenStatus.astro');
  expect(entry).toBeDefined();
  const closure = staticClosure(SITE_DIR, entry!);
  expect(closure.gzipKB, closure.files.join(', ')).toBeLessThanOrEqual(OPEN_NOW_KB);
});

/**
 * The offline download on the real data, without building the real site (minutes and 2 GB):
 * - the search files (most of the download), made in memory from data/ by the functions the
 *   build uses (buildSearchFiles, then writtenSearchFiles as the pages write them);
 * - everything else (code, styles, the app's pages, words), from the fixture build: the same
 *   code and pages, whose HTML holds no place (a few hundred bytes of difference at most).
 * The benchmark measures the whole download on a real build (`npm run bench`, offline).
 */
test(`the offline download on the real data is at most ${OFFLINE_DOWNLOAD_KB} KB gzip`, async () => {
  test.setTimeout(240_000);
  const shell = (await precacheFiles(SITE_DIR)).filter((file) => !file.url.startsWith('recherche/') || !file.url.endsWith('.json'));
  const { dataset, reference } = await loadData({ dataDir: 'data' });
  const date = '2026-03-01';
  const search = writtenSearchFiles(buildSearchFiles(buildDirectory(dataset, reference, scheduleStartFor(date)), date, undefined, otherLanguagesWords()));
  const groups: Record<string, number> = {};
  for (const file of shell) groups[precacheGroup(file.url)] = (groups[precacheGroup(file.url)] ?? 0) + file.gzipBytes;
  for (const [url, body] of search) groups[precacheGroup(url.slice(1))] = (groups[precacheGroup(url.slice(1))] ?? 0) + gzipSync(body, { level: 6 }).length;
  const total = Object.values(groups).reduce((sum, bytes) => sum + bytes, 0) / 1024;
  const detail = Object.entries(groups)
    .map(([group, bytes]) => `${group} ${Math.round(bytes / 1024)}`)
    .join(', ');
  test.info().annotations.push({ type: 'offline download (KB gzip)', description: `${Math.round(total)}: ${detail}` });
  expect(total, `KB gzip: ${detail}`).toBeLessThanOrEqual(OFFLINE_DOWNLOAD_KB);
  // Every search file of the download was weighed: the fixture build's are a subset of the real data's names.
  const built = (folder: string) =>
    readdirSync(`${SITE_DIR}/recherche/${folder}`)
      .filter((name) => name.endsWith('.json'))
      .map((name) => `/recherche/${folder}/${name}`);
  for (const url of [...built('communes'), ...built('codes-postaux')]) expect(search.has(url), url).toBe(true);
});
