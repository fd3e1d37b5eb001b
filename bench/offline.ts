/**
 * Offline figures, on a built site: what a first visit downloads to work without internet
 * (the service worker's precache list, gzip as a host sends it) and the time from opening the
 * home page in a fresh browser profile to the site saying it works offline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { getManifest } from 'workbox-build';
import { PRECACHE_PATTERNS } from '../integrations/offline.ts';
import { serve } from './search.ts';

export interface OfflineFigures {
  precacheFiles: number;
  precacheMB: number;
  precacheGzipKB: number;
  /** Opening / in a fresh profile → "ready offline" announced, on this machine (local server). */
  readyOfflineMs: number;
  /** The same download on a 1.6 Mbit/s mobile connection (computed from the gzip size). */
  readyOfflineSlowMobileS: number;
}

export async function benchOffline(dir: string): Promise<OfflineFigures> {
  const { manifestEntries } = await getManifest({ globDirectory: dir, globPatterns: PRECACHE_PATTERNS, maximumFileSizeToCacheInBytes: 8 * 1024 * 1024 });
  const entries = manifestEntries ?? [];
  let raw = 0;
  let gzip = 0;
  for (const entry of entries) {
    const bytes = readFileSync(join(dir, entry.url));
    raw += bytes.length;
    gzip += /\.(png|woff2?)$/.test(entry.url) ? bytes.length : gzipSync(bytes).length;
  }
  const port = 4512;
  const server = await serve(dir, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('html[data-offline="ready"]', { timeout: 120_000 });
    const readyOfflineMs = await page.evaluate(() => performance.now());
    return {
      precacheFiles: entries.length,
      precacheMB: Math.round(raw / 1e5) / 10,
      precacheGzipKB: Math.round(gzip / 1024),
      readyOfflineMs: Math.round(readyOfflineMs),
      readyOfflineSlowMobileS: Math.round(((gzip * 8) / 1.6e6) * 10) / 10,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
