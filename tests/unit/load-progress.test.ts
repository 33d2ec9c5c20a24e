import { describe, expect, it } from 'vitest';
import { LoadProgress } from '../../src/lib/state/load-progress';
import { stepDone } from '../../src/lib/engine/ingest/progress';

describe('load progress', () => {
	it('step shares grow to 1 after the merge, and only then', () => {
		const steps = ['decoded', 'read', 'counted', 'typed', 'checked', 'merged'] as const;
		const shares = steps.map(stepDone);
		for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
		// From the measured seconds: decoded 1.36 / 9.43, typed (1.36 + 2.28 + 0.71 + 3.97) / 9.43.
		expect(shares[0]).toBeCloseTo(1.36 / 9.43, 6);
		expect(shares[3]).toBeCloseTo(8.32 / 9.43, 6);
		expect(shares[4]).toBeLessThan(1);
		expect(shares[5]).toBe(1);
	});

	it('weights files by size, never goes back, and shows 100% only when finished', () => {
		const p = new LoadProgress();
		const big = p.track(900);
		const small = p.track(100);
		big(0.5);
		// 900 × 0.5 / 1000
		expect(p.value).toBeCloseTo(0.45, 9);
		big(0.3); // a late or repeated report never lowers the figure
		expect(p.value).toBeCloseTo(0.45, 9);
		const late = p.track(1000); // a file queued meanwhile doubles the total: the figure holds
		expect(p.value).toBeCloseTo(0.45, 9);
		big(1);
		small(1);
		late(1);
		// Everything merged, data not yet described: 99%, not 100%.
		expect(p.value).toBe(0.99);
		expect(p.finish()).toBe(1);
		expect(p.value).toBe(1);
	});
});
