/**
 * A first search on a cheap phone, on a built site served compressed as the host does
 * (scripts/serve.ts: the build's `.gz`, other text gzipped on the fly): Chromium at 390×844,
 * CPU 4× slower (CDP Emulation.setCPUThrottlingRate), 1.6 Mbps up and down with 150 ms of
 * latency (Network.emulateNetworkConditions), a fresh context each time (nothing cached, no
 * service worker), every host but this machine unknown (map tiles). The service worker's own
 * downloads (its precache) get the same conditions on their own target (see throttleWorkers):
 * a link of their own, where a real phone would share one, so the figures are if anything kind.
 * They count in the bytes.
 *
 * The person opens the home page, types the query into the search field and presses Enter.
 * Measured, median of `runs` for each query:
 * - `fromSubmitMs`: Enter → the first result card drawn (the results page's own clock, the
 *   home page's for Enter: both are wall-clock times of this machine);
 * - `fromNavigationMs`: the results page's navigation start → the first result card;
 * - `kB`: bytes received (encoded, as on the wire: CDP Network.loadingFinished
 *   encodedDataLength) from the home page's navigation until the first card, and `afterSubmitKB`
 *   from Enter only;
 * - `longestTaskMs`: the longest main-thread task (PerformanceObserver longtask) of the results
 *   page until its results are all drawn (and 1 s more).
 *
 * Usage: npm run bench -- --phone [dist] (a section of run.ts), or alone:
 *   npx node bench/phone.ts [dist] [--runs 3] [--query "roubaix"] [--against other-dist] [--out figures.json]
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { serve } from '../scripts/serve.ts';

export const PHONE_QUERIES = ['roubaix', 'paris 18', 'Emmaüs Lille', 'impots marseille', 'imprimer un document grenoble'];

/** 1.6 Mbps, in bytes per second, and the round trip added to each request. */
const THROUGHPUT = 200_000;
const LATENCY_MS = 150;
const CPU_SLOWDOWN = 4;

/** The phone's screen and language, as each phone bench opens a page (see also bench/page-tasks.ts). */
export const PHONE_SCREEN = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' } as const;

/** Makes a page's target as slow as the cheap phone: its CPU and its network (the page's requests counted on `Network`). */
export async function throttleLikeCheapPhone(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: THROUGHPUT, uploadThroughput: THROUGHPUT });
}
/** A person types about five characters a second. */
const TYPING_DELAY_MS = 200;

export interface PhoneRun {
  fromSubmitMs: number;
  fromNavigationMs: number;
  kB: number;
  afterSubmitKB: number;
  longestTaskMs: number;
  cards: number;
}

export interface PhoneFigures {
  query: string;
  /** The built site measured. */
  dir: string;
  runs: PhoneRun[];
  median: PhoneRun;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Recorded in every document from its first byte: long tasks, and when the first result card is in the page and painted. */
const PROBE = () => {
  const probe = { longest: 0, tasks: [] as string[], firstCardAt: 0, firstCardEpoch: 0 };
  (window as unknown as { __phone: typeof probe }).__phone = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longest = Math.max(probe.longest, entry.duration);
      probe.tasks.push(`${Math.round(entry.startTime)}+${Math.round(entry.duration)}`);
    }
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (probe.firstCardAt || !document.querySelector('ol.results > li.card')) return false;
    // Drawn: the frame after the card entered the page.
    requestAnimationFrame(() => {
      probe.firstCardAt = performance.now();
      probe.firstCardEpoch = performance.timeOrigin + probe.firstCardAt;
    });
    return true;
  };
  new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
};

/**
 * The service workers' downloads are not the page's: CDP throttles them on their own target.
 * Playwright speaks to the browser through a pipe and routes nothing (routing would turn off
 * the HTTP cache): a second DevTools client, on a port, attaches to each service worker as it
 * starts, gives it the same network conditions and counts its bytes.
 */
/** Where the service workers' bytes go: set for each measured search, nowhere in between. */
const workers: { count: (bytes: number) => void } = { count: () => undefined };

async function throttleWorkers(port: number): Promise<WebSocket> {
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let id = 0;
  const send = (method: string, params: object = {}, sessionId?: string) => socket.send(JSON.stringify({ id: ++id, method, params, ...(sessionId ? { sessionId } : {}) }));
  socket.addEventListener('message', ({ data }) => {
    const message = JSON.parse(String(data)) as { method?: string; params?: Record<string, unknown>; sessionId?: string };
    if (message.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = message.params as { sessionId: string; targetInfo: { type: string } };
      if (targetInfo.type === 'service_worker') {
        send('Network.enable', {}, sessionId);
        send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: THROUGHPUT, uploadThroughput: THROUGHPUT }, sessionId);
      }
      send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    } else if (message.method === 'Network.loadingFinished' && message.sessionId) {
      workers.count((message.params as { encodedDataLength: number }).encodedDataLength);
    }
  });
  send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: false }, { exclude: true }] });
  return socket;
}

/**
 * Waits until an expression is true in the page, asked through DevTools only. Playwright's
 * waitForFunction (and its locators) first put its own script in the page: evaluating it was
 * a 65–75 ms task of the results page on the slow phone, counted as the page's longest.
 */
async function untilInPage(cdp: CDPSession, expression: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value) return;
    if (Date.now() > end) throw new Error(`not true after ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function once(browser: Browser, origin: string, query: string): Promise<PhoneRun> {
  const context = await browser.newContext({ ...PHONE_SCREEN, serviceWorkers: 'allow' });
  try {
    let bytes = 0;
    let afterSubmit = 0;
    let submitted = false;
    let counting = true;
    const count = (encoded: number) => {
      if (!counting) return;
      bytes += encoded;
      if (submitted) afterSubmit += encoded;
    };
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttleLikeCheapPhone(cdp);
    cdp.on('Network.loadingFinished', ({ encodedDataLength }) => count(encodedDataLength));
    workers.count = count;
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 120_000 });
    const input = page.locator('search-panel[data-ready="true"] input[name="q"]');
    await input.waitFor({ timeout: 60_000 });
    await input.click();
    await input.pressSequentially(query, { delay: TYPING_DELAY_MS });
    submitted = true;
    const submitEpoch = await page.evaluate(() => Date.now());
    await input.press('Enter');
    await page.waitForURL(/\/recherche\/\?/, { timeout: 60_000 });
    await untilInPage(cdp, 'window.__phone?.firstCardAt', 120_000);
    counting = false;
    // The rest of the results, drawn in slices after the first screenful: their tasks count too.
    await page.waitForTimeout(1500);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__phone', returnByValue: true });
    const probe = result.value as { longest: number; firstCardAt: number; firstCardEpoch: number; tasks: string[] };
    if (process.env.PHONE_TASKS) console.error(`  long tasks (start+duration, ms; first card at ${Math.round(probe.firstCardAt)}): ${probe.tasks.join(' ')}`);
    const cards = await page.locator('ol.results > li.card').count();
    return {
      fromSubmitMs: Math.round(probe.firstCardEpoch - submitEpoch),
      fromNavigationMs: Math.round(probe.firstCardAt),
      kB: Math.round(bytes / 100) / 10,
      afterSubmitKB: Math.round(afterSubmit / 100) / 10,
      longestTaskMs: Math.round(probe.longest),
      cards,
    };
  } finally {
    await context.close();
  }
}

/**
 * The figures of a built site; with `against`, those of another build too, measured in turns
 * (one run of each, query by query) so that a busy machine weighs on both alike.
 */
export async function benchPhone(outDir: string, options: { runs?: number; queries?: string[]; port?: number; against?: string } = {}): Promise<PhoneFigures[]> {
  const port = options.port ?? 4430;
  const dirs = [outDir, ...(options.against ? [options.against] : [])];
  const servers: Server[] = await Promise.all(dirs.map((dir, index) => serve(dir, port + index)));
  const debugPort = port + 1000;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--remote-debugging-port=${debugPort}`,
      // Nothing leaves this machine (map tiles): every other host is unknown. No routing, which would turn off the cache.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  const socket = await throttleWorkers(debugPort);
  const figures: PhoneFigures[] = [];
  try {
    for (const query of options.queries ?? PHONE_QUERIES) {
      const runs: PhoneRun[][] = dirs.map(() => []);
      // A run that times out on a busy machine is run again, once.
      const measure = (index: number) =>
        once(browser, `http://127.0.0.1:${port + index}`, query).catch(
          (error: unknown) => (console.error(`  again after: ${String(error).split('\n')[0]}`), once(browser, `http://127.0.0.1:${port + index}`, query)),
        );
      for (let run = 0; run < (options.runs ?? 3); run++) for (const [index] of dirs.entries()) runs[index]!.push(await measure(index));
      for (const [index, dir] of dirs.entries()) {
        const pick = (key: keyof PhoneRun) => median(runs[index]!.map((item) => item[key]));
        const result = {
          query,
          dir,
          runs: runs[index]!,
          median: {
            fromSubmitMs: pick('fromSubmitMs'),
            fromNavigationMs: pick('fromNavigationMs'),
            kB: pick('kB'),
            afterSubmitKB: pick('afterSubmitKB'),
            longestTaskMs: pick('longestTaskMs'),
            cards: pick('cards'),
          },
        };
        figures.push(result);
        console.error(`${dir} · ${query}: ${JSON.stringify(result.median)} ← ${runs[index]!.map((item) => `${item.fromSubmitMs}/${item.kB}/${item.longestTaskMs}`).join(' ')}`);
      }
    }
  } finally {
    socket.close();
    await browser.close();
    for (const server of servers) server.close();
  }
  return figures;
}

export function phoneTable(figures: PhoneFigures[]): string {
  const lines = [
    '| requête (téléphone lent, médiane de 3) | Entrée → 1er résultat | navigation → 1er résultat | téléchargé (depuis l’accueil) | dont après Entrée | plus longue tâche |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { query, dir, median: m } of figures)
    lines.push(
      `| ${query}${figures.some((other) => other.dir !== dir) ? ` (${dir})` : ''} | ${m.fromSubmitMs} ms | ${m.fromNavigationMs} ms | ${m.kB} ko | ${m.afterSubmitKB} ko | ${m.longestTaskMs} ms |`,
    );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const dir = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')) ?? 'dist';
  const query = option('query');
  const figures = await benchPhone(dir, { runs: Number(option('runs') ?? 3), queries: query ? [query] : undefined, port: Number(option('port') ?? 4430), against: option('against') });
  console.log(phoneTable(figures));
  const out = option('out');
  if (out) writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
}
