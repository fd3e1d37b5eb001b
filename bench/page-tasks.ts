/**
 * Long tasks of pages opened cold on a cheap phone: the page a person reaches from a search
 * engine or a shared link, with nothing cached. Chromium at 390×844, CPU 4× slower, 1.6 Mbps
 * with 150 ms of latency, a fresh context for each load, every host but this machine refused
 * (map tiles), served compressed as the host does (scripts/serve.ts). For each load: the
 * main-thread tasks over 50 ms (PerformanceObserver longtask) in the first `waitMs`.
 *
 * Usage: npx node bench/page-tasks.ts [dist] [--runs 3] [--wait 4000] [--against other-dist] [path…]
 *   paths default to a place page, results opened by a link, the home page and « orienter ».
 * With --against, the two builds are loaded in turns, so that a busy machine weighs on both.
 */
import type { Server } from 'node:http';
import { chromium } from '@playwright/test';
import { serve } from '../scripts/serve.ts';
import { PHONE_SCREEN, throttleLikeCheapPhone } from './phone.ts';

export const COLD_PAGES = ['/lieux/emmaus-connect-lille/', '/recherche/?q=roubaix', '/', '/orienter/'];

export interface ColdLoad {
  /** Each task over 50 ms: start and duration, in ms from the navigation. */
  tasks: { start: number; ms: number }[];
  longestMs: number;
}

export async function coldLoads(dirs: string[], paths: string[], options: { runs?: number; waitMs?: number; port?: number } = {}): Promise<Map<string, ColdLoad[]>> {
  const port = options.port ?? 4470;
  const servers: Server[] = await Promise.all(dirs.map((dir, index) => serve(dir, port + index)));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  const loads = new Map<string, ColdLoad[]>();
  try {
    for (const path of paths) {
      for (let run = 0; run < (options.runs ?? 3); run++) {
        for (const [index, dir] of dirs.entries()) {
          const context = await browser.newContext({ ...PHONE_SCREEN, timezoneId: 'Europe/Paris' });
          try {
            const page = await context.newPage();
            const cdp = await context.newCDPSession(page);
            await throttleLikeCheapPhone(cdp);
            await page.addInitScript(() => {
              const seen: { start: number; ms: number }[] = [];
              (window as unknown as { coldTasks: typeof seen }).coldTasks = seen;
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) seen.push({ start: Math.round(entry.startTime), ms: Math.round(entry.duration) });
              }).observe({ type: 'longtask', buffered: true });
            });
            await page.goto(`http://127.0.0.1:${port + index}${path}`);
            await page.waitForTimeout(options.waitMs ?? 4000);
            const tasks = await page.evaluate(() => (window as unknown as { coldTasks: { start: number; ms: number }[] }).coldTasks);
            const key = `${dir} ${path}`;
            loads.set(key, [...(loads.get(key) ?? []), { tasks, longestMs: Math.max(0, ...tasks.map((task) => task.ms)) }]);
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) server.close();
  }
  return loads;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const runs = Number(option('runs') ?? 3);
  const waitMs = Number(option('wait') ?? 4000);
  const against = option('against');
  const [dir = 'dist', ...paths] = args;
  const loads = await coldLoads([dir, ...(against ? [against] : [])], paths.length > 0 ? paths : COLD_PAGES, { runs, waitMs });
  console.log('| page (build) | plus longue tâche de chaque chargement | tâches de plus de 50 ms (début+durée) |\n| --- | --- | --- |');
  for (const [key, runsOf] of loads) {
    console.log(`| ${key} | ${runsOf.map((load) => `${load.longestMs} ms`).join(', ')} | ${runsOf.map((load) => load.tasks.map((task) => `${task.start}+${task.ms}`).join(' ') || '—').join(' ; ')} |`);
  }
}
