import { describe, expect, it } from 'vitest';
import { numberChain, type PlanRates } from '../../src/lib/engine/metrics/plan';
import { lineStatus, monthsIn, perMonth } from '../../src/routes/plan/plan-lines';

const rates: PlanRates = {
	won: 0.25,
	opportunity: 0.5,
	sql: 0.5,
	mql: 0.5,
	contact_rate: 0.2,
	meeting_rate: 0.1,
	connects_per_lead: 2,
	calls_per_rep_day: 50,
	cost_per_lead: null
};

describe('plan lines on the page', () => {
	it('months over the range: days / 30.4375', () => {
		expect(monthsIn('2025-04-01', '2026-03-31')).toBeCloseTo(365 / 30.4375, 12);
		expect(monthsIn('2025-04-01', '2025-04-30')).toBeCloseTo(30 / 30.4375, 12);
		// 10 won deals over 365 days: 10 / 11.99 a month
		expect(perMonth(10, monthsIn('2025-04-01', '2026-03-31'))).toBeCloseTo(0.833904, 5);
		expect(perMonth(null, 12)).toBeNull();
		expect(perMonth(5, 0)).toBeNull();
	});

	it('says which rate leaves a line empty and why, and when the data is ahead', () => {
		// 1,000,000 / 100,000 = 10 won → 40 opps → 80 SQLs → 160 MQLs → 320 leads; 800 contacted leads
		const lines = numberChain(
			{ target: 1_000_000, deal: 100_000, workingDays: 20, rates },
			{ won: 12, opportunities: 30, sqls: 80 }
		);
		const st = (k: string) =>
			lineStatus(
				lines.find((l) => l.key === k)!,
				lines,
				rates
			);
		expect(st('won')).toEqual({ kind: 'ahead' });
		expect(st('opportunities')).toEqual({ kind: 'short' });
		expect(st('sqls')).toEqual({ kind: 'ahead' });
		expect(st('mqls')).toEqual({ kind: 'none' });
		expect(st('spend')).toEqual({ kind: 'missing', rate: 'cost_per_lead', why: 'noSpend' });
		const noCalls = { ...rates, contact_rate: 0 };
		const l2 = numberChain({ target: 1_000_000, deal: 100_000, workingDays: 20, rates: noCalls }, {});
		expect(
			lineStatus(
				l2.find((l) => l.key === 'calls')!,
				l2,
				noCalls
			)
		).toEqual({
			kind: 'missing',
			rate: 'contact_rate',
			why: 'zero'
		});
		expect(
			lineStatus(
				l2.find((l) => l.key === 'rep_days')!,
				l2,
				noCalls
			)
		).toEqual({
			kind: 'upstream',
			line: 'calls'
		});
	});
});
