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
 *  - interactions (leads, see interact.ts): on the overview and on the field-sales page;
 *  - the main thread's long tasks (PerformanceObserver) from the file chosen to the full dashboard;
 *  - peak memory: VmHWM of the renderer process(es) (CDP SystemInfo.getProcessInfo → /proc/<pid>/status);
 *  - every DuckDB request to the worker, timed by wrapping Worker.prototype.postMessage, so a phase's
 *    slowest queries can be named.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { vmHwmMiB, vmRssMiB } from './util';
import type { BrowserOptions, BrowserRun } from './browser-types';
import { fieldSales, interact, markTime, mbReady, readyMarks } from './interact';
import { funnelQueryMs, instrument, longTasks, phaseQueries, type BenchWindow } from './page-instrument';
// One Chromium launch configuration for tests, screenshots and the benchmark.
import { CHROMIUM_ARGS, CHROMIUM_PATH as DEFAULT_CHROMIUM } from '../chromium';

export type { BrowserOptions, BrowserRun, PhaseQueries, QueryTiming } from './browser-types';

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

/**
 * Waits for the engine's warm-up on a made-up file (`mb:engine-warm`, src/lib/engine/warm-up.ts): a user
 * takes longer than that to pick a file. A page without a warm-up is given up on after 30 s.
 */
async function engineWarm(page: Page): Promise<void> {
	await page
		.waitForFunction(() => performance.getEntriesByName('mb:engine-warm').length > 0, null, {
			timeout: 30_000,
			polling: 50
		})
		.catch(() => {});
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

/**
 * Samples the renderers' resident memory every 250 ms from now until `stop()`: [page time, MiB] pairs,
 * page time on the page's own clock (`performance.now()`), so samples line up with its requests.
 */
async function memorySampler(browser: Browser, page: Page) {
	const pids = (await rendererMemory(browser)).map((r) => r.pid);
	const origin = await page.evaluate(() => performance.timeOrigin);
	const samples: [number, number][] = [];
	const sample = () => {
		const now = pids.map(vmRssMiB).filter((x): x is number => x !== null);
		if (now.length) samples.push([Date.now() - origin, Math.max(...now)]);
	};
	sample();
	const timer = setInterval(sample, 250);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			sample();
			return samples;
		}
	};
}

/** What the samples say (see BrowserRun.memory), placed among the page's requests. */
function memoryProfile(
	samples: [number, number][],
	B: BenchWindow | null,
	drop: number | null,
	ingestStart: number | null
): BrowserRun['memory'] {
	if (!samples.length || drop === null) return null;
	const before = samples[0][1];
	const at = (t: number) =>
		samples.reduce((best, s) => (Math.abs(s[0] - t) < Math.abs(best[0] - t) ? s : best))[1];
	const [peakT, peakMiB] = samples.reduce((best, s) => (s[1] > best[1] ? s : best));
	const running = B?.q.find((x) => x.t0 <= peakT && (x.t1 === 0 || x.t1 >= peakT)) ?? null;
	return {
		beforeDropMiB: before,
		atIngestStartMiB: ingestStart === null ? null : at(ingestStart),
		peak: {
			mib: peakMiB,
			at: Math.round(peakT - drop),
			during: running ? (running.sql ?? running.type).replace(/\s+/g, ' ').slice(0, 100) : null
		},
		samples: samples.map(([t, m]) => [Math.round(t - drop), Math.round(m)])
	};
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
		shell: {
			domContentLoadedMs: null,
			interactiveMs: null,
			wasmStartMs: null,
			wasmReadyMs: null,
			warmMs: null
		},
		wasmStartupMs: null,
		warmUpMs: null,
		readMs: null,
		ingestMs: null,
		dashboardMs: null,
		firstQueriesMs: null,
		funnelQueryMs: null,
		filterMs: [],
		brushMs: [],
		fieldSales: { openMs: null, filterMs: [], brushMs: [] },
		loadLongTasks: null,
		extraRenders: 0,
		peakMemoryMiB: null,
		memory: null,
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
		if (!opts.coldDrop) await engineWarm(page);
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
				warmMs: mark('mb:engine-warm'),
				fetched
			};
		});
		run.shell = {
			domContentLoadedMs: shell.domContentLoadedMs,
			interactiveMs: shell.interactiveMs,
			wasmStartMs: shell.wasmStartMs,
			wasmReadyMs: shell.wasmReadyMs,
			warmMs: shell.warmMs
		};
		run.fetched = shell.fetched;
		if (shell.wasmStartMs !== null && shell.wasmReadyMs !== null)
			run.wasmStartupMs = shell.wasmReadyMs - shell.wasmStartMs;
		if (shell.wasmReadyMs !== null && shell.warmMs !== null) run.warmUpMs = shell.warmMs - shell.wasmReadyMs;
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
		const sampler = await memorySampler(browser, page);
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

		const rss = sampler.stop();
		const B = crashed
			? null
			: await page.evaluate(() => (window as unknown as { __mbBench: BenchWindow }).__mbBench);
		const drop = B?.changeAt.find((c) => c.id === 'file-input')?.t ?? null;
		const ingestStart = crashed ? null : await markTime(page, 'mb:ingest-start');
		run.memory = memoryProfile(rss, B, drop, ingestStart);
		const ingestEnd = crashed ? null : await markTime(page, 'mb:ingest-end');
		if (ingestStart !== null && ingestEnd !== null) run.ingestMs = ingestEnd - ingestStart;
		if (drop !== null && ingestStart !== null) run.readMs = ingestStart - drop;
		if (B) run.queries.ingest = phaseQueries(B.q, ingestStart, ingestEnd, 60);
		// Without a dashboard: every long task since the drop.
		if (B) run.loadLongTasks = longTasks(B.longTasks, drop, Number.MAX_SAFE_INTEGER);

		if (run.outcome === 'dashboard') {
			const first = (await readyMarks(page)).find((m) => m.renders >= 1)?.t ?? null;
			if (drop !== null && first !== null) run.dashboardMs = first - drop;
			if (ingestEnd !== null && first !== null) run.firstQueriesMs = first - ingestEnd;
			if (B) {
				run.queries.dashboard = phaseQueries(B.q, ingestEnd, first);
				run.funnelQueryMs = funnelQueryMs(B.q, ingestEnd, first);
				run.loadLongTasks = longTasks(B.longTasks, drop, first);
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

			if (opts.interactions) {
				await interact(page, run, samples, timeoutMs, log);
				// Its own failure (a page that changed) must not discard the overview's figures.
				await fieldSales(page, run, samples, timeoutMs, log).catch((e: Error) =>
					log(`  field-sales page not measured: ${e.message.split('\n')[0]}`)
				);
			}
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
		// The renderers' high-water marks at the end, or a higher sample taken during the load: a 9.5M
		// activities run sampled 3436 MiB in a renderer no longer listed at the end (its marks: 2639).
		const sampled = run.memory?.peak?.mib ?? null;
		const marks = peakMiB(run.renderers);
		run.peakMemoryMiB = sampled === null ? marks : Math.max(marks ?? 0, sampled);
	} catch (e) {
		run.outcome = 'error';
		run.error = (e as Error).message.split('\n')[0];
	} finally {
		await browser.close().catch(() => {});
	}
	return run;
}

/** `opts.runs` measurements, each in a fresh browser. Never throws: failures are in the runs. */
export async function runBrowser(opts: BrowserOptions): Promise<BrowserRun[]> {
	const runs: BrowserRun[] = [];
	for (let i = 0; i < opts.runs; i++) runs.push(await oneRun(opts, i));
	return runs;
}
