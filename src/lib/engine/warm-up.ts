/**
 * Warming the engine while the page waits for a file. DuckDB-wasm's code is compiled the first time it
 * runs (V8 compiles WebAssembly lazily, function by function), so the first file a fresh page loads
 * pays for compiling the CSV reader, the typing, the checks, the merge and the dashboard's queries on
 * top of the work itself: measured with duckdb-wasm in Node, a 100k-lead file took 2.2 s when it was
 * the first load and 1.1 s when it was the second. Loading a small made-up lead file through the same
 * steps first, and asking it the overview's questions (with and without a filter), moves most of that
 * compiling to the seconds between the page opening and the user choosing a file.
 *
 * It leaves nothing behind: the file's tables are dropped and the canonical tables rebuilt empty. It
 * runs on the Dataset's queue, only while nothing is loaded, and gives way between its steps to any
 * operation that is waiting (a file dropped meanwhile waits at most for the step running).
 */
import type { Dataset } from './ingest/dataset';
import {
	BENCHMARK_SOURCES,
	DEPARTMENT_NAMES,
	QueryRunner,
	benchmarks,
	bottleneck,
	changes,
	departments,
	funnel,
	pipeline,
	trends,
	triage
} from './queries';
import { type NamedQuery } from './queries/query';
import type { MetricView } from './metrics/view';

const CHANNELS = ['広告', 'ウェビナー', '展示会', '紹介'];
const OWNERS = ['高橋', '佐藤', '鈴木'];
const STATUSES = ['新規', 'MQL', 'SQL', '商談', '受注', '失注', '対象外'];
const STAGES = ['ヒアリング', '提案', '見積提示', '交渉'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** A date `d` days after 2025-04-01, written 2025/04/01. */
function date(d: number): string {
	const t = new Date(Date.UTC(2025, 3, 1) + d * 86_400_000);
	return `${t.getUTCFullYear()}/${pad(t.getUTCMonth() + 1, 2)}/${pad(t.getUTCDate(), 2)}`;
}

/** A small lead export in the shape of a Japanese CRM's (what most first loads look like). */
export function warmUpCsv(rows = 120): string {
	const header =
		'リードID,作成日,流入経路,担当者,企業規模,MQL日,商談化日,商談作成日,受注日,失注日,金額,ステータス,商談所有者,フェーズ,確度 (%),失注理由,リードスコア,最終活動日';
	const lines = [header];
	for (let i = 0; i < rows; i++) {
		const created = (i * 7) % 300;
		const reach = i % 7; // 0 new … 4 won, 5 lost, 6 disqualified
		const at = (k: number) => (reach >= k && reach <= 5 ? date(created + k * 9) : '');
		const deal = reach >= 3 && reach <= 5;
		lines.push(
			[
				`W${pad(i + 1, 6)}`,
				date(created),
				CHANNELS[i % CHANNELS.length],
				OWNERS[i % OWNERS.length],
				i % 2 ? 'SMB' : 'Enterprise',
				at(1),
				at(2),
				at(3),
				reach === 4 ? date(created + 50) : '',
				reach === 5 ? date(created + 55) : '',
				deal ? String(100_000 + (i % 5) * 50_000) : '',
				STATUSES[reach],
				deal ? OWNERS[(i + 1) % OWNERS.length] : '',
				deal ? STAGES[i % STAGES.length] : '',
				deal ? String(10 + (i % 9) * 10) : '',
				reach === 5 ? '価格' : '',
				String((i * 13) % 101),
				deal ? date(created + 20) : ''
			].join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}

/** The overview's questions, asked once over the whole data and once as a user narrows it. */
const QUESTIONS: [NamedQuery<never, unknown>, unknown][] = [
	[funnel, undefined],
	[bottleneck, { overrides: [] }],
	[departments, { names: [...DEPARTMENT_NAMES] }],
	[benchmarks, { overrides: [], sources: BENCHMARK_SOURCES }],
	[trends, { grain: 'month', fyStartMonth: 4 }],
	[pipeline, { target: null }],
	[changes, undefined],
	[triage, undefined]
] as never;

const VIEWS: MetricView[] = [
	{ from: '2025-04-01', to: '2026-03-31', mode: 'cohort', windowDays: null, filters: {} },
	{ from: '2025-06-01', to: '2026-03-31', mode: 'cohort', windowDays: null, filters: { channel: ['広告'] } }
];

/** The warm-up file's id: never one a loaded file gets (the Dataset counts from 1). */
export const WARM_UP_ID = 0;

/**
 * Warms the engine (see above); resolves to whether it ran to the end. Never throws: a failure only
 * means the first real load compiles what it needs itself.
 */
export function warmUp(ds: Dataset): Promise<boolean> {
	return ds
		.warmUp(WARM_UP_ID, 'warm-up.csv', new TextEncoder().encode(warmUpCsv()), async (db, meta, stop) => {
			for (const view of VIEWS) {
				const runner = new QueryRunner(db, meta);
				for (const [q, args] of QUESTIONS) {
					if (stop()) return false;
					await runner.run(q, view, args as never);
				}
			}
			return true;
		})
		.catch(() => false);
}
