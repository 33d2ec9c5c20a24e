/**
 * Which service-worker cache holds what, and which caches a new version keeps. Pure, so the rules are
 * tested without a worker; `src/service-worker.ts` applies them.
 */

/** The app shell of one deployment: replaced by the next deployment's. */
export const shellCache = (version: string) => `mb-shell-${version}`;
/** Hashed, immutable files, kept across deployments (a tab on the previous one may load its chunks). */
export const IMMUTABLE = 'mb-immutable';
/**
 * The demo data (cached once used, not at install: a visitor may never load it): kept across
 * deployments, refreshed whenever the network answers, so the offline demo survives an update instead
 * of being deleted with the old shell.
 */
export const DATA = 'mb-data';

/** DuckDB's wasm builds and their worker scripts (Vite emits them as `assets/duckdb-….{wasm,js}`). */
export const isEngine = (path: string) => /\/assets\/duckdb-[^/]+\.(wasm|js)$/.test(path);

export const isData = (path: string) => /\/demo\/[^/]+$/.test(path);

/** The cache a fresh network response for `path` goes to. */
export function cacheFor(path: string, version: string): string {
	if (path.includes('/_app/immutable/')) return IMMUTABLE;
	return isData(path) ? DATA : shellCache(version);
}

/** On activation: every cache but the current shell, the immutable files and the data is deleted. */
export const keepOnActivate = (key: string, version: string) =>
	key === shellCache(version) || key === IMMUTABLE || key === DATA;

/** Headers on every response the worker serves: isolation (see `db/browser.ts`) and no framing. */
export const SECURITY_HEADERS: [string, string][] = [
	['Cross-Origin-Opener-Policy', 'same-origin'],
	['Cross-Origin-Embedder-Policy', 'require-corp'],
	['Cross-Origin-Resource-Policy', 'same-origin'],
	// A meta CSP cannot carry frame-ancestors; a header can (and X-Frame-Options for older browsers).
	['Content-Security-Policy', "frame-ancestors 'self'"],
	['X-Frame-Options', 'SAMEORIGIN']
];
