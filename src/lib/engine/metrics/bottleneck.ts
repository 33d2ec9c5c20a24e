import type { BenchmarkDef, BenchmarkKey } from '../benchmarks/defaults';
import type { Stage } from '../schema';
import type { FunnelStep } from './funnel';

export interface BottleneckCandidate {
	step: Stage;
	/** The stage the step starts from (the previous listed stage). */
	from: Stage;
	count_from: number;
	rate: number;
	low: number;
	extra_won: number;
	/** extra_won × avg_deal, or extra_won itself when there is no average deal yet (see impact_unit). */
	impact: number;
	impact_unit: 'currency' | 'deals';
}

export interface Bottleneck extends BottleneckCandidate {
	/** Every step below its floor, highest impact first. */
	ranked: BottleneckCandidate[];
}

/**
 * docs/metrics.md: for each step s below its benchmark floor,
 * extra_won(s) = count(prev) × (low(s) − rate(s)) × Π rate(t) over the later steps,
 * impact = extra_won × avg_deal. Largest impact wins; ties go to the earlier step; none below → null.
 * A later step with no rate (nobody reached its start) is taken at its benchmark floor: the extra
 * deals would meet it at the expected rate rather than vanish (documented in docs/metrics.md).
 */
export function bottleneck(
	steps: readonly FunnelStep[],
	benchmarks: Record<BenchmarkKey, BenchmarkDef>,
	avgDeal: number | null
): Bottleneck | null {
	const unit: BottleneckCandidate['impact_unit'] = avgDeal !== null && avgDeal > 0 ? 'currency' : 'deals';
	const candidates: BottleneckCandidate[] = [];
	for (let i = 1; i < steps.length; i++) {
		const s = steps[i];
		const bench = benchmarks[s.stage as BenchmarkKey];
		if (!bench || s.rate === null || !(s.rate < bench.low)) continue;
		let downstream = 1;
		for (let j = i + 1; j < steps.length; j++) {
			const t = steps[j];
			downstream *= t.rate ?? benchmarks[t.stage as BenchmarkKey]?.low ?? 0;
		}
		const extra = steps[i - 1].count * (bench.low - s.rate) * downstream;
		candidates.push({
			step: s.stage,
			from: steps[i - 1].stage,
			count_from: steps[i - 1].count,
			rate: s.rate,
			low: bench.low,
			extra_won: extra,
			impact: unit === 'currency' ? extra * (avgDeal as number) : extra,
			impact_unit: unit
		});
	}
	if (candidates.length === 0) return null;
	// Stable sort keeps funnel order among equal impacts, so ties go to the earlier step.
	const ranked = [...candidates].sort((a, b) => {
		const d = b.impact - a.impact;
		// Equal impacts computed along different float paths differ in the last bits: treat as ties.
		return Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(a.impact), Math.abs(b.impact)) ? 0 : d;
	});
	return { ...ranked[0], ranked };
}
