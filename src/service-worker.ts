/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline second visits and cross-origin isolation, for a static site on a host that sends neither
 * cache rules nor headers we control (GitHub Pages).
 *
 * - Install caches the app shell: the prerendered pages, the app's JS and CSS, the config. Not the
 *   DuckDB engine (33–38 MiB per variant, of which a browser uses one): the page names the files it
 *   runs once its engine started, and they are cached then, so a second visit starts with no network.
 * - Hashed files (`_app/immutable/`) never change: cache first. Everything else (pages, the config, demo
 *   and template files): network first, so a new deployment is seen at once, with the cache as the
 *   fallback offline.
 * - The demo files, once used, live in their own cache that deployments keep (`sw/caches.ts`).
 * - Every response it serves carries COOP/COEP headers, which make the page cross-origin isolated (the
 *   site loads nothing from another origin, so nothing breaks); see `db/browser.ts` for what uses that.
 *   And frame-ancestors / X-Frame-Options, which a meta CSP cannot carry.
 */
import { build, files, prerendered, version } from '$service-worker';
import {
	IMMUTABLE,
	SECURITY_HEADERS,
	cacheFor,
	isData,
	isEngine,
	keepOnActivate,
	shellCache
} from '$lib/sw/caches';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = shellCache(version);

sw.addEventListener('install', (event) => {
	const shell = [...build.filter((p) => !isEngine(p)), ...prerendered, ...files.filter((p) => !isData(p))];
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SHELL);
			await cache.addAll(shell);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (!keepOnActivate(key, version)) await caches.delete(key);
			}
			const current = new Set(build.map((p) => new URL(p, sw.location.href).href));
			const immutable = await caches.open(IMMUTABLE);
			for (const req of await immutable.keys()) {
				if (isEngine(new URL(req.url).pathname) && !current.has(req.url)) await immutable.delete(req);
			}
			// No clients.claim(): a page loaded before the worker keeps the network for its whole life (its
			// engine start-up is never switched over mid-fetch); the next page load is served from here.
		})()
	);
});

/** The response with the headers that make a page cross-origin isolated and refuse foreign framing. */
function isolated(res: Response): Response {
	if (res.type === 'opaque' || res.status === 0) return res;
	const headers = new Headers(res.headers);
	for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
	return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Stores a copy of a response without holding the page's copy back (engine files are tens of MiB). */
function store(event: FetchEvent, cacheName: string, request: Request, res: Response): void {
	event.waitUntil(
		caches
			.open(cacheName)
			.then((c) => c.put(request, res))
			.catch(() => {})
	);
}

async function respond(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const url = new URL(request.url);
	if (url.pathname.includes('/_app/immutable/')) {
		const hit = await caches.match(request);
		if (hit) return hit;
		const res = await fetch(request);
		if (res.ok) store(event, IMMUTABLE, request, res.clone());
		return res;
	}
	try {
		const res = await fetch(request);
		// Pages and static files as last seen, for the next offline visit (demo files included, once used).
		if (res.ok && res.type === 'basic') store(event, cacheFor(url.pathname, version), request, res.clone());
		return res;
	} catch (e) {
		const hit = (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(url.pathname));
		if (hit) return hit;
		throw e;
	}
}

// The page, once its engine runs, names the engine files it fetched (on a first visit it is not yet
// served through here): cached then, from the HTTP cache, after the page's own download finished (a
// concurrent request for the same URL fails the page's download with ERR_CACHE_WRITE_FAILURE).
sw.addEventListener('message', (event) => {
	const urls =
		(event.data as { type?: string; urls?: unknown })?.type === 'engine'
			? (event.data.urls as unknown)
			: null;
	if (!Array.isArray(urls)) return;
	const mine = urls.filter(
		(u): u is string => typeof u === 'string' && new URL(u, sw.location.href).origin === sw.location.origin
	);
	event.waitUntil(
		caches
			.open(IMMUTABLE)
			.then((cache) =>
				Promise.all(
					mine.map(async (u) => ((await cache.match(u)) ? undefined : cache.add(u).catch(() => {})))
				)
			)
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	// Only this site's own http(s) GETs (not blob: downloads, whose URL carries the same origin).
	if (request.method !== 'GET' || !url.protocol.startsWith('http') || url.origin !== sw.location.origin)
		return;
	// Range requests (media) and anything else unusual go straight to the network.
	if (request.headers.has('range')) return;
	event.respondWith(respond(event).then(isolated));
});
