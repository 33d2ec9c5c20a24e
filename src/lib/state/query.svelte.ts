/**
 * `useQuery(query, args)`: a named engine query over the page's view, rerun when the view, the data or
 * the arguments change, keeping the last result while the next one computes (no flashing). Identical
 * requests from several components share one execution; a superseded one is dropped or ignored. Call
 * during component initialisation.
 */
import type { NamedQuery } from '$lib/engine/queries';
import type { MetricView } from '$lib/engine/metrics/view';
import { getDataStore } from './context';
import { getController, type ViewController } from './controller.svelte';
import type { DataStore } from './data.svelte';
import { QueryClient, StaleQuery } from './query-client';
import { getSnapshotState } from './snapshot.svelte';
import { queryKey } from '$lib/engine/queries';

export interface Query<T> {
	readonly value: T | null;
	readonly loading: boolean;
	readonly error: string | null;
	/** The view `value` was computed over (it may trail the page's while the next one computes). */
	readonly view: MetricView | null;
}

export interface QueryOptions {
	/** `'previous'`: the comparison period (nothing when comparison is off or it lies before the data). */
	period?: 'current' | 'previous';
}

const clients = new WeakMap<DataStore, QueryClient>();

/** The one client of a data store: every component of the page shares its deduplication. */
export function queryClient(data: DataStore): QueryClient {
	let c = clients.get(data);
	if (!c) {
		c = new QueryClient({ exec: (task) => data.withDb(task), version: () => data.version });
		clients.set(data, c);
	}
	return c;
}

/** The previous period's view, when the page compares and the data (or the snapshot's span) reaches back to it. */
export function comparisonView(ctl: ViewController): MetricView | null {
	const v = ctl.previousView;
	const span = ctl.span;
	// A previous period that lies wholly before the data would only show zeros: leave it out.
	if (!v || !span || !ctl.view.compare || v.to < span.from) return null;
	return v;
}

/** `args` returning `null` asks for nothing (the value is then `null`). */
export function useQuery<A, R>(
	query: NamedQuery<A, R>,
	args: () => A | null,
	opts: QueryOptions = {}
): Query<R> {
	const data = getDataStore();
	const ctl = getController();
	const client = queryClient(data);
	// Snapshot mode: answered from an opened snapshot while no data is loaded; what is shown is noted.
	const snap = getSnapshotState();
	const owner = {};
	let value = $state.raw<R | null>(null);
	let loading = $state(false);
	let error = $state<string | null>(null);
	let valueView = $state.raw<MetricView | null>(null);
	$effect(() => {
		void data.version;
		const view = opts.period === 'previous' ? comparisonView(ctl) : ctl.metricView;
		const a = view ? args() : null;
		if (!view || a === null) {
			value = null;
			valueView = null;
			loading = false;
			snap?.hide(owner);
			return;
		}
		const asked = $state.snapshot(view) as MetricView;
		const askedArgs = $state.snapshot(a) as A;
		const ticket = snap?.serving
			? snap.client!.request(query, asked, askedArgs)
			: client.request(query, asked, askedArgs);
		let live = true;
		let counted = true;
		snap?.started();
		const done = () => {
			if (counted) snap?.finished();
			counted = false;
		};
		loading = true;
		ticket.promise.then(
			(v) => {
				if (!live) return;
				value = v;
				valueView = asked;
				error = null;
				loading = false;
				snap?.show(owner, { name: query.name, key: queryKey(query.name, asked, askedArgs), value: v });
				done();
			},
			(e: unknown) => {
				if (!live || e instanceof StaleQuery) return;
				error = e instanceof Error ? e.message : String(e);
				loading = false;
				snap?.hide(owner);
				done();
			}
		);
		return () => {
			live = false;
			done();
			ticket.release();
		};
	});
	$effect(() => () => snap?.hide(owner));
	return {
		get value() {
			return value;
		},
		get loading() {
			return loading;
		},
		get error() {
			return error;
		},
		get view() {
			return valueView;
		}
	};
}
