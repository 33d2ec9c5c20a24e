import { describe, expect, it } from 'vitest';
import { fitLabel, hbarLayout, stackLayout, textWidth, trendLayout } from '../../src/lib/charts/layout';
import { benchTone } from '../../src/lib/benchmark-tone';
import { DEFAULT_BENCHMARKS } from '../../src/lib/engine/benchmarks/defaults';

describe('chart layout', () => {
	it('stack: segments are proportional, contiguous and fill the width; labels only where they fit', () => {
		const s = stackLayout(
			[
				{ key: 'a', label: 'A', value: 30, valueLabel: '30 (30%)' },
				{ key: 'b', label: 'B', value: 0, valueLabel: '0' },
				{ key: 'c', label: 'C', value: 70, valueLabel: '70 (70%)' }
			],
			400
		);
		expect(s.map((x) => [x.x, x.width])).toEqual([
			[0, 120],
			[120, 0],
			[120, 280]
		]);
		expect(s.map((x) => x.labelFits)).toEqual([true, false, true]);
		expect(stackLayout([{ key: 'z', label: 'Z', value: 0, valueLabel: '0' }], 100)[0].width).toBe(0);
	});

	it('benchmark tone: within is good, the bad side depends on the direction', () => {
		const acc = DEFAULT_BENCHMARKS.acceptance_rate;
		expect([acc.low, acc.high]).toEqual([0.4, 0.7]);
		expect(benchTone(0.37, acc)).toBe('bad');
		expect(benchTone(0.5, acc)).toBe('good');
		expect(benchTone(0.9, acc)).toBe('good');
		expect(benchTone(null, acc)).toBe(null);
		expect(benchTone(0.2, DEFAULT_BENCHMARKS.churn_rate)).toBe('bad');
	});

	it('estimates CJK text wider than Latin and shortens long labels', () => {
		expect(textWidth('展示会')).toBe(39);
		expect(textWidth('abc')).toBeCloseTo(3 * 13 * 0.62, 6);
		expect(fitLabel('Web問い合わせフォーム経由のリード', 80)).toMatch(/…$/);
		expect(textWidth(fitLabel('Web問い合わせフォーム経由のリード', 80))).toBeLessThanOrEqual(80);
	});

	it('bars: value labels go inside when they fit, outside otherwise, never past the plot', () => {
		const l = hbarLayout(
			[
				{ key: 'a', label: 'A', value: 100, valueLabel: '100' },
				{ key: 'b', label: 'B', value: 1, valueLabel: '1' }
			],
			400
		);
		expect(l.bars[0].labelInside).toBe(true);
		expect(l.bars[1].labelInside).toBe(false);
		// inside labels are end-anchored at labelX; outside ones start there
		for (const b of l.bars) {
			const right = b.labelInside ? b.labelX : b.labelX + textWidth(b.valueLabel);
			expect(right).toBeLessThanOrEqual(l.plotWidth + 6);
		}
		expect(l.bars[0].y + l.bars[0].height).toBeLessThanOrEqual(l.bars[1].y);
	});

	it('trend: x tick labels never overlap, even with 52 weekly buckets on a phone', () => {
		const points = Array.from({ length: 52 }, (_, i) => ({
			bucket: `2025-${String(i).padStart(2, '0')}`,
			value: i
		}));
		for (const width of [320, 600, 1200]) {
			const t = trendLayout(points, width, 200, { low: 10, high: 20 }, 48);
			const xs = t.xTicks.map((x) => x.x);
			for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(48);
			expect(t.bandPath).toMatch(/^M/);
		}
	});

	it('trend: gaps (null values) are skipped, not drawn as zero', () => {
		const t = trendLayout(
			[
				{ bucket: 'a', value: 1 },
				{ bucket: 'b', value: null },
				{ bucket: 'c', value: 3 }
			],
			300,
			150,
			null
		);
		expect(t.points.map((p) => p.bucket)).toEqual(['a', 'c']);
		expect(t.bandPath).toBeNull();
	});
});
