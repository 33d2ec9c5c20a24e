/**
 * Runs named queries over one state of the data, remembering each result (and every sub-result a query
 * needs) by name, view and arguments. The data changing means a new runner: nothing here is invalidated.
 */
import type { Db } from '../db/types';
import type { DatasetMeta } from '../schema';
import { assertView, type MetricView } from '../metrics/view';
import { queryKey, type DataFact, type NamedQuery, type QueryEnv } from './query';

export class QueryRunner {
	/** Settled results, oldest first (re-inserted on use, so the oldest unused goes first). */
	private readonly settled = new Map<string, unknown>();
	private readonly running = new Map<string, Promise<unknown>>();
	/** Facts of the data (`env.fact`): one read each, whatever the view. */
	private readonly facts = new Map<string, Promise<unknown>>();

	constructor(
		readonly db: Db,
		readonly meta: DatasetMeta,
		private readonly limit = 200
	) {}

	peek<A, R>(query: NamedQuery<A, R>, view: MetricView, args: A): R | undefined {
		const key = queryKey(query.name, view, args);
		if (!this.settled.has(key)) return undefined;
		const v = this.settled.get(key) as R;
		this.settled.delete(key);
		this.settled.set(key, v);
		return v;
	}

	run<A, R>(query: NamedQuery<A, R>, view: MetricView, args: A): Promise<R> {
		const key = queryKey(query.name, view, args);
		if (this.settled.has(key)) return Promise.resolve(this.peek(query, view, args) as R);
		const pending = this.running.get(key);
		if (pending) return pending as Promise<R>;
		let p: Promise<R>;
		try {
			assertView(view);
			p = query.run(this.env(view), args);
		} catch (e) {
			p = Promise.reject(e);
		}
		const next = p.then(
			(v) => {
				this.running.delete(key);
				this.remember(key, v);
				return v;
			},
			(e: unknown) => {
				this.running.delete(key);
				throw e;
			}
		);
		this.running.set(key, next);
		return next;
	}

	private env(view: MetricView): QueryEnv {
		return {
			db: this.db,
			meta: this.meta,
			view,
			need: (q, a) => this.run(q, view, a),
			peek: (q, a) => this.peek(q, view, a),
			fact: (f) => this.fact(f)
		};
	}

	private fact<R>(f: DataFact<R>): Promise<R> {
		let p = this.facts.get(f.name) as Promise<R> | undefined;
		if (!p) {
			p = f.read(this.db);
			// A failed read is not remembered: the next query tries again.
			p.catch(() => this.facts.delete(f.name));
			this.facts.set(f.name, p);
		}
		return p;
	}

	private remember(key: string, v: unknown): void {
		this.settled.set(key, v);
		while (this.settled.size > this.limit) {
			const oldest = this.settled.keys().next().value as string;
			this.settled.delete(oldest);
		}
	}
}
