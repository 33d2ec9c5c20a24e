/**
 * One column, one number of decimals (issue 14): rates, days and compact amounts in a column are all
 * written with the same decimals, chosen per column so the values compare at a glance.
 */
import { describe, expect, it } from 'vitest';
import { columnFormatter, columnStyle, formatCell } from '../../src/lib/charts/table-rows';
import { columnDecimals, decimalsNeeded, formatMoney, moneyColumnDecimals } from '../../src/lib/i18n/format';
import { heatmapLayout, hbarLayout, textWidth, wrapLabel } from '../../src/lib/charts/layout';

describe('decimals per column', () => {
	it('a value needs the fewest decimals that read as with the most', () => {
		expect(decimalsNeeded(2, 1)).toBe(0);
		expect(decimalsNeeded(6.5, 1)).toBe(1);
		// 2.04 shows as 2.0 with one decimal, which is 2 with none.
		expect(decimalsNeeded(2.04, 1)).toBe(0);
		expect(decimalsNeeded(2.05, 2)).toBe(2);
	});

	it('a column takes the most any value needs, at most the kind’s digits', () => {
		// 0.065 / 0.02 / 0.005 are 6.5% / 2% / 0.5%: two of them need one decimal, so all get one.
		expect(columnDecimals([0.065, 0.02, 0.005], 1, 100)).toBe(1);
		// 0.1 / 0.25 / 0.5 are 10% / 25% / 50%: whole numbers, no decimals.
		expect(columnDecimals([0.1, 0.25, 0.5, null, '–'], 1, 100)).toBe(0);
		expect(columnDecimals([], 1, 100)).toBe(0);
	});

	it('rates in a column: 6.5% / 2.0% / 0.5%, never 6.5% / 2% / 0.5%', () => {
		const f = columnFormatter([0.065, 0.02, 0.005], 'rate', 'en');
		expect([0.065, 0.02, 0.005].map(f)).toEqual(['6.5%', '2.0%', '0.5%']);
		const g = columnFormatter([0.1, 0.25, null], 'rate', 'ja');
		expect([0.1, 0.25, null].map(g)).toEqual(['10%', '25%', '–']);
		// The same through a table's column style.
		const style = columnStyle([0.19050673508659396, 0.2], 'rate', 'ja');
		expect(formatCell(0.2, 'rate', 'ja', 'JPY', style)).toBe('20.0%');
		expect(formatCell(0.19050673508659396, 'rate', 'ja', 'JPY', style)).toBe('19.1%');
	});

	it('days and decimals in a column', () => {
		// 38.5 needs one decimal, so 12 is 12.0.
		const f = columnFormatter([38.5, 12], 'days', 'ja');
		expect(f(12)).toBe('12.0日');
		expect(f(38.5)).toBe('38.5日');
		const g = columnFormatter([3, 4, 5], 'decimal', 'en');
		expect(g(4)).toBe('4');
	});

	it('compact amounts: one decimal while every amount is below 100 of its unit, none past it', () => {
		// 115,000 = 11.5万, 20,000,000 = 2,000万 (three digits of 万): the column drops the decimal.
		expect(moneyColumnDecimals([115_000, 20_000_000], 'ja')).toBe(0);
		// 115,000 = 11.5万 and 200,000 = 20万: both below 100万-units, so 11.5万 / 20.0万.
		expect(moneyColumnDecimals([115_000, 200_000], 'ja')).toBe(1);
		const f = columnFormatter([115_000, 200_000], 'money', 'ja');
		expect([f(115_000), f(200_000)]).toEqual(['￥11.5万', '￥20.0万']);
		const g = columnFormatter([115_000, 13_520_000], 'money', 'ja');
		// 13,520,000 = 1,352万; 115,000 = 11.5万 → 12万 beside it.
		expect([g(115_000), g(13_520_000)]).toEqual(['￥12万', '￥1,352万']);
		// A column with one small amount is written in full yen (no 万 at all).
		const h = columnFormatter([76_299, 115_000], 'money', 'ja');
		expect([h(76_299), h(115_000)]).toEqual(['￥76,299', '￥115,000']);
		// A lone amount keeps dropping a zero decimal: 100,000,000 is ￥1億, not ￥1.0億.
		expect(formatMoney(100_000_000, 'ja')).toBe('￥1億');
		// English: 7,400,000 = 7.4M, 12,000,000 = 12.0M.
		const e = columnFormatter([7_400_000, 12_000_000], 'money', 'en');
		expect([e(7_400_000), e(12_000_000)]).toEqual(['¥7.4M', '¥12.0M']);
	});
});

describe('labels shown whole', () => {
	it('wraps only at a sensible point', () => {
		expect(wrapLabel('帯 1（12〜45）')).toEqual(['帯 1', '（12〜45）']);
		expect(wrapLabel('Band 1 (12–45)')).toEqual(['Band 1', '(12–45)']);
		expect(wrapLabel('SQL（商談化）')).toEqual(['SQL', '（商談化）']);
		// No break point inside a Japanese term or a word: it stays whole.
		expect(wrapLabel('見積提示')).toEqual(['見積提示']);
		expect(wrapLabel('Opportunities')).toEqual(['Opportunities']);
	});

	it('heatmap headers are never cut: a column is as wide as its header, the chart scrolls if need be', () => {
		const cols = ['MQL', 'SQL', 'Opportunities', 'Won'];
		const l = heatmapLayout(['2025-11', '2025-12'], cols, 300);
		l.columns.forEach((c, j) => {
			expect(c.lines.join(' ')).toBe(cols[j]);
			for (const line of c.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(c.width);
		});
		// Contiguous columns after the row labels.
		expect(l.columns[0].x).toBe(l.labelWidth);
		expect(l.columns[1].x).toBeCloseTo(l.columns[0].x + l.columns[0].width);
		// Wide enough: the columns share the width exactly.
		const wide = heatmapLayout(['2025-11'], cols, 1000);
		expect(wide.width).toBe(1000);
	});

	it('a bar label too wide for its column goes on two lines, not cut', () => {
		const l = hbarLayout(
			[
				{ key: '1', label: 'Band 1 (12.0–45.5)', value: 0.1, valueLabel: '10.0%' },
				{ key: '2', label: 'Band 2 (45.5–80.0)', value: 0.2, valueLabel: '20.0%' }
			],
			300
		);
		expect(l.bars[0].labelLines).toEqual(['Band 1', '(12.0–45.5)']);
		expect(l.bars[0].labelLines.join(' ')).not.toContain('…');
	});
});
