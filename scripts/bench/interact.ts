/**
 * The benchmark's interactions after a load: on the overview, the channel filter (first channel bar, on
 * then off) and the `range-from` date (the overview's stand-in for a time brush), each timed to the last
 * `mb:dashboard-ready` of its burst; on the field-sales page (the heaviest department page, which has
 * no ready mark), opening it, removing the channel filter and moving `range-from`, each timed to the
 * frame painted after the last DuckDB reply it caused.
 */
import type { Page } from 'playwright-core';
import type { BrowserRun } from './browser-types';
import { phaseQueries, type BenchWindow } from './page-instrument';

export const markTime = (page: Page, name: string): Promise<number | null> =>
	page.evaluate((n) => {
		const e = performance.getEntriesByName(n, 'mark');
		return e.length ? e[e.length - 1].startTime : null;
	}, name);

export async function readyMarks(page: Page): Promise<{ t: number; renders: number }[]> {
	return page.evaluate(() =>
		performance
			.getEntriesByName('mb:dashboard-ready', 'mark')
			.map((e) => ({ t: e.startTime, renders: Number((e as PerformanceMark).detail?.renders ?? 0) }))
	);
}

export async function mbReady(page: Page): Promise<number> {
	return page.evaluate(() => Number(document.documentElement.dataset.mbReady ?? 0));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `data-mb-ready` exceeds `before`, then until it has been quiet for `quietMs`; returns the
 * time of the last `mb:dashboard-ready` mark of that burst and how many there were.
 */
export async function awaitUpdate(
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

export async function interact(
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

const bench = (page: Page) =>
	page.evaluate(() => (window as unknown as { __mbBench: BenchWindow }).__mbBench);

/**
 * An action whose figures are all remembered asks DuckDB nothing: when no request starts within this
 * long, the action is taken as answered from the page's cache (waiting the whole timeout for a request
 * that never comes made a run take minutes).
 */
const FIRST_REQUEST_MS = 5_000;

/**
 * After an action at `t0`: waits for the DuckDB requests it caused to finish (none in flight and none
 * new for `quietMs`); returns when the frame after the last reply was painted (NaN: nothing was asked).
 */
async function awaitQuiet(page: Page, t0: number, timeoutMs: number, quietMs = 400): Promise<number> {
	const started = (k: number) =>
		(window as unknown as { __mbBench: BenchWindow }).__mbBench.q.some((x) => x.t0 >= k);
	const asked = await page
		.waitForFunction(started, t0, { timeout: Math.min(timeoutMs, FIRST_REQUEST_MS), polling: 20 })
		.then(() => true)
		.catch(() => false);
	if (!asked) return NaN;
	let seen = -1;
	for (;;) {
		await sleep(quietMs);
		const B = await bench(page);
		if (B.inflight === 0 && B.q.length === seen) {
			const after = B.q.filter((x) => x.t0 >= t0);
			return after.length ? Math.max(...after.map((x) => x.painted ?? x.t1)) : NaN;
		}
		seen = B.q.length;
	}
}

/** Clicks (in the page, so the time is the page's own) and returns the time of the click. */
const clickAt = (page: Page, selector: string) =>
	page.evaluate((sel) => {
		const el = document.querySelector(sel);
		if (!el) return null;
		const t = performance.now();
		// A channel bar is an SVG element: no click(), but a bubbling click event reaches its handler.
		el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
		return t;
	}, selector);

export async function fieldSales(
	page: Page,
	run: BrowserRun,
	samples: number,
	timeoutMs: number,
	log: (m: string) => void
): Promise<void> {
	// A channel filter set on the overview; the field-sales page opens with it.
	const before = await mbReady(page);
	if ((await clickAt(page, '[data-testid^="channel-bar-"]')) === null) {
		log('  (no channel bar found: field-sales page not measured)');
		return;
	}
	await awaitUpdate(page, before, timeoutMs);
	const t0 = await clickAt(page, '[data-testid="nav-field-sales"]');
	if (t0 === null) return;
	const opened = await awaitQuiet(page, t0, timeoutMs);
	if (Number.isFinite(opened)) run.fieldSales.openMs = opened - t0;
	run.queries.fieldSalesOpen = phaseQueries((await bench(page)).q, t0, opened);
	const t1 = await clickAt(page, '[data-testid="chip-channel"] button');
	if (t1 !== null) {
		const last = await awaitQuiet(page, t1, timeoutMs);
		if (Number.isFinite(last)) run.fieldSales.filterMs.push(last - t1);
		run.queries.fieldSalesFilter = phaseQueries((await bench(page)).q, t1, last);
	} else log('  (no filter chip on the field-sales page: its filter latency not measured)');
	const range = run.range;
	for (let i = 0; range && i < samples; i++) {
		const value = addDays(range.from, 30 * (i + 1));
		if (value >= range.to) break;
		const t = await page.evaluate((v) => {
			const el = document.querySelector('[data-testid="range-from"]') as HTMLInputElement | null;
			if (!el) return null;
			el.value = v;
			const now = performance.now();
			el.dispatchEvent(new Event('change', { bubbles: true }));
			return now;
		}, value);
		if (t === null) break;
		const last = await awaitQuiet(page, t, timeoutMs);
		if (Number.isFinite(last)) run.fieldSales.brushMs.push(last - t);
		run.queries[`fieldSalesBrush${i + 1}`] = phaseQueries((await bench(page)).q, t, last);
	}
}

function addDays(iso: string, n: number): string {
	return new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}
