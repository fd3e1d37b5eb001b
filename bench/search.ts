/**
 * Search figures, measured in headless Chromium on a built site: size of the search files
 * (gzip), JavaScript needed before the first search (gzip), time to load the data of a first
 * search, and query latency p50/p95 over 200 realistic queries (bench/queries.json).
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
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
};

export function serve(dir: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
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
}

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
    const scripts: number[] = [];
    const dataBytes: number[] = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => null);
      if (!body) return;
      if (response.request().resourceType() === 'script') scripts.push(gzipSize(body));
      else if (response.url().includes('/recherche/') && response.url().includes('.json')) dataBytes.push(gzipSize(body));
    });
    await page.goto(`http://127.0.0.1:${port}/recherche/`);
    await page.waitForSelector('[data-search][data-ready="true"]');

    /** Submits a query and waits for its answer on the page, in the page's own clock. */
    const timed = (query: string) =>
      page.evaluate(async (q) => {
        const root = document.querySelector<HTMLElement>('[data-search]')!;
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
    for (const query of queries) await timed(query);
    const times: number[] = [];
    for (const query of queries) times.push(await timed(query));
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
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export interface MapFigures {
  /** From the map frame on screen to the first markers drawn (national overview). */
  overviewMs: number;
  /** From a request to show Paris and its suburbs (zoom 10) to its clusters drawn. */
  parisViewMs: number;
  markersInParisView: number;
}

export async function benchMap(dir: string): Promise<MapFigures> {
  const port = 4511;
  const server = await serve(dir, port);
  const browser = await launch();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.locator('.map-frame').first();
    await frame.scrollIntoViewIfNeeded();
    await page.waitForSelector('.map-frame[data-map-ready="true"]', { timeout: 60_000 });
    const overviewMs = Number(await frame.getAttribute('data-drawn-ms'));
    const parisViewMs = await page.evaluate(async () => {
      const element = document.querySelector<HTMLElement>('.map-frame')!;
      const started = performance.now();
      document.dispatchEvent(new CustomEvent('map:set-view', { detail: { lat: 48.86, lon: 2.35, zoom: 10 } }));
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const drawn = Number(element.dataset.drawnAt ?? 0);
        if (drawn > started && element.querySelector('.map-cluster, .map-marker')) {
          // Wait for the places of the view, not the bubbles of the overview.
          if (!element.querySelector('[aria-label*="Appuyez pour voir ce département"]')) return drawn - started;
        }
        if (performance.now() - started > 30_000) return -1;
      }
    });
    const markersInParisView = await page.locator('.map-frame .leaflet-marker-icon').count();
    return { overviewMs, parisViewMs: Math.round(parisViewMs), markersInParisView };
  } finally {
    await browser.close();
    server.close();
  }
}
