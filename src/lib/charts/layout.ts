/**
 * Pure chart geometry: d3 computes scales, ticks and paths; components only draw. Text widths are
 * estimated (CJK full width, Latin ~0.6 em) so labels can be placed without measuring the DOM.
 */
import { area, line, scaleBand, scaleLinear } from 'd3';
import type { TrendPoint } from '$lib/engine/metrics/trends';

export function textWidth(text: string, fontSize = 13): number {
	let w = 0;
	for (const ch of text)
		w += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u303f]/.test(ch) ? fontSize : fontSize * 0.62;
	return w;
}

/** Shortens a label to fit `max` pixels, with an ellipsis. */
export function fitLabel(text: string, max: number, fontSize = 13): string {
	if (textWidth(text, fontSize) <= max) return text;
	let out = '';
	for (const ch of text) {
		if (textWidth(out + ch + '…', fontSize) > max) break;
		out += ch;
	}
	return out + '…';
}

export interface BarItem {
	key: string;
	label: string;
	value: number;
	valueLabel: string;
}

export interface HBar extends BarItem {
	y: number;
	height: number;
	width: number;
	/** The label as drawn: one line, or two at a sensible break when it is too wide (clipped only past that). */
	shownLabel: string;
	labelLines: string[];
	labelX: number;
	labelInside: boolean;
}

export interface HBarLayout {
	bars: HBar[];
	labelWidth: number;
	plotWidth: number;
	height: number;
}

/** `max`: the value a full-width bar stands for (default the largest; larger values are capped). */
export function hbarLayout(
	items: readonly BarItem[],
	width: number,
	rowHeight = 34,
	max: number | null = null
): HBarLayout {
	const labelWidth = Math.min(
		Math.max(40, ...items.map((i) => textWidth(i.label))) + 12,
		Math.max(80, width * 0.38)
	);
	const plotWidth = Math.max(width - labelWidth - 8, 60);
	const room = labelWidth - 12;
	// A label too wide for its column goes on two lines at a sensible break (帯 1 / （12〜45）), rows
	// taller to hold them; only a line still too wide is clipped (the full label is in its tooltip).
	const lines = items.map((i) =>
		textWidth(i.label) <= room ? [i.label] : wrapLabel(i.label, 13).map((l) => fitLabel(l, room))
	);
	if (lines.some((l) => l.length > 1)) rowHeight = Math.max(rowHeight, 46);
	const height = items.length * rowHeight;
	const top = max !== null && max > 0 ? max : Math.max(1e-9, ...items.map((i) => i.value));
	const x = scaleLinear().domain([0, top]).range([0, plotWidth]).clamp(true);
	const y = scaleBand<string>()
		.domain(items.map((i) => i.key))
		.range([0, height])
		.paddingInner(0.22);
	const bars = items.map((it, i) => {
		const w = Math.max(0, x(Math.max(0, it.value)));
		const lw = textWidth(it.valueLabel) + 12;
		const inside = w >= lw;
		return {
			...it,
			y: y(it.key) ?? 0,
			height: y.bandwidth(),
			width: w,
			shownLabel: lines[i].join(' '),
			labelLines: lines[i],
			labelInside: inside,
			labelX: inside ? w - 6 : Math.min(w + 6, Math.max(0, plotWidth - lw + 6))
		};
	});
	return { bars, labelWidth, plotWidth, height };
}

export type { TrendPoint };

export interface TrendLayout {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	x: (bucket: string) => number;
	step: number;
	linePath: string;
	bandPath: string | null;
	points: { bucket: string; value: number; cx: number; cy: number }[];
	yTicks: { value: number; y: number }[];
	xTicks: { bucket: string; x: number }[];
}

/** A benchmark band: one range, or one per bucket (a per-year range scaled to each bucket's days). */
export type TrendBand = { low: number; high: number } | ((bucket: string) => { low: number; high: number });

/**
 * A time series over equal buckets with an optional benchmark band. X ticks are thinned so their
 * labels (of `labelWidthPx`) never overlap.
 */
export function trendLayout(
	points: readonly TrendPoint[],
	width: number,
	height: number,
	bandSpec: TrendBand | null,
	labelWidthPx = 48
): TrendLayout {
	const bandAt = (b: string) => (typeof bandSpec === 'function' ? bandSpec(b) : bandSpec);
	const bands = bandSpec ? points.map((p) => bandAt(p.bucket)!) : [];
	const band = bandSpec
		? { low: Math.min(...bands.map((b) => b.low)), high: Math.max(...bands.map((b) => b.high)) }
		: null;
	const margin = { top: 10, right: 12, bottom: 26, left: 52 };
	const inner = {
		w: Math.max(40, width - margin.left - margin.right),
		h: Math.max(40, height - margin.top - margin.bottom)
	};
	const xb = scaleBand<string>()
		.domain(points.map((p) => p.bucket))
		.range([0, inner.w])
		.padding(0.1);
	const values = points.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
	const hi = Math.max(band?.high ?? 0, ...values, 0);
	const lo = Math.min(0, ...values, band?.low ?? 0);
	const y = scaleLinear()
		.domain([lo, hi === lo ? lo + 1 : hi * 1.08])
		.nice()
		.range([inner.h, 0]);
	const x = (b: string) => (xb(b) ?? 0) + xb.bandwidth() / 2;
	const defined = points.filter((p) => p.value !== null && Number.isFinite(p.value)) as {
		bucket: string;
		value: number;
	}[];
	const linePath =
		line<{ bucket: string; value: number }>()
			.x((p) => x(p.bucket))
			.y((p) => y(p.value))(defined) ?? '';
	const bandPath =
		bandSpec && points.length
			? (area<string>()
					.x((b) => x(b))
					.y0((b) => y(bandAt(b)!.low))
					.y1((b) => y(bandAt(b)!.high))(
					points.length === 1 ? [points[0].bucket, points[0].bucket] : points.map((p) => p.bucket)
				) ?? null)
			: null;
	const every = Math.max(1, Math.ceil((labelWidthPx + 8) / Math.max(1, xb.step())));
	return {
		width,
		height,
		margin,
		x,
		step: xb.step(),
		linePath,
		bandPath,
		points: defined.map((p) => ({ ...p, cx: x(p.bucket), cy: y(p.value) })),
		yTicks: y.ticks(4).map((v) => ({ value: v, y: y(v) })),
		xTicks: points.filter((_, i) => i % every === 0).map((p) => ({ bucket: p.bucket, x: x(p.bucket) }))
	};
}

/** The bucket nearest to an x position (for tooltips and brushing). */
export function bucketAt(points: readonly TrendPoint[], layout: TrendLayout, px: number): number {
	let best = 0;
	let dist = Infinity;
	points.forEach((p, i) => {
		const d = Math.abs(layout.x(p.bucket) - px);
		if (d < dist) {
			dist = d;
			best = i;
		}
	});
	return best;
}

export interface StackSegment extends BarItem {
	x: number;
	width: number;
	/** The value label fits inside the segment. */
	labelFits: boolean;
}

/** One horizontal bar split into segments proportional to their values (a 100% stack). */
export function stackLayout(items: readonly BarItem[], width: number): StackSegment[] {
	const total = items.reduce((s, i) => s + Math.max(0, i.value), 0);
	const x = scaleLinear()
		.domain([0, Math.max(total, 1e-9)])
		.range([0, Math.max(width, 0)]);
	let at = 0;
	return items.map((it) => {
		const start = x(at);
		at += Math.max(0, it.value);
		const w = x(at) - start;
		return { ...it, x: start, width: w, labelFits: textWidth(it.valueLabel, 12) + 8 <= w };
	});
}

/**
 * A label in at most two lines, broken only at a sensible point (a space, before an opening bracket,
 * after ・ / →), never inside a word or a Japanese term: the split whose wider line is narrowest.
 * A label without such a point stays whole on one line.
 */
export function wrapLabel(text: string, fontSize = 12): string[] {
	let best: string[] = [text];
	let bestW = textWidth(text, fontSize);
	for (let i = 1; i < text.length; i++) {
		const prev = text[i - 1];
		const ch = text[i];
		const ok = ch === ' ' || '（(［['.includes(ch) || '・/→'.includes(prev);
		if (!ok) continue;
		const lines = [text.slice(0, i).trimEnd(), text.slice(i).trimStart()];
		const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
		if (w < bestW) {
			best = lines;
			bestW = w;
		}
	}
	return best;
}

export interface HeatmapLayout {
	labelWidth: number;
	/** Each column's left edge and width. */
	columns: { x: number; width: number; lines: string[] }[];
	headHeight: number;
	/** May exceed the space given: the chart then scrolls sideways, every header whole. */
	width: number;
}

/**
 * Heatmap geometry: row labels as wide as the widest, each column at least as wide as its header
 * (in one line when it fits, else two at a sensible break) and its cells' text; space left over is
 * shared. Headers are never cut short.
 */
export function heatmapLayout(
	rows: readonly string[],
	columns: readonly string[],
	width: number,
	fontSize = 12,
	minColumn = 46
): HeatmapLayout {
	const labelWidth = Math.max(48, ...rows.map((r) => textWidth(r, fontSize))) + 14;
	const avail = Math.max(0, width - labelWidth);
	const even = avail / Math.max(1, columns.length);
	const heads = columns.map((c) => {
		const one = textWidth(c, fontSize) + 8;
		if (one <= Math.max(minColumn, even)) return { lines: [c], need: Math.max(minColumn, one) };
		const two = wrapLabel(c, fontSize);
		const need = Math.max(minColumn, ...two.map((l) => textWidth(l, fontSize) + 8));
		return { lines: two, need };
	});
	const needed = heads.reduce((s, h) => s + h.need, 0);
	const extra = Math.max(0, avail - needed) / Math.max(1, columns.length);
	let x = labelWidth;
	const cols = heads.map((h) => {
		const col = { x, width: h.need + extra, lines: h.lines };
		x += col.width;
		return col;
	});
	const lineCount = Math.max(1, ...heads.map((h) => h.lines.length));
	return { labelWidth, columns: cols, headHeight: 8 + lineCount * (fontSize + 3), width: Math.max(width, x) };
}
