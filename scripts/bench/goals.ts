/**
 * Issue 16's goals as budget lines (informational, like every budget): each a ratio measured in the same
 * run, or the main thread's longest task during a load.
 */
import type { SizeResult } from './measure';
import type { Budget } from './report';
import { fmtMs, fmtRatio } from './util';

export function speedGoals(sizes: SizeResult[]): Budget[] {
	const at = (n: number) => sizes.find((s) => s.leads === n) ?? null;
	const r1m = at(1_000_000)?.leadsScenario.ratios ?? null;
	const r100k = at(100_000)?.leadsScenario.ratios ?? null;
	const goal = (
		name: string,
		v: number | null | undefined,
		limit: number,
		atMost: boolean,
		where: string
	): Budget =>
		v == null
			? { name, limit: `${atMost ? '≤' : '≥'} ${limit}×`, measured: `not measured (${where})`, pass: null }
			: {
					name,
					limit: `${atMost ? '≤' : '≥'} ${limit.toFixed(2)}×`,
					measured: fmtRatio(v),
					pass: atMost ? v <= limit : v >= limit
				};
	const goals = [
		goal(
			'ingest ≤ 2× native plain typed read_csv (1 thread), 1M leads',
			r1m?.ingest_wasm_over_typed_read_1t,
			2,
			true,
			'1m'
		),
		goal(
			'bytes → funnel ≥ 2× faster than papaparse in Chromium, 1M',
			r1m?.papaparse_browser_over_ours_to_funnel,
			2,
			false,
			'1m'
		),
		goal(
			'bytes → funnel never slower than papaparse in Chromium, 100k',
			r100k?.papaparse_browser_over_ours_to_funnel,
			1,
			false,
			'100k'
		),
		goal(
			'filter → all charts ≤ 1.2× native overview queries (1 thread), 1M',
			r1m?.filter_wasm_over_native_1t,
			1.2,
			true,
			'1m'
		),
		goal(
			'brush → all charts ≤ 1.2× native overview queries (1 thread), 1M',
			r1m?.brush_wasm_over_native_1t,
			1.2,
			true,
			'1m'
		)
	];
	// Every load the run made (both scenarios, every size): the longest main-thread task.
	const longest = sizes
		.flatMap((s) => [s.leadsScenario.browser, s.activitiesScenario?.browser])
		.map((b) => b?.longTaskMaxMs)
		.filter((x): x is number => typeof x === 'number');
	const worst = longest.length ? Math.max(...longest) : null;
	goals.push({
		name: 'main thread never blocked > 100 ms during a load (longest task, every load)',
		limit: '≤ 100 ms',
		measured: worst === null ? 'not measured' : fmtMs(worst),
		pass: worst === null ? null : worst <= 100
	});
	return goals;
}
