/** Trend buckets: ISO weeks (Monday), calendar months, fiscal quarters. */
export const GRAINS = ['week', 'month', 'quarter'] as const;
export type Grain = (typeof GRAINS)[number];

/** SQL for the bucket start of a DATE expression; fiscal quarters follow the fiscal year's first month. */
export function bucketSql(c: string, grain: Grain, fyStartMonth = 4): string {
	if (grain === 'week') return `date_trunc('week', ${c})::DATE`;
	if (grain === 'month') return `date_trunc('month', ${c})::DATE`;
	const shift = Math.max(0, Math.min(11, Math.trunc(fyStartMonth) - 1));
	return `(date_trunc('quarter', ${c} - INTERVAL ${shift} MONTH) + INTERVAL ${shift} MONTH)::DATE`;
}
