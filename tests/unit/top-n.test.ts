/** High-cardinality dimensions: the drawn bars are capped with an "others" bucket; tables are clipped. */
import { describe, expect, it } from 'vitest';
import { OTHERS_KEY, TOP_BARS, topN } from '../../src/lib/charts/top-n';
import { CELL_CHARS, MAX_ROWS, TOOLTIP_CHARS, cellText, visibleRows } from '../../src/lib/charts/table-rows';
import { topGroups } from '../../src/routes/funnel/breakdown-top';
import type { FunnelGroup } from '../../src/lib/engine/metrics/funnel';

describe('topN', () => {
	it('keeps a short list whole and in its order', () => {
		expect(topN([3, 1, 2], (x) => x)).toEqual({ top: [3, 1, 2], rest: [] });
	});

	it('60,000 values: the 14 largest and the rest', () => {
		const rows = Array.from({ length: 60_000 }, (_, i) => ({ k: `c${i}`, n: i % 1000 }));
		const { top, rest } = topN(rows, (r) => r.n);
		expect(top).toHaveLength(TOP_BARS - 1);
		expect(top.every((r) => r.n === 999)).toBe(true);
		expect(top[0].k).toBe('c999');
		expect(rest).toHaveLength(60_000 - (TOP_BARS - 1));
	});
});

describe('topGroups', () => {
	const group = (name: string, lead: number, won: number): FunnelGroup => ({
		group: name,
		steps: [
			{ stage: 'lead', count: lead, rate: null, overall: 1 },
			{ stage: 'won', count: won, rate: won / lead, overall: won / lead }
		]
	});

	it('sums the smaller groups into "others", with its own rates', () => {
		const groups = Array.from({ length: 20 }, (_, i) => group(`g${i}`, 100 - i, 10));
		const { groups: shown, others } = topGroups(groups);
		expect(shown).toHaveLength(TOP_BARS);
		expect(others).toBe(6);
		const last = shown.at(-1)!;
		expect(last.group).toBe(OTHERS_KEY);
		// g14..g19: leads 86+85+84+83+82+81 = 501, won 60
		expect(last.steps.map((s) => s.count)).toEqual([501, 60]);
		expect(last.steps[1].rate).toBeCloseTo(60 / 501, 10);
	});

	it('no "others" for a few groups', () => {
		expect(topGroups([group('a', 2, 1)])).toEqual({ groups: [group('a', 2, 1)], others: 0 });
	});
});

describe('table cells and rows', () => {
	it('a 10 MB cell is clipped, its tooltip bounded', () => {
		const { text, title } = cellText('x'.repeat(10_000_000));
		expect(text).toHaveLength(CELL_CHARS + 1);
		expect(title).toHaveLength(TOOLTIP_CHARS + 1);
	});

	it.each([
		[null, '–'],
		[undefined, '–'],
		[0, '0'],
		['short', 'short']
	])('%s → %s, no tooltip', (v, text) => {
		expect(cellText(v)).toEqual({ text });
	});

	it('rows: at most MAX_ROWS, searchable in any cell', () => {
		const rows = Array.from({ length: 5000 }, (_, i) => [`ch-${i}`, i]);
		expect(visibleRows(rows, '', (r) => r)).toMatchObject({ matched: 5000 });
		expect(visibleRows(rows, '', (r) => r).rows).toHaveLength(MAX_ROWS);
		expect(visibleRows(rows, ' CH-4999 ', (r) => r)).toEqual({ rows: [['ch-4999', 4999]], matched: 1 });
		expect(visibleRows(rows, '4321', (r) => r).rows.map((r) => r[0])).toEqual(['ch-4321']);
	});
});
