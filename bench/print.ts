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
}

export async function benchPrint(dir: string): Promise<PrintFigures> {
  const ids = readdirSync(join(dir, 'lieux'));
  const step = Math.max(1, Math.floor(ids.length / 60));
  const longest = [...ids].sort((a, b) => statSync(join(dir, 'lieux', b, 'index.html')).size - statSync(join(dir, 'lieux', a, 'index.html')).size).slice(0, 15);
  const sample = [...new Set([...ids.filter((_, index) => index % step === 0), ...longest])];
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
      if ((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length > 1) longer.push(id);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { printed: sample.length, onePage: sample.length - longer.length, longer };
}
