/**
 * Marketing costs per channel (cost per lead / MQL / SQL / opportunity, CAC, ROI) and lead-score bands
 * on named fixtures. Expected values worked out by hand; working in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { marketingKpis, scoreBands } from '../../src/lib/engine/metrics/marketing';
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
const ALL = meta({ leads: true, spend: true }, [...STAGES]);

beforeAll(async () => {
	db = await freshDb();
});

describe('cost per stage and ROI, per channel', () => {
	beforeAll(async () => {
		await reset(db);
		const lead = (id: string, channel: string, reach: number, amount?: number) => {
			const dates = ['mql_at', 'sql_at', 'opportunity_at', 'won_at'].slice(0, reach);
			return {
				lead_id: id,
				created_at: '2025-04-02',
				channel,
				amount,
				...Object.fromEntries(dates.map((c) => [c, '2025-04-10']))
			};
		};
		await insert(db, 'leads', [
			lead('M1', 'A', 4, 200),
			lead('M2', 'A', 2),
			lead('M3', 'A', 0),
			lead('M4', 'B', 4, 100),
			lead('M5', 'B', 1),
			lead('M6', 'C', 0) // no spend row for C
		]);
		await insert(db, 'spend', [
			{ month: '2025-04-01', channel: 'A', spend: 600 },
			{ month: '2025-04-01', channel: 'B', spend: 300 },
			{ month: '2025-05-01', channel: 'A', spend: 999 }, // outside April
			{ month: '2025-04-01', channel: 'D', spend: 50 } // spend without leads
		]);
	});

	const expected = {
		// all channels: 6 leads, 4 MQLs, 3 SQLs, 2 opportunities, 2 won, revenue 300, spend 950
		leads: 6,
		mqls: 4,
		mql_rate: 4 / 6,
		sqls: 3,
		opportunities: 2,
		won: 2,
		won_revenue: 300,
		spend: 950,
		cpl: 950 / 6,
		cpm: 237.5,
		cost_per_sql: 950 / 3,
		cost_per_opportunity: 475,
		cac: 475,
		roi: 300 / 950
	};

	it('totals and channels', async () => {
		const m = (await marketingKpis(db, APRIL, ALL))!;
		const { by_channel, ...total } = m;
		expect(total).toEqual(expected);
		expect(by_channel.map((c) => c.channel)).toEqual(['A', 'B', 'C', 'D']);
		const [a, , c, d] = by_channel;
		// A: 3 leads, 2 MQLs, 2 SQLs, 1 opportunity, 1 won (200) for 600
		expect([a.cpl, a.cpm, a.cost_per_sql, a.cost_per_opportunity, a.cac, a.roi]).toEqual([
			200,
			300,
			300,
			600,
			600,
			200 / 600
		]);
		// C has leads but no spend: every cost figure is null, not 0
		expect([c.spend, c.cpl, c.cost_per_sql, c.cac, c.roi]).toEqual([null, null, null, null, null]);
		// D has spend but no lead: no cost per lead; nothing won for 50
		expect([d.leads, d.spend, d.cpl, d.roi]).toEqual([0, 50, null, 0]);
	});

	it('the same from every lead as from the cube (a window of a year reads the leads)', async () => {
		const m = (await marketingKpis(db, { ...APRIL, windowDays: 365 }, ALL))!;
		const { by_channel: _c, ...total } = m;
		expect(total).toEqual(expected);
	});
});

describe('lead-score bands', () => {
	beforeAll(async () => {
		await reset(db);
		// scores 10…80; SQL at 40, 60, 70, 80; won at 80
		await insert(
			db,
			'leads',
			[10, 20, 30, 40, 50, 60, 70, 80].map((score) => ({
				lead_id: `S${score}`,
				created_at: '2025-04-05',
				score,
				sql_at: [40, 60, 70, 80].includes(score) ? '2025-04-20' : null,
				won_at: score === 80 ? '2025-04-28' : null
			}))
		);
	});

	it('quartile cuts 27.5 / 45 / 62.5 (continuous quantiles of 8 scores)', async () => {
		expect(await scoreBands(db, APRIL, meta({ leads: true }, ['lead', 'sql', 'won']))).toEqual([
			{ band: 1, min: 10, max: 20, leads: 2, sqls: 0, sql_rate: 0, won: 0 },
			{ band: 2, min: 30, max: 40, leads: 2, sqls: 1, sql_rate: 0.5, won: 0 },
			{ band: 3, min: 50, max: 60, leads: 2, sqls: 1, sql_rate: 0.5, won: 0 },
			{ band: 4, min: 70, max: 80, leads: 2, sqls: 2, sql_rate: 1, won: 1 }
		]);
	});

	it('null without a score', async () => {
		await reset(db);
		await insert(db, 'leads', [{ lead_id: 'N1', created_at: '2025-04-05' }]);
		expect(await scoreBands(db, APRIL, meta({ leads: true }, ['lead']))).toBeNull();
	});
});
