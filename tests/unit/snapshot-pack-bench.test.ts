/**
 * The review pack's benchmark table: the ranges the pages' `benchmarks` results were read against, in
 * the report's key order, each with where it comes from (the view's link, the organisation's config, or
 * the default's published source), per-year ranges with their yearly range and the period's days.
 */
import { describe, expect, it } from 'vitest';
import { benchmarkSources } from '../../src/lib/components/snapshot/share';
import { translate } from '../../src/lib/i18n/messages';
import type { Locale } from '../../src/lib/i18n/format';

const ui = (locale: Locale) => ({
	locale,
	t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(locale, k, v)
});

// A quarter of 91 days: churn's 0–10 % a year reads 0 – 0.1 × 91 / 365.25 = 0.0249… → "0% – 2.5%".
const churnHigh = (0.1 * 91) / 365.25;
const shown = [
	{ name: 'funnel', key: 'funnel {}', value: { steps: [] } },
	{
		name: 'benchmarks',
		key: 'benchmarks a',
		value: [
			{ key: 'churn_rate', value: 0.01, low: 0, high: churnHigh, status: 'within', better: 'lower' },
			{ key: 'won', value: 0.26, low: 0.25, high: 0.35, status: 'within', better: 'higher' }
		]
	},
	// The same key from another page's request: listed once.
	{
		name: 'benchmarks',
		key: 'benchmarks b',
		value: [{ key: 'won', value: 0.26, low: 0.25, high: 0.35, status: 'within', better: 'higher' }]
	},
	{
		name: 'benchmarks',
		key: 'benchmarks c',
		value: [
			{ key: 'calls_per_rep_day', value: 61.2, low: 40, high: 90, status: 'within', better: 'higher' },
			{ key: 'contact_rate', value: 0.25, low: 0.2, high: 0.3, status: 'within', better: 'higher' }
		]
	}
];
// The organisation sets won (not the default) and contact rate (the same range as the default).
const layers = {
	org: { won: { low: 0.25, high: 0.35 }, contact_rate: { low: 0.2, high: 0.3 } },
	view: { calls_per_rep_day: { low: 40, high: 90 } }
};

describe('benchmarkSources', () => {
	it('lists each range used once, in the report order, with its origin (English)', () => {
		const b = benchmarkSources(shown, layers, 91, ui('en'));
		expect(b.head).toEqual(['Benchmark', 'Range used', 'Where it comes from']);
		expect(b.rows).toEqual([
			{
				label: 'Opportunity → won',
				range: '25% – 35%',
				source: 'Set by the organisation (modelboard.config.json).'
			},
			{
				label: 'Calls per rep per day',
				range: '40 – 90',
				source: 'Set in this view (the link’s benchmark override).'
			},
			{
				label: 'Contact rate',
				range: '20% – 30%',
				source: `Set by the organisation (modelboard.config.json). ${translate('en', 'bench.source.contact_rate')}`
			},
			{
				label: 'Churn rate',
				range: '0% – 2.5%',
				source: `${translate('en', 'bench.source.churn_rate')} Per year 0% – 10%, scaled to the period’s 91 days.`
			}
		]);
	});

	it('words the same in Japanese, and lists nothing when no page read a benchmark', () => {
		const b = benchmarkSources(shown, layers, 91, ui('ja'));
		expect(b.rows[0]).toEqual({
			label: '商談→受注',
			range: '25% – 35%',
			source: '組織の設定（modelboard.config.json）。'
		});
		expect(b.rows[3].source).toBe(
			`${translate('ja', 'bench.source.churn_rate')}年あたり 0% – 10% を、期間の 91 日に換算。`
		);
		expect(benchmarkSources(shown.slice(0, 1), layers, 91, ui('ja')).rows).toEqual([]);
	});
});
