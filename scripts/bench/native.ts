/**
 * The hardware reference: the engine's own ingestion and queries on native DuckDB (@duckdb/node-api,
 * a newer DuckDB than the wasm build: a speed reference only, never a correctness oracle), with a
 * chosen thread count. `engine` runs the very same JS + SQL as the browser (`Dataset.add`, the
 * overview's report and trend queries) through a `Db` adapter; `bare` is the plain load the issue
 * describes: `read_csv(all_varchar)` + the engine's parsing macros (VALUE_MACROS) into a typed table.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db, Param, Row } from '../../src/lib/engine/db/types';
import { literal, normaliseRow } from '../../src/lib/engine/db/sql';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { DEFAULT_VOCABULARIES } from '../../src/lib/engine/ingest/vocab';
import { funnelCountsSql } from '../../src/lib/engine/metrics/funnel';
import { computeReport, dataSpan } from '../../src/lib/engine/metrics/report';
import * as Q from '../../src/lib/engine/queries';
import { DEPARTMENT_NAMES, QueryRunner } from '../../src/lib/engine/queries';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { previousRange } from '../../src/lib/state/range';

export type Scenario = 'leads' | 'activities';

export interface NativeJob {
	kind: 'native';
	mode: 'engine' | 'bare';
	file: string;
	scenario: Scenario;
	threads: number;
	/** Directory for the files `registerFile` writes (default: a fresh dir under /dev/shm or tmp). */
	tmpRoot?: string;
}

export interface NativeEngineResult {
	mode: 'engine';
	threads: number;
	duckdbVersion: string;
	/** DuckDBInstance.create + connect + the engine's macros and DDL. */
	startupMs: number;
	/** `Dataset.add(file)` + `dataSpan`: what the browser's `mb:ingest-start` → `mb:ingest-end` covers. */
	ingestMs: number;
	rows: number;
	/** The lead funnel query (`funnelCountsSql`, default view): first run, then the median of 4 more. */
	funnelColdMs: number | null;
	funnelWarmMs: number | null;
	/** Every query the overview runs for a view (report, previous report, trends), default view. */
	overviewMs: number;
	/** The same with a channel filter (the first channel of the report), and with `from` moved 30 days. */
	filterMs: number | null;
	brushMs: number | null;
	span: { from: string; to: string } | null;
	funnel: Record<string, number> | null;
}

import type { NativeBareResult } from './native-bare';

export type { NativeBareResult };
export type NativeResult = NativeEngineResult | NativeBareResult;

const SHM = '/dev/shm';

/** A scratch directory for registered files: tmpfs when available, so "registering" is a memory copy. */
export function scratchDir(root?: string): string {
	const base = root ?? (existsSync(SHM) ? SHM : os.tmpdir());
	return mkdtempSync(path.join(base, 'mb-bench-'));
}

export async function openNative(threads: number): Promise<{
	instance: DuckDBInstance;
	conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
}> {
	const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
	const conn = await instance.connect();
	return { instance, conn };
}

/**
 * The engine's `Db` on native DuckDB. `registerFile` writes the bytes into `dir` (tmpfs) and
 * `file_search_path` lets `read_csv('mb_file_1.csv')` find them: the only difference from duckdb-wasm,
 * whose `registerFileBuffer` copies the bytes into the wasm heap.
 */
export async function createNativeDb(threads: number, dir: string): Promise<Db & { version: string }> {
	const { conn } = await openNative(threads);
	await conn.run(`SET file_search_path = ${literal(dir)}`);
	const [v] = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS();
	return {
		version: String(v.v),
		async query(sql: string, params: readonly Param[] = []): Promise<Row[]> {
			const reader = await conn.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
			return reader.getRowObjectsJS().map((r) => normaliseRow(r as Record<string, unknown>));
		},
		async exec(sql: string): Promise<void> {
			await conn.run(sql);
		},
		async registerFile(name: string, bytes: Uint8Array): Promise<void> {
			writeFileSync(path.join(dir, name), bytes);
		},
		async dropFile(name: string): Promise<void> {
			try {
				unlinkSync(path.join(dir, name));
			} catch {
				// already gone
			}
		}
	};
}

const now = () => performance.now();

/**
 * The named queries the overview asks for one view (src/routes/Overview.svelte and
 * src/lib/state/dashboard.svelte.ts), one after another as the page's worker runs them: funnel,
 * bottleneck, the four departments' KPIs (and the previous period's, when it reaches the data),
 * benchmarks, trends, the open pipeline, what changed, the MQL triage and the maturing p90. `runner`
 * is one per state of the data, as in the page: facts of the data are read once, views are not cached
 * across calls because each call asks for a view it has not seen.
 */
export async function overviewQueries(
	runner: QueryRunner,
	view: MetricView,
	span: { from: string; to: string }
): Promise<void> {
	const names = { names: [...DEPARTMENT_NAMES] };
	await runner.run(Q.funnel, view, undefined);
	await runner.run(Q.bottleneck, view, { overrides: [] });
	await runner.run(Q.departments, view, names);
	const prev = { ...view, ...previousRange(view) };
	if (prev.to >= span.from) await runner.run(Q.departments, prev, names);
	await runner.run(Q.benchmarks, view, { overrides: [], sources: [...Q.BENCHMARK_SOURCES] });
	await runner.run(Q.trends, view, { grain: 'month', fyStartMonth: 4 });
	await runner.run(Q.pipeline, view, { target: null });
	await runner.run(Q.changes, view, undefined);
	await runner.run(Q.triage, view, undefined);
	await runner.run(Q.maturity, view, undefined);
}

function addDays(iso: string, n: number): string {
	return new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const t0 = now();
	const v = await fn();
	return [now() - t0, v];
}

export async function runNativeEngine(job: NativeJob): Promise<NativeEngineResult> {
	const dir = scratchDir(job.tmpRoot);
	try {
		const bytes = new Uint8Array(readFileSync(job.file));
		const t0 = now();
		const db = await createNativeDb(job.threads, dir);
		const ds = new Dataset(db, { vocab: DEFAULT_VOCABULARIES, today: '2026-11-24' });
		await ds.clear(); // waits for the macros and DDL, as the page does long before a drop
		const startupMs = now() - t0;

		const [ingestMs, span] = await timed(async () => {
			await ds.add(path.basename(job.file), bytes);
			return dataSpan(db);
		});
		const file = ds.files[0];
		if (!file) throw new Error(`${job.file} did not load`);
		const rows = file.quality.rows;
		if (!span) throw new Error('no dated rows');
		const view: MetricView = { from: span.from, to: span.to, mode: 'cohort', windowDays: null, filters: {} };

		let funnelColdMs: number | null = null;
		let funnelWarmMs: number | null = null;
		let funnel: Record<string, number> | null = null;
		if (ds.meta.tables.leads && ds.meta.stages.length) {
			const q = funnelCountsSql(view, ds.meta.stages);
			const times: number[] = [];
			for (let i = 0; i < 5; i++) {
				const [ms, res] = await timed(() => db.query(q.text, q.params));
				times.push(ms);
				funnel = Object.fromEntries(Object.entries(res[0] ?? {}).map(([k, v]) => [k, Number(v)]));
			}
			funnelColdMs = times[0];
			const warm = times.slice(1).sort((a, b) => a - b);
			funnelWarmMs = (warm[1] + warm[2]) / 2;
		}
		const runner = new QueryRunner(db, ds.meta);
		const [overviewMs] = await timed(() => overviewQueries(runner, view, span));
		let filterMs: number | null = null;
		const brushView = { ...view, from: addDays(view.from, 30) };
		const [brushMs] = await timed(() => overviewQueries(runner, brushView, span));
		if (ds.meta.tables.leads) {
			const report = await computeReport(db, ds.meta, view, {});
			const channel = report.kpis.marketing?.by_channel?.[0]?.channel;
			if (channel !== undefined && channel !== null) {
				const filtered = { ...view, filters: { channel: [String(channel)] } };
				[filterMs] = await timed(() => overviewQueries(runner, filtered, span));
			}
		}
		return {
			mode: 'engine',
			threads: job.threads,
			duckdbVersion: db.version,
			startupMs,
			ingestMs,
			rows,
			funnelColdMs,
			funnelWarmMs,
			overviewMs,
			filterMs,
			brushMs,
			span,
			funnel
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
