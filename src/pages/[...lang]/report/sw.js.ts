/**
 * The report page's service worker (/report/sw.js and /en/report/sw.js, each scoped to its page): keeps a
 * copy of the page and the files it loaded, so the page — and the reports waiting in its outbox — opens
 * without a connection. Pages are fetched from the network first (always the newest when online); built
 * files under /_astro/ have hashed names, so a kept copy is never stale. Nothing else is touched: Supabase
 * requests (another origin) go straight to the network.
 */
import type { APIRoute } from 'astro';
import { localeStaticPaths } from '../../../i18n/index.ts';

export const getStaticPaths = localeStaticPaths;

const worker = `const CACHE = 'qingshan-report-v1';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(caches.open(CACHE).then((cache) =>
    Promise.all(data.urls.map((url) => cache.match(url, { ignoreVary: true }).then((hit) => hit || cache.add(url)).catch(() => undefined)))));
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)));
      }
      return response;
    }).catch(() => caches.match(url.pathname, { ignoreVary: true }).then((hit) => hit || Response.error())));
  } else if (url.pathname.startsWith('/_astro/')) {
    // Hashed names never change content: ignore Vary (module requests carry an Origin header the kept copy
    // was fetched without) and the query (Astro retries a failed island import with ?astro-retry=…).
    event.respondWith(caches.match(request, { ignoreVary: true, ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })));
  }
});
`;

export const GET: APIRoute = () =>
  new Response(worker, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
