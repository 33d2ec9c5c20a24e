/**
 * SQL-injection safety of every builder that takes user-controlled values (view filters, dates, window,
 * breakdown dimension) and of `ident()` / `literal()`. Hostile strings are stored in the data with bound
 * parameters, then filtered by exactly themselves: they must be counted, never executed, and the
 * canonical tables must come out unchanged. A static check reads the metric sources for SQL template
 * literals that interpolate a view value, and a recording connection checks that no hostile value
 * ever reaches SQL text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ident, literal } from '../../src/lib/engine/db/sql';
import type { Db, Param } from '../../src/lib/engine/db/types';
import { funnel, funnelBy } from '../../src/lib/engine/metrics/funnel';
import { customerSuccessKpis, insideSales, marketingKpis } from '../../src/lib/engine/metrics/kpis';
import { scoreBands } from '../../src/lib/engine/metrics/marketing';
import { dealOwnerTable, lostReasons, repTable, triage } from '../../src/lib/engine/metrics/people';
import { changes, pipeline, staleDeals } from '../../src/lib/engine/metrics/pipeline';
import { computeReport } from '../../src/lib/engine/metrics/report';
import * as Q from '../../src/lib/engine/queries';
import { QueryRunner } from '../../src/lib/engine/queries';
import { revenue } from '../../src/lib/engine/metrics/revenue';
import {
	activityTrend,
	customerTrend,
	leadTrend,
	velocityHistogram
} from '../../src/lib/engine/metrics/trends';
import { velocity } from '../../src/lib/engine/metrics/velocity';
import { MAX_FILTER_BYTES, type MetricView } from '../../src/lib/engine/metrics/view';
import { LEAD_DIMENSIONS, STAGES, TABLE_KINDS, type LeadDimension } from '../../src/lib/engine/schema';
import { freshDb, meta, reset } from './helpers';

/** Long, yet within MAX_FILTER_BYTES with all three dimensions filtered by it. */
const LONG = 'x'.repeat(50_000);

/** [label, value]: every value is distinct, so each names exactly one lead, rep and spend row. */
const HOSTILE: [string, string][] = [
	['single quote', "'"],
	['double quote', '"'],
	['identifier break-out', 'a"; DROP TABLE leads; --'],
	['string break-out', "'; DELETE FROM leads; --"],
	['tautology', "' OR '1'='1"],
	['paren break-out', "'); DROP TABLE spend; --"],
	['backslash', '\\'],
	['backslash quote', "\\'"],
	['line comment', '--'],
	['block comment', '/* */'],
	['unterminated comment', '/*'],
	['semicolon', ';'],
	['NUL', '\u0000'],
	['embedded NUL', "x\u0000'; DROP TABLE leads; --"],
	['dollar placeholder', '$1'],
	['question mark', '?'],
	['named placeholder', ':name'],
	['unicode quotes', '’”'],
	['left quotes', '‘“'],
	['LIKE wildcards', '%_'],
	['newline', "a\n'; DROP TABLE activities; --\n"],
	['dollar quoting', '$$; DROP TABLE customers; $$'],
	['very long', LONG],
	['very long break-out', LONG + "'; DROP TABLE leads; --"]
];

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

const ALL_META = meta({ leads: true, activities: true, customers: true, spend: true }, [...STAGES]);
const CALLS_PER_REP = 3;

const view = (over: Partial<MetricView> = {}): MetricView => ({
	from: '2025-04-01',
	to: '2025-06-30',
	mode: 'cohort',
	windowDays: null,
	filters: {},
	...over
});

let db: Db;
let baseline: Record<string, number>;

async function insertRows(table: string, cols: string[], rows: Param[][]): Promise<void> {
	for (const row of rows) {
		await db.query(
			`INSERT INTO ${table === 'leads' ? 'leads_t' : table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
			row
		);
	}
}

async function rowCounts(): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const t of TABLE_KINDS) {
		const [r] = await db.query(`SELECT count(*)::INTEGER AS n FROM ${t}`);
		out[t] = Number(r.n);
	}
	return out;
}

/** The canonical tables still exist (a dropped table makes the count query throw) with their rows. */
async function expectIntact(): Promise<void> {
	const [r] = await db.query(
		`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name IN ('leads', 'activities', 'customers', 'spend')`
	);
	expect(Number(r.n)).toBe(4);
	expect(await rowCounts()).toEqual(baseline);
}

/** Runs a call that must be refused: it throws a plain Error and changes nothing. */
async function expectRejected(fn: () => Promise<unknown>): Promise<void> {
	let threw: unknown = null;
	try {
		await fn();
	} catch (e) {
		threw = e;
	}
	expect(threw).toBeInstanceOf(Error);
	await expectIntact();
}

beforeAll(async () => {
	db = await freshDb();
	await reset(db);
	// Lead H<i> carries hostile value i as channel, owner and segment and reaches every stage in April.
	await insertRows(
		'leads',
		[
			'lead_id',
			'created_at',
			'mql_at',
			'sql_at',
			'opportunity_at',
			'won_at',
			'amount',
			'channel',
			'owner',
			'segment',
			'deal_owner'
		],
		[
			...HOSTILE.map(([, s], i): Param[] => [
				`H${i}`,
				'2025-04-02',
				'2025-04-03',
				'2025-04-05',
				'2025-04-08',
				'2025-04-20',
				1000 + i,
				s,
				s,
				s,
				s
			]),
			['N1', '2025-04-02', '2025-04-03', null, null, null, null, 'Web', 'X', 'SMB', null],
			['N2', '2025-05-02', null, null, null, null, null, 'Event', null, null, null]
		]
	);
	// Rep <i> (the hostile value) makes CALLS_PER_REP calls on lead H<i>: no answer, connected, meeting.
	const outcomes = ['no_answer', 'connected', 'meeting_set'];
	await insertRows(
		'activities',
		['activity_id', 'occurred_at', 'rep', 'lead_id', 'type', 'is_call', 'outcome'],
		[
			...HOSTILE.flatMap(([, s], i) =>
				outcomes
					.slice(0, CALLS_PER_REP)
					.map((o, k): Param[] => [`A${i}-${k}`, '2025-04-10', s, `H${i}`, 'call', true, o])
			),
			['B1', '2025-04-10', 'X', 'N1', 'call', true, 'no_answer']
		]
	);
	await insertRows(
		'spend',
		['month', 'channel', 'spend'],
		[...HOSTILE.map(([, s], i): Param[] => ['2025-04-01', s, 10 * (i + 1)]), ['2025-04-01', 'Web', 5]]
	);
	await insertRows(
		'customers',
		['account_id', 'start_date', 'churned_at', 'expansion_at', 'nps'],
		[
			['C1', '2025-01-01', null, '2025-05-01', 10],
			['C2', '2025-01-01', '2025-05-15', null, 3]
		]
	);
	baseline = await rowCounts();
	expect(baseline).toEqual({
		leads: HOSTILE.length + 2,
		activities: HOSTILE.length * CALLS_PER_REP + 1,
		customers: 2,
		spend: HOSTILE.length + 1
	});
});

describe('hostile filter values are bound, matched exactly and never executed', () => {
	it('the hostile values are stored intact (bound parameters)', async () => {
		for (const [label, s] of HOSTILE) {
			const rows = await db.query(`SELECT lead_id, channel FROM leads WHERE channel = ?`, [s]);
			expect(rows, label).toHaveLength(1);
			expect(rows[0].channel, label).toBe(s);
		}
	});

	describe.each(HOSTILE.map(([label, s], i) => ({ label, s, i })))('$label', ({ s, i }) => {
		const amount = 1000 + i;

		it('funnel and funnelBy, filtered by channel, owner, segment and all three', async () => {
			for (const dim of LEAD_DIMENSIONS) {
				const f = await funnel(db, view({ filters: { [dim]: [s] } }), STAGES);
				expect(f.steps.map((x) => x.count)).toEqual([1, 1, 1, 1, 1]);
				await expectIntact();
				const groups = await funnelBy(db, view(), STAGES, dim);
				const g = groups.filter((x) => x.group === s);
				expect(g).toHaveLength(1);
				expect(g[0].steps.map((x) => x.count)).toEqual([1, 1, 1, 1, 1]);
				await expectIntact();
			}
			const all = await funnel(db, view({ filters: { channel: [s], owner: [s], segment: [s] } }), STAGES);
			expect(all.steps[0].count).toBe(1);
			// mixed with ordinary values: OR within a dimension
			const mixed = await funnel(db, view({ filters: { channel: ['Web', s, 'nope'] } }), STAGES);
			expect(mixed.steps[0].count).toBe(2);
			// period mode binds the same values
			const period = await funnel(db, view({ mode: 'period', filters: { owner: [s] } }), STAGES);
			expect(period.steps.map((x) => x.count)).toEqual([1, 1, 1, 1, 1]);
			await expectIntact();
		});

		it('velocity and revenue', async () => {
			const v = await velocity(db, view({ filters: { segment: [s] } }), STAGES);
			expect(v.map((x) => x.n)).toEqual([1, 1, 1, 1]);
			expect(v.map((x) => x.median_days)).toEqual([1, 2, 3, 12]);
			await expectIntact();
			const r = await revenue(db, view({ filters: { channel: [s] }, windowDays: 30 }), true);
			expect(r).toEqual({ won_revenue: amount, avg_deal: amount, won_without_amount: 0 });
			await expectIntact();
		});

		it('marketing, inside sales (total and per rep), field sales per owner', async () => {
			const v = view({ filters: { channel: [s] } });
			const f = await funnel(db, v, STAGES);
			const m = await marketingKpis(db, v, ALL_META);
			expect(m).toMatchObject({ leads: 1, mqls: 1, spend: 10 * (i + 1) });
			const spend = 10 * (i + 1);
			expect(m?.by_channel).toEqual([
				{
					channel: s,
					leads: 1,
					mqls: 1,
					mql_rate: 1,
					sqls: 1,
					opportunities: 1,
					won: 1,
					won_revenue: amount,
					spend,
					cpl: spend,
					cpm: spend,
					cost_per_sql: spend,
					cost_per_opportunity: spend,
					cac: spend,
					roi: amount / spend
				}
			]);
			await expectIntact();

			const byOwner = view({ filters: { owner: [s] } });
			const is = await insideSales(db, byOwner, ALL_META, await funnel(db, byOwner, STAGES));
			expect(is).toMatchObject({ calls: CALLS_PER_REP, rep_days: 1, reps: 1, sqls: 1 });
			await expectIntact();
			// channel and segment filters select activities through the lead's own dimensions
			const viaLead = await insideSales(db, view({ filters: { segment: [s] } }), ALL_META, f);
			expect(viaLead?.calls).toBe(CALLS_PER_REP);
			const reps = (await repTable(db, byOwner, ALL_META))!;
			expect(reps.map((r) => [r.rep, r.calls, r.sqls])).toEqual([[s, CALLS_PER_REP, 1]]);
			await expectIntact();
			const owners = await dealOwnerTable(db, byOwner);
			expect(owners).toEqual([
				{
					owner: s,
					opportunities: 1,
					won: 1,
					win_rate: 1,
					won_revenue: amount,
					avg_deal: amount,
					median_days_to_win: 12
				}
			]);
			await expectIntact();
		});

		it('customer success, trends and the whole report', async () => {
			const v = view({ filters: { channel: [s], owner: [s], segment: [s] } });
			const cs = await customerSuccessKpis(db, v, true);
			expect(cs).toMatchObject({ active_at_start: 2, churned: 1 });
			const r = await computeReport(db, ALL_META, v, { plan: { target: 10_000, deal: 1000 } });
			expect(r.funnel.map((x) => x.count)).toEqual([1, 1, 1, 1, 1]);
			expect(r.filters).toEqual({ channel: [s], owner: [s], segment: [s] });
			expect(r.kpis.marketing?.by_channel.map((c) => c.channel)).toEqual([s]);
			expect(r.kpis.inside_sales?.calls).toBe(CALLS_PER_REP);
			expect(r.revenue?.won_revenue).toBe(amount);
			await expectIntact();

			const lt = await leadTrend(db, v, STAGES, 'month');
			expect(lt.reduce((a, b) => a + b.counts.lead, 0)).toBe(1);
			const at = await activityTrend(db, v, ALL_META, 'week');
			expect(at.reduce((a, b) => a + b.calls, 0)).toBe(CALLS_PER_REP);
			const vh = await velocityHistogram(db, v, STAGES);
			expect(vh.reduce((a, b) => a + b.n, 0)).toBe(4);
			await customerTrend(db, v, ALL_META, 'month');
			await expectIntact();
		});
	});
});

describe('hostile dates, windows and dimensions are refused before any SQL runs', () => {
	/** Every builder that reads a view, with every table present so none returns early. */
	const builders: [string, (v: MetricView) => Promise<unknown>][] = [
		['funnel', (v) => funnel(db, v, STAGES)],
		['funnelBy', (v) => funnelBy(db, v, STAGES, 'channel')],
		['velocity', (v) => velocity(db, v, STAGES)],
		['revenue', (v) => revenue(db, v, true)],
		['marketingKpis', (v) => marketingKpis(db, v, ALL_META)],
		['insideSales', (v) => insideSales(db, v, ALL_META, { steps: [], missing: [] })],
		['repTable', (v) => repTable(db, v, ALL_META)],
		['dealOwnerTable', (v) => dealOwnerTable(db, v)],
		['lostReasons', (v) => lostReasons(db, v)],
		['triage', (v) => triage(db, v, ALL_META)],
		['scoreBands', (v) => scoreBands(db, v, ALL_META)],
		['pipeline', (v) => pipeline(db, v)],
		['staleDeals', (v) => staleDeals(db, v)],
		['changes', (v) => changes(db, v)],
		['customerSuccessKpis', (v) => customerSuccessKpis(db, v, true)],
		['computeReport', (v) => computeReport(db, ALL_META, v, { plan: { target: 1, deal: 1 } })],
		['leadTrend', (v) => leadTrend(db, v, STAGES, 'month')],
		['activityTrend', (v) => activityTrend(db, v, ALL_META, 'month')],
		['velocityHistogram', (v) => velocityHistogram(db, v, STAGES)]
	];

	const BAD_DATES: [string, string][] = [
		...HOSTILE,
		['date then break-out', "2025-04-01'; DROP TABLE leads; --"],
		['date then comment', '2025-04-01 --'],
		['date then semicolon', '2025-04-01;'],
		['date then NUL', '2025-04-01\u0000'],
		['date with time', '2025-04-01 00:00:00'],
		['ISO with zone', '2025-04-01T00:00:00Z'],
		['padded', ' 2025-04-01 '],
		['infinity', 'infinity'],
		['-infinity', '-infinity'],
		['epoch', 'epoch'],
		['no zero padding', '2025-4-1'],
		['slashes', '2025/04/01'],
		['not a day', '2025-02-30'],
		['month 13', '2025-13-01'],
		['empty', ''],
		['five-digit year', '12025-04-01']
	];

	it.each(BAD_DATES)('from / to = %s', async (_label, bad) => {
		// customerTrend binds the dates without checking them: it may run (DuckDB's lenient cast) or
		// fail, but it executes nothing
		for (const v of [view({ from: bad }), view({ to: bad })]) {
			await customerTrend(db, v, ALL_META, 'month').catch(() => null);
			await expectIntact();
		}
		for (const [name, run] of builders) {
			for (const v of [
				view({ from: bad }),
				view({ to: bad }),
				view({ from: bad, to: bad, mode: 'period' })
			]) {
				await expectRejected(() => run(v)).catch((e) => {
					throw new Error(`${name}: ${(e as Error).message}`);
				});
			}
		}
	});

	const BAD_WINDOWS: [string, unknown][] = [
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['-Infinity', Number.NEGATIVE_INFINITY],
		['negative', -1],
		['fractional', 1.5],
		['beyond INTEGER', 2 ** 31],
		['a string', '30; DROP TABLE leads; --'],
		['a numeric string', '30'],
		['undefined', undefined],
		['an object', { valueOf: () => 30 }]
	];

	it.each(BAD_WINDOWS)('windowDays = %s', async (_label, bad) => {
		for (const [name, run] of builders) {
			await expectRejected(() => run(view({ windowDays: bad as number }))).catch((e) => {
				throw new Error(`${name}: ${(e as Error).message}`);
			});
		}
	});

	it('filters that are not lists of strings are refused', async () => {
		const bads: unknown[] = [[null], [1], 'Web', [["'; DROP TABLE leads; --"]], [{ toString: () => 'Web' }]];
		for (const bad of bads) {
			for (const [name, run] of builders) {
				await expectRejected(() =>
					run(view({ filters: { channel: bad } as unknown as MetricView['filters'] }))
				).catch((e) => {
					throw new Error(`${name} ${JSON.stringify(bad)}: ${(e as Error).message}`);
				});
			}
		}
	});

	it('filter values too long for the database binding are refused, and the database lives on', async () => {
		// duckdb-wasm takes the bound parameters as one JSON text of at most 1 MiB; beyond it the wasm
		// instance crashes for good. These would reach it (a NUL is six bytes in JSON, あ three in UTF-8).
		const huge: [string, MetricView['filters']][] = [
			['one 1M value', { channel: ['x'.repeat(1_100_000)] }],
			['NULs', { owner: ['\u0000'.repeat(40_000)] }],
			['many values', { segment: Array.from({ length: 5000 }, (_, i) => `${i}`.padEnd(60, 'あ')) }],
			['spread over three dimensions', { channel: [LONG, LONG], owner: [LONG, LONG], segment: [LONG] }]
		];
		for (const [label, filters] of huge) {
			expect(utf8Bytes(JSON.stringify(filters)), label).toBeGreaterThan(MAX_FILTER_BYTES);
			for (const [name, run] of builders) {
				await expectRejected(() => run(view({ filters }))).catch((e) => {
					throw new Error(`${label}, ${name}: ${(e as Error).message}`);
				});
			}
		}
		const ok = await funnel(db, view({ filters: { channel: [LONG] } }), STAGES);
		expect(ok.steps[0].count).toBe(1);
	});

	it('a valid window of 0 and a wide window still run', async () => {
		const zero = await funnel(db, view({ windowDays: 0 }), STAGES);
		expect(zero.steps.map((s) => s.count)).toEqual([HOSTILE.length + 2, 0, 0, 0, 0]);
		const wide = await funnel(db, view({ windowDays: 2_147_483_647 }), STAGES);
		expect(wide.steps.map((s) => s.count)).toEqual([
			HOSTILE.length + 2,
			HOSTILE.length + 1,
			HOSTILE.length,
			HOSTILE.length,
			HOSTILE.length
		]);
		await expectIntact();
	});

	it('funnelBy with a hostile dimension name fails to bind and changes nothing', async () => {
		// no such column (or, with a NUL, ident() refuses it before DuckDB sees it)
		for (const [, s] of HOSTILE) await expectRejected(() => funnelBy(db, view(), STAGES, s as LeadDimension));
		for (const s of ['channel" IS NOT NULL; DROP TABLE leads; --', 'lead_id', 'amount']) {
			// an existing non-dimension column would bind, so only check nothing was executed
			await funnelBy(db, view(), STAGES, s as LeadDimension).catch(() => null);
			await expectIntact();
		}
	});

	it('trend buckets with a hostile fiscal-year start are numbers, never SQL', async () => {
		for (const fy of [Number.NaN, Infinity, -5, 99, '1; DROP TABLE leads; --' as unknown as number]) {
			await leadTrend(db, view(), STAGES, 'quarter', fy).catch(() => null);
			await customerTrend(db, view(), ALL_META, 'quarter', fy).catch(() => null);
			await expectIntact();
		}
	});
});

describe('ident() and literal()', () => {
	it('round-trip every hostile string as a column name and as a string value', async () => {
		for (const [label, s] of HOSTILE.filter(([, x]) => !x.includes('\u0000'))) {
			const rows = await db.query(`SELECT ${literal(s)} AS ${ident(s)}, ? AS p`, [7]);
			expect(Object.keys(rows[0]), label).toEqual([s, 'p']);
			expect(rows[0][s], label).toBe(s);
			expect(rows[0].p, label).toBe(7);
			await expectIntact();
		}
	});

	it('a hostile table name stays a name', async () => {
		const name = 'leads"; DROP TABLE leads; --';
		await db.exec(`CREATE TEMP TABLE ${ident(name)} AS SELECT ${literal("'; DELETE FROM leads; --")} AS v`);
		const rows = await db.query(`SELECT v FROM ${ident(name)}`);
		expect(rows).toEqual([{ v: "'; DELETE FROM leads; --" }]);
		await db.exec(`DROP TABLE ${ident(name)}`);
		await expectIntact();
	});

	it('NUL throws', () => {
		for (const s of ['\u0000', 'a\u0000', '\u0000"; DROP TABLE leads; --', "x\u0000'"]) {
			expect(() => ident(s)).toThrow(/NUL/);
			expect(() => literal(s)).toThrow(/NUL/);
		}
	});

	it('quotes by doubling only', () => {
		expect(ident('a"b')).toBe('"a""b"');
		expect(literal("a'b")).toBe("'a''b'");
		expect(literal('\\')).toBe("'\\'");
		expect(ident('’')).toBe('"’"');
	});
});

// ---------------------------------------------------------------------------------------------------
// Static checks

/** A Db that records every statement it is given. */
function recording(inner: Db): { db: Db; log: { sql: string; params: readonly Param[] }[] } {
	const log: { sql: string; params: readonly Param[] }[] = [];
	return {
		log,
		db: {
			query: (sql, params = []) => {
				log.push({ sql, params });
				return inner.query(sql, params);
			},
			exec: (sql) => {
				log.push({ sql, params: [] });
				return inner.exec(sql);
			},
			registerFile: (n, b) => inner.registerFile(n, b),
			dropFile: (n) => inner.dropFile(n)
		}
	};
}

describe('no view value ever reaches SQL text', () => {
	it('builders bind filter values, dates and the window as parameters', async () => {
		// Markers make each value recognisable; the hostile tails are the point.
		const values = HOSTILE.filter(([, s]) => s.length < 1000).map(([, s], i) => `MBMARK${i}${s}`);
		const FROM = '2024-11-23';
		const TO = '2026-02-17';
		const WINDOW = 4321;
		const v = view({
			from: FROM,
			to: TO,
			windowDays: WINDOW,
			filters: { channel: values, owner: values, segment: values }
		});
		const { db: rec, log } = recording(db);
		await funnel(rec, v, STAGES);
		await funnel(rec, { ...v, mode: 'period' }, STAGES);
		for (const dim of LEAD_DIMENSIONS) await funnelBy(rec, v, STAGES, dim);
		await velocity(rec, v, STAGES);
		await revenue(rec, v, true);
		const f = await funnel(rec, v, STAGES);
		await marketingKpis(rec, v, ALL_META);
		await insideSales(rec, v, ALL_META, f);
		await repTable(rec, v, ALL_META);
		await dealOwnerTable(rec, v);
		await lostReasons(rec, v);
		await triage(rec, v, ALL_META);
		await scoreBands(rec, v, ALL_META);
		await pipeline(rec, v);
		await staleDeals(rec, v);
		await changes(rec, v);
		await customerSuccessKpis(rec, v, true);
		await computeReport(rec, ALL_META, v, { plan: { target: 1000, deal: 10 } });
		await computeReport(rec, ALL_META, { ...v, mode: 'period', windowDays: null });
		await leadTrend(rec, v, STAGES, 'quarter');
		await activityTrend(rec, v, ALL_META, 'week');
		await customerTrend(rec, v, ALL_META, 'month');
		await velocityHistogram(rec, v, STAGES);

		expect(log.length).toBeGreaterThan(20);
		for (const { sql } of log) {
			expect(sql).not.toContain('MBMARK');
			expect(sql).not.toContain(FROM);
			expect(sql).not.toContain(TO);
			expect(sql).not.toContain(String(WINDOW));
		}
		// …and they did reach DuckDB, as parameters
		const params = log.flatMap((l) => l.params);
		for (const x of values) expect(params).toContain(x);
		expect(params).toContain(FROM);
		expect(params).toContain(TO);
		expect(params).toContain(WINDOW);
		await expectIntact();
	});

	it('every named query binds filter values, dates and the window as parameters', async () => {
		const values = HOSTILE.filter(([, s]) => s.length < 1000).map(([, s], i) => `MBMARK${i}${s}`);
		const v = view({ windowDays: 4321, filters: { channel: values, owner: values, segment: values } });
		const { db: rec, log } = recording(db);
		for (const mode of ['cohort', 'period'] as const) {
			const runner = new QueryRunner(rec, ALL_META);
			const w = mode === 'cohort' ? v : { ...v, mode, windowDays: null };
			const plan = { target: 1000, deal: 10, rateSource: 'benchmark' as const };
			await runner.run(Q.funnel, w, undefined);
			await runner.run(Q.velocity, w, { steps: 'all' });
			await runner.run(Q.velocityHistogram, w, undefined);
			await runner.run(Q.revenue, w, undefined);
			for (const by of LEAD_DIMENSIONS) await runner.run(Q.breakdown, w, { by });
			await runner.run(Q.cohorts, w, { fyStartMonth: 4 });
			await runner.run(Q.departments, w, { names: [...Q.DEPARTMENT_NAMES] });
			await runner.run(Q.people, w, { dept: 'inside_sales' });
			await runner.run(Q.people, w, { dept: 'field_sales' });
			await runner.run(Q.benchmarks, w, {});
			await runner.run(Q.bottleneck, w, {});
			await runner.run(Q.plan, w, { plan });
			await runner.run(Q.trends, w, { grain: 'quarter', fyStartMonth: 4 });
		}
		expect(log.length).toBeGreaterThan(20);
		for (const { sql } of log) {
			expect(sql).not.toContain('MBMARK');
			expect(sql).not.toContain(v.from);
			expect(sql).not.toContain('4321');
		}
		const params = log.flatMap((l) => l.params);
		for (const x of values) expect(params).toContain(x);
		await expectIntact();
	});

	/**
	 * Every template literal in the metric builders, with the expressions interpolated into it. A tiny
	 * scanner: skips comments and quoted strings, follows nested templates inside `${…}`.
	 */
	function templates(src: string): { text: string; exprs: string[] }[] {
		const out: { text: string; exprs: string[] }[] = [];
		// Scans code from i until an unmatched `}` (when inExpr) or the end; returns the index after it.
		const code = (i: number, inExpr: boolean): number => {
			let depth = 0;
			while (i < src.length) {
				const c = src[i];
				const n = src[i + 1];
				if (c === '/' && n === '/') {
					i = src.indexOf('\n', i);
					if (i < 0) return src.length;
				} else if (c === '/' && n === '*') {
					i = src.indexOf('*/', i + 2) + 2;
				} else if (c === "'" || c === '"') {
					i++;
					while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
					i++;
				} else if (c === '`') {
					i = template(i + 1);
				} else if (c === '{') {
					depth++;
					i++;
				} else if (c === '}') {
					if (inExpr && depth === 0) return i + 1;
					depth--;
					i++;
				} else i++;
			}
			return i;
		};
		// Scans a template body from i (after the opening backtick); returns the index after the closing one.
		const template = (i: number): number => {
			const t = { text: '', exprs: [] as string[] };
			out.push(t);
			while (i < src.length) {
				const c = src[i];
				if (c === '\\') {
					t.text += src.slice(i, i + 2);
					i += 2;
				} else if (c === '`') {
					return i + 1;
				} else if (c === '$' && src[i + 1] === '{') {
					const end = code(i + 2, true);
					t.exprs.push(src.slice(i + 2, end - 1));
					t.text += '${…}';
					i = end;
				} else {
					t.text += c;
					i++;
				}
			}
			return i;
		};
		code(0, false);
		return out;
	}

	it('the scanner finds interpolations, nested ones included', () => {
		const t = templates("const a = `SELECT ${x} FROM ${y.map((v) => `${v}_at`).join(', ')}`; // `${no}`\n");
		expect(t.map((x) => x.exprs)).toEqual([['x', "y.map((v) => `${v}_at`).join(', ')"], ['v']]);
	});

	const SQLISH = /\b(SELECT|FROM|WHERE|IN|AND|OR|BETWEEN|FILTER|GROUP BY|ORDER BY|IS|NOT|NULL|CASE|WHEN)\b/;
	// A view value: its dates, window or filter lists, read off the view or destructured from it.
	const VIEW_VALUE =
		/\bview\s*(\?\.|\.)\s*(from|to|windowDays|filters)\b|\bfilters\s*(\?\.|\.|\[)|\bwindowDays\b|^\s*(from|to)\s*$/;
	const PLACEHOLDERS = /^\s*[\w$.?]+\s*\.map\(\(\)\s*=>\s*'\?'\)\.join\('\s*,\s*'\)\s*$/;

	/** SQL-looking templates in `src` and the view values they interpolate. */
	function offenders(src: string): { sqlTemplates: number; found: string[] } {
		const found: string[] = [];
		let sqlTemplates = 0;
		for (const t of templates(src)) {
			if (!SQLISH.test(t.text)) continue;
			sqlTemplates++;
			for (const e of t.exprs) {
				if (PLACEHOLDERS.test(e)) continue; // `?, ?, ?` for a bound list
				if (VIEW_VALUE.test(e)) found.push(`\`${t.text.slice(0, 60)}…\` interpolates ${e}`);
			}
		}
		return { sqlTemplates, found };
	}

	it('the static check flags a view value spliced into SQL and passes placeholders', () => {
		const bad = [
			"db.query(`SELECT * FROM leads WHERE channel = '${view.filters.channel![0]}'`);",
			'db.query(`SELECT * FROM leads WHERE created_at >= ${view.from}`);',
			'const { from } = view; db.query(`SELECT 1 WHERE x BETWEEN ${from} AND ?`, [1]);',
			'db.query(`SELECT 1 WHERE d <= ${view.windowDays}`);',
			"const f = view.filters; db.query(`SELECT 1 WHERE owner IN (${f.owner!.join(', ')})`);",
			'db.query(`SELECT 1 WHERE owner IN (${filters.owner})`);'
		];
		// the fifth splices through an alias this simple check cannot follow; the recording test catches it
		expect(bad.map((b) => offenders(b).found.length > 0)).toEqual([true, true, true, true, false, true]);
		const good =
			"db.query(`SELECT 1 WHERE ${ident(dim)} IN (${values.map(() => '?').join(', ')}) AND d BETWEEN ?::DATE AND ?::DATE`, [...values, view.from, view.to]);";
		expect(offenders(good)).toEqual({ sqlTemplates: 1, found: [] });
	});

	it('no SQL template literal in src/lib/engine/metrics interpolates a view value', () => {
		const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/lib/engine/metrics');
		const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
		expect(files).toEqual(expect.arrayContaining(['funnel.ts', 'kpis.ts', 'where.ts', 'report.ts']));
		let sqlTemplates = 0;
		const found: string[] = [];
		for (const file of files) {
			const r = offenders(readFileSync(path.join(dir, file), 'utf8'));
			sqlTemplates += r.sqlTemplates;
			found.push(...r.found.map((f) => `${file}: ${f}`));
		}
		expect(sqlTemplates).toBeGreaterThan(15);
		expect(found).toEqual([]);
	});

	it('no SQL template literal in src/lib/engine/queries interpolates a view value', () => {
		const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/lib/engine/queries');
		const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
		expect(files).toEqual(expect.arrayContaining(['funnel.ts', 'span.ts', 'departments.ts']));
		const found = files.flatMap((file) =>
			offenders(readFileSync(path.join(dir, file), 'utf8')).found.map((f) => `${file}: ${f}`)
		);
		expect(found).toEqual([]);
	});
});
