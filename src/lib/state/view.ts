/**
 * The view-state schema: everything a link reproduces. The URL is the single source of view state.
 * `parseView` is tolerant (unknown keys ignored, bad values fall back to defaults and are reported as
 * notices); `serializeView` is canonical (defaults omitted, fixed key order), so the same view always
 * gives the same link. Pure TypeScript: no Svelte, no DOM, no SQL.
 */
import {
	BENCHMARK_KEYS,
	parseRange,
	type BenchmarkKey,
	type BenchmarkRange
} from '$lib/engine/benchmarks/defaults';
import { PLAN_RATE_KEYS, type PlanRateKey } from '$lib/engine/metrics/plan';

export const RANGE_PRESETS = ['fy', 'fq', 'month', 'l4w'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const GRAINS = ['week', 'month', 'quarter'] as const;
export type Grain = (typeof GRAINS)[number];
export const BREAKDOWNS = ['channel', 'owner', 'segment'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const FILTER_PARAMS = { channel: 'ch', owner: 'own', segment: 'seg' } as const;

export interface ViewState {
	/** Absolute range (both ends included); null = the data's whole span. */
	from: string | null;
	to: string | null;
	/** A relative preset, anchored on the latest date in the data; wins over from/to. */
	preset: RangePreset | null;
	compare: boolean;
	mode: 'cohort' | 'period';
	window: number | null;
	filters: Record<Breakdown, string[]>;
	by: Breakdown;
	grain: Grain;
	bench: Partial<Record<BenchmarkKey, BenchmarkRange>>;
	target: number | null;
	deal: number | null;
	days: number | null;
	rateSource: 'actual' | 'benchmark';
	rates: Partial<Record<PlanRateKey, number>>;
	lang: 'ja' | 'en' | null;
	/** Fingerprint of the dataset the link was made with. */
	fp: string | null;
	/** Same-origin data files to load (relative paths only). */
	src: string[];
}

export const DEFAULT_VIEW: ViewState = Object.freeze({
	from: null,
	to: null,
	preset: null,
	compare: true,
	mode: 'cohort',
	window: null,
	filters: { channel: [], owner: [], segment: [] },
	by: 'channel',
	grain: 'month',
	bench: {},
	target: null,
	deal: null,
	days: null,
	rateSource: 'actual',
	rates: {},
	lang: null,
	fp: null,
	src: []
}) as ViewState;

export function defaultViewState(): ViewState {
	return structuredClone(DEFAULT_VIEW);
}

export interface ParseResult {
	view: ViewState;
	/** What was ignored and why, for a visible notice. */
	notices: string[];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isIsoDate(v: string): boolean {
	const m = ISO.exec(v);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Same-origin relative paths only: no scheme, no protocol-relative `//`, no backslashes, no `..`. */
export function isSafeSource(v: string): boolean {
	return (
		v.length > 0 &&
		v.length <= 300 &&
		/^[A-Za-z0-9._\-/ ]+$/.test(v) &&
		!v.startsWith('/') &&
		!v.split('/').some((p) => p === '..' || p === '') &&
		/\.(csv|tsv|txt)$/i.test(v)
	);
}

const MAX_FILTER_VALUES = 50;
const MAX_VALUE_LENGTH = 200;
const KNOWN = new Set([
	'from',
	'to',
	'range',
	'cmp',
	'mode',
	'win',
	'ch',
	'own',
	'seg',
	'by',
	'grain',
	'target',
	'deal',
	'days',
	'rates',
	'lang',
	'fp',
	'src',
	'demo'
]);

function positiveNumber(v: string, integer: boolean, max: number): number | null {
	if (!/^\d+(\.\d+)?$/.test(v)) return null;
	const n = Number(v);
	if (!Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) return null;
	return n;
}

export function parseView(params: URLSearchParams): ParseResult {
	const view = defaultViewState();
	const notices: string[] = [];
	const bad = (key: string, value: string) =>
		notices.push(`Ignored ${key}=${value.length > 40 ? value.slice(0, 40) + '…' : value}`);

	for (const key of new Set(params.keys())) {
		if (!KNOWN.has(key) && !key.startsWith('b.') && !key.startsWith('r.'))
			notices.push(`Ignored unknown parameter "${key.slice(0, 40)}"`);
	}
	const one = (key: string): string | null => params.get(key);

	const from = one('from');
	const to = one('to');
	if (from !== null) {
		if (isIsoDate(from)) view.from = from;
		else bad('from', from);
	}
	if (to !== null) {
		if (isIsoDate(to)) view.to = to;
		else bad('to', to);
	}
	if (view.from && view.to && view.from > view.to) {
		notices.push(`Ignored a range that ends before it starts (${view.from} – ${view.to})`);
		view.from = null;
		view.to = null;
	}
	const range = one('range');
	if (range !== null) {
		if ((RANGE_PRESETS as readonly string[]).includes(range)) view.preset = range as RangePreset;
		else bad('range', range);
	}
	const cmp = one('cmp');
	if (cmp !== null) {
		if (cmp === '0' || cmp === '1') view.compare = cmp === '1';
		else bad('cmp', cmp);
	}
	const mode = one('mode');
	if (mode !== null) {
		if (mode === 'cohort' || mode === 'period') view.mode = mode;
		else bad('mode', mode);
	}
	const win = one('win');
	if (win !== null) {
		const n = positiveNumber(win, true, 3650);
		if (n !== null && view.mode === 'cohort') view.window = n;
		else bad('win', win);
	}
	for (const dim of BREAKDOWNS) {
		const key = FILTER_PARAMS[dim];
		const values = params.getAll(key);
		const ok = values.filter((v) => v.length > 0 && v.length <= MAX_VALUE_LENGTH && !v.includes('\u0000'));
		if (ok.length !== values.length)
			notices.push(`Ignored ${values.length - ok.length} invalid ${key} value(s)`);
		view.filters[dim] = [...new Set(ok)].slice(0, MAX_FILTER_VALUES).sort();
	}
	const by = one('by');
	if (by !== null) {
		if ((BREAKDOWNS as readonly string[]).includes(by)) view.by = by as Breakdown;
		else bad('by', by);
	}
	const grain = one('grain');
	if (grain !== null) {
		if ((GRAINS as readonly string[]).includes(grain)) view.grain = grain as Grain;
		else bad('grain', grain);
	}
	for (const key of BENCHMARK_KEYS) {
		const v = one(`b.${key}`);
		if (v === null) continue;
		const r = parseRange(v);
		if (
			r &&
			r.low >= 0 &&
			r.high <= (key === 'calls_per_rep_day' ? 1000 : key === 'nps' ? 100 : 1) &&
			(key !== 'nps' || r.low >= -100)
		) {
			view.bench[key] = r;
		} else bad(`b.${key}`, v);
	}
	for (const k of params.keys()) {
		if (k.startsWith('b.') && !(BENCHMARK_KEYS as readonly string[]).includes(k.slice(2)))
			notices.push(`Ignored unknown benchmark "${k.slice(0, 40)}"`);
		if (k.startsWith('r.') && !(PLAN_RATE_KEYS as readonly string[]).includes(k.slice(2)))
			notices.push(`Ignored unknown plan rate "${k.slice(0, 40)}"`);
	}
	for (const [key, max, integer] of [
		['target', 1e15, false],
		['deal', 1e13, false],
		['days', 366, true]
	] as const) {
		const v = one(key);
		if (v === null) continue;
		const n = positiveNumber(v, integer, max);
		if (n !== null) view[key] = n;
		else bad(key, v);
	}
	const rates = one('rates');
	if (rates !== null) {
		if (rates === 'actual' || rates === 'benchmark') view.rateSource = rates;
		else bad('rates', rates);
	}
	for (const key of PLAN_RATE_KEYS) {
		const v = one(`r.${key}`);
		if (v === null) continue;
		const n = positiveNumber(v, false, key === 'calls_per_rep_day' ? 1000 : 1);
		if (n !== null) view.rates[key] = n;
		else bad(`r.${key}`, v);
	}
	const lang = one('lang');
	if (lang !== null) {
		if (lang === 'ja' || lang === 'en') view.lang = lang;
		else bad('lang', lang);
	}
	const fp = one('fp');
	if (fp !== null) {
		if (/^[0-9a-z]{1,16}$/.test(fp)) view.fp = fp;
		else bad('fp', fp);
	}
	for (const s of params.getAll('src')) {
		if (isSafeSource(s)) view.src.push(s);
		else
			notices.push(
				`Refused data source "${s.slice(0, 60)}": only relative paths to .csv files on this site are allowed`
			);
	}
	view.src = [...new Set(view.src)].sort();
	return { view, notices };
}

const num = (n: number) => String(n);

/** Canonical query string (without `?`): defaults omitted, keys in a fixed order, values sorted. */
export function serializeView(view: ViewState): string {
	const p = new URLSearchParams();
	if (view.preset) p.set('range', view.preset);
	else {
		if (view.from) p.set('from', view.from);
		if (view.to) p.set('to', view.to);
	}
	if (!view.compare) p.set('cmp', '0');
	if (view.mode !== 'cohort') p.set('mode', view.mode);
	if (view.window !== null && view.mode === 'cohort') p.set('win', num(view.window));
	for (const dim of BREAKDOWNS)
		for (const v of [...new Set(view.filters[dim])].sort()) p.append(FILTER_PARAMS[dim], v);
	if (view.by !== DEFAULT_VIEW.by) p.set('by', view.by);
	if (view.grain !== DEFAULT_VIEW.grain) p.set('grain', view.grain);
	for (const key of BENCHMARK_KEYS) {
		const r = view.bench[key];
		if (r) p.set(`b.${key}`, `${num(r.low)}:${num(r.high)}`);
	}
	if (view.target !== null) p.set('target', num(view.target));
	if (view.deal !== null) p.set('deal', num(view.deal));
	if (view.days !== null) p.set('days', num(view.days));
	if (view.rateSource !== 'actual') p.set('rates', view.rateSource);
	for (const key of PLAN_RATE_KEYS) {
		const r = view.rates[key];
		if (r !== undefined) p.set(`r.${key}`, num(r));
	}
	if (view.lang) p.set('lang', view.lang);
	for (const s of [...view.src].sort()) p.append('src', s);
	if (view.fp) p.set('fp', view.fp);
	return p.toString();
}

/** A copy of `view` with changes applied, filters deep-copied. */
export function withView(view: ViewState, changes: Partial<ViewState>): ViewState {
	return { ...structuredClone(view), ...changes };
}
