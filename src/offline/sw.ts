/// <reference lib="webworker" />
/**
 * The service worker. Bundled by esbuild and given its precache list by Workbox's
 * injectManifest (integrations/offline.ts), from the build's own output: every hashed asset
 * the pages can load (dynamic chunks included), the search files, the map outline, the shell
 * pages and the offline page.
 *
 * - A new deploy installs its whole precache beside the old one; the page offers to reload
 *   ("Nouvelle version disponible"), and only then does the new worker take over and delete
 *   what the old one had, pages visited included (they load the old version's scripts):
 *   versions never mix.
 * - Pages visited are kept (60 at most, 30 days), never a URL with a query: what a person
 *   searched stays out of storage. Map tiles viewed are kept 7 days (400 at most).
 * - Offline, a page never visited shows the offline page, which offers the search.
 * - What the precache leaves out (the map, the correction form's code, the icons) is kept once used.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { OFFLINE_URL, SW_CACHES, SW_MESSAGES } from './protocol.ts';
import { CORRECTION_URL, frenchPath, LOCALE_ROOTS, LOCALIZED_PATHS, localeOfPath, PLACE_VIEW_PATH } from '../lib/routes.ts';

/**
 * A static page whose content is drawn from its query in the browser: a page of another
 * language (LOCALIZED_PATHS and the place view), and the correction form (`?lieu=…`), whose page
 * is not in the offline download.
 */
function isLocalizedAppPage(path: string): boolean {
  if (path === CORRECTION_URL) return true;
  if (localeOfPath(path) === 'fr') return false;
  const french = frenchPath(path);
  return french === PLACE_VIEW_PATH || (LOCALIZED_PATHS as readonly string[]).includes(french);
}

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };
/** Replaced at bundling time by the configured map tile origin. */
declare const TILE_ORIGIN: string;

// The first worker takes the page it was installed from at once: offline from a first visit.
clientsClaim();
cleanupOutdatedCaches();

/**
 * The precache, installed 8 files at a time. Workbox's own install fetches one file after the
 * other: 250 files on a mobile connection (100-150 ms per request) would take half a minute
 * before the site works offline.
 */
const manifest = self.__WB_MANIFEST;
const precache = new PrecacheController();
precache.addToCacheList(manifest);
const PARALLEL = 8;

self.addEventListener('install', (event) => {
  const revised = new Set(manifest.flatMap((entry) => (typeof entry !== 'string' && entry.revision ? [new URL(entry.url, self.location.href).href] : [])));
  const queue = [...precache.getURLsToCacheKeys()];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url, cacheKey] = next;
      // A file with a revision is fetched past the browser's HTTP cache, as Workbox does.
      const request = new Request(url, { cache: revised.has(url) ? 'reload' : 'default', credentials: 'same-origin' });
      await Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event }));
    }
  };
  event.waitUntil(Promise.all(Array.from({ length: PARALLEL }, worker)));
});
self.addEventListener('activate', (event) => {
  // The controller holds the event open itself (waitUntil).
  void precache.activate(event);
});
// A query never changes a precached page (/recherche/?q=… is /recherche/): all parameters ignored.
registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/.*/], cleanURLs: false }));

const DAY = 24 * 3600;

const pages = new NetworkFirst({
  cacheName: SW_CACHES.pages,
  // On a poor connection, a page already seen shows after 5 s instead of waiting for ever.
  networkTimeoutSeconds: 5,
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true })],
});
registerRoute(({ request, url }) => request.mode === 'navigate' && url.search === '', pages);

/**
 * The pages of another language that read their query in the browser (its search, a place's
 * details, a list received), and the correction form: the same static page whatever the query,
 * kept without it. What a person searched never reaches the device's storage; offline, the page
 * still opens (a correction started online is finished offline).
 */
const withoutQuery = {
  cacheKeyWillBeUsed: ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    url.search = '';
    return Promise.resolve(url.href);
  },
};
const localizedAppPages = new NetworkFirst({
  cacheName: SW_CACHES.pages,
  networkTimeoutSeconds: 5,
  plugins: [withoutQuery, new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true })],
});
registerRoute(({ request, url }) => request.mode === 'navigate' && url.search !== '' && isLocalizedAppPage(url.pathname), localizedAppPages);

/**
 * The page a person landed on (from a shared link, say) and those opened before this worker
 * took control were not seen by it: the page names them once the worker is ready, and they are
 * kept like any visited page. Only this site's pages, never a URL with a query.
 */
function keepPages(event: ExtendableMessageEvent, urls: unknown): void {
  if (!Array.isArray(urls)) return;
  const wanted = urls
    .filter((url): url is string => typeof url === 'string')
    .map((url) => new URL(url, self.location.origin))
    .filter((url) => url.origin === self.location.origin && url.search === '' && !url.pathname.startsWith('/recherche/') && !isPrecached(url))
    .slice(0, 20);
  event.waitUntil(
    Promise.all(
      wanted.map((url) => (KEPT_FILES.test(url.pathname) ? keptFiles : pages).handleAll({ event, request: new Request(url.href, { credentials: 'same-origin' }) })[1].catch(() => undefined)),
    ),
  );
}

function isPrecached(url: URL): boolean {
  return precache.getCacheKeyForURL(url.href) !== undefined || precache.getCacheKeyForURL(`${url.href}index.html`) !== undefined;
}
// Any other page with a query is never stored (it may hold what a person typed).
registerRoute(({ request, url }) => request.mode === 'navigate' && url.search !== '', new NetworkOnly());

// A correction started online can be finished offline: the records read are kept a while.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(`${CORRECTION_URL}lieux/`),
  new NetworkFirst({
    cacheName: SW_CACHES.corrections,
    networkTimeoutSeconds: 5,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 8, maxAgeSeconds: 7 * DAY, purgeOnQuotaError: true })],
  }),
);

/**
 * What the precache leaves out (integrations/offline.ts: the map's code and outline, the
 * correction form's code, the icons) is kept once used: a map seen online shows offline.
 * Scripts and styles have hashed names: never stale.
 */
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/_astro/'),
  new CacheFirst({
    cacheName: SW_CACHES.assets,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 30, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true })],
  }),
);
/** Files without a hash in their name (the map's outline, icons, a language's words): refreshed in the background. */
const KEPT_FILES = /^\/(carte|icons|mots)\//;
const keptFiles = new StaleWhileRevalidate({
  cacheName: SW_CACHES.assets,
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 30, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true })],
});
registerRoute(({ url }) => url.origin === self.location.origin && KEPT_FILES.test(url.pathname), keptFiles);

registerRoute(
  ({ request, url }) => url.origin === TILE_ORIGIN && request.destination === 'image',
  new CacheFirst({
    cacheName: SW_CACHES.tiles,
    plugins: [new CacheableResponsePlugin({ statuses: [0, 200] }), new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 7 * DAY, purgeOnQuotaError: true })],
  }),
);

setCatchHandler(async ({ request }) => {
  if (request.destination !== 'document') return Response.error();
  // The offline page in the person's language when it was kept, else the French one.
  const code = localeOfPath(new URL(request.url).pathname);
  const own = code === 'fr' ? undefined : await caches.match(new URL(`/${LOCALE_ROOTS[code]}${OFFLINE_URL}`, self.location.origin).href, { cacheName: SW_CACHES.pages });
  return own ?? (await precache.matchPrecache(`${OFFLINE_URL}index.html`)) ?? Response.error();
});

self.addEventListener('activate', (event) => {
  // The caches of the worker written by hand before Workbox (pages-v1, assets-v1, search-*),
  // and the pages kept by the previous version: they point to its scripts, now deleted.
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((key) => SW_CACHES.legacy(key) || key === SW_CACHES.pages).map((key) => caches.delete(key)))));
});

self.addEventListener('message', (event) => {
  // What a page posts is read field by field, as unknown.
  const message = event.data as { type?: unknown; urls?: unknown } | null | undefined;
  if (message?.type === SW_MESSAGES.skipWaiting) void self.skipWaiting();
  if (message?.type === SW_MESSAGES.keepPages) keepPages(event, message.urls);
});
