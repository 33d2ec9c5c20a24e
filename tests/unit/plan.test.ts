import { describe, expect, it } from 'vitest';
import { numberChain, weekdaysBetween } from '../../src/lib/engine/metrics/plan';

describe('number chain (数値連鎖)', () => {
	const rates = {
		won: 0.25,
		opportunity: 0.5,
		sql: 0.2,
		mql: 0.3,
		contact_rate: 0.25,
		meeting_rate: 0.16,
		connects_per_lead: 1.5,
		calls_per_rep_day: 50,
		cost_per_lead: 2000
	};

	it('rounds up at every step', () => {
		// ¥10M / ¥1M = 10 won → /0.25 = 40 opps → /0.5 = 80 SQLs → /0.2 = 400 MQLs → /0.3 = 1333.3 → 1334 leads
		// contacted leads = 80 / 0.16 = 500 → calls = 500 × 1.5 connects per lead / 0.25 = 3000 → /50 = 60
		// rep-days → /20 working days = 3 reps; spend = 1334 leads × ¥2000 = ¥2,668,000
		const lines = numberChain(
			{ target: 10_000_000, deal: 1_000_000, workingDays: 20, rates },
			{ won: 7, leads: 1500 }
		);
		expect(lines.map((l) => [l.key, l.required])).toEqual([
			['won', 10],
			['opportunities', 40],
			['sqls', 80],
			['mqls', 400],
			['leads', 1334],
			['contacted_leads', 500],
			['calls', 3000],
			['rep_days', 60],
			['reps', 3],
			['spend', 2_668_000]
		]);
		expect(lines[0]).toEqual({ key: 'won', required: 10, actual: 7, gap: 3 });
		expect(lines[4]).toEqual({ key: 'leads', required: 1334, actual: 1500, gap: -166 });
		expect(lines[1].actual).toBeNull();
		expect(lines[1].gap).toBeNull();
	});

	it('a fractional won count rounds up; a zero rate stops the chain without NaN', () => {
		const lines = numberChain(
			{ target: 10_500_000, deal: 1_000_000, workingDays: 20, rates: { ...rates, sql: 0 } },
			{}
		);
		// contacted = ceil(88 / 0.16) = 550 → calls = 550 × 1.5 / 0.25 = 3300 → 66 rep-days → 4 reps;
		// no leads, so no spend
		expect(lines.map((l) => l.required)).toEqual([11, 44, 88, null, null, 550, 3300, 66, 4, null]);
	});

	it('counts weekdays in a closed range', () => {
		// 2025-04-01 is a Tuesday; April 2025 has 22 weekdays
		expect(weekdaysBetween('2025-04-01', '2025-04-30')).toBe(22);
		expect(weekdaysBetween('2025-04-05', '2025-04-06')).toBe(0);
		expect(weekdaysBetween('2025-04-07', '2025-04-07')).toBe(1);
	});
});
