/**
 * The plain loads native DuckDB does of a benchmark file, for reference: `read_csv(all_varchar)` + the
 * engine's parsing macros (VALUE_MACROS) into a typed table, and DuckDB's own typed `read_csv`.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ident, literal } from '../../src/lib/engine/db/sql';
import { VALUE_MACROS } from '../../src/lib/engine/ingest/values-sql';
import { openNative, scratchDir, type NativeJob } from './native';

const now = () => performance.now();

export interface NativeBareResult {
	mode: 'bare';
	threads: number;
	duckdbVersion: string;
	/** Shift_JIS → UTF-8 (and BOM removal) done in Node before the timing starts. */
	convertMs: number;
	/** `CREATE TABLE … AS SELECT <macros> FROM read_csv(all_varchar)`. */
	loadMs: number;
	/**
	 * The plain typed load: `CREATE TABLE … AS SELECT * FROM read_csv(…)` with DuckDB's own type
	 * detection, told the file's date (or timestamp) format: the floor a loader of this file can reach.
	 */
	typedMs: number;
	rows: number;
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
		await conn.run('DROP TABLE bare');
		const t2 = now();
		// The generator writes `2025/04/01` dates and `2025/04/01 09:00` times.
		await conn.run(
			`CREATE TABLE typed AS SELECT * FROM read_csv(${literal(utf8File)}, header = true,
				delim = ',', quote = '"', escape = '"', dateformat = '%Y/%m/%d', timestampformat = '%Y/%m/%d %H:%M')`
		);
		const typedMs = now() - t2;
		return {
			mode: 'bare',
			threads: job.threads,
			duckdbVersion: String(v.v),
			convertMs,
			loadMs,
			typedMs,
			rows: Number(n.n)
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
