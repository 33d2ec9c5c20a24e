import { describe, expect, it } from 'vitest';
import { DEFAULT_BENCHMARKS, daysInclusive, scaledBand } from '../../src/lib/engine/benchmarks/defaults';

describe('period-scaled benchmarks (docs/metrics.md v2)', () => {
	it('counts both ends of a range', () => {
		expect(daysInclusive('2025-04-01', '2025-04-30')).toBe(30);
		expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
		expect(daysInclusive('2025-04-01', '2025-04-01')).toBe(1);
	});

	it('scales per-year ranges (churn, upsell) by d / 365.25', () => {
		// Churn 0–10% a year over April (30 days): high 0.1 × 30 / 365.25 = 0.0082136…
		const churn = scaledBand(DEFAULT_BENCHMARKS.churn_rate, 30);
		expect(churn.low).toBe(0);
		expect(churn.high).toBeCloseTo(0.0082136, 7);
		// Upsell 5–15% a year over a 91-day quarter: 0.05 × 91 / 365.25 = 0.0124572…, 0.15 × … = 0.0373717…
		const upsell = scaledBand(DEFAULT_BENCHMARKS.upsell_rate, 91);
		expect(upsell.low).toBeCloseTo(0.0124572, 7);
		expect(upsell.high).toBeCloseTo(0.0373717, 7);
		// 365.25 days is the range itself.
		expect(scaledBand(DEFAULT_BENCHMARKS.upsell_rate, 365.25).high).toBeCloseTo(0.15, 12);
	});

	it('leaves rates that are not per period alone', () => {
		expect(scaledBand(DEFAULT_BENCHMARKS.won, 30)).toEqual(DEFAULT_BENCHMARKS.won);
		expect(scaledBand(DEFAULT_BENCHMARKS.contact_rate, 7)).toEqual(DEFAULT_BENCHMARKS.contact_rate);
	});
});
