/**
 * The benchmark table's rows for one scenario (leads or activities), one column per size.
 */
import type { ScenarioResult, SizeResult } from './measure';
import { fmtBytes, fmtMiB, fmtMs, fmtRatio } from './util';

const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
const withN = (ms: number | null | undefined, n: number | undefined) =>
	ms == null ? '–' : `${fmtMs(ms)} (n=${n})`;

function summariseOutcomes(outcomes: string[]): string {
	const counts = new Map<string, number>();
	for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
	return [...counts].map(([o, n]) => (n === outcomes.length ? o : `${n}× ${o}`)).join(', ');
}

type Cell = (sc: ScenarioResult) => string;
/** A row: its label and its cell, or a section heading (no cell). */
type RowSpec = [string, Cell?];

export function scenarioRows(
	sizes: SizeResult[],
	pick: (s: SizeResult) => ScenarioResult | null
): string[][] {
	const isLeads = pick(sizes[0]) === sizes[0].leadsScenario;
	const nat = (sc: ScenarioResult, t: number) => sc.native.find((n) => n.threads === t) ?? null;
	const two =
		(f: (t: number) => Cell): Cell =>
		(sc) =>
			`${f(1)(sc)} / ${f(2)(sc)}`;
	const ratio =
		(key: string): Cell =>
		(sc) =>
			fmtRatio(sc.ratios[key]);
	const leadsOnly = (rows: RowSpec[]) => (isLeads ? rows : []);
	const b = (sc: ScenarioResult) => sc.browser;
	const specs: RowSpec[] = [
		['file size / data rows', (sc) => `${fmtBytes(sc.file.bytes)} / ${sc.file.rows.toLocaleString('en-US')}`],
		['Browser (duckdb-wasm, Chromium, 1 thread)'],
		['  outcome', (sc) => (b(sc) ? summariseOutcomes(b(sc)!.outcomes) : '–')],
		['  ingest (mb:ingest-start → end)', (sc) => fmtMs(b(sc)?.ingestMs)],
		['  file chosen → full dashboard', (sc) => fmtMs(b(sc)?.dashboardMs)],
		['    of which overview queries+render', (sc) => fmtMs(b(sc)?.firstQueriesMs)],
		[
			'  main-thread long tasks: longest / count',
			(sc) => `${fmtMs(b(sc)?.longTaskMaxMs)} / ${b(sc)?.longTaskCount ?? '–'}`
		],
		...leadsOnly([
			['  funnel query (first, in worker)', (sc) => fmtMs(b(sc)?.funnelQueryMs)],
			['  filter (channel bar) → all charts', (sc) => withN(b(sc)?.filterMs, b(sc)?.filterSamples)],
			['  brush (range-from) → all charts', (sc) => withN(b(sc)?.brushMs, b(sc)?.brushSamples)],
			['  field sales: open (filtered)', (sc) => fmtMs(b(sc)?.fieldSalesOpenMs)],
			['  field sales: filter off → all charts', (sc) => fmtMs(b(sc)?.fieldSalesFilterMs)],
			[
				'  field sales: range-from → all charts',
				(sc) => withN(b(sc)?.fieldSalesBrushMs, b(sc)?.fieldSalesSamples)
			]
		]),
		['  peak renderer memory (VmHWM)', (sc) => fmtMiB(b(sc)?.peakMemoryMiB)],
		['Native DuckDB (@duckdb/node-api)'],
		['  engine ingest, 1 thread', (sc) => fmtMs(nat(sc, 1)?.ingestMs)],
		['  engine ingest, 2 threads', (sc) => fmtMs(nat(sc, 2)?.ingestMs)],
		['  bare read_csv+macros, 1 thr.', (sc) => fmtMs(nat(sc, 1)?.bareLoadMs)],
		['  bare read_csv+macros, 2 thr.', (sc) => fmtMs(nat(sc, 2)?.bareLoadMs)],
		['  plain typed read_csv, 1 / 2 thr.', two((t) => (sc) => fmtMs(nat(sc, t)?.typedReadMs))],
		...leadsOnly([
			[
				'  funnel query 1 thr. (cold / warm)',
				(sc) => `${fmtMs(nat(sc, 1)?.funnelColdMs)} / ${fmtMs(nat(sc, 1)?.funnelWarmMs)}`
			],
			['  overview queries, filter, 1 / 2 thr.', two((t) => (sc) => fmtMs(nat(sc, t)?.filterMs))],
			['  overview queries, brush, 1 / 2 thr.', two((t) => (sc) => fmtMs(nat(sc, t)?.brushMs))]
		]),
		...(isLeads
			? []
			: ([
					['  overview queries, 1 / 2 thr.', two((t) => (sc) => fmtMs(nat(sc, t)?.overviewMs))]
				] as RowSpec[])),
		['  peak RSS engine, 1 / 2 thr.', two((t) => (sc) => fmtMiB(nat(sc, t)?.maxRssMiB))]
	];
	for (const [label, p] of [
		['papaparse → objects + JS loops (Node)', (sc: ScenarioResult) => sc.papa],
		['papaparse → objects + JS loops (Chromium main thread)', (sc: ScenarioResult) => sc.papaBrowser]
	] as const) {
		specs.push(
			[label],
			['  decode + parse', (sc) => (p(sc) ? fmtMs(add(p(sc)!.decodeMs, p(sc)!.parseMs)) : '–')],
			[`  ${isLeads ? 'funnel' : 'call counts'} in JS loops`, (sc) => fmtMs(p(sc)?.aggregateMs)],
			[
				'  total (bytes → result)',
				(sc) => {
					const x = p(sc);
					return x?.errors.length && x.totalMs === null ? x.errors[0].slice(0, 30) : fmtMs(x?.totalMs);
				}
			],
			[label.includes('Node') ? '  peak RSS' : '  peak renderer memory', (sc) => fmtMiB(p(sc)?.maxRssMiB)]
		);
	}
	specs.push(
		['Ratios'],
		['  ingest wasm / plain typed read_csv 1 thr.', ratio('ingest_wasm_over_typed_read_1t')],
		['  ingest wasm / native 1 thr.', ratio('ingest_wasm_over_native_1t')],
		['  ingest wasm / native 2 thr.', ratio('ingest_wasm_over_native_2t')],
		['  ingest wasm / bare native 2 thr.', ratio('ingest_wasm_over_bare_native_2t')],
		...leadsOnly([
			['  funnel query wasm / native 1 thr.', ratio('funnel_query_wasm_over_native_1t')],
			['  filter wasm / native overview 1 thr.', ratio('filter_wasm_over_native_1t')],
			['  brush wasm / native overview 1 thr.', ratio('brush_wasm_over_native_1t')],
			['  papaparse / ours (bytes → funnel), Chromium', ratio('papaparse_browser_over_ours_to_funnel')],
			['  papaparse / ours (bytes → funnel), Node', ratio('papaparse_over_ours_to_funnel')]
		]),
		...(isLeads
			? []
			: ([['  papaparse / ours (bytes → tables)', ratio('papaparse_over_ours_to_funnel')]] as RowSpec[])),
		['  papaparse / ours (→ full dashboard)', ratio('papaparse_over_ours_to_dashboard')]
	);
	return specs.map(([label, cell]) => [
		label,
		...sizes.map((s) => (cell ? (pick(s) ? cell(pick(s)!) : '–') : ''))
	]);
}
