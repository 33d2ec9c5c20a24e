/** What a benchmark browser run is asked to do, and what it measured (see browser.ts). */
import type { LongTasks } from './page-instrument';

export interface BrowserOptions {
	/** The site's URL, e.g. http://127.0.0.1:4173/modelboard/ */
	url: string;
	/** Files set on the file input together (one drop). */
	files: string[];
	/** Measure filter and brush latencies after the dashboard is ready (needs a leads file). */
	interactions: boolean;
	runs: number;
	chromiumPath?: string;
	/** Drop → dashboard (or an error) limit per run. */
	timeoutMs?: number;
	/** Filter toggles and brush changes per run (default 2 each). */
	samples?: number;
	log?: (message: string) => void;
	/**
	 * Measure a second visit instead of a first: a first visit in the same profile installs the service
	 * worker and lets it cache the engine; then the page is opened again, offline if asked (the shell and
	 * engine must come from the cache), with `engine` set in localStorage (`coi`: DuckDB's multi-threaded
	 * build, possible because the service worker makes the page cross-origin isolated).
	 */
	secondVisit?: { offline: boolean; engine: 'eh' | 'coi' };
	/** Stop after the start-up figures (interactive shell, wasm start-up): no file is dropped. */
	shellOnly?: boolean;
	/** Choose the file right after `mb:wasm-ready`, not after the engine's warm-up (`mb:engine-warm`). */
	coldDrop?: boolean;
}

export interface QueryTiming {
	type: string;
	sql: string | null;
	ms: number;
}

export interface PhaseQueries {
	/** Requests to the DuckDB worker in the phase, and their summed duration. */
	count: number;
	totalMs: number;
	top: QueryTiming[];
	/** Every request of the phase in the order sent: `at` ms after the phase began, `ms` until its reply. */
	timeline?: { type: string; at: number; ms: number; sql: string | null }[];
}

export interface BrowserRun {
	outcome: 'dashboard' | 'load-error' | 'crash' | 'timeout' | 'error';
	error: string | null;
	/** Messages in `[data-testid=load-errors]`. */
	loadErrors: string[];
	shell: {
		domContentLoadedMs: number | null;
		/** Navigation start → hydrated start page with the file input present. */
		interactiveMs: number | null;
		wasmStartMs: number | null;
		wasmReadyMs: number | null;
		/** `mb:engine-warm`: the warm-up on a made-up file ended (null: not waited for, or none). */
		warmMs: number | null;
	};
	wasmStartupMs: number | null;
	/** `mb:wasm-ready` → `mb:engine-warm`. */
	warmUpMs: number | null;
	/** `change` on the input → `mb:ingest-start`: reading the File into bytes, queueing. */
	readMs: number | null;
	ingestMs: number | null;
	/** `change` → first `mb:dashboard-ready`. */
	dashboardMs: number | null;
	/** `mb:ingest-end` → first `mb:dashboard-ready`: the overview's queries and render. */
	firstQueriesMs: number | null;
	/** The lead funnel query (`funnelCountsSql`, no GROUP BY) in that phase, as the worker answered it. */
	funnelQueryMs: number | null;
	filterMs: number[];
	brushMs: number[];
	/** The field-sales page: opening it with a channel filter, removing the filter, moving `range-from`. */
	fieldSales: { openMs: number | null; filterMs: number[]; brushMs: number[] };
	/** The main thread's long tasks from the file chosen to the first full dashboard. */
	loadLongTasks: LongTasks | null;
	/** `mb:dashboard-ready` marks beyond the first in an interaction's burst (0 = one clean update). */
	extraRenders: number;
	peakMemoryMiB: number | null;
	/**
	 * The renderers' resident memory (the largest, sampled every 250 ms) from the drop until the page
	 * settled: before the drop, when the ingest started (the file's bytes read), at its peak, and which
	 * worker request was running then (null: none, the main thread's work). Times in ms after the drop.
	 */
	memory: {
		beforeDropMiB: number | null;
		atIngestStartMiB: number | null;
		peak: { mib: number; at: number; during: string | null } | null;
		samples: [number, number][];
	} | null;
	renderers: { pid: number; vmHwmMiB: number | null }[];
	funnel: Record<string, number> | null;
	range: { from: string; to: string } | null;
	queries: Record<string, PhaseQueries>;
	/** Same-origin resources fetched before the drop (path after the origin, bytes on the wire). */
	fetched: { path: string; transferSize: number; decodedSize: number }[];
	/** The engine build and threads the page ran (`mb:engine`), and whether it was cross-origin isolated. */
	engine: { bundle: string; threads: number; isolated: boolean } | null;
	/** After a failure: the error's Dismiss button still worked (null when not tested). */
	responsive: boolean | null;
	chromiumVersion: string;
}
