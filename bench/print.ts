/**
 * Printed place pages: how many fit on one A4 page, on a fixed sample (one place in 140, in
 * file order) and on the 15 longest pages, printed by Chromium as the browser's own print does.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serve } from './search.ts';

export interface PrintFigures {
  printed: number;
  onePage: number;
  /** Places that need more than one page. */
  longer: string[];
  /** Communes' posters (A4 and A3) of the 15 communes with the most places and one commune in 300: how many fit on one page. */
  posters: { printed: number; onePage: number; longer: string[] };
}

const pagesOf = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

export async function benchPrint(dir: string): Promise<PrintFigures> {
  const ids = readdirSync(join(dir, 'lieux'));
  const step = Math.max(1, Math.floor(ids.length / 60));
  const longest = [...ids].sort((a, b) => statSync(join(dir, 'lieux', b, 'index.html')).size - statSync(join(dir, 'lieux', a, 'index.html')).size).slice(0, 15);
  const sample = [...new Set([...ids.filter((_, index) => index % step === 0), ...longest])];
  const keys = readdirSync(join(dir, 'communes'));
  const biggest = [...keys].sort((a, b) => statSync(join(dir, 'communes', b, 'index.html')).size - statSync(join(dir, 'communes', a, 'index.html')).size).slice(0, 15);
  const communes = [...new Set([...keys.filter((_, index) => index % 300 === 0), ...biggest])];
  const longerPosters: string[] = [];
  const port = 4514;
  const server = await serve(dir, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const longer: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    for (const id of sample) {
      await page.goto(`http://127.0.0.1:${port}/lieux/${id}/`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      if (pagesOf(pdf) > 1) longer.push(id);
    }
    for (const key of communes) {
      await page.goto(`http://127.0.0.1:${port}/communes/${key}/`);
      for (const paper of ['a4', 'a3']) {
        await page.evaluate((size) => {
          document.documentElement.dataset.print = 'poster';
          document.documentElement.dataset.paper = size;
        }, paper);
        if (pagesOf(await page.pdf({ preferCSSPageSize: true })) > 1) longerPosters.push(`${key} (${paper})`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const posters = communes.length * 2;
  return { printed: sample.length, onePage: sample.length - longer.length, longer, posters: { printed: posters, onePage: posters - longerPosters.length, longer: longerPosters } };
}

// `node bench/print.ts [built site]`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchPrint(process.argv[2] ?? 'dist'));
}
