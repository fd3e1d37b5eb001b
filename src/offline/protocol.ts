/** What the page and the service worker share: names, messages, the offline page. */
export { OFFLINE_URL, SW_URL } from '../lib/routes.ts';

export const SW_CACHES = {
  pages: 'pages',
  tiles: 'tiles',
  /** The records of the places a person opened to correct (/corriger/lieux/59.json). */
  corrections: 'corrections',
  /** Caches of the hand-written worker that came before Workbox: deleted on activation. */
  legacy: (name: string): boolean => /^(pages-v1|assets-v1|tiles-v1|search-.+)$/.test(name),
} as const;

export const SW_MESSAGES = {
  /** The page asks a waiting worker to take over (the person chose "Recharger"). */
  skipWaiting: 'SKIP_WAITING',
} as const;
