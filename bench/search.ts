/**
 * Search figures, measured in headless Chromium on a built site: size of the search files
 * (gzip), JavaScript needed before the first search (gzip), time to load the data of a first
 * search, and query latency p50/p95 over 200 realistic queries (bench/queries.json).
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/** A static server that compresses text as a host would (gzip), so that transfer sizes are real. */
export function serve(dir: string, port: number): Promise<Server> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (/text|json|javascript|svg/.test(type) && /gzip/.test(String(request.headers['accept-encoding']))) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file)));
      response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip' }).end(gzipped.get(file));
      return;
    }
    response.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function gzipSize(buffer: Buffer | string): number {
  return gzipSync(buffer, { level: 9 }).length;
}

/** The files under a folder, without the build's precompressed copies (`.gz`): each is weighed once. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.gz'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export interface SearchFigures {
  communesKB: number;
  placesIndexKB: number;
  metaKB: number;
  totalKB: number;
  typicalQueryKB: number;
  jsBeforeFirstSearchKB: number;
  firstSearchMs: number;
  p50Ms: number;
  p95Ms: number;
  queries: number;
  /** Tasks over 50 ms on the page while it ran every query and the hard ones (HARD_QUERIES). */
  longTasks: number;
  longestTaskMs: number;
}

/** Queries that make the fuzzy search work hardest: long, repeated, random, misspelt. */
export const HARD_QUERIES = [
  'a'.repeat(20_000),
  'saint '.repeat(40),
  'grenobel '.repeat(25),
  'zqxwv kfjd mpoiu ytrez bvcxw nhgfd lkjhg poiuy treza qsdfg wxcvb nbvcx azert yuiop qsdfg hjklm wxcvb '.repeat(2),
  'st jean de la ruelle aide ordinateur gratuit sans rdv',
  'frenoble',
  'le pon-tde-claix',
  'saint etienne du rouvray aide pour les papiers de la caf sans rendez vous',
];

export async function benchSearch(dir: string, queries: string[]): Promise<SearchFigures> {
  const kb = (files: string[]) => Math.round(files.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0) / 1024);
  const communes = [...filesUnder(join(dir, 'recherche/communes')), ...filesUnder(join(dir, 'recherche/codes-postaux'))];
  const shards = filesUnder(join(dir, 'recherche/lieux'));
  const meta = [join(dir, 'recherche/meta.json')];

  const port = 4510;
  const server = await serve(dir, port);
  const browser = await launch();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const durations: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = durations;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration))).observe({ type: 'longtask', buffered: true });
    });
    const scripts: number[] = [];
    const dataBytes: number[] = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => null);
      if (!body) return;
      if (response.request().resourceType() === 'script') scripts.push(gzipSize(body));
      else if (response.url().includes('/recherche/') && response.url().includes('.json')) dataBytes.push(gzipSize(body));
    });
    await page.goto(`http://127.0.0.1:${port}/recherche/`);
    await page.waitForSelector('search-panel[data-ready="true"]');

    /** Submits a query and waits for its answer on the page, in the page's own clock. */
    const timed = (query: string) =>
      page.evaluate(async (q) => {
        const root = document.querySelector<HTMLElement>('search-panel')!;
        const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
        const status = root.querySelector<HTMLElement>('[data-search-status]')!;
        input.value = q;
        const started = performance.now();
        const answered = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (status.textContent && status.textContent !== 'Recherche en cours…') {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
        });
        status.textContent = '';
        root.querySelector('form')!.requestSubmit();
        await answered;
        return performance.now() - started;
      }, query);

    const firstSearchMs = await timed(queries[0]!);
    const jsBeforeFirstSearchKB = Math.round(scripts.reduce((a, b) => a + b, 0) / 1024);
    const typicalQueryKB = Math.round(dataBytes.reduce((a, b) => a + b, 0) / 1024);
    // Warm: every file a query needs has been fetched once (as it is once cached offline).
    for (const query of [...queries, ...HARD_QUERIES]) await timed(query);
    // Long tasks from here on: every file is loaded, only the search's own work counts.
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    const times: number[] = [];
    for (const query of queries) times.push(await timed(query));
    for (const query of HARD_QUERIES) await timed(query);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    times.sort((a, b) => a - b);
    const quantile = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
    return {
      communesKB: kb(communes),
      placesIndexKB: kb(shards),
      metaKB: kb(meta),
      totalKB: kb([...communes, ...shards, ...meta]),
      typicalQueryKB,
      jsBeforeFirstSearchKB,
      firstSearchMs: Math.round(firstSearchMs),
      p50Ms: quantile(0.5),
      p95Ms: quantile(0.95),
      queries: times.length,
      longTasks: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export interface MapFigures {
  /** From the map frame scrolled on screen to the département bubbles drawn (national overview). */
  overviewMs: number;
  /** From choosing the Paris bubble (as a person would) to the places of that view drawn. */
  parisViewMs: number;
  markersInParisView: number;
}

/**
 * Measured from outside, as a person uses the map: nothing in the shipped code exists for the
 * benchmark. Times are taken in the page's clock with a MutationObserver.
 */
export async function benchMap(dir: string): Promise<MapFigures> {
  const port = 4511;
  const server = await serve(dir, port);
  const browser = await launch();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const overviewMs = await page.evaluate(async () => {
      const started = performance.now();
      document.querySelector<HTMLElement>('help-map')!.scrollIntoView();
      // The frame is drawn again when the map mounts: look it up each time.
      while (!document.querySelector('help-map .map-cluster')) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (performance.now() - started > 60_000) return -1;
      }
      return performance.now() - started;
    });
    const parisViewMs = await page.evaluate(async () => {
      const frame = document.querySelector<HTMLElement>('.map-frame')!;
      // Paris's bubble (alone, or grouped with its neighbours when they overlap).
      const parisBubble = () =>
        [...frame.querySelectorAll<HTMLElement>('.map-cluster[aria-label]')].find((element) =>
          element
            .getAttribute('aria-label')!
            .split(/, | : /)
            .includes('Paris'),
        );
      const started = performance.now();
      // A person chooses the bubble that holds Paris, and again while it still groups départements.
      for (;;) {
        const overview = frame.querySelector('[aria-label*="Appuyez pour voir ce département"], [aria-label$="Appuyez pour zoomer."][aria-label*=","]');
        if (!overview && frame.querySelector('.map-cluster, .map-marker')) return performance.now() - started;
        const bubble = parisBubble();
        if (bubble && !bubble.dataset.chosen) {
          bubble.dataset.chosen = 'true';
          bubble.click();
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (performance.now() - started > 30_000) return -1;
      }
    });
    const markersInParisView = await page.locator('.map-frame .leaflet-marker-icon').count();
    return { overviewMs: Math.round(overviewMs), parisViewMs: Math.round(parisViewMs), markersInParisView };
  } finally {
    await browser.close();
    server.close();
  }
}

export interface QualityFigures {
  /** Queries whose intended commune comes first (or is among the homonyms offered). */
  top1: number;
  /** Queries whose first three results all have a known street address, hours or phone. */
  top3Known: number;
  queries: number;
  /** Queries whose first page was drawn from the nearest files, before the counts; and how many of those differed from the whole search's first page (must be 0). */
  early: number;
  earlyWrong: number;
  /**
   * The engine alone (no page, no drawing), files already read, p50 and p95 in ms: the same
   * code as in the browser, in Node's V8; between its steps it yields as Chromium's
   * scheduler.yield does (a task queued at once, not a 1 ms timer).
   */
  engineP50Ms: number;
  engineP95Ms: number;
}

/** The search's answers to the benchmark queries, judged against bench/expected.json. */
export async function benchQuality(dir: string, queries: string[]): Promise<QualityFigures> {
  const { SearchEngine, NO_FILTERS } = await import('../src/lib/search/engine.ts');
  const expected = JSON.parse(readFileSync('bench/expected.json', 'utf8')) as string[][];
  const loader = { json: async <T>(path: string) => JSON.parse(await readFile(join(dir, path.split('?')[0]!), 'utf8')) as T };
  const engine = new SearchEngine(loader);
  const now = new Date('2026-03-03T10:00:00+01:00');
  let top1 = 0;
  let top3Known = 0;
  let early = 0;
  let earlyWrong = 0;
  for (const [index, q] of queries.entries()) {
    const outcome = await engine.search({ q, filters: NO_FILTERS, now });
    // As on a first visit (no file read yet): a first page drawn before the counts must be the whole search's first page.
    // It may be the page's start only, the rest added below it (« Emmaüs Lille »): each part drawn must be a start of the final page.
    const parts: string[][] = [];
    const fresh = new SearchEngine(loader);
    const whole = await fresh.search({ q, filters: NO_FILTERS, now, onFirst: (page) => void parts.push(page.results.map((result) => result.id)) });
    if (parts.length > 0) {
      early++;
      const final = whole.type === 'results' ? whole.results.map((result) => result.id) : [];
      if (parts.some((part) => part.some((id, position) => final[position] !== id))) earlyWrong++;
    }
    const wanted = expected[index] ?? [];
    if (outcome.type === 'results' && outcome.origin.kind === 'commune' && wanted.includes(outcome.origin.commune.insee)) top1++;
    else if (outcome.type === 'choose' && outcome.communes.some((commune) => wanted.includes(commune.insee))) top1++;
    if (outcome.type === 'results' || outcome.type === 'by-name') {
      const first = outcome.results.slice(0, 3);
      if (first.length > 0 && first.every((result) => result.street || result.phone || (result.status.state !== 'unknown' && result.status.state !== 'moves'))) top3Known++;
    }
  }
  // Timed once every file is read (as once cached): only the engine's own work counts.
  const globals = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  const before = globals.scheduler;
  globals.scheduler = { yield: () => new Promise<void>((resolve) => setImmediate(resolve)) };
  const times: number[] = [];
  try {
    for (const q of queries) {
      const started = performance.now();
      await engine.search({ q, filters: NO_FILTERS, now });
      times.push(performance.now() - started);
    }
  } finally {
    globals.scheduler = before;
  }
  times.sort((a, b) => a - b);
  const quantile = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { top1, top3Known, queries: queries.length, early, earlyWrong, engineP50Ms: quantile(0.5), engineP95Ms: quantile(0.95) };
}
