/**
 * The view state: everything a link reproduces. The URL is the single source of view state.
 * `parseView` is tolerant (unknown keys ignored, bad values fall back to defaults and are reported as
 * `{ code, params }` notices); `serializeView` is canonical (defaults omitted, fixed key order), so the
 * same view always gives the same link. Both walk the tables in `view-schema.ts`. No Svelte, no DOM.
 */
import { BENCHMARK_KEYS, type BenchmarkKey, type BenchmarkRange } from '$lib/engine/benchmarks/defaults';
import { PLAN_RATE_KEYS, type PlanRateKey } from '$lib/engine/metrics/plan';
import { TARGET_KEYS, type Goals } from '$lib/engine/metrics/targets';
import { GRAINS, type Grain } from '$lib/engine/metrics/trends';
import { isIsoDate } from '$lib/engine/metrics/view';
import { LEAD_DIMENSIONS, type LeadDimension } from '$lib/engine/schema';
import type { Message } from '$lib/i18n/messages';
import {
	CHOICES,
	FILTER_PARAMS,
	FINGERPRINT,
	GOAL_SPECS,
	KNOWN_PARAMS,
	MAX_FILTER_VALUES,
	MAX_FILE_NAMES,
	NUMBERS,
	RANGE_PRESETS,
	RATE_SPECS,
	isChoice,
	isFilterValue,
	formatBench,
	isSafeSource,
	parseBench,
	parseNumber,
	type ChoiceField,
	type ChoiceValue,
	type NumberField,
	type RangePreset
} from './view-schema';

export { FILTER_PARAMS, GRAINS, RANGE_PRESETS, isSafeSource, type Grain, type RangePreset };
/** The dimensions a view can filter and break down by: the leads' dimensions. */
export const BREAKDOWNS = LEAD_DIMENSIONS;
export type Breakdown = LeadDimension;

export interface ViewState {
	/** Absolute range (both ends included); null = the data's whole span. */
	from: string | null;
	to: string | null;
	/** A relative preset, anchored on the latest date in the data; wins over from/to. */
	preset: RangePreset | null;
	compare: boolean;
	mode: ChoiceValue<'mode'>;
	window: number | null;
	filters: Record<Breakdown, string[]>;
	by: Breakdown;
	grain: Grain;
	bench: Partial<Record<BenchmarkKey, BenchmarkRange>>;
	target: number | null;
	deal: number | null;
	days: number | null;
	rateSource: ChoiceValue<'rateSource'>;
	rates: Partial<Record<PlanRateKey, number>>;
	/** Monthly targets typed on the Plan page (`g.<key>`); each wins over the org config's. */
	goals: Goals;
	lang: ChoiceValue<'lang'> | null;
	/** Fingerprint of the dataset the link was made with. */
	fp: string | null;
	/** Same-origin data files to load (relative paths only). */
	src: string[];
	/** Names of the files the link was made with (`file=`), so a link opened without them can say which. */
	files: string[];
}

const CHOICE_DEFAULTS = Object.fromEntries(Object.entries(CHOICES).map(([k, c]) => [k, c.default])) as Pick<
	ViewState,
	ChoiceField
>;
const NUMBER_DEFAULTS = Object.fromEntries(Object.keys(NUMBERS).map((k) => [k, null])) as Pick<
	ViewState,
	NumberField
>;

export const DEFAULT_VIEW: ViewState = Object.freeze({
	...CHOICE_DEFAULTS,
	...NUMBER_DEFAULTS,
	from: null,
	to: null,
	compare: true,
	filters: { channel: [], owner: [], segment: [], deal_owner: [] },
	bench: {},
	rates: {},
	goals: {},
	fp: null,
	src: [],
	files: []
}) as ViewState;

export function defaultViewState(): ViewState {
	return structuredClone(DEFAULT_VIEW);
}

/** The URL notices `parseView` emits; each is a text in the i18n catalogue. */
export type ViewNotice = Message<
	| 'url.unknownParam'
	| 'url.badValue'
	| 'url.rangeReversed'
	| 'url.badFilterValues'
	| 'url.unknownBenchmark'
	| 'url.unknownRate'
	| 'url.unknownGoal'
	| 'url.refusedSource'
	| 'url.tooManyFilterValues'
	| 'url.moreIgnored'
>;

export interface ParseResult {
	view: ViewState;
	/** What was ignored and why, for a visible notice. */
	notices: ViewNotice[];
}

const clip = (v: string, n: number) => (v.length > n ? v.slice(0, n) + '…' : v);

function setChoice<K extends ChoiceField>(view: ViewState, field: K, raw: string): boolean {
	if (!isChoice(field, raw)) return false;
	(view as unknown as Record<K, string>)[field] = raw;
	return true;
}

export function parseView(params: URLSearchParams): ParseResult {
	const view = defaultViewState();
	const notices: ViewNotice[] = [];
	const bad = (key: string, value: string) =>
		notices.push({ code: 'url.badValue', params: { key, value: clip(value, 40) } });
	const one = (key: string): string | null => params.get(key);

	for (const key of new Set(params.keys())) {
		if (!KNOWN_PARAMS.has(key) && !/^[brg]\./.test(key))
			notices.push({ code: 'url.unknownParam', params: { key: key.slice(0, 40) } });
	}
	for (const key of ['from', 'to'] as const) {
		const v = one(key);
		if (v === null) continue;
		if (isIsoDate(v)) view[key] = v;
		else bad(key, v);
	}
	if (view.from && view.to && view.from > view.to) {
		notices.push({ code: 'url.rangeReversed', params: { from: view.from, to: view.to } });
		view.from = null;
		view.to = null;
	}
	// The mode first: the conversion window depends on it.
	for (const field of ['preset', 'mode', 'by', 'grain', 'rateSource', 'lang'] as const) {
		const v = one(CHOICES[field].param);
		if (v !== null && !setChoice(view, field, v)) bad(CHOICES[field].param, v);
	}
	const cmp = one('cmp');
	if (cmp !== null) {
		if (cmp === '0' || cmp === '1') view.compare = cmp === '1';
		else bad('cmp', cmp);
	}
	for (const field of Object.keys(NUMBERS) as NumberField[]) {
		const spec = NUMBERS[field];
		const v = one(spec.param);
		if (v === null) continue;
		const n = parseNumber(spec, v);
		if (n !== null && (field !== 'window' || view.mode === 'cohort')) view[field] = n;
		else bad(spec.param, v);
	}
	for (const dim of LEAD_DIMENSIONS) {
		const key = FILTER_PARAMS[dim];
		const values = params.getAll(key);
		const ok = values.filter(isFilterValue);
		if (ok.length !== values.length)
			notices.push({ code: 'url.badFilterValues', params: { count: values.length - ok.length, key } });
		const unique = [...new Set(ok)];
		if (unique.length > MAX_FILTER_VALUES)
			notices.push({
				code: 'url.tooManyFilterValues',
				params: { key, count: unique.length - MAX_FILTER_VALUES, max: MAX_FILTER_VALUES }
			});
		view.filters[dim] = unique.slice(0, MAX_FILTER_VALUES).sort();
	}
	for (const key of BENCHMARK_KEYS) {
		const v = one(`b.${key}`);
		if (v === null) continue;
		const r = parseBench(key, v);
		if (r) view.bench[key] = r;
		else bad(`b.${key}`, v);
	}
	for (const key of PLAN_RATE_KEYS) {
		const v = one(RATE_SPECS[key].param);
		if (v === null) continue;
		const n = parseNumber(RATE_SPECS[key], v);
		if (n !== null) view.rates[key] = n;
		else bad(RATE_SPECS[key].param, v);
	}
	for (const key of TARGET_KEYS) {
		const v = one(GOAL_SPECS[key].param);
		if (v === null) continue;
		const n = parseNumber(GOAL_SPECS[key], v);
		if (n !== null) view.goals[key] = n;
		else bad(GOAL_SPECS[key].param, v);
	}
	for (const k of new Set(params.keys())) {
		if (k.startsWith('g.') && !(TARGET_KEYS as readonly string[]).includes(k.slice(2)))
			notices.push({ code: 'url.unknownGoal', params: { key: k.slice(0, 40) } });
		if (k.startsWith('b.') && !(BENCHMARK_KEYS as readonly string[]).includes(k.slice(2)))
			notices.push({ code: 'url.unknownBenchmark', params: { key: k.slice(0, 40) } });
		if (k.startsWith('r.') && !(PLAN_RATE_KEYS as readonly string[]).includes(k.slice(2)))
			notices.push({ code: 'url.unknownRate', params: { key: k.slice(0, 40) } });
	}
	const fp = one('fp');
	if (fp !== null) {
		if (FINGERPRINT.test(fp)) view.fp = fp;
		else bad('fp', fp);
	}
	for (const s of params.getAll('src')) {
		if (isSafeSource(s)) view.src.push(s);
		else notices.push({ code: 'url.refusedSource', params: { source: s.slice(0, 60) } });
	}
	view.src = [...new Set(view.src)].sort();
	const files = params.getAll('file');
	const named = [...new Set(files.filter(isFilterValue))].sort();
	if (named.length !== files.length || named.length > MAX_FILE_NAMES)
		notices.push({
			code: 'url.badFilterValues',
			params: { count: files.length - Math.min(named.length, MAX_FILE_NAMES), key: 'file' }
		});
	view.files = named.slice(0, MAX_FILE_NAMES);
	return { view, notices: capNotices(notices) };
}

/** At most this many notices are listed; the rest are counted in one (a link with 20,000 junk keys). */
export const MAX_NOTICES = 10;

function capNotices(notices: ViewNotice[]): ViewNotice[] {
	if (notices.length <= MAX_NOTICES) return notices;
	const rest = notices.length - (MAX_NOTICES - 1);
	return [...notices.slice(0, MAX_NOTICES - 1), { code: 'url.moreIgnored', params: { count: rest } }];
}

/** Canonical query string (without `?`): defaults omitted, keys in a fixed order, values sorted. */
export function serializeView(view: ViewState): string {
	const p = new URLSearchParams();
	const choice = (field: ChoiceField) => {
		const v = view[field];
		if (v !== null && v !== CHOICES[field].default) p.set(CHOICES[field].param, v);
	};
	const number = (field: NumberField) => {
		const v = view[field];
		if (v !== null) p.set(NUMBERS[field].param, String(v));
	};
	if (view.preset) choice('preset');
	else for (const key of ['from', 'to'] as const) if (view[key]) p.set(key, view[key]);
	if (!view.compare) p.set('cmp', '0');
	choice('mode');
	if (view.mode === 'cohort') number('window');
	for (const dim of LEAD_DIMENSIONS)
		for (const v of [...new Set(view.filters[dim])].sort()) p.append(FILTER_PARAMS[dim], v);
	choice('by');
	choice('grain');
	for (const key of BENCHMARK_KEYS) {
		const r = view.bench[key];
		if (r) p.set(`b.${key}`, formatBench(r));
	}
	for (const field of ['target', 'deal', 'days'] as const) number(field);
	choice('rateSource');
	for (const key of PLAN_RATE_KEYS) {
		const r = view.rates[key];
		if (r !== undefined) p.set(RATE_SPECS[key].param, String(r));
	}
	for (const key of TARGET_KEYS) {
		const g = view.goals[key];
		if (g !== undefined) p.set(GOAL_SPECS[key].param, String(g));
	}
	choice('lang');
	for (const s of [...view.src].sort()) p.append('src', s);
	if (view.fp) p.set('fp', view.fp);
	for (const f of [...new Set(view.files)].sort()) p.append('file', f);
	return p.toString();
}

/** A copy of `view` with changes applied, filters deep-copied. */
export function withView(view: ViewState, changes: Partial<ViewState>): ViewState {
	return { ...structuredClone(view), ...changes };
}
