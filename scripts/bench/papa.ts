/**
 * The path a typical peer takes: decode the bytes, papaparse them into JS objects (main thread,
 * `header: true`), then compute the funnel in plain JS loops: dates `2025/04/01` parsed per cell,
 * stages counted with the skipped-stage rule (docs/metrics.md: a lead counts for a stage when it has that
 * stage's date, any later stage's date, or a status implying the stage). Timed from bytes in memory.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Scenario } from './native';

export interface PapaJob {
	kind: 'papa';
	file: string;
	scenario: Scenario;
}

export interface PapaResult {
	/** TextDecoder (UTF-8, or Shift_JIS for activities: a browser must decode too). */
	decodeMs: number;
	/** Papa.parse(text, { header: true, skipEmptyLines: true }) → one object per row. */
	parseMs: number;
	/** The funnel (leads) or per-rep call counts (activities) in JS loops, including the date span. */
	aggregateMs: number;
	totalMs: number;
	rows: number;
	span: { from: string; to: string } | null;
	/** Leads: stage → count, over the data's whole span (the dashboard's default view). */
	funnel: Record<string, number> | null;
	/** Activities: calls and connected calls. */
	calls: { calls: number; connected: number } | null;
}

const LEAD_COLUMNS = {
	created: '作成日',
	stages: ['作成日', 'MQL日', '商談化日', '商談作成日', '受注日'],
	lost: '失注日',
	status: 'ステータス'
};
const STAGE_NAMES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;
/**
 * Highest stage a status implies (対象外 none). 失注 implies an opportunity only in a file without an
 * opportunity date column (src/lib/engine/ingest/merge.ts): where opportunities are dated, the dates say.
 */
const STATUS_RANK: Record<string, number> = { 新規: 0, MQL: 1, 商談化: 2, 商談中: 3, 受注: 4 };
const LOST_STATUS = '失注';

/** `2025/04/01` (or `2025/04/01 13:05`) → epoch day; null for empty. The usual split-and-Date.UTC. */
function parseDay(s: string | undefined): number | null {
	if (!s) return null;
	const [y, m, d] = s.split(' ')[0].split('/');
	const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
	return Number.isNaN(ms) ? null : ms / 86_400_000;
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The funnel over rows parsed with headers, in JS loops; the range is the data's span. */
export function jsFunnel(
	rows: Record<string, string>[],
	fields: readonly string[] = Object.keys(rows[0] ?? {})
): {
	funnel: Record<string, number>;
	span: { from: string; to: string } | null;
} {
	const n = rows.length;
	const lostRank = fields.includes(LEAD_COLUMNS.stages[3]) ? -1 : 3;
	// One pass for dates and the span (the default view is the whole span), one to count.
	const dates: (number | null)[][] = new Array(n);
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < n; i++) {
		const r = rows[i];
		const ds = LEAD_COLUMNS.stages.map((c) => parseDay(r[c]));
		const lost = parseDay(r[LEAD_COLUMNS.lost]);
		for (const d of [...ds, lost]) {
			if (d === null) continue;
			if (d < lo) lo = d;
			if (d > hi) hi = d;
		}
		dates[i] = ds;
	}
	const counts = [0, 0, 0, 0, 0];
	for (let i = 0; i < n; i++) {
		const ds = dates[i];
		const created = ds[0];
		if (created === null || created < lo || created > hi) continue; // cohort: created in range
		const status = rows[i][LEAD_COLUMNS.status];
		const rank = status === LOST_STATUS ? lostRank : (STATUS_RANK[status] ?? -1);
		let reachedLater = false;
		for (let s = 4; s >= 0; s--) {
			if (ds[s] !== null) reachedLater = true;
			if (s === 0 || reachedLater || rank >= s) counts[s]++;
		}
	}
	return {
		funnel: Object.fromEntries(STAGE_NAMES.map((s, i) => [s, counts[i]])),
		span: Number.isFinite(lo) ? { from: iso(lo), to: iso(hi) } : null
	};
}

function jsCalls(rows: Record<string, string>[]): {
	calls: { calls: number; connected: number };
	span: { from: string; to: string } | null;
} {
	let calls = 0;
	let connected = 0;
	let lo = Infinity;
	let hi = -Infinity;
	const perRep = new Map<string, number>();
	for (const r of rows) {
		const d = parseDay(r['日時']);
		if (d !== null) {
			if (d < lo) lo = d;
			if (d > hi) hi = d;
		}
		if (r['種別'] !== '電話') continue;
		calls++;
		perRep.set(r['担当者'], (perRep.get(r['担当者']) ?? 0) + 1);
		if (r['結果'] === '接続' || r['結果'] === 'アポ獲得') connected++;
	}
	return {
		calls: { calls, connected },
		span: Number.isFinite(lo) ? { from: iso(lo), to: iso(hi) } : null
	};
}

export function runPapa(
	job: PapaJob,
	bytes: Uint8Array = new Uint8Array(readFileSync(job.file))
): PapaResult {
	const t0 = performance.now();
	const text = new TextDecoder(job.scenario === 'activities' ? 'shift_jis' : 'utf-8').decode(bytes);
	const t1 = performance.now();
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	const t2 = performance.now();
	const agg =
		job.scenario === 'leads'
			? { ...jsFunnel(parsed.data, parsed.meta.fields ?? []), calls: null }
			: { ...jsCalls(parsed.data), funnel: null };
	const t3 = performance.now();
	return {
		decodeMs: t1 - t0,
		parseMs: t2 - t1,
		aggregateMs: t3 - t2,
		totalMs: t3 - t0,
		rows: parsed.data.length,
		span: agg.span,
		funnel: agg.funnel,
		calls: agg.calls
	};
}

/** The script that defines `window.mbPapa(file, scenario)` in a page: the same functions as above. */
function pageScript(): string {
	return [
		'globalThis.__name = globalThis.__name || ((f) => f);',
		`const LEAD_COLUMNS = ${JSON.stringify(LEAD_COLUMNS)};`,
		`const STAGE_NAMES = ${JSON.stringify(STAGE_NAMES)};`,
		`const STATUS_RANK = ${JSON.stringify(STATUS_RANK)};`,
		`const LOST_STATUS = ${JSON.stringify(LOST_STATUS)};`,
		`const parseDay = ${parseDay.toString()};`,
		`const iso = ${iso.toString()};`,
		`const jsFunnel = ${jsFunnel.toString()};`,
		`const jsCalls = ${jsCalls.toString()};`,
		`window.mbPapa = async (file, scenario) => {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const t0 = performance.now();
			const text = new TextDecoder(scenario === 'activities' ? 'shift_jis' : 'utf-8').decode(bytes);
			const t1 = performance.now();
			const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
			const t2 = performance.now();
			const agg = scenario === 'leads'
				? { ...jsFunnel(parsed.data, parsed.meta.fields ?? []), calls: null }
				: { ...jsCalls(parsed.data), funnel: null };
			const t3 = performance.now();
			return { decodeMs: t1 - t0, parseMs: t2 - t1, aggregateMs: t3 - t2, totalMs: t3 - t0,
				rows: parsed.data.length, span: agg.span, funnel: agg.funnel, calls: agg.calls };
		};`
	].join('\n');
}

/**
 * The same papaparse path on a browser's main thread, as a peer dashboard runs it: headless Chromium
 * (one fresh browser per run), the file chosen on an `<input type=file>` and read into memory before
 * the timing starts, then decode → Papa.parse → JS loops in the page. Peak memory: the renderer's VmHWM.
 */
export async function runPapaInBrowser(
	job: PapaJob,
	chromiumPath: string | undefined
): Promise<PapaResult & { maxRssMiB: number | null }> {
	const { launchChromium, peakMiB, rendererMemory } = await import('./browser');
	const { createRequire } = await import('node:module');
	const browser = await launchChromium(chromiumPath);
	try {
		const page = await browser.newPage();
		await page.setContent('<input type="file" id="f">');
		await page.addScriptTag({ path: createRequire(import.meta.url).resolve('papaparse/papaparse.min.js') });
		await page.addScriptTag({ content: pageScript() });
		await page.locator('#f').setInputFiles(job.file);
		const result = (await page.evaluate(
			(scenario) =>
				(window as unknown as { mbPapa: (f: File, s: string) => Promise<unknown> }).mbPapa(
					(document.getElementById('f') as HTMLInputElement).files![0],
					scenario
				),
			job.scenario
		)) as PapaResult;
		return { ...result, maxRssMiB: peakMiB(await rendererMemory(browser)) };
	} finally {
		await browser.close().catch(() => {});
	}
}
