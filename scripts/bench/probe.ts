import { readFileSync, mkdtempSync } from 'node:fs';
import { createNativeDb } from './native';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { DEFAULT_VOCABULARIES } from '../../src/lib/engine/ingest/vocab';
const file = process.argv[2];
const threads = Number(process.argv[3] ?? 1);
const db0 = await createNativeDb(threads, mkdtempSync('/dev/shm/p-'));
const log: { ms: number; sql: string }[] = [];
const wrap =
	<A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
	async (...a: A) => {
		const t = performance.now();
		const r = await f(...a);
		log.push({ ms: performance.now() - t, sql: String(a[0]).replace(/\s+/g, ' ').slice(0, 160) });
		return r;
	};
const db = { ...db0, query: wrap(db0.query), exec: wrap(db0.exec), registerFile: wrap(db0.registerFile) };
const ds = new Dataset(db, { vocab: DEFAULT_VOCABULARIES, today: '2026-11-24' });
await ds.clear();
log.length = 0;
const t = performance.now();
await ds.add('x.csv', new Uint8Array(readFileSync(file)));
const total = performance.now() - t;
const sum = log.reduce((a, b) => a + b.ms, 0);
console.log('total', total.toFixed(0), 'sql', sum.toFixed(0), 'n', log.length);
for (const l of log.sort((a, b) => b.ms - a.ms).slice(0, 12)) console.log(l.ms.toFixed(0).padStart(6), l.sql);
