/**
 * What a printed page holds, read back as a person would read the paper: its text (poppler's
 * pdftotext), its number of pages, and the QR codes on it (pages drawn by pdftoppm at 150 dpi,
 * codes read by zbarimg). Debian packages: poppler-utils, zbar-tools (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface Paper {
  pages: number;
  /** As pdfinfo says it: "595.276 x 841.89 pts (A4)". */
  pageSize: string;
  text: string;
  /** Every QR code found on any page, decoded. */
  codes: string[];
}

/** Prints the page on A4 (print media, as the browser's own print does) and reads the paper. */
export async function printed(page: Page): Promise<Paper> {
  // Codes drawn in the browser (no public address or another one): wait until each is drawn for
  // this address, or can be: they are drawn just before printing (beforeprint, see qr-code.ts).
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('qr-code')].every((code) => code.dataset.url === new URL(code.dataset.path!, location.origin).href || code.dataset.encoder === 'ready'),
  );
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const folder = await mkdtemp(join(tmpdir(), 'paper-'));
  try {
    const file = join(folder, 'page.pdf');
    await writeFile(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const pageSize = /Page size:\s+(.+)/.exec(info)![1]!.trim();
    // No -layout: words of one line stay together, whatever the columns.
    // Lines joined: a sentence wrapped on paper reads as one.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
      .toString()
      .replace(/[\s\u00a0]+/g, ' ');
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', file, join(folder, 'page')]);
    const images = (await readdir(folder)).filter((name) => name.endsWith('.png')).map((name) => join(folder, name));
    let codes: string[] = [];
    try {
      codes = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', ...images])
        .toString()
        .split('\n')
        .filter(Boolean);
    } catch {
      // zbarimg exits with 4 when it finds no code.
    }
    return { pages, pageSize, text, codes };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Words that only hold on the day they are read: they must never reach paper. */
export const RELATIVE_TIME = /aujourd’hui|aujourd'hui|demain|maintenant|hier/i;
