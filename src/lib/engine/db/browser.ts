/**
 * duckdb-wasm in the browser, self-hosted: Vite's `?url` imports put the wasm and worker files under
 * `_app/immutable/assets/`, so the site works under any base path and talks to no other origin.
 * Started lazily behind one shared promise (see `getBrowserDb`).
 */
import type { Db, Param, Row } from './types';
import { inlineParams, normaliseRow } from './sql';
import { blobInSlices } from '../next-task';

let started: Promise<Db> | null = null;

/** The one shared start-up: the first caller starts the wasm, everyone awaits the same promise. */
export function getBrowserDb(): Promise<Db> {
	started ??= start().catch((e) => {
		started = null; // let a later call retry instead of caching the failure forever
		throw e;
	});
	return started;
}

export function browserDbStarted(): boolean {
	return started !== null;
}

/**
 * Which engine build to run. `coi` is DuckDB's multi-threaded build: it needs a cross-origin isolated
 * page (the service worker adds the headers from the second visit on) and uses one thread per core.
 * `eh` is the single-threaded build every current browser can run. The default is DEFAULT_ENGINE;
 * `localStorage['mb.engine']` = 'coi' | 'eh' overrides it (the benchmark measures both).
 */
type EngineChoice = 'coi' | 'eh';
export const DEFAULT_ENGINE: EngineChoice = 'eh';

function engineChoice(): EngineChoice {
	try {
		const v = globalThis.localStorage?.getItem('mb.engine');
		if (v === 'coi' || v === 'eh') return v;
	} catch {
		// storage blocked: the default
	}
	return DEFAULT_ENGINE;
}

async function start(): Promise<Db> {
	const threads =
		engineChoice() === 'coi' && globalThis.crossOriginIsolated
			? Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 8))
			: 1;
	const [duckdb, mvpWasm, ehWasm, mvpWorker, ehWorker] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url')
	]);
	const bundles: Parameters<typeof duckdb.selectBundle>[0] = {
		mvp: { mainModule: mvpWasm.default, mainWorker: mvpWorker.default },
		eh: { mainModule: ehWasm.default, mainWorker: ehWorker.default }
	};
	if (threads > 1) {
		const [coiWasm, coiWorker, coiPthread] = await Promise.all([
			import('@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url'),
			import('@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url'),
			import('@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url')
		]);
		bundles.coi = {
			mainModule: coiWasm.default,
			mainWorker: coiWorker.default,
			pthreadWorker: coiPthread.default
		};
	}
	// selectBundle picks coi when given and the page is cross-origin isolated, else eh where exceptions
	// are supported (every current browser), mvp otherwise.
	const bundle = await duckdb.selectBundle(bundles);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// A failed download of the engine can leave instantiate() pending forever: a worker error or a
	// timeout ends the wait with a message instead of an endless "starting".
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			db.instantiate(bundle.mainModule, bundle.pthreadWorker),
			new Promise<never>((_, reject) => {
				worker.addEventListener('error', (e) => reject(new Error(e.message || 'its worker failed')));
				// A failed download inside the worker is not reported to the page at all: only a timeout
				// ends the wait (`__mbEngineTimeoutMs` shortens it in the e2e test).
				const ms = Number((globalThis as { __mbEngineTimeoutMs?: number }).__mbEngineTimeoutMs ?? 120_000);
				timer = setTimeout(
					() => reject(new Error(`it did not start within ${Math.round(ms / 1000)} seconds`)),
					ms
				);
			})
		]);
	} catch (e) {
		worker.terminate();
		throw e;
	} finally {
		clearTimeout(timer);
	}
	const multi = Boolean(bundle.pthreadWorker);
	if (multi) await db.open({ maximumThreads: threads });
	// The engine build and thread count this page runs, for the benchmark.
	const engineInfo = {
		bundle: multi ? 'coi' : bundle.mainModule.includes('mvp') ? 'mvp' : 'eh',
		threads: multi ? threads : 1
	};
	globalThis.performance?.mark?.('mb:engine', { detail: engineInfo });
	// The service worker keeps these for the next visit, offline included (see src/service-worker.ts).
	const files = [bundle.mainModule, bundle.mainWorker, bundle.pthreadWorker].filter(Boolean);
	void navigator.serviceWorker?.ready
		.then((reg) => reg.active?.postMessage({ type: 'engine', urls: files }))
		.catch(() => {});
	const conn = await db.connect();
	type Result = { toArray(): { toJSON(): Record<string, unknown> }[] };
	const toRows = (res: Result): Row[] => res.toArray().map((r) => normaliseRow(r.toJSON()));
	return {
		async query(sql: string, params: readonly Param[] = []) {
			if (params.length === 0) return toRows((await conn.query(sql)) as unknown as Result);
			// One request instead of three (prepare, run, close): see inlineParams.
			const inlined = inlineParams(sql, params);
			if (inlined !== null) return toRows((await conn.query(inlined)) as unknown as Result);
			const stmt = await conn.prepare(sql);
			try {
				return toRows((await stmt.query(...params)) as unknown as Result);
			} finally {
				await stmt.close();
			}
		},
		async exec(sql: string) {
			await conn.query(sql);
		},
		async registerFile(name: string, data: Uint8Array | Blob) {
			// A Blob, read by the worker in chunks as DuckDB asks (FileReaderSync): the bytes are neither
			// copied into the worker's wasm heap nor posted to it, so a big file is not held twice more
			// in the tab's memory (registerFileBuffer did both). A dropped File is read from disk; bytes
			// in memory are made a Blob a slice per task (one `new Blob([bytes])` of a big file is a long
			// main-thread task), the caller keeping its own.
			const blob = data instanceof Uint8Array ? await blobInSlices(data) : data;
			await db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		}
	};
}
