import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_KEYS } from '../../src/lib/engine/benchmarks/defaults';
import { render } from '../../src/lib/i18n/messages';
import { PLAN_RATE_KEYS } from '../../src/lib/engine/metrics/plan';
import { TARGET_KEYS } from '../../src/lib/engine/metrics/targets';
import { GOAL_SPECS, acceptNumber } from '../../src/lib/state/view-schema';
import { previousRange, resolveRange, fiscalQuarterStart } from '../../src/lib/state/range';
import {
	BREAKDOWNS,
	DEFAULT_VIEW,
	GRAINS,
	RANGE_PRESETS,
	defaultViewState,
	isSafeSource,
	parseView,
	serializeView,
	type ViewState
} from '../../src/lib/state/view';

const isoDate = fc
	.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const value = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\u0000'));
const rate = fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000);
const range = fc
	.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
	.map(([a, b]) => ({ low: Math.min(a, b) / 1000, high: Math.max(a, b) / 1000 }));

/** Valid states: what the UI can produce (preset excludes from/to, window only in cohort mode). */
const validState: fc.Arbitrary<ViewState> = fc
	.record({
		dates: fc.option(fc.tuple(isoDate, isoDate), { nil: null }),
		preset: fc.option(fc.constantFrom(...RANGE_PRESETS), { nil: null }),
		compare: fc.boolean(),
		mode: fc.constantFrom('cohort' as const, 'period' as const),
		window: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
		filters: fc.record({
			channel: fc.uniqueArray(value, { maxLength: 4 }),
			owner: fc.uniqueArray(value, { maxLength: 4 }),
			segment: fc.uniqueArray(value, { maxLength: 4 }),
			deal_owner: fc.uniqueArray(value, { maxLength: 4 })
		}),
		by: fc.constantFrom(...BREAKDOWNS),
		grain: fc.constantFrom(...GRAINS),
		bench: fc.dictionary(fc.constantFrom(...BENCHMARK_KEYS), range),
		target: fc.option(fc.integer({ min: 1, max: 1e12 }), { nil: null }),
		deal: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
		days: fc.option(fc.integer({ min: 1, max: 366 }), { nil: null }),
		rateSource: fc.constantFrom('actual' as const, 'benchmark' as const),
		rates: fc.dictionary(fc.constantFrom(...PLAN_RATE_KEYS), rate),
		goals: fc.dictionary(
			fc.constantFrom(...TARGET_KEYS),
			fc.oneof(
				fc.integer({ min: 1, max: 1e7 }),
				fc.integer({ min: 1, max: 99_999 }).map((n) => n / 100)
			)
		),
		lang: fc.constantFrom(null, 'ja' as const, 'en' as const),
		fp: fc.option(fc.stringMatching(/^[0-9a-z]{1,16}$/), { nil: null }),
		src: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,12}(\/[a-z0-9_-]{1,12})?\.csv$/), { maxLength: 3 }),
		files: fc.uniqueArray(value, { maxLength: 3 })
	})
	.map((r) => {
		const [a, b] = r.dates ?? [null, null];
		const ordered = a && b && a > b ? [b, a] : [a, b];
		return {
			from: r.preset ? null : ordered[0],
			to: r.preset ? null : ordered[1],
			preset: r.preset,
			compare: r.compare,
			mode: r.mode,
			window: r.mode === 'cohort' ? r.window : null,
			filters: {
				channel: [...r.filters.channel].sort(),
				owner: [...r.filters.owner].sort(),
				segment: [...r.filters.segment].sort(),
				deal_owner: [...r.filters.deal_owner].sort()
			},
			by: r.by,
			grain: r.grain,
			bench: r.bench,
			target: r.target,
			deal: r.deal,
			days: r.days,
			rateSource: r.rateSource,
			rates: r.rates,
			goals: r.goals,
			lang: r.lang,
			fp: r.fp,
			src: [...r.src].sort(),
			files: [...r.files].sort()
		} satisfies ViewState;
	});

describe('view state: parse ∘ serialize', () => {
	it('is the identity on valid states, with no notice (10,000 cases)', () => {
		fc.assert(
			fc.property(validState, (v) => {
				const { view, notices } = parseView(new URLSearchParams(serializeView(v)));
				expect(notices).toEqual([]);
				expect(view).toEqual(v);
			}),
			{ numRuns: 10_000 }
		);
	});

	it('serializing is canonical: equal views give equal links, defaults give an empty link', () => {
		expect(serializeView(defaultViewState())).toBe('');
		fc.assert(
			fc.property(validState, (v) => {
				const shuffled = { ...v, filters: { ...v.filters, channel: [...v.filters.channel].reverse() } };
				expect(serializeView(shuffled)).toBe(serializeView(v));
			}),
			{ numRuns: 1000 }
		);
	});

	it('parse never throws on arbitrary query strings (10,000 cases)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				const { view } = parseView(new URLSearchParams(s));
				expect(view.mode === 'cohort' || view.mode === 'period').toBe(true);
			}),
			{ numRuns: 10_000 }
		);
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.constantFrom(
							'from',
							'to',
							'win',
							'ch',
							'b.nps',
							'r.won',
							'g.sqls',
							'g.x',
							'target',
							'src',
							'range',
							'x'
						),
						fc.string()
					),
					{
						maxLength: 12
					}
				),
				(pairs) => {
					expect(() => parseView(new URLSearchParams(pairs))).not.toThrow();
				}
			),
			{ numRuns: 10_000 }
		);
	});

	it('tampered values fall back to defaults with a notice', () => {
		const { view, notices } = parseView(
			new URLSearchParams(
				'from=2025-02-30&mode=funnel&win=-3&b.contact_rate=0.5:0.1&lang=fr&src=https://evil.example/x.csv&zzz=1'
			)
		);
		expect(view).toEqual({
			...DEFAULT_VIEW,
			filters: { channel: [], owner: [], segment: [], deal_owner: [] }
		});
		expect(notices).toHaveLength(7);
		expect(notices.map((n) => render('en', n)).join('\n')).toMatch(/Refused data source/);
	});

	it('monthly targets: g.<key> within the limits the Plan page inputs accept, anything else a notice', () => {
		const { view, notices } = parseView(
			new URLSearchParams('g.sqls=40&g.won_revenue=30000000&g.calls=-1&g.leads=1e3&g.zzz=4&g.won=20000000')
		);
		expect(view.goals).toEqual({ sqls: 40, won_revenue: 30_000_000 });
		expect(notices.map((n) => n.code).sort()).toEqual([
			'url.badValue',
			'url.badValue',
			'url.badValue',
			'url.unknownGoal'
		]);
		expect(serializeView({ ...defaultViewState(), goals: { sqls: 40 } })).toBe('g.sqls=40');
		// The input's accept test and the link parser agree at the limits.
		expect(acceptNumber(GOAL_SPECS.sqls, 1e7)).toBe(1e7);
		expect(acceptNumber(GOAL_SPECS.sqls, 1e7 + 1)).toBeNull();
		expect(acceptNumber(GOAL_SPECS.won_revenue, 1e15)).toBe(1e15);
		expect(acceptNumber(GOAL_SPECS.sqls, 0)).toBeNull();
	});

	it('accepts only same-origin relative CSV paths as data sources', () => {
		expect(isSafeSource('data/2026-11.csv')).toBe(true);
		for (const s of [
			'/etc/passwd.csv',
			'//evil.com/a.csv',
			'https://x/a.csv',
			'../a.csv',
			'a/../../b.csv',
			'a\\b.csv',
			'javascript:alert(1)',
			'a.exe'
		]) {
			expect(isSafeSource(s)).toBe(false);
		}
	});
});

describe('ranges', () => {
	const span = { from: '2025-04-01', to: '2026-03-18' };
	const v = (over: Partial<ViewState>) => ({ ...defaultViewState(), ...over });
	it('defaults to the data span and resolves presets on its latest date (fiscal year from April)', () => {
		expect(resolveRange(v({}), span)).toEqual(span);
		expect(resolveRange(v({ preset: 'fy' }), span)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
		expect(resolveRange(v({ preset: 'fq' }), span)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		expect(resolveRange(v({ preset: 'month' }), span)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
		expect(resolveRange(v({ preset: 'l4w' }), span)).toEqual({ from: '2026-02-19', to: '2026-03-18' });
		expect(resolveRange(v({ from: '2025-05-01' }), span)).toEqual({ from: '2025-05-01', to: '2026-03-18' });
		expect(fiscalQuarterStart('2025-06-30')).toBe('2025-04-01');
		expect(fiscalQuarterStart('2025-12-01', 1)).toBe('2025-10-01');
	});
	it('the previous period has the same length and ends the day before', () => {
		expect(previousRange({ from: '2025-04-01', to: '2025-04-30' })).toEqual({
			from: '2025-03-02',
			to: '2025-03-31'
		});
	});
});
