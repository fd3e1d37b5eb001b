/**
 * Offline, from the build's own output: after the pages are written, bundles the service
 * worker (src/offline/sw.ts, esbuild) and lets Workbox's injectManifest write into it the
 * list of files to precache, with a content hash for each. The list is found by globbing the
 * output folder, not by reading pages: every hashed asset a page can load, chunks imported on
 * demand included, is in it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { PRECACHE_REPORT_URL, type PrecacheReport } from '../src/offline/protocol.ts';

/** What every visitor's device keeps: the shell pages, the search, the map outline, the app. */
export const PRECACHE_PATTERNS = [
  '_astro/**/*',
  'recherche/**/*.json',
  'carte/*.geojson',
  'index.html',
  'recherche/index.html',
  'hors-ligne/index.html',
  // Orienting someone works offline too: the selection is read from the search files.
  'selection/index.html',
  // Printing and sending in the person's language (a few kilobytes each).
  'mots/*.json',
  'orienter/index.html',
  // Proposing a place works offline; the e-mail waits in the phone's outbox.
  'corriger/index.html',
  'manifest.webmanifest',
  'icons/*.png',
  'favicon.svg',
];

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
            globPatterns: PRECACHE_PATTERNS,
            // Astro's hashed file names already change with their content.
            dontCacheBustURLsMatching: /^_astro\//,
            maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          });
          if (warnings.length > 0) throw new Error(`Workbox: ${warnings.join('\n')}`);
          // Compressed as a host sends it: what a phone really downloads.
          const { manifestEntries } = await getManifest({ globDirectory: out, globPatterns: PRECACHE_PATTERNS, maximumFileSizeToCacheInBytes: 8 * 1024 * 1024 });
          let gzipBytes = 0;
          for (const entry of manifestEntries ?? []) gzipBytes += gzipSync(await readFile(join(out, entry.url)), { level: 6 }).length;
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
