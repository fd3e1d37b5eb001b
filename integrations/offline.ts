/**
 * Offline, from the build's own output: after the pages are written, bundles the service
 * worker (src/offline/sw.ts, esbuild) and lets Workbox's injectManifest write into it the
 * list of files to precache, with a content hash for each: the app's pages, the search files,
 * and the code those pages load, found by reading them and following their imports
 * (`appAssets`): chunks imported on demand included, the map's and the correction form's not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { PRECACHE_REPORT_URL, type PrecacheReport } from '../src/offline/protocol.ts';
import { LOCALE_ROOTS, LOCALIZED_PATHS, PLACE_VIEW_PATH } from '../src/lib/routes.ts';

/**
 * What every visitor's device keeps: the app's pages in French, the search (the places'
 * details are read from it) and the code of the app's pages (`appAssets`). Budget:
 * bench/budgets.ts (the offline download, gzip, on the real data).
 */
export const PRECACHE_PATTERNS = [
  'recherche/**/*.json',
  'index.html',
  'recherche/index.html',
  'hors-ligne/index.html',
  // A place page never visited opens offline as its details read from the search files.
  'lieu/index.html',
  // Orienting someone works offline too: the selection is read from the search files.
  'selection/index.html',
  'orienter/index.html',
  // Printing and sending in French; another language's words are kept once used, and the
  // words of the language a person reads the site in at their first visit (src/offline/register.ts).
  'mots/fr.json',
  'manifest.webmanifest',
  'favicon.svg',
];

/**
 * Never followed from the app's pages, because the offline journey (search, a place's details,
 * orienting someone) does not need them; each is kept on the device once used (src/offline/sw.ts):
 * - the map: React, Leaflet and their styles (with the outline of the départements, some 150 kB
 *   gzip, a tenth of the download, for a map that has no tiles offline anyway, bar those seen);
 * - the correction form's code, and its page: a town hall that opened the form online finishes
 *   it offline, the page being kept without its query;
 * Matched by the names Vite gives chunks (the module's name): a chunk renamed is precached again,
 * which the budget test notices. Also left out: the app's icons (the browser fetches them itself
 * when the app is installed) and other languages' words for paper.
 */
const LEFT_OUT = /^(client|mount|LeafletMap|form-kit)\./;

/** The pages whose code is precached: the French ones above and every language's app pages (kept once visited). */
function appPages(): string[] {
  const french = PRECACHE_PATTERNS.filter((pattern) => pattern.endsWith('.html'));
  const others = Object.values(LOCALE_ROOTS).flatMap((root) => [...LOCALIZED_PATHS, PLACE_VIEW_PATH].map((path) => `${root}${path}index.html`));
  return [...french, ...others];
}

/**
 * The code of the app's pages, from the built site: every `_astro/` file they name and every
 * file those import, statically or on demand (Vite's preload lists included), the map's and
 * the correction form's left out. Code used only by other pages (a place's page, a commune's)
 * is kept once used, like the pages themselves.
 */
export function appAssets(dir: string): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const page of appPages()) {
    const file = join(dir, page);
    if (existsSync(file)) for (const match of readFileSync(file, 'utf8').matchAll(/\/_astro\/([\w.~-]+)/g)) queue.push(match[1]!);
  }
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name) || LEFT_OUT.test(name) || !existsSync(join(dir, '_astro', name))) continue;
    seen.add(name);
    if (!name.endsWith('.js')) continue;
    for (const match of readFileSync(join(dir, '_astro', name), 'utf8').matchAll(/["'`](?:\.\/|\/?_astro\/)([\w.~-]+\.(?:js|css))["'`]/g)) queue.push(match[1]!);
  }
  return [...seen].sort();
}

/** Workbox's options that choose the files, shared with the benchmark and the budget test. */
export function precacheGlob(dir: string) {
  const assets = appAssets(dir).map((name) => `_astro/${name.replace(/[*?[\]{}()!+@]/g, '\\$&')}`);
  return { globPatterns: [...PRECACHE_PATTERNS, ...assets], maximumFileSizeToCacheInBytes: 8 * 1024 * 1024 };
}

/** A group of the download, for reports: `_astro/*.js`, `recherche/communes`, `pages`… */
export function precacheGroup(url: string): string {
  if (url.startsWith('_astro/')) return `_astro/*${url.slice(url.lastIndexOf('.'))}`;
  if (url.endsWith('.html')) return 'pages';
  if (url.startsWith('recherche/')) return url.split('/').length > 2 ? url.split('/').slice(0, 2).join('/') : url;
  return url.split('/')[0]!;
}

export interface PrecacheFile {
  url: string;
  bytes: number;
  /** Compressed as a host sends it (level 6); images as they are. */
  gzipBytes: number;
}

/** The files a first visit downloads to work offline, from a built site. */
export async function precacheFiles(dir: string): Promise<PrecacheFile[]> {
  const { manifestEntries } = await getManifest({ globDirectory: dir, ...precacheGlob(dir) });
  return Promise.all(
    (manifestEntries ?? []).map(async ({ url }) => {
      const body = await readFile(join(dir, url));
      return { url, bytes: body.length, gzipBytes: /\.(png|woff2?)$/.test(url) ? body.length : gzipSync(body, { level: 6 }).length };
    }),
  );
}

/**
 * Written beside the site: how much a first visit downloads to work offline. The benchmark
 * reads it, and a phone that saves data reads it to tell the person before downloading.
 */
export const PRECACHE_REPORT = PRECACHE_REPORT_URL.slice(1);

export function offline({ tileOrigin }: { tileOrigin: string }): AstroIntegration {
  return {
    name: 'offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const work = await mkdtemp(join(tmpdir(), 'sw-'));
        try {
          const source = join(work, 'sw.js');
          await build({
            entryPoints: [fileURLToPath(new URL('../src/offline/sw.ts', import.meta.url))],
            bundle: true,
            format: 'iife',
            target: 'es2020',
            minify: true,
            legalComments: 'none',
            define: { TILE_ORIGIN: JSON.stringify(tileOrigin), 'process.env.NODE_ENV': '"production"' },
            outfile: source,
            logLevel: 'warning',
          });
          const { count, size, warnings } = await injectManifest({
            swSrc: source,
            swDest: join(out, 'sw.js'),
            globDirectory: out,
            ...precacheGlob(out),
            // Astro's hashed file names already change with their content.
            dontCacheBustURLsMatching: /^_astro\//,
          });
          if (warnings.length > 0) throw new Error(`Workbox: ${warnings.join('\n')}`);
          // Compressed as a host sends it: what a phone really downloads.
          const gzipBytes = (await precacheFiles(out)).reduce((sum, file) => sum + file.gzipBytes, 0);
          const report: PrecacheReport = { files: count, bytes: size, gzipBytes };
          await writeFile(join(out, PRECACHE_REPORT), JSON.stringify(report));
          logger.info(`service worker: ${count} files precached (${(size / 1e6).toFixed(2)} MB before compression)`);
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      },
    },
  };
}
