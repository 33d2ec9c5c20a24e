/**
 * The weekly review's range presets, anchored on the latest date in the data. Expected values by hand
 * from a calendar: weeks run Monday to Sunday; fiscal years start in April unless the config says other.
 */
import { describe, expect, it } from 'vitest';
import { lastWeek, previousRange, resolveRange } from '../../src/lib/state/range';
import { defaultViewState, type ViewState } from '../../src/lib/state/view';

const v = (over: Partial<ViewState>) => ({ ...defaultViewState(), ...over });
const span = (to: string) => ({ from: '2024-01-01', to });

describe('last week', () => {
	it.each([
		// 2026-03-18 is a Wednesday: its week starts Mon 03-16, so last week is Mon 03-09 – Sun 03-15.
		['2026-03-18', '2026-03-09', '2026-03-15'],
		// A Monday (2026-03-16): last week is the whole week before, 03-09 – 03-15.
		['2026-03-16', '2026-03-09', '2026-03-15'],
		// A Sunday (2026-03-22) still belongs to the week of Mon 03-16: last week 03-09 – 03-15.
		['2026-03-22', '2026-03-09', '2026-03-15'],
		// Across a year end: Thu 2026-01-01's week starts Mon 2025-12-29; last week 12-22 – 12-28.
		['2026-01-01', '2025-12-22', '2025-12-28']
	])('latest %s → %s – %s', (latest, from, to) => {
		expect(lastWeek(latest)).toEqual({ from, to });
		expect(resolveRange(v({ preset: 'lw' }), span(latest))).toEqual({ from, to });
	});
});

describe('last month', () => {
	it.each([
		['2026-03-18', '2026-02-01', '2026-02-28'], // 2026 is not a leap year
		['2024-03-31', '2024-02-01', '2024-02-29'], // 2024 is
		['2026-01-05', '2025-12-01', '2025-12-31'], // across a year end
		['2026-05-31', '2026-04-01', '2026-04-30']
	])('latest %s → %s – %s', (latest, from, to) => {
		expect(resolveRange(v({ preset: 'lm' }), span(latest))).toEqual({ from, to });
	});
});

describe('this fiscal quarter to date', () => {
	it.each([
		// April fiscal year: quarters Apr, Jul, Oct, Jan.
		['2026-03-18', 4, '2026-01-01'],
		['2026-04-01', 4, '2026-04-01'],
		['2026-06-30', 4, '2026-04-01'],
		['2026-11-24', 4, '2026-10-01'],
		// A fiscal year starting in October (config): quarters Oct, Jan, Apr, Jul.
		['2026-03-18', 10, '2026-01-01'],
		['2026-09-30', 10, '2026-07-01'],
		// January fiscal year = calendar quarters.
		['2026-05-15', 1, '2026-04-01'],
		// A February fiscal year: quarters Feb, May, Aug, Nov; 2026-01-10 is in the quarter from 2025-11-01.
		['2026-01-10', 2, '2025-11-01']
	])('latest %s, year from month %i → %s – latest', (latest, fy, from) => {
		expect(resolveRange(v({ preset: 'fqtd' }), span(latest), fy)).toEqual({ from, to: latest });
	});
	it('compares with the same number of days just before', () => {
		// 2026-10-01 – 2026-11-24 is 31 + 24 = 55 days; the 55 days before end 09-30 and start 08-07.
		expect(previousRange({ from: '2026-10-01', to: '2026-11-24' })).toEqual({
			from: '2026-08-07',
			to: '2026-09-30'
		});
	});
});
