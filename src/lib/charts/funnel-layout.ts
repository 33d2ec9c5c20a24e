import { scaleBand, scaleLinear } from 'd3';
import type { FunnelStep } from '$lib/engine/metrics/funnel';

export interface FunnelBar {
	stage: FunnelStep['stage'];
	count: number;
	y: number;
	height: number;
	width: number;
	/** Where the count label goes: inside the bar when it fits, else just after it. */
	labelX: number;
	labelInside: boolean;
}

export interface FunnelLayout {
	bars: FunnelBar[];
	labelWidth: number;
	plotWidth: number;
	height: number;
}

/** Approximate text width, enough to keep labels from overlapping bars (no DOM measuring). */
export function textWidth(text: string, fontSize = 13): number {
	let w = 0;
	for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6;
	return w;
}

/** Horizontal funnel bars: d3 computes the geometry, the Svelte component only draws it. */
export function funnelLayout(
	steps: readonly FunnelStep[],
	labels: readonly string[],
	countLabels: readonly string[],
	width: number,
	rowHeight = 44
): FunnelLayout {
	const labelWidth = Math.min(Math.max(...labels.map((l) => textWidth(l)), 40) + 12, width * 0.4);
	const plotWidth = Math.max(width - labelWidth - 8, 40);
	const height = steps.length * rowHeight;
	const max = Math.max(1, ...steps.map((s) => s.count));
	const x = scaleLinear().domain([0, max]).range([0, plotWidth]);
	const y = scaleBand<string>()
		.domain(steps.map((s) => s.stage))
		.range([0, height])
		.paddingInner(0.25);
	const bars = steps.map((s, i) => {
		const w = x(s.count);
		const lw = textWidth(countLabels[i]) + 12;
		const inside = w >= lw;
		return {
			stage: s.stage,
			count: s.count,
			y: y(s.stage) ?? 0,
			height: y.bandwidth(),
			width: w,
			labelInside: inside,
			labelX: inside ? w - 6 : Math.min(w + 6, plotWidth - lw + 6)
		};
	});
	return { bars, labelWidth, plotWidth, height };
}
