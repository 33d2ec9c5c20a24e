/**
 * The browser's side of the named queries: identical requests share one execution, a request nobody
 * waits for any more is dropped before it runs, and results are kept per data version (a query the
 * page already has answers at once). Plain TypeScript, so its logic is tested without Svelte.
 */
import type { Db } from '$lib/engine/db/types';
import type { MetricView } from '$lib/engine/metrics/view';
import { queryKey, QueryRunner, type NamedQuery } from '$lib/engine/queries';
import type { DatasetMeta } from '$lib/engine/schema';

/** Where queries run: one at a time on the dataset (`DataStore.withDb`), and the data's version. */
export interface QueryExecutor {
	exec<T>(task: (db: Db, meta: DatasetMeta) => Promise<T>): Promise<T>;
	version(): number;
}

/** A request dropped before it ran because every component that asked has moved on. */
export class StaleQuery extends Error {
	constructor(readonly key: string) {
		super(`stale query: ${key}`);
	}
}

export interface Ticket<R> {
	readonly promise: Promise<R>;
	/** The asker no longer needs the result (its view changed or it was destroyed). */
	release(): void;
}

interface Pending {
	promise: Promise<unknown>;
	waiting: number;
}

export class QueryClient {
	private readonly pending = new Map<string, Pending>();
	private runner: { version: number; runner: QueryRunner } | null = null;

	constructor(private readonly executor: QueryExecutor) {}

	request<A, R>(query: NamedQuery<A, R>, view: MetricView, args: A): Ticket<R> {
		const version = this.executor.version();
		const known = this.runner?.version === version ? this.runner.runner.peek(query, view, args) : undefined;
		if (known !== undefined) return { promise: Promise.resolve(known), release: () => {} };
		const key = `${version} ${queryKey(query.name, view, args)}`;
		let entry = this.pending.get(key);
		if (!entry) {
			const fresh: Pending = { promise: Promise.resolve(), waiting: 0 };
			fresh.promise = this.executor
				.exec((db, meta) => {
					if (fresh.waiting === 0) throw new StaleQuery(key);
					return this.runnerFor(db, meta).run(query, view, args);
				})
				.finally(() => this.pending.delete(key));
			this.pending.set(key, fresh);
			entry = fresh;
		}
		const e = entry;
		e.waiting++;
		let released = false;
		return {
			promise: e.promise as Promise<R>,
			release: () => {
				if (released) return;
				released = true;
				e.waiting--;
			}
		};
	}

	/** The runner of the data as it is when a task runs (a load queued before it may have changed it). */
	private runnerFor(db: Db, meta: DatasetMeta): QueryRunner {
		const version = this.executor.version();
		if (this.runner?.version !== version || this.runner.runner.meta !== meta)
			this.runner = { version, runner: new QueryRunner(db, meta) };
		return this.runner.runner;
	}
}
