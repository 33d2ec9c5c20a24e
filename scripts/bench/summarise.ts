/** A scenario's runs reduced to medians: the browser's, native DuckDB's and papaparse's. */
import type { BrowserRun } from './browser';
import type { Isolated } from './isolate';
import type { NativeBareResult, NativeEngineResult, NativeResult } from './native';
import type { PapaResult } from './papa';
import { median } from './util';

export interface BrowserSummary {
	runs: number;
	outcomes: string[];
	errors: string[];
	wasmStartupMs: number | null;
	interactiveMs: number | null;
	readMs: number | null;
	ingestMs: number | null;
	dashboardMs: number | null;
	firstQueriesMs: number | null;
	funnelQueryMs: number | null;
	filterMs: number | null;
	brushMs: number | null;
	filterSamples: number;
	brushSamples: number;
	/** The field-sales page (see interact.ts): opening it filtered, removing the filter, moving the range. */
	fieldSalesOpenMs: number | null;
	fieldSalesFilterMs: number | null;
	fieldSalesBrushMs: number | null;
	fieldSalesSamples: number;
	/** Main-thread long tasks, file chosen → full dashboard: the longest (median over runs), and how many. */
	longTaskMaxMs: number | null;
	longTaskCount: number | null;
	extraRenders: number;
	peakMemoryMiB: number | null;
	/** The first run's memory profile of the load (BrowserRun.memory). */
	memory: BrowserRun['memory'];
	/** After a failed load: did the tab still respond (Dismiss button worked)? */
	responsive: boolean | null;
	chromiumVersion: string | null;
}

export interface NativeSummary {
	threads: number;
	runs: number;
	errors: string[];
	duckdbVersion: string | null;
	startupMs: number | null;
	ingestMs: number | null;
	funnelColdMs: number | null;
	funnelWarmMs: number | null;
	overviewMs: number | null;
	filterMs: number | null;
	brushMs: number | null;
	maxRssMiB: number | null;
	bareConvertMs: number | null;
	bareLoadMs: number | null;
	/** Plain typed `read_csv` (see NativeBareResult.typedMs). */
	typedReadMs: number | null;
	bareMaxRssMiB: number | null;
}

export interface PapaSummary {
	runs: number;
	errors: string[];
	rows: number | null;
	decodeMs: number | null;
	parseMs: number | null;
	aggregateMs: number | null;
	totalMs: number | null;
	maxRssMiB: number | null;
}

const errorsOf = <T>(xs: Isolated<T>[]) => xs.filter((x) => x.error).map((x) => x.error as string);

export function summariseBrowser(runs: BrowserRun[]): BrowserSummary {
	const ok = runs.filter((r) => r.outcome === 'dashboard');
	const all = (f: (r: BrowserRun) => number | null) => median(runs.map(f));
	const okm = (f: (r: BrowserRun) => number | null) => median(ok.map(f));
	const filters = ok.flatMap((r) => r.filterMs);
	const brushes = ok.flatMap((r) => r.brushMs);
	const responsive = runs.map((r) => r.responsive).filter((x): x is boolean => x !== null);
	return {
		runs: runs.length,
		outcomes: runs.map((r) => r.outcome),
		errors: runs.filter((r) => r.error).map((r) => r.error as string),
		wasmStartupMs: all((r) => r.wasmStartupMs),
		interactiveMs: all((r) => r.shell.interactiveMs),
		readMs: all((r) => r.readMs),
		ingestMs: okm((r) => r.ingestMs),
		dashboardMs: okm((r) => r.dashboardMs),
		firstQueriesMs: okm((r) => r.firstQueriesMs),
		funnelQueryMs: okm((r) => r.funnelQueryMs),
		filterMs: median(filters),
		brushMs: median(brushes),
		filterSamples: filters.length,
		brushSamples: brushes.length,
		fieldSalesOpenMs: okm((r) => r.fieldSales.openMs),
		fieldSalesFilterMs: median(ok.flatMap((r) => r.fieldSales.filterMs)),
		fieldSalesBrushMs: median(ok.flatMap((r) => r.fieldSales.brushMs)),
		fieldSalesSamples: ok.reduce((a, r) => a + r.fieldSales.brushMs.length, 0),
		longTaskMaxMs: all((r) => r.loadLongTasks?.maxMs ?? null),
		longTaskCount: all((r) => r.loadLongTasks?.count ?? null),
		extraRenders: runs.reduce((a, r) => a + r.extraRenders, 0),
		peakMemoryMiB: all((r) => r.peakMemoryMiB),
		memory: runs[0]?.memory ?? null,
		responsive: responsive.length ? responsive.every(Boolean) : null,
		chromiumVersion: runs[0]?.chromiumVersion ?? null
	};
}

export function summariseNative(
	threads: number,
	engine: Isolated<NativeResult>[],
	bare: Isolated<NativeResult>[]
): NativeSummary {
	const e = engine.map((x) => x.result).filter((x): x is NativeEngineResult => x?.mode === 'engine');
	const b = bare.map((x) => x.result).filter((x): x is NativeBareResult => x?.mode === 'bare');
	const em = (f: (r: NativeEngineResult) => number | null) => median(e.map(f));
	return {
		threads,
		runs: engine.length,
		errors: [...errorsOf(engine), ...errorsOf(bare)],
		duckdbVersion: e[0]?.duckdbVersion ?? b[0]?.duckdbVersion ?? null,
		startupMs: em((r) => r.startupMs),
		ingestMs: em((r) => r.ingestMs),
		funnelColdMs: em((r) => r.funnelColdMs),
		funnelWarmMs: em((r) => r.funnelWarmMs),
		overviewMs: em((r) => r.overviewMs),
		filterMs: em((r) => r.filterMs),
		brushMs: em((r) => r.brushMs),
		maxRssMiB: median(engine.map((x) => x.maxRssMiB)),
		bareConvertMs: median(b.map((r) => r.convertMs)),
		bareLoadMs: median(b.map((r) => r.loadMs)),
		typedReadMs: median(b.map((r) => r.typedMs)),
		bareMaxRssMiB: median(bare.map((x) => x.maxRssMiB))
	};
}

export function summarisePapa(runs: Isolated<PapaResult>[]): PapaSummary {
	const ok = runs.map((x) => x.result).filter((x): x is PapaResult => x !== null);
	const m = (f: (r: PapaResult) => number) => median(ok.map(f));
	return {
		runs: runs.length,
		errors: errorsOf(runs),
		rows: ok[0]?.rows ?? null,
		decodeMs: m((r) => r.decodeMs),
		parseMs: m((r) => r.parseMs),
		aggregateMs: m((r) => r.aggregateMs),
		totalMs: m((r) => r.totalMs),
		maxRssMiB: median(runs.map((x) => x.maxRssMiB))
	};
}
