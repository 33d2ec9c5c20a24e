/**
 * Reps with their hand-off, deal owners, lost reasons and the MQL triage on a named fixture (cohort
 * April 2025). Expected values worked out by hand; working in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import {
	dealOwnerTable,
	lostReasons,
	repTable,
	triage,
	triageTrend
} from '../../src/lib/engine/metrics/people';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { STAGES } from '../../src/lib/engine/schema';
import { freshDb, insert, meta, reset } from './helpers';

let db: Db;
const APRIL: MetricView = {
	from: '2025-04-01',
	to: '2025-04-30',
	mode: 'cohort',
	windowDays: null,
	filters: {}
};
const ALL = meta({ leads: true, activities: true }, [...STAGES]);

beforeAll(async () => {
	db = await freshDb();
	await reset(db);
	const d = (day: number) => `2025-04-${String(day).padStart(2, '0')}`;
	await insert(db, 'leads', [
		{
			lead_id: 'P1',
			created_at: d(1),
			owner: 'R1',
			mql_at: d(2),
			sql_at: d(5),
			opportunity_at: d(10),
			won_at: '2025-05-01',
			amount: 100,
			deal_owner: 'S1'
		},
		{
			lead_id: 'P2',
			created_at: d(2),
			owner: 'R1',
			mql_at: d(3),
			sql_at: d(6),
			opportunity_at: d(12),
			lost_at: '2025-05-05',
			lost: true,
			lost_reason: '価格',
			deal_owner: 'S1'
		},
		{ lead_id: 'P3', created_at: d(3), owner: 'R2', mql_at: d(4), sql_at: d(7) },
		{ lead_id: 'P4', created_at: d(4), owner: 'R2', mql_at: d(5), status_target: 'nurture' },
		{ lead_id: 'P5', created_at: d(5), owner: 'R2', mql_at: d(6), status_target: 'disqualified', lost: true },
		{ lead_id: 'P6', created_at: d(6), owner: 'R3', mql_at: d(7) },
		{
			lead_id: 'P7',
			created_at: d(7),
			owner: 'R1',
			mql_at: d(8),
			sql_at: d(9),
			opportunity_at: d(10),
			lost_at: d(30),
			lost_reason: '価格',
			deal_owner: 'S2'
		},
		{
			lead_id: 'P8',
			created_at: d(9),
			owner: 'R2',
			mql_at: d(10),
			sql_at: d(11),
			opportunity_at: d(12),
			status_target: 'lost',
			lost: true,
			lost_reason: ' ',
			deal_owner: 'S2'
		},
		{
			lead_id: 'P9',
			created_at: '2025-03-15',
			owner: 'R1',
			sql_at: '2025-03-20',
			opportunity_at: '2025-03-25',
			won_at: d(2),
			amount: 999,
			deal_owner: 'S3'
		},
		{
			lead_id: 'P10',
			created_at: d(10),
			owner: 'R2',
			mql_at: d(11),
			sql_at: d(12),
			opportunity_at: d(15),
			won_at: d(25),
			amount: 300,
			deal_owner: 'S2'
		}
	]);
	const call = (id: string, day: number, rep: string, lead: string, outcome: string) => ({
		activity_id: id,
		occurred_at: d(day),
		rep,
		lead_id: lead,
		outcome,
		is_call: true
	});
	await insert(db, 'activities', [
		call('c1', 3, 'R1', 'P1', 'connected'),
		call('c2', 4, 'R1', 'P1', 'meeting_set'),
		call('c3', 5, 'R4', 'P3', 'no_answer')
	]);
});

describe('reps and their hand-off (引き継ぎの質)', () => {
	it('every activity rep and lead owner, by name; no calls → null activity figures', async () => {
		const rows = await repTable(db, APRIL, ALL);
		expect(rows!.map((r) => r.rep)).toEqual(['R1', 'R2', 'R3', 'R4']);
		const [r1, r2, r3, r4] = rows!;
		// R1 owns P1 P2 P7: 3 SQLs, 3 accepted, 1 won; calls c1 c2 on two days, P1 first connected 04-03 and met
		expect(r1).toEqual({
			rep: 'R1',
			calls: 2,
			rep_days: 2,
			calls_per_rep_day: 1,
			contact_rate: 1,
			meeting_rate: 1,
			first_connects: 1,
			sqls: 3,
			accepted: 3,
			acceptance_rate: 1,
			won: 1,
			handoff_win_rate: 1 / 3
		});
		// R2 owns P3 P4 P5 P8 P10: SQLs P3 P8 P10, accepted P8 P10, won P10; no calls
		expect(r2).toMatchObject({ calls: null, rep_days: null, meeting_rate: null, sqls: 3, accepted: 2 });
		expect([r2.acceptance_rate, r2.won, r2.handoff_win_rate]).toEqual([2 / 3, 1, 1 / 3]);
		// R3 owns P6 (an MQL only): no SQL, so no rates
		expect(r3).toMatchObject({ sqls: 0, accepted: 0, acceptance_rate: null, handoff_win_rate: null });
		// R4 calls but owns nothing: one unanswered call, no first connect
		expect(r4).toMatchObject({ calls: 1, contact_rate: 0, first_connects: 0, meeting_rate: null, sqls: 0 });
	});

	it('null when nobody is named', async () => {
		expect(await repTable(db, { ...APRIL, from: '2024-01-01', to: '2024-01-31' }, ALL)).toBeNull();
	});
});

describe('field sales by deal owner', () => {
	it('deal owners only, over the cohort', async () => {
		expect(await dealOwnerTable(db, APRIL)).toEqual([
			// P1 (won after 21 days) and P2
			{
				owner: 'S1',
				opportunities: 2,
				won: 1,
				win_rate: 0.5,
				won_revenue: 100,
				avg_deal: 100,
				median_days_to_win: 21
			},
			// P7 P8 P10 (won after 10 days); S3's deal P9 lies outside the cohort
			{
				owner: 'S2',
				opportunities: 3,
				won: 1,
				win_rate: 1 / 3,
				won_revenue: 300,
				avg_deal: 300,
				median_days_to_win: 10
			}
		]);
	});
});

describe('lost reasons and MQL triage', () => {
	it('lost deals by reason, most first, blank as null', async () => {
		expect(await lostReasons(db, APRIL)).toEqual([
			{ reason: '価格', deals: 2 }, // P2 P7
			{ reason: null, deals: 1 } // P8, lost by status with a blank reason
		]);
	});

	it('the four parts add up to the MQLs', async () => {
		// MQLs P1–P8 but P9 (outside) and P10: 9; SQL P1 P2 P3 P7 P8 P10; nurture P4; disqualified P5; open P6
		expect(await triage(db, APRIL, ALL)).toEqual({
			mqls: 9,
			to_sql: 6,
			nurture: 1,
			disqualified: 1,
			open: 1
		});
	});

	it('the triage per creation week and month adds up to the total', async () => {
		// Week of Mon 2025-03-31 (Apr 1–6): P1–P6 → SQL P1 P2 P3, nurture P4, disqualified P5, open P6.
		// Week of Mon 2025-04-07 (Apr 7–13): P7 P8 P10 → all three reached SQL.
		expect(await triageTrend(db, APRIL, ALL, 'week')).toEqual([
			{ bucket: '2025-03-31', mqls: 6, to_sql: 3, nurture: 1, disqualified: 1, open: 1 },
			{ bucket: '2025-04-07', mqls: 3, to_sql: 3, nurture: 0, disqualified: 0, open: 0 }
		]);
		expect(await triageTrend(db, APRIL, ALL, 'month')).toEqual([
			{ bucket: '2025-04-01', mqls: 9, to_sql: 6, nurture: 1, disqualified: 1, open: 1 }
		]);
		expect(await triageTrend(db, APRIL, meta({ leads: true }, ['lead', 'sql']), 'month')).toBeNull();
	});
});

describe('lost reasons of deals known by their status alone', () => {
	it('count a lead whose status says it reached opportunity and was lost, not one lost before it', async () => {
		const db2 = await freshDb();
		await reset(db2);
		await insert(db2, 'leads', [
			// No dates past creation: the status (rank 3, lost) alone makes it a lost deal.
			{
				lead_id: 'S1',
				created_at: '2025-04-03',
				status_rank: 3,
				lost: true,
				status_target: 'lost',
				lost_reason: '納期'
			},
			// Lost at MQL (rank 1): a lost lead, not a lost deal.
			{
				lead_id: 'S2',
				created_at: '2025-04-04',
				mql_at: '2025-04-05',
				status_rank: 1,
				lost: true,
				status_target: 'lost',
				lost_reason: '予算'
			}
		]);
		expect(await lostReasons(db2, APRIL)).toEqual([{ reason: '納期', deals: 1 }]);
	});
});
