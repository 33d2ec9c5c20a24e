/**
 * The open pipeline (案件進捗) and what changed in the period, on a named fixture. Expected values
 * worked out by hand (working in the comments); as of A = 2025-06-30, stale = no activity since 05-31.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { changes, pipeline, staleDeals } from '../../src/lib/engine/metrics/pipeline';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { freshDb, insert, reset } from './helpers';

let db: Db;
const Q: MetricView = { from: '2025-04-01', to: '2025-06-30', mode: 'cohort', windowDays: null, filters: {} };

const deal = (lead_id: string, o: Record<string, string | number | boolean | null>) => ({
	lead_id,
	created_at: '2025-01-10',
	channel: 'Y',
	deal_owner: 'S1',
	...o
});

beforeAll(async () => {
	db = await freshDb();
	await reset(db);
	await insert(db, 'leads', [
		// open, age 60, active 06-20
		deal('D1', {
			opportunity_at: '2025-05-01',
			deal_stage: '提案',
			amount: 1000,
			probability: 50,
			last_activity_at: '2025-06-20',
			channel: 'X'
		}),
		// open, age 121, last activity 04-01: stale
		deal('D2', {
			opportunity_at: '2025-03-01',
			deal_stage: '提案',
			amount: 3000,
			probability: 30,
			last_activity_at: '2025-04-01',
			channel: 'X',
			deal_owner: 'S2'
		}),
		// open, age 29, no column date but an activity on 06-25: not stale
		deal('D3', { opportunity_at: '2025-06-01', deal_stage: 'ヒアリング', amount: 500, probability: 10 }),
		// won before A: closed
		deal('D4', { opportunity_at: '2025-04-10', won_at: '2025-05-20', amount: 2000 }),
		// lost after A: open at A, stage at A unknown (listed under null), age 76, no activity: stale
		deal('D5', {
			opportunity_at: '2025-04-15',
			lost_at: '2025-07-10',
			deal_stage: '失注',
			amount: 800,
			probability: 0
		}),
		// an opportunity only after A
		deal('D6', { opportunity_at: '2025-07-05', deal_stage: '提案', amount: 999, probability: 50 }),
		// lost by status, no dates: closed
		deal('D7', { opportunity_at: '2025-05-10', lost: true, amount: 700 }),
		// a lead, never an opportunity
		deal('D8', { amount: 100 }),
		// a lead dropped at SQL in the period: lost, but not a lost deal
		deal('D10', { sql_at: '2025-04-20', lost_at: '2025-05-02', amount: 50 }),
		// open, age 15, no amount
		deal('D9', {
			opportunity_at: '2025-06-15',
			deal_stage: '提案',
			probability: 50,
			last_activity_at: '2025-06-29'
		})
	]);
	await insert(db, 'activities', [
		{
			activity_id: 'x1',
			occurred_at: '2025-06-25',
			rep: 'R',
			lead_id: 'D3',
			is_call: true,
			outcome: 'connected'
		},
		{
			activity_id: 'x2',
			occurred_at: '2025-07-02',
			rep: 'R',
			lead_id: 'D2',
			is_call: true,
			outcome: 'connected'
		}
	]);
});

describe('open pipeline', () => {
	it('as of the range end', async () => {
		const p = await pipeline(db, Q, { target: 10_000, wonRevenue: 2000 });
		expect(p).toEqual({
			as_of: '2025-06-30',
			open_deals: 5, // D1 D2 D3 D5 D9
			open_amount: 5300, // 1000 + 3000 + 500 + 800
			weighted_amount: 1450, // 500 + 900 + 50 + 0 (probabilities are percentages: one is above 1)
			median_age_days: 60, // 15 29 60 76 121
			stale_deals: 2, // D2, D5
			coverage: 5300 / 8000, // open / (target − won revenue)
			by_stage: [
				{ stage: 'ヒアリング', deals: 1, amount: 500, weighted_amount: 50, median_age_days: 29 }, // mean p .1
				{ stage: '提案', deals: 3, amount: 4000, weighted_amount: 1400, median_age_days: 60 }, // mean p .43
				{ stage: null, deals: 1, amount: 800, weighted_amount: 0, median_age_days: 76 } // D5: closes after A
			]
		});
	});

	it('no coverage without a target, or when the target is already met', async () => {
		expect((await pipeline(db, Q)).coverage).toBeNull();
		expect((await pipeline(db, Q, { target: 1000, wonRevenue: 2000 })).coverage).toBeNull();
	});

	it('follows the lead filters', async () => {
		const p = await pipeline(db, { ...Q, filters: { channel: ['X'] } });
		expect([p.open_deals, p.open_amount, p.weighted_amount, p.stale_deals]).toEqual([2, 4000, 1400, 1]);
	});

	it('lists the stale deals, oldest first', async () => {
		expect(await staleDeals(db, Q)).toEqual([
			{
				lead_id: 'D2',
				deal_owner: 'S2',
				stage: '提案',
				amount: 3000,
				age_days: 121,
				last_activity: '2025-04-01'
			},
			{ lead_id: 'D5', deal_owner: 'S1', stage: null, amount: 800, age_days: 76, last_activity: null }
		]);
	});
});

describe('what changed in the period', () => {
	it('new, won and lost deals with amounts; no stage history → advanced/slipped null', async () => {
		expect(await changes(db, Q)).toEqual({
			new: { deals: 6, amount: 5000 }, // D1 D3 D4 (04-10) D5 D7 (lost by status, opened 05-10) D9
			won: { deals: 1, amount: 2000 }, // D4
			lost: { deals: 0, amount: 0 }, // D5 is lost in July; D10 was lost as an SQL, never a deal
			advanced: null,
			slipped: null
		});
	});
});

describe('what changed in the period, with a stage history', () => {
	// Stage order by mean probability over the deals carrying each stage: 失注 0 (D5) < ヒアリング 0.1 (D3)
	// < 提案 (D1 .5, D2 .3, D6 .5, D9 .5 → 0.45). 受注 has no probability, so it cannot be compared.
	beforeAll(async () => {
		await insert(db, 'stage_history', [
			{ lead_id: 'D1', changed_at: '2025-03-20', stage: 'ヒアリング' },
			{ lead_id: 'D1', changed_at: '2025-05-01', stage: '提案' }, // ヒアリング → 提案: advanced
			{ lead_id: 'D2', changed_at: '2025-03-01', stage: '提案' },
			{ lead_id: 'D2', changed_at: '2025-06-10', stage: 'ヒアリング' }, // 提案 → ヒアリング: slipped
			{ lead_id: 'D3', changed_at: '2025-06-01', stage: 'ヒアリング' }, // no stage before 04-01: new
			{ lead_id: 'D5', changed_at: '2025-03-15', stage: '提案' },
			{ lead_id: 'D5', changed_at: '2025-07-10', stage: '失注' }, // after the period: unchanged
			{ lead_id: 'D8', changed_at: '2025-02-01', stage: 'ヒアリング' },
			{ lead_id: 'D8', changed_at: '2025-05-05', stage: '受注' }, // not comparable
			{ lead_id: 'D9', changed_at: '2025-03-01', stage: 'ヒアリング' },
			{ lead_id: 'D9', changed_at: '2025-04-01', stage: '提案' } // on the first day: advanced
		]);
	});

	it('advanced and slipped deals with their amounts, under a filter too', async () => {
		const c = await changes(db, Q);
		expect(c.advanced).toEqual({ deals: 2, amount: 1000 }); // D1 (1000) and D9 (no amount)
		expect(c.slipped).toEqual({ deals: 1, amount: 3000 }); // D2
		const x = await changes(db, { ...Q, filters: { channel: ['X'] } }); // D1 and D2 are channel X
		expect(x.advanced).toEqual({ deals: 1, amount: 1000 });
		expect(x.slipped).toEqual({ deals: 1, amount: 3000 });
	});
});
