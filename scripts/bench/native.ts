/**
 * The hardware reference: the engine's own ingestion and queries on native DuckDB (@duckdb/node-api,
 * a newer DuckDB than the wasm build: a speed reference only, never a correctness oracle), with a
 * chosen thread count. `engine` runs the very same JS + SQL as the browser (`Dataset.add`, the
 * overview's report and trend queries) through a `Db` adapter; `bare` is the plain load the issue
 * describes: `read_csv(all_varchar)` + the engine's parsing macros (VALUE_MACROS) into a typed table.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import {
	closeSync,
	existsSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readSync,
	rmSync,
	unlinkSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db, Param, Row } from '../../src/lib/engine/db/types';
import { literal, normaliseRow, ident } from '../../src/lib/engine/db/sql';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { VALUE_MACROS } from '../../src/lib/engine/ingest/values-sql';
import { DEFAULT_VOCABULARIES } from '../../src/lib/engine/ingest/vocab';
import { funnelCountsSql } from '../../src/lib/engine/metrics/funnel';
import { computeReport, dataSpan } from '../../src/lib/engine/metrics/report';
import { activityTrend, customerTrend, leadTrend } from '../../src/lib/engine/metrics/trends';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import type { DatasetMeta } from '../../src/lib/engine/schema';
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

export interface NativeBareResult {
	mode: 'bare';
	threads: number;
	duckdbVersion: string;
	/** Shift_JIS → UTF-8 (and BOM removal) done in Node before the timing starts. */
	convertMs: number;
	/** `CREATE TABLE … AS SELECT <macros> FROM read_csv(all_varchar)`. */
	loadMs: number;
	rows: number;
}

export type NativeResult = NativeEngineResult | NativeBareResult;

const SHM = '/dev/shm';

/** A scratch directory for registered files: tmpfs when available, so "registering" is a memory copy. */
function scratchDir(root?: string): string {
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

/** What the overview runs for one view (src/lib/state/dashboard.svelte.ts): report, previous, trends. */
export async function overviewQueries(
	db: Db,
	meta: DatasetMeta,
	view: MetricView,
	span: { from: string; to: string }
): Promise<void> {
	await computeReport(db, meta, view, {});
	const prev = { ...view, ...previousRange(view) };
	if (prev.to >= span.from) await computeReport(db, meta, prev, { plan: null });
	if (meta.tables.leads) await leadTrend(db, view, meta.stages, 'month', 4);
	await activityTrend(db, view, meta, 'month', 4);
	await customerTrend(db, view, meta, 'month', 4);
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
		const [overviewMs] = await timed(() => overviewQueries(db, ds.meta, view, span));
		let filterMs: number | null = null;
		const brushView = { ...view, from: addDays(view.from, 30) };
		const [brushMs] = await timed(() => overviewQueries(db, ds.meta, brushView, span));
		if (ds.meta.tables.leads) {
			const report = await computeReport(db, ds.meta, view, {});
			const channel = report.kpis.marketing?.by_channel?.[0]?.channel;
			if (channel !== undefined && channel !== null) {
				const filtered = { ...view, filters: { channel: [String(channel)] } };
				[filterMs] = await timed(() => overviewQueries(db, ds.meta, filtered, span));
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

/** The column expression the bare load uses for a header (dates, amounts, the rest trimmed text). */
function bareExpr(header: string): string {
	const c = ident(header);
	if (/日$|日時$|date|_at$/i.test(header)) return `mb_date(${c}, false)`;
	if (/金額|amount|mrr|費用/i.test(header)) return `mb_num(${c})`;
	return `mb_blank(${c})`;
}

/**
 * Streams `file` (Shift_JIS or UTF-8 with BOM) into UTF-8 without BOM, in chunks: a 700 MB file is more
 * characters than a V8 string can hold. Returns the header's cells.
 */
function toUtf8File(file: string, encoding: 'shift_jis' | 'utf-8', out: string): string[] {
	const input = openSync(file, 'r');
	const output = openSync(out, 'w');
	const decoder = new TextDecoder(encoding); // drops a leading BOM
	const buf = Buffer.alloc(16 << 20);
	let header: string | null = null;
	let head = '';
	try {
		for (let n; (n = readSync(input, buf, 0, buf.length, null)) > 0;) {
			const text = decoder.decode(buf.subarray(0, n), { stream: true });
			if (header === null) {
				head += text;
				const eol = head.indexOf('\n');
				if (eol >= 0) header = head.slice(0, eol).replace(/\r$/, '');
			}
			writeSync(output, text);
		}
		writeSync(output, decoder.decode());
	} finally {
		closeSync(input);
		closeSync(output);
	}
	return (header ?? head).split(',');
}

export async function runNativeBare(job: NativeJob): Promise<NativeBareResult> {
	const dir = scratchDir(job.tmpRoot);
	try {
		const t0 = now();
		const utf8File = path.join(dir, 'input.csv');
		// DuckDB's encodings extension may be unavailable offline: decode in Node, outside the timing.
		const header = toUtf8File(job.file, job.scenario === 'activities' ? 'shift_jis' : 'utf-8', utf8File);
		const convertMs = now() - t0;

		const { conn } = await openNative(job.threads);
		await conn.run(VALUE_MACROS);
		const [v] = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJS();
		const select = header.map((h, i) => `${bareExpr(h)} AS c${i}`).join(', ');
		const t1 = now();
		await conn.run(
			`CREATE TABLE bare AS SELECT ${select} FROM read_csv(${literal(utf8File)}, header = true, all_varchar = true,
				delim = ',', quote = '"', escape = '"')`
		);
		const loadMs = now() - t1;
		const [n] = (await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM bare')).getRowObjectsJS();
		return {
			mode: 'bare',
			threads: job.threads,
			duckdbVersion: String(v.v),
			convertMs,
			loadMs,
			rows: Number(n.n)
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export function runNative(job: NativeJob): Promise<NativeResult> {
	return job.mode === 'engine' ? runNativeEngine(job) : runNativeBare(job);
}
