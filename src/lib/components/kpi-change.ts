/**
 * A KPI's change against the previous period: points for rates and NPS (a rate moving 10% → 12% is
 * +2 points, not +20%), a relative change for counts, money and days; its tone from which direction is
 * better for the KPI.
 */
import type { KpiFormat } from '$lib/kpi-catalog';

export interface KpiChange {
	/** `'points'`: percentage points for rates, NPS points; `'percent'`: relative change (a fraction). */
	kind: 'points' | 'percent';
	/** Points (already ×100 for rates) or a fraction; `null` when there is nothing to compare with. */
	delta: number | null;
	direction: 'up' | 'down' | 'same';
	tone: 'good' | 'bad' | 'none';
}

export function kpiChange(
	value: number | null,
	previous: number | null,
	format: KpiFormat,
	better: 'higher' | 'lower' | null
): KpiChange | null {
	if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous))
		return null;
	const points = format === 'rate' || format === 'points';
	const raw = value - previous;
	const delta = points ? (format === 'rate' ? raw * 100 : raw) : previous === 0 ? null : raw / previous;
	// Float noise (0.3 − 0.1 − 0.2) is no change.
	const direction = Math.abs(raw) < 1e-12 ? 'same' : raw > 0 ? 'up' : 'down';
	const tone =
		direction === 'same' || better === null
			? 'none'
			: (direction === 'up') === (better === 'higher')
				? 'good'
				: 'bad';
	return { kind: points ? 'points' : 'percent', delta, direction, tone };
}
