import { describe, expect, it } from 'vitest';
import { csvHeader, formatCell, moneyCompact } from '../../src/lib/charts/table-rows';
import { bucketBand } from '../../src/lib/department-trends';
import { DEFAULT_BENCHMARKS } from '../../src/lib/engine/benchmarks/defaults';

describe('one formatter per kind of number', () => {
	it('formats each kind, never a raw float', () => {
		expect(formatCell(0.19050673508659396, 'rate', 'ja')).toBe('19.1%');
		expect(formatCell(18.783132530120483, 'decimal', 'en')).toBe('18.8');
		expect(formatCell(18.783132530120483, null, 'en')).toBe('18.78');
		expect(formatCell(11028, 'int', 'ja')).toBe('11,028');
		expect(formatCell(38.5, 'days', 'ja')).toBe('38.5日');
		expect(formatCell('東京', 'int', 'ja')).toBeNull();
	});

	it('a money column is compact only when every amount is large enough', () => {
		// ￥76,299 beside ￥115,000: the JA threshold is 100,000, so the column stays in full yen.
		expect(moneyCompact([115_000, 76_299], 100_000)).toBe(false);
		expect(formatCell(115_000, 'money', 'ja', 'JPY', false)).toBe('￥115,000');
		expect(moneyCompact([115_000, 2_000_000, null], 100_000)).toBe(true);
		expect(formatCell(115_000, 'money', 'ja', 'JPY', true)).toBe('￥11.5万');
	});

	it('CSV headers name the unit of full-precision values', () => {
		expect(csvHeader('受注率', 'rate', 'ja')).toBe('受注率 （比率 0〜1）');
		expect(csvHeader('Won revenue', 'money', 'en', 'USD')).toBe('Won revenue (USD)');
		expect(csvHeader('Channel', null, 'en')).toBe('Channel');
	});
});

describe('trend buckets against per-year bands', () => {
	it('scales churn per bucket, partial buckets by their days in the range', () => {
		// April 2025 in full: 30 days, 0.1 × 30 / 365.25 = 0.0082136…
		expect(bucketBand(DEFAULT_BENCHMARKS.churn_rate, '2025-04-01', 'month', null).high).toBeCloseTo(
			0.0082136,
			7
		);
		// A range starting 04-21 leaves 10 days of April: 0.1 × 10 / 365.25 = 0.0027379…
		const r = { from: '2025-04-21', to: '2025-06-30' };
		expect(bucketBand(DEFAULT_BENCHMARKS.churn_rate, '2025-04-01', 'month', r).high).toBeCloseTo(
			0.0027379,
			7
		);
		// A step rate is not per year: unchanged.
		expect(bucketBand(DEFAULT_BENCHMARKS.won, '2025-04-01', 'month', r)).toEqual({ low: 0.2, high: 0.3 });
	});
});
