/**
 * duckdb-wasm through its Node bundle: the same engine and SQL as the browser, used by the report
 * command and the engine tests. Never imported by browser code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Db, Param, Row } from './types';
import { inlineParams, normaliseRow } from './sql';

interface BlockingConn {
	query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
	prepare(sql: string): {
		query(...params: unknown[]): { toArray(): { toJSON(): Record<string, unknown> }[] };
		close(): void;
	};
}
interface BlockingDb {
	instantiate(progress?: () => void): Promise<unknown>;
	connect(): BlockingConn;
	registerFileBuffer(name: string, buf: Uint8Array): void;
	dropFile(name: string): void;
}

export async function createNodeDb(): Promise<Db> {
	const require = createRequire(import.meta.url);
	const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dist = path.dirname(entry);
	const duckdb = require(entry);
	const db: BlockingDb = await duckdb.createDuckDB(
		{
			mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
			eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate(() => {});
	const conn = db.connect();
	const toRows = (res: { toArray(): { toJSON(): Record<string, unknown> }[] }): Row[] =>
		res.toArray().map((r) => normaliseRow(r.toJSON()));
	return {
		async query(sql: string, params: readonly Param[] = []) {
			if (params.length === 0) return toRows(conn.query(sql));
			// The same SQL as the page sends (browser.ts): parameters written as literals where safe.
			const inlined = inlineParams(sql, params);
			if (inlined !== null) return toRows(conn.query(inlined));
			const stmt = conn.prepare(sql);
			try {
				return toRows(stmt.query(...params));
			} finally {
				stmt.close();
			}
		},
		async exec(sql: string) {
			conn.query(sql);
		},
		async registerFile(name: string, data: Uint8Array | Blob) {
			db.registerFileBuffer(
				name,
				data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer())
			);
		},
		async dropFile(name: string) {
			db.dropFile(name);
		}
	};
}
