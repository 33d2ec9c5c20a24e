/**
 * Where the ingest time goes: runs the engine's `Dataset.add` on native DuckDB (same JS + SQL as the
 * page) and prints every statement slower than 5 ms, slowest first, plus the total spent outside SQL.
 * Usage: npx tsx scripts/bench/profile-ingest.ts FILE [--threads N] [--wasm] [--split]
 * `--wasm` runs duckdb-wasm's Node bundle (the page's engine and DuckDB version, 1 thread) instead of
 * native DuckDB: slower and closer to the page.
 */
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { createNativeDb } from './native';
import { createNodeDb } from '../../src/lib/engine/db/node';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { DEFAULT_VOCABULARIES } from '../../src/lib/engine/ingest/vocab';
import { dataSpan } from '../../src/lib/engine/metrics/report';

const file = process.argv[2];
const threads = Number(process.argv[process.argv.indexOf('--threads') + 1] || 1) || 1;
const dir = mkdtempSync('/dev/shm/mb-prof-');
const db = process.argv.includes('--wasm') ? await createNodeDb() : await createNativeDb(threads, dir);
const log: { ms: number; sql: string }[] = [];
const wrap = <T extends (...a: never[]) => Promise<unknown>>(fn: T): T =>
	(async (...a: Parameters<T>) => {
		const t = performance.now();
		try {
			return await fn(...a);
		} finally {
			log.push({
				ms: performance.now() - t,
				sql: String(a[0])
					.replace(/\s+/g, ' ')
					.slice(0, process.env.FULL ? 100000 : 220)
			});
		}
	}) as T;
db.query = wrap(db.query.bind(db));
const exec = wrap(db.exec.bind(db));
// --split: a batch of statements (one per line, each ending in `;`) is timed statement by statement.
db.exec = process.argv.includes('--split')
	? async (sql: string) => {
			for (const one of sql.split(/;\n/).filter((x) => x.trim())) await exec(one);
		}
	: exec;
const ds = new Dataset(db, { vocab: DEFAULT_VOCABULARIES, today: '2026-11-24' });
await ds.clear();
log.length = 0;
const bytes = new Uint8Array(readFileSync(file));
const t0 = performance.now();
await ds.add(path.basename(file), bytes);
await dataSpan(db);
const total = performance.now() - t0;
const sqlMs = log.reduce((s, l) => s + l.ms, 0);
console.log(
	`total ${total.toFixed(0)} ms; SQL ${sqlMs.toFixed(0)} ms in ${log.length} statements; JS ${(total - sqlMs).toFixed(0)} ms`
);
for (const l of [...log].sort((a, b) => b.ms - a.ms).filter((l) => l.ms > 5))
	console.log(l.ms.toFixed(0).padStart(6), l.sql);
rmSync(dir, { recursive: true, force: true });
