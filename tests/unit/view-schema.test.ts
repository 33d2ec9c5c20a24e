import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_KEYS } from '../../src/lib/engine/benchmarks/defaults';
import { PLAN_RATE_KEYS } from '../../src/lib/engine/metrics/plan';
import { NUMBERS, RATE_SPECS, acceptBench, acceptNumber, inputBounds } from '../../src/lib/state/view-schema';
import { defaultViewState, parseView, serializeView } from '../../src/lib/state/view';

describe('inputs and the link parser share one schema', () => {
	it('a number an input accepts survives the link round trip without a notice (any double)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...(['window', 'target', 'deal', 'days'] as const)),
				fc.oneof(fc.double(), fc.integer({ min: -10, max: 4000 })),
				(field, x) => {
					const n = acceptNumber(NUMBERS[field], x);
					if (n === null) return;
					const { view, notices } = parseView(
						new URLSearchParams(serializeView({ ...defaultViewState(), [field]: n }))
					);
					expect(notices).toEqual([]);
					expect(view[field]).toBe(n);
				}
			),
			{ numRuns: 5000 }
		);
	});

	it('a plan rate an input accepts survives the round trip (percent inputs divided by 100)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...PLAN_RATE_KEYS), fc.double({ min: -5, max: 2000 }), (key, typed) => {
				const n = acceptNumber(RATE_SPECS[key], key === 'calls_per_rep_day' ? typed : typed / 100);
				if (n === null) return;
				const { view, notices } = parseView(
					new URLSearchParams(serializeView({ ...defaultViewState(), rates: { [key]: n } }))
				);
				expect(notices).toEqual([]);
				expect(view.rates[key]).toBe(n);
			}),
			{ numRuns: 5000 }
		);
	});

	it('rejects what the parser rejects', () => {
		expect(acceptNumber(NUMBERS.days, 367)).toBeNull();
		expect(acceptNumber(NUMBERS.days, 2.5)).toBeNull();
		expect(acceptNumber(NUMBERS.target, 2e15)).toBeNull();
		expect(acceptNumber(RATE_SPECS.won, 1.5)).toBeNull();
		expect(acceptNumber(RATE_SPECS.won, 1e-7)).toBeNull();
		expect(acceptNumber(NUMBERS.window, 0)).toBeNull();
		expect(acceptNumber(NUMBERS.window, 30)).toBe(30);
	});

	it('gives inputs the same bounds', () => {
		expect(inputBounds(NUMBERS.days)).toEqual({ min: 1, max: 366, step: 1 });
		expect(inputBounds(RATE_SPECS.won, 100)).toEqual({ min: 0, max: 100, step: 'any' });
	});
});

describe('benchmark inputs and the link parser', () => {
	it('a range an input accepts survives the round trip without a notice', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...BENCHMARK_KEYS),
				fc.double({ min: -200, max: 2000, noNaN: true }),
				fc.double({ min: -200, max: 2000, noNaN: true }),
				(key, a, b) => {
					const r = acceptBench(key, { low: Math.min(a, b), high: Math.max(a, b) });
					if (!r) return;
					const { view, notices } = parseView(
						new URLSearchParams(serializeView({ ...defaultViewState(), bench: { [key]: r } }))
					);
					expect(notices).toEqual([]);
					expect(view.bench[key]).toEqual(r);
				}
			),
			{ numRuns: 5000 }
		);
	});

	it('refuses what the parser refuses', () => {
		expect(acceptBench('contact_rate', { low: 0.2, high: 1.5 })).toBeNull();
		expect(acceptBench('nps', { low: -10, high: 30 })).toBeNull();
		expect(acceptBench('contact_rate', { low: 0.2, high: 0.3 })).toEqual({ low: 0.2, high: 0.3 });
	});
});
