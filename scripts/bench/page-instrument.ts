/**
 * What the benchmark puts into the page (an init script, before any of the page's scripts) and how it
 * reads it back: every DuckDB request to the worker (by wrapping Worker.prototype.postMessage), the
 * frame painted after each reply, the events that start a measurement, and the main thread's long tasks.
 */
import type { PhaseQueries, QueryTiming } from './browser-types';

export interface BenchWindow {
	hydratedAt: number | null;
	changeAt: { t: number; id: string | null }[];
	clickAt: { t: number; id: string | null }[];
	q: { type: string; sql: string | null; t0: number; t1: number; ok: boolean; painted?: number }[];
	/** Requests sent to the worker and not answered yet. */
	inflight: number;
	/** The main thread's long tasks (> 50 ms), from a PerformanceObserver. */
	longTasks: { t: number; d: number }[];
}

/** Runs in the page before any of its scripts (addInitScript). Must be self-contained. */
export function instrument(): void {
	type Pending = {
		type: string;
		sql: string | null;
		stmt?: unknown;
		t0: number;
		t1: number;
		ok: boolean;
		painted?: number;
	};
	const B = {
		hydratedAt: null as number | null,
		changeAt: [] as { t: number; id: string | null }[],
		clickAt: [] as { t: number; id: string | null }[],
		q: [] as Pending[],
		inflight: 0,
		longTasks: [] as { t: number; d: number }[]
	};
	(window as unknown as { __mbBench: typeof B }).__mbBench = B;
	try {
		// Every task that held the main thread over 50 ms, from navigation on (buffered).
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) B.longTasks.push({ t: e.startTime, d: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// no Long Tasks API: the figure stays empty
	}
	const origAdd = EventTarget.prototype.addEventListener;
	EventTarget.prototype.addEventListener = function (
		this: EventTarget,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | AddEventListenerOptions
	) {
		// Svelte attaches its delegated `change` listener to the root (and document) once the
		// component tree is mounted, i.e. hydrated: from then on the file input works.
		if (type === 'change' && B.hydratedAt === null && typeof document !== 'undefined') {
			const input = document.querySelector('[data-testid="file-input"]');
			if (input && (this === document || (this instanceof Node && this.contains(input))))
				B.hydratedAt = performance.now();
		}
		return origAdd.call(this, type, listener, options);
	};
	// The nearest element with a test id: a click lands on a row's inner shape, not on the row itself.
	const testid = (e: Event) =>
		e.target instanceof Element
			? (e.target.closest('[data-testid]')?.getAttribute('data-testid') ?? e.target.tagName)
			: null;
	origAdd.call(
		window,
		'change',
		(e: Event) => B.changeAt.push({ t: performance.now(), id: testid(e) }),
		true
	);
	origAdd.call(window, 'click', (e: Event) => B.clickAt.push({ t: performance.now(), id: testid(e) }), true);

	const pending = new Map<number, Pending>();
	const statements = new Map<unknown, string | null>();
	const watched = new WeakSet<Worker>();
	const origPost = Worker.prototype.postMessage;
	Worker.prototype.postMessage = function (this: Worker, msg: unknown, transfer?: unknown) {
		try {
			const m = msg as { messageId?: number; type?: string; data?: unknown };
			if (m && typeof m === 'object' && typeof m.messageId === 'number' && typeof m.type === 'string') {
				if (!watched.has(this)) {
					watched.add(this);
					origAdd.call(this, 'message', (ev: Event) => {
						const d = (ev as MessageEvent).data as { requestId?: number; type?: string; data?: unknown };
						if (!d || typeof d.requestId !== 'number') return;
						const p = pending.get(d.requestId);
						if (!p) return;
						pending.delete(d.requestId);
						B.inflight = pending.size;
						p.t1 = performance.now();
						// The frame after the reply: what the answer changed on screen is painted by then.
						requestAnimationFrame(() => (p.painted = performance.now()));
						p.ok = d.type !== 'ERROR';
						if (p.type === 'CREATE_PREPARED' && d.type === 'PREPARED_STATEMENT_ID')
							statements.set(d.data, p.sql);
						// Resolved now: the engine sends RUN_PREPARED before this listener has seen the id.
						if (p.stmt !== undefined) p.sql = statements.get(p.stmt) ?? null;
						delete p.stmt;
						B.q.push(p);
					});
				}
				const data = Array.isArray(m.data) ? m.data : [];
				let sql: string | null = null;
				let stmt: unknown = undefined;
				if (m.type === 'RUN_QUERY' || m.type === 'CREATE_PREPARED') sql = String(data[1] ?? '');
				else if (m.type === 'RUN_PREPARED' || m.type === 'CLOSE_PREPARED') stmt = data[1];
				else if (m.type === 'REGISTER_FILE_BUFFER') sql = `registerFileBuffer(${String(data[0])})`;
				else if (m.type === 'REGISTER_FILE_HANDLE') sql = `registerFileHandle(${String(data[0])})`;
				if (sql) sql = sql.replace(/\s+/g, ' ').trim().slice(0, 240);
				pending.set(m.messageId, { type: m.type, sql, stmt, t0: performance.now(), t1: 0, ok: true });
				B.inflight = pending.size;
			}
		} catch {
			// never break the page
		}
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return (origPost as any).call(this, msg, transfer);
	} as typeof Worker.prototype.postMessage;
}

export function phaseQueries(
	q: BenchWindow['q'],
	from: number | null,
	to: number | null,
	top = 4
): PhaseQueries {
	if (from === null || to === null) return { count: 0, totalMs: 0, top: [] };
	const inside = q.filter((x) => x.t0 >= from - 1 && x.t1 <= to + 1);
	// A prepared statement's create, run and close count as one query.
	const bySql = new Map<string, QueryTiming>();
	for (const x of inside) {
		const key = x.sql ?? x.type;
		const t = bySql.get(key) ?? { type: x.type, sql: x.sql, ms: 0 };
		if (x.type === 'RUN_QUERY' || x.type === 'RUN_PREPARED') t.type = x.type;
		t.ms += x.t1 - x.t0;
		bySql.set(key, t);
	}
	return {
		count: inside.length,
		totalMs: inside.reduce((a, x) => a + (x.t1 - x.t0), 0),
		top: [...bySql.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
		// Every request in order: whether they ran one after another or waited on each other.
		timeline: inside.map((x) => ({
			type: x.type,
			at: Math.round(x.t0 - from),
			ms: Math.round(x.t1 - x.t0),
			sql: x.sql?.slice(0, 90) ?? null
		}))
	};
}

/** The first funnel query (create + run of the prepared statement) in a window. */
export function funnelQueryMs(q: BenchWindow['q'], from: number | null, to: number | null): number | null {
	if (from === null || to === null) return null;
	const isFunnel = (sql: string | null) =>
		sql !== null &&
		// over every lead, or (cohort, no window) over the pre-aggregated cube
		(sql.startsWith('SELECT count(*) FILTER (WHERE TRUE)::INTEGER AS "lead"') ||
			sql.startsWith('SELECT coalesce(sum(n), 0)::INTEGER AS "lead"')) &&
		!sql.includes('GROUP BY');
	const hits = q.filter((x) => x.t0 >= from - 1 && x.t1 <= to + 1 && isFunnel(x.sql));
	const run = hits.find((x) => x.type === 'RUN_PREPARED' || x.type === 'RUN_QUERY');
	if (!run) return null;
	const create = hits.filter((x) => x.type === 'CREATE_PREPARED' && x.t1 <= run.t0).at(-1);
	return run.t1 - run.t0 + (create ? create.t1 - create.t0 : 0);
}

/** Long tasks (main thread, > 50 ms) that started in [from, to]: how many, the longest, their sum. */
export interface LongTasks {
	count: number;
	maxMs: number;
	totalMs: number;
	/** Each one (in the JSON only): start in ms after `from`, and duration, to place it among the marks. */
	list: { at: number; ms: number }[];
}

export function longTasks(
	tasks: BenchWindow['longTasks'],
	from: number | null,
	to: number | null
): LongTasks | null {
	if (from === null || to === null) return null;
	const inside = tasks.filter((x) => x.t >= from - 1 && x.t <= to + 1);
	return {
		count: inside.length,
		maxMs: inside.reduce((m, x) => Math.max(m, x.d), 0),
		totalMs: inside.reduce((a, x) => a + x.d, 0),
		list: inside.map((x) => ({ at: Math.round(x.t - from), ms: Math.round(x.d) }))
	};
}
