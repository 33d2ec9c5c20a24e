/** The breakdown's drawn groups: the largest (by leads) and one "others" group summing the rest. */
import { OTHERS_KEY, topN } from '$lib/charts/top-n';
import { toSteps, type FunnelGroup } from '$lib/engine/metrics/funnel';

export function topGroups(groups: readonly FunnelGroup[]): { groups: FunnelGroup[]; others: number } {
	const { top, rest } = topN(groups, (g) => g.steps[0]?.count ?? 0);
	if (!rest.length) return { groups: top, others: 0 };
	const stages = rest[0].steps.map((s) => s.stage);
	const sums = Object.fromEntries(
		stages.map((s, i) => [s, rest.reduce((n, g) => n + (g.steps[i]?.count ?? 0), 0)])
	);
	return { groups: [...top, { group: OTHERS_KEY, steps: toSteps(sums, stages) }], others: rest.length };
}
