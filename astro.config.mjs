// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { atomicOutput } from './integrations/atomic-output.ts';
import { hostHeaders } from './integrations/headers.ts';
import { dataFiles } from './integrations/data-files.ts';
import { data } from './integrations/data.ts';
import { communePages } from './integrations/commune-pages.ts';
import { precompressed } from './integrations/precompress.ts';
import { offline } from './integrations/offline.ts';
import { DEFAULT_TILE_ORIGIN } from './src/lib/map/config.ts';
import { publishProblem, SITE } from './src/site/config.ts';

// The build meant to be put online (`npm run build:publish`) refuses a missing or placeholder
// public address: printed codes and sent links would lead nowhere.
if (process.env.PUBLISH === '1') {
  const problem = publishProblem(SITE);
  if (problem) {
    console.error(`\n${problem}\n`);
    process.exit(1);
  }
}

// Tests build the site from fixture data into their own folder: DATA_DIR and OUT_DIR.
const outDir = process.env.OUT_DIR ?? './dist';
// Each output gets its own cache, so that a fixture build never reuses the real data store.
const tileOrigin = process.env.PUBLIC_TILE_ORIGIN ?? DEFAULT_TILE_ORIGIN;
const cacheDir = `./node_modules/.astro-cache/${outDir.replace(/[^a-z0-9-]/gi, '')}`;

export default defineConfig({
  // Where the site lives: site.yaml (null until published; pages then use the address they are served at).
  site: SITE.publicUrl ?? undefined,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Order matters: the service worker is written into the new site before it is moved into place.
  integrations: [data(), react(), communePages(), offline({ tileOrigin }), dataFiles(), precompressed(), hostHeaders(), atomicOutput()],
  build: {
    // External stylesheets: cached once, and no inline style for the CSP to allow.
    inlineStylesheets: 'never',
    // Two pages at a time: while one page's files are written, the next one renders.
    concurrency: 2,
  },
  devToolbar: { enabled: false },
  // The dev server watches sources and data, not built sites (80,000 files each) or the benchmark's.
  vite: {
    server: { watch: { ignored: ['**/dist*/**', '**/bench/.work/**', '**/test-results/**'] } },
    // workbox-window's modern build, not the ES5 one its package.json names: every page loads it,
    // and the ES5 one carries Babel's class and iterator helpers (0.9 kB gzip more on each page).
    resolve: { alias: [{ find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' }] },
  },
  // No Markdown code blocks: Shiki's inline styles would need a looser CSP.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        // Map tiles are the only third-party request (configured in src/config.ts).
        `img-src 'self' data: ${tileOrigin}`,
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
