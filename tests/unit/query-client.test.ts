/**
 * The browser's query client without Svelte or DuckDB: a fake executor runs tasks one at a time as the
 * DataStore does, and a fake query counts its executions.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { defineQuery } from '../../src/lib/engine/queries';
import { emptyMeta, type DatasetMeta } from '../../src/lib/engine/schema';
import { QueryClient, StaleQuery, type QueryExecutor } from '../../src/lib/state/query-client';

const view = (from = '2025-04-01'): MetricView => ({
	from,
	to: '2025-04-30',
	mode: 'cohort',
	windowDays: null,
	filters: {}
});

/** A serial queue like DataStore.run, with a version the test bumps and a meta replaced on each bump. */
function executor(): QueryExecutor & { bump(): void; ran: number } {
	let queue: Promise<unknown> = Promise.resolve();
	let meta: DatasetMeta = emptyMeta();
	let version = 0;
	const ex = {
		ran: 0,
		version: () => version,
		bump() {
			version++;
			meta = emptyMeta();
		},
		exec<T>(task: (db: Db, meta: DatasetMeta) => Promise<T>): Promise<T> {
			const next = queue.then(() => {
				ex.ran++;
				return task({} as Db, meta);
			});
			queue = next.catch(() => {});
			return next;
		}
	};
	return ex;
}

function counter() {
	const calls: string[] = [];
	const q = defineQuery<{ n: number }, string>('count', async (env, { n }) => {
		calls.push(`${env.view.from}:${n}`);
		return `${env.view.from}:${n}`;
	});
	return { q, calls };
}

describe('QueryClient', () => {
	it('two components asking for the same query and arguments share one execution', async () => {
		const ex = executor();
		const client = new QueryClient(ex);
		const { q, calls } = counter();
		const a = client.request(q, view(), { n: 1 });
		const b = client.request(q, { ...view() }, { n: 1 });
		expect(await Promise.all([a.promise, b.promise])).toEqual(['2025-04-01:1', '2025-04-01:1']);
		expect(calls).toEqual(['2025-04-01:1']);
		expect(ex.ran).toBe(1);
	});

	it('different arguments or views run separately; a settled result answers without queueing', async () => {
		const ex = executor();
		const client = new QueryClient(ex);
		const { q, calls } = counter();
		await client.request(q, view(), { n: 1 }).promise;
		await client.request(q, view(), { n: 2 }).promise;
		await client.request(q, view('2025-04-02'), { n: 1 }).promise;
		expect(calls).toEqual(['2025-04-01:1', '2025-04-01:2', '2025-04-02:1']);
		const ranBefore = ex.ran;
		expect(await client.request(q, view(), { n: 2 }).promise).toBe('2025-04-01:2');
		expect(ex.ran).toBe(ranBefore);
	});

	it('a request released before it runs is dropped; one still wanted by another asker is not', async () => {
		const ex = executor();
		const client = new QueryClient(ex);
		const { q, calls } = counter();
		const slow = client.request(q, view(), { n: 0 });
		const stale = client.request(q, view(), { n: 1 });
		const shared1 = client.request(q, view(), { n: 2 });
		const shared2 = client.request(q, view(), { n: 2 });
		stale.release();
		shared1.release();
		await expect(stale.promise).rejects.toBeInstanceOf(StaleQuery);
		expect(await shared2.promise).toBe('2025-04-01:2');
		await slow.promise;
		expect(calls).toEqual(['2025-04-01:0', '2025-04-01:2']);
	});

	it('new data runs the query again', async () => {
		const ex = executor();
		const client = new QueryClient(ex);
		const { q, calls } = counter();
		await client.request(q, view(), { n: 1 }).promise;
		ex.bump();
		await client.request(q, view(), { n: 1 }).promise;
		expect(calls).toEqual(['2025-04-01:1', '2025-04-01:1']);
	});

	it('an error reaches every asker and is not remembered', async () => {
		const ex = executor();
		const client = new QueryClient(ex);
		let fail = true;
		const q = defineQuery<void, number>('flaky', async () => {
			if (fail) throw new Error('boom');
			return 1;
		});
		const a = client.request(q, view(), undefined);
		const b = client.request(q, view(), undefined);
		await expect(a.promise).rejects.toThrow('boom');
		await expect(b.promise).rejects.toThrow('boom');
		fail = false;
		expect(await client.request(q, view(), undefined).promise).toBe(1);
	});
});
