/**
 * Offline figures, on a built site: what a first visit downloads to work without internet
 * (the service worker's precache list, gzip as a host sends it) and the time from opening the
 * home page in a fresh browser profile to the site saying it works offline.
 */
import { chromium } from '@playwright/test';
import { precacheFiles, precacheGroup } from '../integrations/offline.ts';
import { serve } from './search.ts';

export interface OfflineFigures {
  precacheFiles: number;
  precacheMB: number;
  precacheGzipKB: number;
  /** The download by kind of file: `_astro/*.js`, `recherche/communes`, `pages`… (files, KB gzip). */
  groups: Record<string, { files: number; gzipKB: number }>;
  /** Opening / in a fresh profile → "ready offline" announced, on this machine (local server). */
  readyOfflineMs: number;
  /** The same download on a 1.6 Mbit/s mobile connection (computed from the gzip size). */
  readyOfflineSlowMobileS: number;
}

/** What the service worker precaches, from the build's output, without opening a browser. */
export async function precacheFigures(dir: string): Promise<Omit<OfflineFigures, 'readyOfflineMs' | 'readyOfflineSlowMobileS'>> {
  const files = await precacheFiles(dir);
  const groups: OfflineFigures['groups'] = {};
  for (const file of files) {
    const group = (groups[precacheGroup(file.url)] ??= { files: 0, gzipKB: 0 });
    group.files += 1;
    group.gzipKB += file.gzipBytes / 1024;
  }
  for (const group of Object.values(groups)) group.gzipKB = Math.round(group.gzipKB * 10) / 10;
  const raw = files.reduce((sum, file) => sum + file.bytes, 0);
  const gzip = files.reduce((sum, file) => sum + file.gzipBytes, 0);
  return {
    precacheFiles: files.length,
    precacheMB: Math.round(raw / 1e5) / 10,
    precacheGzipKB: Math.round(gzip / 1024),
    groups: Object.fromEntries(Object.entries(groups).sort((a, b) => b[1].gzipKB - a[1].gzipKB)),
  };
}

export async function benchOffline(dir: string): Promise<OfflineFigures> {
  const precache = await precacheFigures(dir);
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
      ...precache,
      readyOfflineMs: Math.round(readyOfflineMs),
      readyOfflineSlowMobileS: Math.round(((precache.precacheGzipKB * 1024 * 8) / 1.6e6) * 10) / 10,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
