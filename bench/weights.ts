/**
 * What each kind of page costs a phone: the JavaScript it loads at once (gzip, as a host sends
 * it; dynamic imports that load without any interaction included) and its HTML, measured in a
 * fresh browser profile with the service worker blocked. The same code serves the benchmark
 * (`npm run bench`, real data) and the budget test (tests/e2e/weights.spec.ts, fixture data);
 * the budgets themselves are in ./budgets.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { serve } from './search.ts';

export interface PageWeight {
  jsGzipKB: number;
  htmlGzipKB: number;
  /** Each script loaded (its file name without hash) and its gzip size in KB, biggest first. */
  scripts?: Record<string, number>;
}
export type WeightFigures = Record<string, PageWeight>;

/** A place of the built site, the commune and département of its page, read from the output. */
function samplePlace(dir: string): { id: string; entry: string; commune: string | null; departement: string | null } {
  const file = readdirSync(join(dir, 'recherche/lieux'))
    .filter((name) => name.endsWith('.json'))
    .sort()[0]!;
  const departement = file.replace(/\.json$/, '');
  const ids = readdirSync(join(dir, 'lieux')).sort();
  // A place of that département, so that its entry token (département.id) is a real one.
  const html = (id: string) => readFileSync(join(dir, 'lieux', id, 'index.html'), 'utf8');
  const id = ids.find((candidate) => html(candidate).includes(`?lieu=${departement}.${candidate}"`)) ?? ids[0]!;
  const page = html(id);
  return {
    id,
    entry: `${departement}.${id}`,
    commune: /href="(\/communes\/[^"/]+\/)"/.exec(page)?.[1] ?? null,
    departement: /href="(\/departements\/[^"/]+\/)"/.exec(page)?.[1] ?? null,
  };
}

/**
 * The pages measured, by name: each page type in French, the same in Arabic (right to left, a
 * non-Latin script and its own words) and in easy-to-read French where they exist.
 */
export function weightPages(dir: string): Record<string, string> {
  const place = samplePlace(dir);
  const pages: Record<string, string> = {
    accueil: '/',
    recherche: '/recherche/?q=Lille',
    lieu: `/lieux/${place.id}/`,
    ...(place.commune ? { commune: place.commune } : {}),
    ...(place.departement ? { departement: place.departement } : {}),
    orienter: '/orienter/',
    selection: `/selection/?s=${place.entry}`,
    corriger: `/corriger/?lieu=${place.entry}`,
  };
  for (const [prefix, root] of [
    ['ar', 'ar'],
    ['facile', 'facile'],
  ] as const) {
    Object.assign(pages, {
      [`${prefix}-accueil`]: `/${root}/`,
      [`${prefix}-recherche`]: `/${root}/recherche/?q=Lille`,
      [`${prefix}-lieu`]: `/${root}/lieu/?lieu=${place.entry}`,
      [`${prefix}-orienter`]: `/${root}/orienter/`,
      [`${prefix}-selection`]: `/${root}/selection/?s=${place.entry}`,
    });
  }
  return pages;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`: never `import("./x.js")`. */
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g;

/**
 * A built script and every module it imports statically: what a page loads for it before any
 * interaction. `entry`: a file of `<dir>/_astro/`. Gzip KB, each file compressed on its own as
 * a host sends it.
 */
export function staticClosure(dir: string, entry: string): { gzipKB: number; files: string[] } {
  const seen = new Set<string>();
  const queue = [entry];
  let bytes = 0;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const body = readFileSync(join(dir, '_astro', file));
    bytes += gzipSync(body).length;
    for (const match of body.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(match[1]!);
  }
  return { gzipKB: kb(bytes), files: [...seen] };
}

/** The script a page names whose file starts with `prefix` (`OpenStatus.astro`…). */
export function pageScript(dir: string, pagePath: string, prefix: string): string | undefined {
  const html = readFileSync(join(dir, pagePath.replace(/\?.*$/, ''), 'index.html'), 'utf8');
  return [...html.matchAll(/<script[^>]+src="\/_astro\/([^"]+)"/g)].map((match) => match[1]!).find((file) => file.startsWith(prefix));
}

/** One page in a fresh context of `browser`: what it loads before the network is idle. */
export async function measurePage(browser: Browser, url: string, setup?: (context: BrowserContext) => Promise<void>): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block', locale: 'fr-FR' });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    await setup?.(context);
    const page = await context.newPage();
    let html = 0;
    const scripts: Record<string, number> = {};
    const reading: Promise<void>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'document') return;
      reading.push(
        response.body().then(
          (body) => {
            const size = gzipSync(body).length;
            if (type === 'document') html += size;
            else {
              const name = new URL(response.url()).pathname
                .split('/')
                .pop()!
                .replace(/\.[\w-]{8}\.js$/, '.js');
              scripts[name] = (scripts[name] ?? 0) + size;
            }
          },
          () => undefined,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await Promise.all(reading);
    const js = Object.values(scripts).reduce((sum, size) => sum + size, 0);
    const sorted = Object.entries(scripts).sort((a, b) => b[1] - a[1]);
    return { jsGzipKB: kb(js), htmlGzipKB: kb(html), scripts: Object.fromEntries(sorted.map(([name, size]) => [name, kb(size)])) };
  } finally {
    await context.close();
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/** Every page of `weightPages`, on a built site; `scripts` only when asked (the benchmark's results keep the totals). */
export async function benchWeights(dir: string, port = 4513, scripts = false): Promise<WeightFigures> {
  const pages = weightPages(dir);
  const server = await serve(dir, port);
  const browser = await launch();
  const figures: WeightFigures = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      const { jsGzipKB, htmlGzipKB, scripts: each } = await measurePage(browser, `http://127.0.0.1:${port}${path}`);
      figures[name] = scripts ? { jsGzipKB, htmlGzipKB, scripts: each } : { jsGzipKB, htmlGzipKB };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}

// `npx node bench/weights.ts <built site>`: the table alone, on a site already built.
if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchWeights(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 4513), true);
  for (const [name, figure] of Object.entries(figures)) {
    console.log(
      `${name.padEnd(20)} JS ${String(figure.jsGzipKB).padStart(6)} kB  HTML ${String(figure.htmlGzipKB).padStart(5)} kB  ${Object.entries(figure.scripts ?? {})
        .map(([script, size]) => `${script} ${size}`)
        .join(', ')}`,
    );
  }
}
