import { describe, expect, it } from 'vitest';
import { proRated, targetLines } from '../../src/lib/engine/metrics/targets';

describe('monthly targets pro-rated to a range', () => {
	it('whole months add up; part months count their days', () => {
		expect(proRated(120, '2025-04-01', '2025-06-30')).toBeCloseTo(360, 12);
		// April 16–30: 15 of 30 days; May whole; June 1–10: 10 of 30 days
		expect(proRated(120, '2025-04-16', '2025-06-10')).toBeCloseTo(60 + 120 + 40, 12);
		// February 2024 (29 days): 7 days
		expect(proRated(29, '2024-02-01', '2024-02-07')).toBeCloseTo(7, 12);
		// across a year end: Dec 31 (1/31) + Jan 1 (1/31)
		expect(proRated(31, '2025-12-31', '2026-01-01')).toBeCloseTo(2, 12);
		expect(proRated(100, '2025-05-01', '2025-04-01')).toBe(0);
	});

	it('attainment per goal, in a fixed order', () => {
		expect(targetLines({ won: 10, sqls: 40 }, { sqls: 98, won: null }, '2025-04-01', '2025-06-30')).toEqual([
			{ key: 'sqls', target: 120, actual: 98, attainment: 98 / 120 },
			{ key: 'won', target: 30, actual: null, attainment: null }
		]);
	});
});
