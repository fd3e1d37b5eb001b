/** What the page and the service worker share: names, messages, the offline page. */
export { OFFLINE_URL, SW_URL } from '../lib/routes.ts';

export const SW_CACHES = {
  pages: 'pages',
  tiles: 'tiles',
  /** The records of the places a person opened to correct (/corriger/lieux/59.json). */
  corrections: 'corrections',
  /** What the offline download leaves out (the map, the correction form's code, icons), kept once used. */
  assets: 'assets',
  /** Caches of the hand-written worker that came before Workbox: deleted on activation. */
  legacy: (name: string): boolean => /^(pages-v1|assets-v1|tiles-v1|search-.+)$/.test(name),
} as const;

export const SW_MESSAGES = {
  /** The page asks a waiting worker to take over (the person chose "Recharger"). */
  skipWaiting: 'SKIP_WAITING',
  /** The page asks the worker to keep pages opened before it took control (`urls`: paths without a query). */
  keepPages: 'KEEP_PAGES',
} as const;

/** Pages opened before the worker took control, kept for this browsing session (sessionStorage). */
export const PAGES_BEFORE_WORKER = 'pages-before-offline';

/** How much the offline download weighs, written at build beside the worker (integrations/offline.ts). */
export const PRECACHE_REPORT_URL = '/sw-precache.json';

export interface PrecacheReport {
  files: number;
  bytes: number;
  /** Compressed as a host sends it (gzip): what the phone downloads. */
  gzipBytes: number;
}
