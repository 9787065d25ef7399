// The page's service worker: after one visit the calculator works with no network, and can be
// installed. Network first, so a new release is fetched whenever the network is there; the
// last good copy when it is not. The page, its hashed files and Epoch AI's data (once fetched,
// even before this worker controlled the page) are kept in one cache; when a new page arrives,
// hashed files it no longer names are dropped, so an offline page is always one release, never a
// mix of two. Works under any sub-path: every URL is relative to this file.
const CACHE = 'aicompute-v2';
const PAGE = new URL('./', self.location).href;
// Trunk's file hashes: a 64-bit number in hex, without leading zeros (so 16 digits or fewer).
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;

/** The same-origin files a page names in href and src attributes. */
function named(html) {
  const urls = [...html.matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => new URL(m[1], PAGE));
  return [...new Set(urls.filter((u) => u.origin === self.location.origin).map((u) => u.href))];
}

/** Keeps `page` as the page and drops the hashed files of earlier releases. */
async function keepPage(cache, page) {
  const html = await page.clone().text();
  await cache.put(PAGE, page);
  const wanted = new Set(named(html));
  for (const req of await cache.keys()) {
    if (HASHED.test(new URL(req.url).pathname) && !wanted.has(req.url)) await cache.delete(req);
  }
  return wanted;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch(PAGE, { cache: 'no-cache' });
    if (page.ok) await cache.addAll([...(await keepPage(cache, page))].filter((u) => u !== PAGE));
    // Epoch AI's hardware catalog, which the page fetches as it starts: on its own, so that a
    // host without it cannot keep the page itself from working offline.
    await cache.add(new URL('epoch-ml-hardware.csv', PAGE).href).catch(() => {});
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// Epoch AI's data files: fetched by the page only when wanted (the models when the chart shows
// them), so a fetch made before this worker took control of a first visit passes it by. The page
// then hands over what it fetched (the message is [file name, text]) and it is kept as that
// file, so a later offline visit has it: no second download, which a failing network could lose.
const DATA = new Set(['epoch-notable-models.csv', 'epoch-ml-hardware.csv']);

self.addEventListener('message', (event) => {
  const [name, text] = Array.isArray(event.data) ? event.data : [];
  if (typeof name !== 'string' || !DATA.has(name) || typeof text !== 'string') return;
  const url = new URL(name, PAGE).href;
  const file = new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url, file)));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const navigate = req.mode === 'navigate';
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok && navigate) await keepPage(cache, res.clone());
      else if (res.ok) await cache.put(req, res.clone());
      return res;
    } catch (err) {
      const hit = await cache.match(navigate ? PAGE : req);
      if (hit) return hit;
      throw err;
    }
  })());
});
