/**
 * What each kind of page costs a phone: the JavaScript it loads (gzip, as a host sends it,
 * dynamic imports included) and its HTML, measured in a fresh browser profile. The orientation
 * pages' cost is read against the pages people already had.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { serve } from './search.ts';

export type WeightFigures = Record<string, { jsGzipKB: number; htmlGzipKB: number }>;

export async function benchWeights(dir: string): Promise<WeightFigures> {
  const place = readdirSync(join(dir, 'lieux'))[0]!;
  const pages: Record<string, string> = {
    accueil: '/',
    recherche: '/recherche/?q=Lille',
    lieu: `/lieux/${place}/`,
    orienter: '/orienter/',
    selection: '/selection/',
  };
  const port = 4513;
  const server = await serve(dir, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const figures: WeightFigures = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      let js = 0;
      let html = 0;
      const reading: Promise<void>[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        if (type !== 'script' && type !== 'document') return;
        reading.push(
          response.body().then(
            (body) => {
              const size = gzipSync(body).length;
              if (type === 'script') js += size;
              else html += size;
            },
            () => undefined,
          ),
        );
      });
      await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(reading);
      figures[name] = { jsGzipKB: Math.round(js / 102.4) / 10, htmlGzipKB: Math.round(html / 102.4) / 10 };
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}
