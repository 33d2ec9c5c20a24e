/**
 * Snapshot mode. While the page runs on data, every query result a component shows is noted here (by
 * the query client's key), so "Share snapshot" can write exactly what is on screen. A snapshot opened
 * from a link answers the same requests from its recorded results, never touching DuckDB, until data
 * is loaded: then the page is live again. A request the snapshot cannot answer (another page, another
 * filter) is counted, so the banner can say that this part needs the data.
 */
import { getContext, setContext } from 'svelte';
import { queryKey, type NamedQuery } from '$lib/engine/queries';
import type { MetricView } from '$lib/engine/metrics/view';
import type { Ticket } from './query-client';
import { SNAPSHOT_VERSION, type Snapshot, type SnapshotProblem } from './snapshot-codec';

/** Results that list individual records (customer rows), left out of a snapshot unless asked for. */
export const ROW_LEVEL_QUERIES = ['staleDeals'] as const;

export interface Shown {
	name: string;
	key: string;
	value: unknown;
}

/** What a snapshot is made of besides the results (the page's view, the data's identity). */
export interface SnapshotContext {
	lang: 'ja' | 'en';
	path: string;
	query: string;
	fp: string | null;
	files: string[];
	span: { from: string; to: string };
	now?: Date;
	/** Every page whose results it carries (a review pack's), when more than `path`. */
	pages?: string[];
}

/** A snapshot of the results shown; row-level results only when named in `includeRows`. */
export function buildSnapshot(
	shown: Iterable<Shown>,
	ctx: SnapshotContext,
	includeRows: string[] = []
): Snapshot {
	const results: Record<string, unknown> = {};
	const omitted = new Set<string>();
	const rows = new Set<string>();
	for (const s of shown) {
		const rowLevel = (ROW_LEVEL_QUERIES as readonly string[]).includes(s.name);
		if (rowLevel && !includeRows.includes(s.name)) {
			omitted.add(s.name);
			continue;
		}
		if (rowLevel) rows.add(s.name);
		results[s.key] = s.value;
	}
	return {
		v: SNAPSHOT_VERSION,
		made: (ctx.now ?? new Date()).toISOString(),
		lang: ctx.lang,
		path: ctx.path,
		query: ctx.query,
		fp: ctx.fp,
		files: [...ctx.files],
		span: { ...ctx.span },
		rows: [...rows].sort(),
		omitted: [...omitted].sort(),
		results,
		...(ctx.pages && ctx.pages.length > 1 ? { pages: [...ctx.pages] } : {})
	};
}

/** Answers requests from a snapshot's results; an unknown key never settles and is counted as missing. */
export class SnapshotClient {
	constructor(
		private readonly snapshot: Snapshot,
		private readonly onMissing: (key: string, delta: 1 | -1) => void
	) {}

	request<A, R>(query: NamedQuery<A, R>, view: MetricView, args: A): Ticket<R> {
		const key = queryKey(query.name, view, args);
		if (Object.hasOwn(this.snapshot.results, key))
			return { promise: Promise.resolve(this.snapshot.results[key] as R), release: () => {} };
		// Left out on purpose (row-level): not "missing", the banner says so separately.
		const omitted = this.snapshot.omitted.includes(query.name);
		if (!omitted) this.onMissing(key, 1);
		let released = false;
		return {
			promise: new Promise<R>(() => {}),
			release: () => {
				if (released || omitted) return;
				released = true;
				this.onMissing(key, -1);
			}
		};
	}
}

export class SnapshotState {
	/** The snapshot opened from the link (kept when the data arrives, for the banner's "now live"). */
	opened = $state.raw<Snapshot | null>(null);
	/** Why the link's (or the dropped file's) snapshot could not be opened. */
	problem = $state.raw<SnapshotProblem | null>(null);
	/** The dropped file the problem is about (empty for a link). */
	problemFile = $state('');
	/** Requests on screen the snapshot cannot answer. */
	missing = $state(0);
	client: SnapshotClient | null = null;
	private readonly shown = new Map<object, Shown>();
	private pending = 0;
	private settledWaiters: (() => void)[] = [];
	private missingKeys = new Map<string, number>();

	constructor(private readonly data: { readonly hasData: boolean }) {}

	/** Queries are answered from the snapshot (one is open and no data is loaded). */
	get serving(): boolean {
		return this.opened !== null && !this.data.hasData;
	}

	open(s: Snapshot): void {
		this.problem = null;
		this.problemFile = '';
		this.missingKeys = new Map();
		this.missing = 0;
		this.client = new SnapshotClient(s, (key, delta) => {
			const n = (this.missingKeys.get(key) ?? 0) + delta;
			if (n > 0) this.missingKeys.set(key, n);
			else this.missingKeys.delete(key);
			this.missing = this.missingKeys.size;
		});
		this.opened = s;
	}

	close(): void {
		this.opened = null;
		this.client = null;
		this.missing = 0;
	}

	// ---- what the page shows (fed by useQuery) ----
	show(owner: object, entry: Shown): void {
		this.shown.set(owner, entry);
	}
	hide(owner: object): void {
		this.shown.delete(owner);
	}
	/** Everything shown, one entry per key. */
	current(): Shown[] {
		const byKey = new Map<string, Shown>();
		for (const s of this.shown.values()) byKey.set(s.key, s);
		return [...byKey.values()];
	}
	/** Row-level queries on screen (the share panel offers to include them). */
	rowLevelShown(): string[] {
		const names = new Set(this.current().map((s) => s.name));
		return ROW_LEVEL_QUERIES.filter((n) => names.has(n));
	}

	started(): void {
		this.pending++;
	}
	finished(): void {
		this.pending = Math.max(0, this.pending - 1);
		if (this.pending === 0) {
			const waiters = this.settledWaiters;
			this.settledWaiters = [];
			for (const w of waiters) w();
		}
	}
	/** No request is computing now. */
	get idle(): boolean {
		return this.pending === 0;
	}
	/** Resolves once no request of the page is computing (so a snapshot has everything shown). */
	settled(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.settledWaiters.push(resolve));
	}
}

const KEY = Symbol('snapshot');

export function setSnapshotState(s: SnapshotState): SnapshotState {
	return setContext(KEY, s);
}
/** The page's snapshot state; undefined where none was set (components mounted alone in tests). */
export function getSnapshotState(): SnapshotState | undefined {
	return getContext<SnapshotState | undefined>(KEY);
}
