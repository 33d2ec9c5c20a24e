/**
 * The browser half of the benchmark: the built site in headless Chromium (playwright-core, Debian's
 * /usr/bin/chromium), one fresh browser (cold profile) per run. Used by `npm run bench` and by the
 * smoke test (BENCH_SMOKE_BROWSER=1).
 *
 * What one run measures, all from the page's own clock (performance.now(), 0 = navigation start):
 *  - the interactive shell: when Svelte has hydrated the start page (its delegated `change` listener is
 *    attached, found by wrapping addEventListener in an init script) with the file input present;
 *  - wasm start-up: `mb:wasm-start` → `mb:wasm-ready` (the page starts it when idle);
 *  - after `mb:wasm-ready` (a user takes longer than that to pick a file), the files are set on
 *    `[data-testid=file-input]`: ingest = `mb:ingest-start` → `mb:ingest-end`; time to full dashboard =
 *    the input's `change` event → the first `mb:dashboard-ready` mark (`data-mb-ready` = 1: every
 *    overview query finished and rendered);
 *  - interactions (leads): clicking the first channel bar (filter on, then off) and changing the
 *    `range-from` date input (the overview's stand-in for a time brush), each from the event to the
 *    last `mb:dashboard-ready` of the burst it caused;
 *  - peak memory: VmHWM of the renderer process(es) (CDP SystemInfo.getProcessInfo → /proc/<pid>/status);
 *  - every DuckDB request to the worker, timed by wrapping Worker.prototype.postMessage, so a phase's
 *    slowest queries can be named.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { vmHwmMiB } from './util';
// One Chromium launch configuration for tests, screenshots and the benchmark.
import { CHROMIUM_ARGS, CHROMIUM_PATH as DEFAULT_CHROMIUM } from '../chromium';

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
	};
	wasmStartupMs: number | null;
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
	/** `mb:dashboard-ready` marks beyond the first in an interaction's burst (0 = one clean update). */
	extraRenders: number;
	peakMemoryMiB: number | null;
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

interface BenchWindow {
	hydratedAt: number | null;
	changeAt: { t: number; id: string | null }[];
	clickAt: { t: number; id: string | null }[];
	q: { type: string; sql: string | null; t0: number; t1: number; ok: boolean }[];
}

/** Runs in the page before any of its scripts (addInitScript). Must be self-contained. */
function instrument(): void {
	type Pending = { type: string; sql: string | null; stmt?: unknown; t0: number; t1: number; ok: boolean };
	const B = {
		hydratedAt: null as number | null,
		changeAt: [] as { t: number; id: string | null }[],
		clickAt: [] as { t: number; id: string | null }[],
		q: [] as Pending[]
	};
	(window as unknown as { __mbBench: typeof B }).__mbBench = B;
	const origAdd = EventTarget.prototype.addEventListener;
	EventTarget.prototype.addEventListener = function (
		this: EventTarget,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | AddEventListenerOptions
	) {
		// Svelte attaches its delegated `change` listener to the root (and document) once the
		// component tree is mounted, i.e. hydrated: from then on the file input works.
		if (type === 'change' && B.hydratedAt === null && typeof document !== 'undefined') {
			const input = document.querySelector('[data-testid="file-input"]');
			if (input && (this === document || (this instanceof Node && this.contains(input))))
				B.hydratedAt = performance.now();
		}
		return origAdd.call(this, type, listener, options);
	};
	const testid = (e: Event) =>
		e.target instanceof Element ? (e.target.getAttribute('data-testid') ?? e.target.tagName) : null;
	origAdd.call(
		window,
		'change',
		(e: Event) => B.changeAt.push({ t: performance.now(), id: testid(e) }),
		true
	);
	origAdd.call(window, 'click', (e: Event) => B.clickAt.push({ t: performance.now(), id: testid(e) }), true);

	const pending = new Map<number, Pending>();
	const statements = new Map<unknown, string | null>();
	const watched = new WeakSet<Worker>();
	const origPost = Worker.prototype.postMessage;
	Worker.prototype.postMessage = function (this: Worker, msg: unknown, transfer?: unknown) {
		try {
			const m = msg as { messageId?: number; type?: string; data?: unknown };
			if (m && typeof m === 'object' && typeof m.messageId === 'number' && typeof m.type === 'string') {
				if (!watched.has(this)) {
					watched.add(this);
					origAdd.call(this, 'message', (ev: Event) => {
						const d = (ev as MessageEvent).data as { requestId?: number; type?: string; data?: unknown };
						if (!d || typeof d.requestId !== 'number') return;
						const p = pending.get(d.requestId);
						if (!p) return;
						pending.delete(d.requestId);
						p.t1 = performance.now();
						p.ok = d.type !== 'ERROR';
						if (p.type === 'CREATE_PREPARED' && d.type === 'PREPARED_STATEMENT_ID')
							statements.set(d.data, p.sql);
						// Resolved now: the engine sends RUN_PREPARED before this listener has seen the id.
						if (p.stmt !== undefined) p.sql = statements.get(p.stmt) ?? null;
						delete p.stmt;
						B.q.push(p);
					});
				}
				const data = Array.isArray(m.data) ? m.data : [];
				let sql: string | null = null;
				let stmt: unknown = undefined;
				if (m.type === 'RUN_QUERY' || m.type === 'CREATE_PREPARED') sql = String(data[1] ?? '');
				else if (m.type === 'RUN_PREPARED' || m.type === 'CLOSE_PREPARED') stmt = data[1];
				else if (m.type === 'REGISTER_FILE_BUFFER') sql = `registerFileBuffer(${String(data[0])})`;
				if (sql) sql = sql.replace(/\s+/g, ' ').trim().slice(0, 240);
				pending.set(m.messageId, { type: m.type, sql, stmt, t0: performance.now(), t1: 0, ok: true });
			}
		} catch {
			// never break the page
		}
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return (origPost as any).call(this, msg, transfer);
	} as typeof Worker.prototype.postMessage;
}

const markTime = (page: Page, name: string): Promise<number | null> =>
	page.evaluate((n) => {
		const e = performance.getEntriesByName(n, 'mark');
		return e.length ? e[e.length - 1].startTime : null;
	}, name);

async function readyMarks(page: Page): Promise<{ t: number; renders: number }[]> {
	return page.evaluate(() =>
		performance
			.getEntriesByName('mb:dashboard-ready', 'mark')
			.map((e) => ({ t: e.startTime, renders: Number((e as PerformanceMark).detail?.renders ?? 0) }))
	);
}

async function mbReady(page: Page): Promise<number> {
	return page.evaluate(() => Number(document.documentElement.dataset.mbReady ?? 0));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `data-mb-ready` exceeds `before`, then until it has been quiet for `quietMs`; returns the
 * time of the last `mb:dashboard-ready` mark of that burst and how many there were.
 */
async function awaitUpdate(
	page: Page,
	before: number,
	timeoutMs: number,
	quietMs = 400
): Promise<{ last: number; marks: number }> {
	await page.waitForFunction((k) => Number(document.documentElement.dataset.mbReady ?? 0) > k, before, {
		timeout: timeoutMs,
		polling: 20
	});
	let seen = await mbReady(page);
	for (;;) {
		await sleep(quietMs);
		const now = await mbReady(page);
		if (now === seen) break;
		seen = now;
	}
	const marks = (await readyMarks(page)).filter((m) => m.renders > before);
	return { last: marks.length ? marks[marks.length - 1].t : NaN, marks: marks.length };
}

/** Headless Chromium as the tests use it (Playwright's own browser where the binary is missing). */
export function launchChromium(chromiumPath?: string): Promise<Browser> {
	const exe = chromiumPath ?? DEFAULT_CHROMIUM;
	return chromium.launch({
		executablePath: existsSync(exe) ? exe : undefined,
		headless: true,
		args: CHROMIUM_ARGS
	});
}

/** The largest VmHWM among the renderers, or null. */
export function peakMiB(renderers: { vmHwmMiB: number | null }[]): number | null {
	const peaks = renderers.map((r) => r.vmHwmMiB).filter((x): x is number => x !== null);
	return peaks.length ? Math.max(...peaks) : null;
}

/** Waits for the page's engine (`mb:wasm-ready`). */
async function wasmReady(page: Page): Promise<void> {
	await page.waitForFunction(() => performance.getEntriesByName('mb:wasm-ready').length > 0, null, {
		timeout: 120_000,
		polling: 50
	});
}

/** Waits until the service worker's engine cache holds a file whose URL matches `pattern`. */
async function engineCached(page: Page, pattern: RegExp): Promise<void> {
	await page.waitForFunction(
		async (source) => {
			const cache = await caches.open('mb-immutable');
			return (await cache.keys()).some((r) => new RegExp(source).test(r.url));
		},
		pattern.source,
		{ timeout: 60_000, polling: 200 }
	);
}

export async function rendererMemory(browser: Browser): Promise<{ pid: number; vmHwmMiB: number | null }[]> {
	try {
		const cdp = await browser.newBrowserCDPSession();
		const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
			processInfo: { type: string; id: number }[];
		};
		await cdp.detach();
		return info.processInfo
			.filter((p) => p.type === 'renderer')
			.map((p) => ({ pid: p.id, vmHwmMiB: vmHwmMiB(p.id) }));
	} catch {
		return [];
	}
}

function phaseQueries(q: BenchWindow['q'], from: number | null, to: number | null, top = 4): PhaseQueries {
	if (from === null || to === null) return { count: 0, totalMs: 0, top: [] };
	const inside = q.filter((x) => x.t0 >= from - 1 && x.t1 <= to + 1);
	// A prepared statement's create, run and close count as one query.
	const bySql = new Map<string, QueryTiming>();
	for (const x of inside) {
		const key = x.sql ?? x.type;
		const t = bySql.get(key) ?? { type: x.type, sql: x.sql, ms: 0 };
		if (x.type === 'RUN_QUERY' || x.type === 'RUN_PREPARED') t.type = x.type;
		t.ms += x.t1 - x.t0;
		bySql.set(key, t);
	}
	return {
		count: inside.length,
		totalMs: inside.reduce((a, x) => a + (x.t1 - x.t0), 0),
		top: [...bySql.values()].sort((a, b) => b.ms - a.ms).slice(0, top)
	};
}

/** The first funnel query (create + run of the prepared statement) in a window. */
function funnelQueryMs(q: BenchWindow['q'], from: number | null, to: number | null): number | null {
	if (from === null || to === null) return null;
	const isFunnel = (sql: string | null) =>
		sql !== null &&
		// over every lead, or (cohort, no window) over the pre-aggregated cube
		(sql.startsWith('SELECT count(*) FILTER (WHERE TRUE)::INTEGER AS "lead"') ||
			sql.startsWith('SELECT coalesce(sum(n), 0)::INTEGER AS "lead"')) &&
		!sql.includes('GROUP BY');
	const hits = q.filter((x) => x.t0 >= from - 1 && x.t1 <= to + 1 && isFunnel(x.sql));
	const run = hits.find((x) => x.type === 'RUN_PREPARED' || x.type === 'RUN_QUERY');
	if (!run) return null;
	const create = hits.filter((x) => x.type === 'CREATE_PREPARED' && x.t1 <= run.t0).at(-1);
	return run.t1 - run.t0 + (create ? create.t1 - create.t0 : 0);
}

function addDays(iso: string, n: number): string {
	return new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

async function oneRun(opts: BrowserOptions, runIndex: number): Promise<BrowserRun> {
	const log = opts.log ?? (() => {});
	const timeoutMs = opts.timeoutMs ?? 180_000;
	const samples = opts.samples ?? 2;
	const browser = await launchChromium(opts.chromiumPath);
	const run: BrowserRun = {
		outcome: 'error',
		error: null,
		loadErrors: [],
		shell: { domContentLoadedMs: null, interactiveMs: null, wasmStartMs: null, wasmReadyMs: null },
		wasmStartupMs: null,
		readMs: null,
		ingestMs: null,
		dashboardMs: null,
		firstQueriesMs: null,
		funnelQueryMs: null,
		filterMs: [],
		brushMs: [],
		extraRenders: 0,
		peakMemoryMiB: null,
		renderers: [],
		funnel: null,
		range: null,
		queries: {},
		fetched: [],
		responsive: null,
		engine: null,
		chromiumVersion: browser.version()
	};
	try {
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			locale: 'en-US',
			timezoneId: 'Asia/Tokyo'
		});
		const page = await context.newPage();
		// tsx (esbuild keepNames) wraps named inner functions in `__name(…)`; functions serialised into
		// the page need that helper there too.
		await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
		await page.addInitScript(instrument);
		let crashed = false;
		const crash = new Promise<'crash'>((resolve) =>
			page.on('crash', () => {
				crashed = true;
				resolve('crash');
			})
		);
		if (opts.secondVisit) {
			const { offline, engine } = opts.secondVisit;
			log(`  browser run ${runIndex + 1}: first visit (service worker, engine cache)`);
			await page.goto(opts.url, { waitUntil: 'domcontentloaded' });
			await wasmReady(page);
			await page.evaluate(async (e) => {
				localStorage.setItem('mb.engine', e);
				await navigator.serviceWorker.ready;
			}, engine);
			await engineCached(page, /\.wasm$/);
			if (engine === 'coi') {
				// An isolated page asks for the threaded build: fetch it once through the service worker.
				await page.goto(opts.url, { waitUntil: 'domcontentloaded' });
				await wasmReady(page);
				await engineCached(page, /duckdb-coi\./);
			}
			if (offline) await context.setOffline(true);
			log(`  browser run ${runIndex + 1}: second visit${offline ? ', offline' : ''} (${engine})`);
		}
		await page.goto(opts.url, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(
			() => (window as unknown as { __mbBench: BenchWindow }).__mbBench.hydratedAt !== null,
			null,
			{ timeout: 60_000, polling: 10 }
		);
		await wasmReady(page);
		const shell = await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
			const mark = (n: string) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null;
			const B = (window as unknown as { __mbBench: BenchWindow }).__mbBench;
			const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
				.filter((r) => r.name.startsWith(location.origin))
				.map((r) => ({
					path: new URL(r.name).pathname,
					transferSize: r.transferSize,
					decodedSize: r.decodedBodySize
				}));
			return {
				domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
				interactiveMs: B.hydratedAt,
				wasmStartMs: mark('mb:wasm-start'),
				wasmReadyMs: mark('mb:wasm-ready'),
				fetched
			};
		});
		run.shell = {
			domContentLoadedMs: shell.domContentLoadedMs,
			interactiveMs: shell.interactiveMs,
			wasmStartMs: shell.wasmStartMs,
			wasmReadyMs: shell.wasmReadyMs
		};
		run.fetched = shell.fetched;
		if (shell.wasmStartMs !== null && shell.wasmReadyMs !== null)
			run.wasmStartupMs = shell.wasmReadyMs - shell.wasmStartMs;
		run.engine = await page.evaluate(() => {
			const d = (performance.getEntriesByName('mb:engine', 'mark')[0] as PerformanceMark | undefined)
				?.detail as { bundle: string; threads: number } | undefined;
			return d ? { ...d, isolated: crossOriginIsolated } : null;
		});
		if (opts.shellOnly) {
			run.outcome = 'dashboard';
			return run;
		}

		log(`  browser run ${runIndex + 1}: dropping ${opts.files.length} file(s)`);
		await page.locator('[data-testid="file-input"]').setInputFiles(opts.files);
		const settled = await Promise.race([
			page
				.waitForFunction(
					() =>
						Number(document.documentElement.dataset.mbReady ?? 0) >= 1 ||
						document.querySelector('[data-testid="load-errors"]') !== null,
					null,
					{ timeout: timeoutMs, polling: 50 }
				)
				.then(() => 'settled' as const)
				.catch((e: Error) =>
					crashed ? ('crash' as const) : /Timeout/i.test(e.message) ? 'timeout' : 'crash'
				),
			crash
		]);
		if (settled !== 'settled') {
			run.outcome = settled === 'timeout' ? 'timeout' : 'crash';
			run.error =
				settled === 'timeout'
					? `no dashboard and no error message within ${Math.round(timeoutMs / 1000)} s`
					: 'the page (renderer process) crashed';
		} else {
			const ready = await mbReady(page);
			run.loadErrors = await page
				.locator('[data-testid="load-errors"] p:not(.kept)')
				.allTextContents()
				.catch(() => []);
			if (ready < 1) {
				run.outcome = 'load-error';
				run.error = run.loadErrors.join(' | ') || 'load failed';
			} else run.outcome = 'dashboard';
		}

		const B = crashed
			? null
			: await page.evaluate(() => (window as unknown as { __mbBench: BenchWindow }).__mbBench);
		const drop = B?.changeAt.find((c) => c.id === 'file-input')?.t ?? null;
		const ingestStart = crashed ? null : await markTime(page, 'mb:ingest-start');
		const ingestEnd = crashed ? null : await markTime(page, 'mb:ingest-end');
		if (ingestStart !== null && ingestEnd !== null) run.ingestMs = ingestEnd - ingestStart;
		if (drop !== null && ingestStart !== null) run.readMs = ingestStart - drop;
		if (B) run.queries.ingest = phaseQueries(B.q, ingestStart, ingestEnd, 60);

		if (run.outcome === 'dashboard') {
			const first = (await readyMarks(page)).find((m) => m.renders >= 1)?.t ?? null;
			if (drop !== null && first !== null) run.dashboardMs = first - drop;
			if (ingestEnd !== null && first !== null) run.firstQueriesMs = first - ingestEnd;
			if (B) {
				run.queries.dashboard = phaseQueries(B.q, ingestEnd, first);
				run.funnelQueryMs = funnelQueryMs(B.q, ingestEnd, first);
			}
			const counts = await page.evaluate(() =>
				Object.fromEntries(
					[...document.querySelectorAll('[data-testid^="funnel-count-"]')].map((el) => [
						el.getAttribute('data-testid')!.slice('funnel-count-'.length),
						Number((el.textContent ?? '').replace(/[^\d.-]/g, ''))
					])
				)
			);
			run.funnel = Object.keys(counts).length ? counts : null;
			const from = await page
				.locator('[data-testid="range-from"]')
				.inputValue()
				.catch(() => null);
			const to = await page
				.locator('[data-testid="range-to"]')
				.inputValue()
				.catch(() => null);
			if (from && to) run.range = { from, to };

			if (opts.interactions) await interact(page, run, samples, timeoutMs, log);
		} else if (!crashed) {
			// The tab must stay usable after a failure: the error's Dismiss button still works.
			run.responsive = await page
				.locator('[data-testid="load-errors"] button')
				.first()
				.click({ timeout: 10_000 })
				.then(() =>
					page.waitForFunction(() => !document.querySelector('[data-testid="load-errors"]'), null, {
						timeout: 10_000
					})
				)
				.then(() => true)
				.catch(() => false);
		} else run.responsive = false;

		run.renderers = await rendererMemory(browser);
		run.peakMemoryMiB = peakMiB(run.renderers);
	} catch (e) {
		run.outcome = 'error';
		run.error = (e as Error).message.split('\n')[0];
	} finally {
		await browser.close().catch(() => {});
	}
	return run;
}

async function interact(
	page: Page,
	run: BrowserRun,
	samples: number,
	timeoutMs: number,
	log: (m: string) => void
): Promise<void> {
	const bar = page.locator('[data-testid^="channel-bar-"]').first();
	const barId = await bar.getAttribute('data-testid').catch(() => null);
	const clickTime = async (id: string) =>
		page.evaluate(
			(tid) =>
				(window as unknown as { __mbBench: BenchWindow }).__mbBench.clickAt.filter((c) => c.id === tid).at(-1)
					?.t ?? null,
			id
		);
	if (barId) {
		for (let i = 0; i < samples; i++) {
			const before = await mbReady(page);
			await page.locator(`[data-testid="${barId}"]`).click({ timeout: 30_000 });
			const t0 = await clickTime(barId);
			const { last, marks } = await awaitUpdate(page, before, timeoutMs);
			if (t0 !== null && Number.isFinite(last)) run.filterMs.push(last - t0);
			run.extraRenders += Math.max(0, marks - 1);
			const B = await page.evaluate(() => (window as unknown as { __mbBench: BenchWindow }).__mbBench);
			run.queries[`filter${i + 1}`] = phaseQueries(B.q, t0, last);
		}
	} else log('  (no channel bar found: filter latency not measured)');

	const range = run.range;
	if (range) {
		for (let i = 0; i < samples; i++) {
			const before = await mbReady(page);
			const value = addDays(range.from, 30 * (i + 1));
			if (value >= range.to) break;
			const t0 = await page.evaluate((v) => {
				const el = document.querySelector('[data-testid="range-from"]') as HTMLInputElement | null;
				if (!el) return null;
				el.value = v;
				const t = performance.now();
				el.dispatchEvent(new Event('change', { bubbles: true }));
				return t;
			}, value);
			if (t0 === null) break;
			const { last, marks } = await awaitUpdate(page, before, timeoutMs);
			if (Number.isFinite(last)) run.brushMs.push(last - t0);
			run.extraRenders += Math.max(0, marks - 1);
			const B = await page.evaluate(() => (window as unknown as { __mbBench: BenchWindow }).__mbBench);
			run.queries[`brush${i + 1}`] = phaseQueries(B.q, t0, last);
		}
	}
}

/** `opts.runs` measurements, each in a fresh browser. Never throws: failures are in the runs. */
export async function runBrowser(opts: BrowserOptions): Promise<BrowserRun[]> {
	const runs: BrowserRun[] = [];
	for (let i = 0; i < opts.runs; i++) runs.push(await oneRun(opts, i));
	return runs;
}
