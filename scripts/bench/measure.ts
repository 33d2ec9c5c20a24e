/**
 * One size of the benchmark: its files, the browser runs, the native DuckDB and papaparse references,
 * each several times, reduced to medians and ratios. Everything raw is kept for the JSON.
 */
import { runBrowser, type BrowserRun } from './browser';
import { ensureDataset, type DataSet } from './data';
import { runIsolated, type Isolated } from './isolate';
import type { NativeEngineResult, NativeJob, NativeResult, Scenario } from './native';
import type { PapaJob, PapaResult } from './papa';
import { ratio, sizeLabel } from './util';
import {
	summariseBrowser,
	summariseNative,
	summarisePapa,
	type BrowserSummary,
	type NativeSummary,
	type PapaSummary
} from './summarise';

export { summariseBrowser, summariseNative, summarisePapa };
export type { BrowserSummary, NativeSummary, PapaSummary };

export interface MeasureOptions {
	leads: number;
	runs: number;
	seed: number;
	dataDir?: string;
	/** Served site URL; null skips the browser. */
	url: string | null;
	chromium?: string;
	native: boolean;
	papa: boolean;
	activities: boolean;
	/** Thread counts for native DuckDB (default [1, 2]). */
	threads?: number[];
	browserTimeoutMs?: number;
	/** Choose the file without waiting for the engine's warm-up. */
	coldDrop?: boolean;
	/** Run jobs in this process instead of a child per job (the smoke test; no memory figures). */
	inProcess?: boolean;
	log?: (m: string) => void;
}

export interface ScenarioResult {
	file: { path: string; bytes: number; rows: number; encoding: string; generatedFromLeads: number };
	browser: BrowserSummary | null;
	native: NativeSummary[];
	papa: PapaSummary | null;
	/** The papaparse path on Chromium's main thread (as a peer dashboard runs it). */
	papaBrowser: PapaSummary | null;
	ratios: Record<string, number | null>;
	raw: {
		browser: BrowserRun[];
		native: { threads: number; engine: Isolated<NativeResult>[]; bare: Isolated<NativeResult>[] }[];
		papa: Isolated<PapaResult>[];
		papaBrowser: Isolated<PapaResult>[];
	};
}

export interface SizeResult {
	label: string;
	leads: number;
	runs: number;
	leadsScenario: ScenarioResult;
	activitiesScenario: ScenarioResult | null;
	/** Funnel counts from each path, and whether they agree (the same data, the same rule). */
	funnelCheck: {
		browser: Record<string, number> | null;
		native: Record<string, number> | null;
		papa: Record<string, number> | null;
		agree: boolean | null;
	};
}

async function runJob(job: NativeJob, inProcess: boolean): Promise<Isolated<NativeResult>>;
async function runJob(job: PapaJob, inProcess: boolean): Promise<Isolated<PapaResult>>;
async function runJob(
	job: NativeJob | PapaJob,
	inProcess: boolean
): Promise<Isolated<NativeResult | PapaResult>> {
	if (!inProcess) return job.kind === 'native' ? runIsolated(job) : runIsolated(job);
	try {
		const { runNative } = await import('./native-run');
		const { runPapa } = await import('./papa');
		const result = job.kind === 'native' ? await runNative(job) : runPapa(job);
		return { result, error: null, maxRssMiB: null };
	} catch (e) {
		return { result: null, error: (e as Error).message, maxRssMiB: null };
	}
}

async function measureScenario(
	scenario: Scenario,
	set: DataSet,
	opts: MeasureOptions
): Promise<ScenarioResult> {
	const log = opts.log ?? (() => {});
	const file = scenario === 'leads' ? set.leadsCsv : (set.activitiesCsv as string);
	const rows = (scenario === 'leads' ? set.rows.leads : set.rows.activities) ?? 0;
	const bytes = (scenario === 'leads' ? set.bytes.leads : set.bytes.activities) ?? 0;
	const threads = opts.threads ?? [1, 2];
	const inProcess = opts.inProcess ?? false;
	const raw: ScenarioResult['raw'] = { browser: [], native: [], papa: [], papaBrowser: [] };

	if (opts.url) {
		log(`  ${scenario}: browser × ${opts.runs}`);
		raw.browser = await runBrowser({
			url: opts.url,
			files: [file],
			interactions: scenario === 'leads',
			runs: opts.runs,
			chromiumPath: opts.chromium,
			timeoutMs: opts.browserTimeoutMs,
			coldDrop: opts.coldDrop,
			log
		});
	}
	if (opts.native) {
		for (const t of threads) {
			log(`  ${scenario}: native DuckDB, ${t} thread(s) × ${opts.runs}`);
			const engine: Isolated<NativeResult>[] = [];
			const bare: Isolated<NativeResult>[] = [];
			for (let i = 0; i < opts.runs; i++) {
				const base = { kind: 'native' as const, file, scenario, threads: t };
				engine.push(await runJob({ ...base, mode: 'engine' }, inProcess));
				bare.push(await runJob({ ...base, mode: 'bare' }, inProcess));
			}
			raw.native.push({ threads: t, engine, bare });
		}
	}
	if (opts.papa) {
		log(`  ${scenario}: papaparse × ${opts.runs}`);
		for (let i = 0; i < opts.runs; i++)
			raw.papa.push(await runJob({ kind: 'papa', file, scenario }, inProcess));
		if (opts.url) {
			log(`  ${scenario}: papaparse in Chromium × ${opts.runs}`);
			const { runPapaInBrowser } = await import('./papa');
			for (let i = 0; i < opts.runs; i++) {
				try {
					const { maxRssMiB, ...result } = await runPapaInBrowser(
						{ kind: 'papa', file, scenario },
						opts.chromium
					);
					raw.papaBrowser.push({ result, error: null, maxRssMiB });
				} catch (e) {
					raw.papaBrowser.push({ result: null, error: (e as Error).message.split('\n')[0], maxRssMiB: null });
				}
			}
		}
	}

	const browser = raw.browser.length ? summariseBrowser(raw.browser) : null;
	const native = raw.native.map((n) => summariseNative(n.threads, n.engine, n.bare));
	const papa = raw.papa.length ? summarisePapa(raw.papa) : null;
	const papaBrowser = raw.papaBrowser.length ? summarisePapa(raw.papaBrowser) : null;
	const nat = (t: number) => native.find((n) => n.threads === t) ?? null;
	const ours = browser && browser.ingestMs !== null ? browser.ingestMs + (browser.funnelQueryMs ?? 0) : null;
	const ratios: Record<string, number | null> = {
		ingest_wasm_over_native_1t: ratio(browser?.ingestMs, nat(1)?.ingestMs),
		ingest_wasm_over_native_2t: ratio(browser?.ingestMs, nat(2)?.ingestMs),
		ingest_wasm_over_bare_native_2t: ratio(browser?.ingestMs, nat(2)?.bareLoadMs),
		// Issue 16's goal: ≤ 2.0× the plain typed read_csv at the same thread count (the page: 1 thread).
		ingest_wasm_over_typed_read_1t: ratio(browser?.ingestMs, nat(1)?.typedReadMs),
		brush_wasm_over_native_1t: ratio(browser?.brushMs, nat(1)?.brushMs),
		funnel_query_wasm_over_native_1t: ratio(browser?.funnelQueryMs, nat(1)?.funnelColdMs),
		filter_wasm_over_native_1t: ratio(browser?.filterMs, nat(1)?.filterMs),
		// How many times faster than the papaparse path: bytes in memory → funnel counts (like for like) …
		papaparse_over_ours_to_funnel:
			scenario === 'leads' ? ratio(papa?.totalMs, ours) : ratio(papa?.totalMs, browser?.ingestMs),
		// … and against our whole drop → every chart rendered (we compute far more than the funnel).
		papaparse_over_ours_to_dashboard: ratio(papa?.totalMs, browser?.dashboardMs),
		papaparse_browser_over_ours_to_funnel:
			scenario === 'leads'
				? ratio(papaBrowser?.totalMs, ours)
				: ratio(papaBrowser?.totalMs, browser?.ingestMs),
		papaparse_browser_over_ours_to_dashboard: ratio(papaBrowser?.totalMs, browser?.dashboardMs)
	};
	return {
		file: {
			path: file,
			bytes,
			rows,
			encoding: scenario === 'leads' ? 'UTF-8 + BOM' : 'Shift_JIS',
			generatedFromLeads: set.leads
		},
		browser,
		native,
		papa,
		papaBrowser,
		ratios,
		raw
	};
}

const FUNNEL_STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];

function pickFunnel(x: Record<string, number> | null | undefined): Record<string, number> | null {
	if (!x) return null;
	return Object.fromEntries(FUNNEL_STAGES.filter((s) => s in x).map((s) => [s, Number(x[s])]));
}

export async function measureSize(opts: MeasureOptions): Promise<SizeResult> {
	const log = opts.log ?? (() => {});
	const label = sizeLabel(opts.leads);
	log(`\n[${label}] ${opts.leads.toLocaleString('en-US')} leads`);
	const leadsSet = ensureDataset({
		leads: opts.leads,
		seed: opts.seed,
		activities: false,
		dataDir: opts.dataDir,
		log
	});
	const leadsScenario = await measureScenario('leads', leadsSet, opts);
	let activitiesScenario: ScenarioResult | null = null;
	if (opts.activities) {
		// The generator writes ≈9.5 activities per lead: a tenth of the leads gives ≈ `size` activity rows.
		const actLeads = Math.max(100, Math.round(opts.leads / 10));
		const set = ensureDataset({
			leads: actLeads,
			seed: opts.seed,
			activities: true,
			dataDir: opts.dataDir,
			log
		});
		activitiesScenario = await measureScenario('activities', set, opts);
	}
	const browserFunnel = pickFunnel(leadsScenario.raw.browser.find((r) => r.funnel)?.funnel);
	const nativeRun = leadsScenario.raw.native
		.flatMap((n) => n.engine)
		.find((x) => x.result?.mode === 'engine');
	const nativeFunnel = pickFunnel(
		nativeRun?.result?.mode === 'engine' ? (nativeRun.result as NativeEngineResult).funnel : null
	);
	const papaFunnel = pickFunnel(leadsScenario.raw.papa.find((x) => x.result)?.result?.funnel);
	const present = [browserFunnel, nativeFunnel, papaFunnel].filter((x): x is Record<string, number> => !!x);
	const agree =
		present.length < 2 ? null : present.every((f) => JSON.stringify(f) === JSON.stringify(present[0]));
	return {
		label,
		leads: opts.leads,
		runs: opts.runs,
		leadsScenario,
		activitiesScenario,
		funnelCheck: { browser: browserFunnel, native: nativeFunnel, papa: papaFunnel, agree }
	};
}
