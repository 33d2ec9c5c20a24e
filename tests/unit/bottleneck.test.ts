import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BENCHMARKS,
	mergeBenchmarks,
	parseRange,
	status
} from '../../src/lib/engine/benchmarks/defaults';
import { bottleneck } from '../../src/lib/engine/metrics/bottleneck';
import { toSteps } from '../../src/lib/engine/metrics/funnel';
import { STAGES } from '../../src/lib/engine/schema';

const steps = (counts: number[]) => toSteps(Object.fromEntries(STAGES.map((s, i) => [s, counts[i]])), STAGES);

describe('bottleneck (METRICS.md)', () => {
	it('ranks the steps below their floor by revenue impact', () => {
		// 1000 → 300 (0.3) → 30 (0.1, at its floor) → 9 (0.3 < 0.4) → 3 (1/3)
		// opportunity: extra = 30 × (0.4 − 0.3) × 1/3 = 1 deal → ¥1M at ¥1M a deal
		const b = bottleneck(steps([1000, 300, 30, 9, 3]), DEFAULT_BENCHMARKS, 1_000_000);
		expect(b?.step).toBe('opportunity');
		expect(b?.from).toBe('sql');
		expect(b?.count_from).toBe(30);
		expect(b?.rate).toBeCloseTo(0.3, 12);
		expect(b?.low).toBe(0.4);
		expect(b?.extra_won).toBeCloseTo(1, 12);
		expect(b?.impact).toBeCloseTo(1_000_000, 4);
		expect(b?.impact_unit).toBe('currency');
		expect(b?.ranked).toHaveLength(1);
	});

	it('a larger later shortfall outranks an earlier one', () => {
		// with won's floor at 0.5: won extra = 9 × (0.5 − 1/3) = 1.5 deals > opportunity's 1.0 × (1/3 → stays)
		const bench = mergeBenchmarks({ won: { low: 0.5, high: 0.6 } });
		const b = bottleneck(steps([1000, 300, 30, 9, 3]), bench, 1_000_000);
		expect(b?.step).toBe('won');
		expect(b?.extra_won).toBeCloseTo(1.5, 12);
		expect(b?.ranked.map((r) => r.step)).toEqual(['won', 'opportunity']);
	});

	it('ties go to the earlier step', () => {
		// mql: 100 × (0.2 − 0.1) × 1 × 1 × 0.5 = 5; won: 10 × (1.0 − 0.5) = 5
		const bench = mergeBenchmarks({ won: { low: 1, high: 1 } });
		const b = bottleneck(steps([100, 10, 10, 10, 5]), bench, 100);
		expect(b?.ranked.map((r) => [r.step, Math.round(r.extra_won * 1e9) / 1e9])).toEqual([
			['mql', 5],
			['won', 5]
		]);
		expect(b?.step).toBe('mql');
	});

	it('without won deals the impact is in deals, not money', () => {
		const b = bottleneck(steps([100, 10, 5, 1, 0]), DEFAULT_BENCHMARKS, null);
		// opp: 5 × (0.4 − 0.2) × (won rate 0 → 0) = 0; won: 1 × (0.2 − 0) = 0.2 deals
		expect(b?.step).toBe('won');
		expect(b?.impact_unit).toBe('deals');
		expect(b?.impact).toBeCloseTo(0.2, 12);
	});

	it('no step below its floor → no bottleneck', () => {
		expect(bottleneck(steps([100, 30, 5, 3, 1]), DEFAULT_BENCHMARKS, 10)).toBeNull();
	});
});

describe('benchmark status and ranges', () => {
	it.each([
		[0.19, 'below'],
		[0.2, 'within'],
		[0.3, 'within'],
		[0.31, 'above'],
		[null, null],
		[Number.NaN, null]
	])('%s → %s', (v, s) => {
		expect(status(v as number | null, { low: 0.2, high: 0.3 })).toBe(s);
	});

	it('parses LOW:HIGH and refuses reversed or junk ranges', () => {
		expect(parseRange('0.2:0.3')).toEqual({ low: 0.2, high: 0.3 });
		expect(parseRange(' 50 : 80 ')).toEqual({ low: 50, high: 80 });
		expect(parseRange('0.3:0.2')).toBeNull();
		expect(parseRange('abc')).toBeNull();
		expect(parseRange('1:2;DROP')).toBeNull();
	});

	it('layers override defaults in order', () => {
		const b = mergeBenchmarks(
			{ contact_rate: { low: 0.1, high: 0.2 } },
			{ contact_rate: { low: 0.15, high: 0.25 } }
		);
		expect(b.contact_rate).toMatchObject({ low: 0.15, high: 0.25, better: 'higher' });
		expect(b.calls_per_rep_day).toMatchObject({ low: 50, high: 80 });
	});
});
