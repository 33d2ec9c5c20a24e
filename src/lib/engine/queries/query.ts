/**
 * A named query: what a page or the report asks the engine for, by name and arguments, computed over a
 * view of the data. Queries compose through `need`, so the funnel a bottleneck and a tile both use is
 * computed once per runner (see runner.ts).
 */
import type { Db } from '../db/types';
import type { DatasetMeta } from '../schema';
import type { MetricView } from '../metrics/view';

export interface QueryEnv {
	readonly db: Db;
	readonly meta: DatasetMeta;
	readonly view: MetricView;
	/** Another query's result over the same view (cached by the runner). */
	need<A, R>(query: NamedQuery<A, R>, args: A): Promise<R>;
	/** Another query's result over the same view if it is already known, without computing it. */
	peek<A, R>(query: NamedQuery<A, R>, args: A): R | undefined;
	/** A fact of the data as a whole, whatever the view: read once per runner (one state of the data). */
	fact<R>(fact: DataFact<R>): Promise<R>;
}

/** What a query needs to know of the data itself, not of the view (e.g. the probability scale). */
export interface DataFact<R> {
	readonly name: string;
	read(db: Db): Promise<R>;
}

export interface NamedQuery<A, R> {
	readonly name: string;
	run(env: QueryEnv, args: A): Promise<R>;
}

export type ArgsOf<Q> = Q extends NamedQuery<infer A, unknown> ? A : never;
export type ResultOf<Q> = Q extends NamedQuery<never, infer R> ? R : never;

export function defineQuery<A, R>(
	name: string,
	run: (env: QueryEnv, args: A) => Promise<R>
): NamedQuery<A, R> {
	return { name, run };
}

/** JSON with object keys sorted and `undefined` members left out: equal values give equal text. */
export function canonicalJson(v: unknown): string {
	if (v === undefined) return 'null';
	if (v === null || typeof v !== 'object') return JSON.stringify(v);
	if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
	const o = v as Record<string, unknown>;
	const keys = Object.keys(o)
		.filter((k) => o[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** The identity of a request: the query's name, the view and the arguments, canonically written. */
export function queryKey(name: string, view: MetricView, args: unknown): string {
	return `${name} ${canonicalJson(view)} ${canonicalJson(args)}`;
}
