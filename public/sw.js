// Offline: the search data and the pages already visited keep working without a network.
// Precaches the search files (a few MB at most, never every place page), caches pages and
// hashed assets as they are visited, and viewed map tiles for 7 days (tile policy: no prefetch).
const SHELL = ['/', '/recherche/'];
const PAGES = 'pages-v1';
const ASSETS = 'assets-v1';
const TILES = 'tiles-v1';
const DATA_PREFIX = 'search-';

async function precache() {
  const response = await fetch('/recherche/meta.json', { cache: 'no-cache' });
  const meta = await response.clone().json();
  const name = `${DATA_PREFIX}${meta.version}`;
  const cache = await caches.open(name);
  await cache.addAll(meta.files);
  await cache.put('/recherche/meta.json', response);
  const pages = await caches.open(PAGES);
  await pages.addAll(SHELL);
  // The scripts and styles of the shell pages, so that they open offline too.
  const assets = new Set();
  for (const page of SHELL) {
    const html = await (await pages.match(page)).text();
    for (const match of html.matchAll(/\/_astro\/[^"'\s)]+/g)) assets.add(match[0]);
  }
  await (await caches.open(ASSETS)).addAll([...assets]);
  for (const key of await caches.keys()) if (key.startsWith(DATA_PREFIX) && key !== name) await caches.delete(key);
  return name;
}

let ready = null;

self.addEventListener('install', (event) => {
  ready = precache();
  event.waitUntil(ready.then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim().then(async () => {
    await (ready ?? precache());
    for (const client of await self.clients.matchAll()) client.postMessage('offline-ready');
  }));
});

self.addEventListener('message', (event) => {
  if (event.data === 'status?') (ready ?? precache()).then(() => event.source?.postMessage('offline-ready'));
});

async function cacheFirst(request, cacheName) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(PAGES)).put(request, response.clone());
    return response;
  } catch {
    const url = new URL(request.url);
    return (await caches.match(request, { ignoreSearch: url.pathname === '/recherche/' })) ?? (await caches.match('/')) ?? Response.error();
  }
}

/** The newest meta when online (and a new precache when the data changed); the cached one offline. */
async function meta(request) {
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    const fresh = await response.clone().json();
    if (!(await caches.has(`${DATA_PREFIX}${fresh.version}`))) ready = precache();
    return response;
  } catch {
    return (await caches.match('/recherche/meta.json')) ?? Response.error();
  }
}

async function tile(request) {
  const cache = await caches.open(TILES);
  const cached = await cache.match(request);
  const week = 7 * 24 * 3600 * 1000;
  if (cached && Date.now() - Number(cached.headers.get('x-cached-at') ?? 0) < week) return cached;
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('x-cached-at', String(Date.now()));
      await cache.put(request, new Response(await response.clone().blob(), { status: response.status, headers }));
    }
    return response;
  } catch {
    return cached ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    if (request.destination === 'image' && request.mode === 'cors') event.respondWith(tile(request));
    return;
  }
  if (url.pathname === '/recherche/meta.json') event.respondWith(meta(request));
  else if (url.pathname.startsWith('/recherche/') && url.pathname.endsWith('.json')) event.respondWith(cacheFirst(request, ASSETS));
  else if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(request, ASSETS));
  else if (request.mode === 'navigate') event.respondWith(networkFirst(request));
});
