/**
 * Monthly targets (SQL数 月間目標 and the like) and their attainment over a range (docs/metrics.md,
 * "Targets"). Pure arithmetic: the actuals come from the report.
 */
export const TARGET_KEYS = [
	'leads',
	'mqls',
	'sqls',
	'opportunities',
	'won',
	'won_revenue',
	'calls',
	'appointments'
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];
export type Goals = Partial<Record<TargetKey, number>>;

export interface TargetLine {
	key: TargetKey;
	target: number;
	actual: number | null;
	attainment: number | null;
}

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(iso + 'T00:00:00Z');

/**
 * A monthly figure pro-rated to [from, to]: Σ over the calendar months the range touches of
 * monthly × (days of that month in the range / days in that month).
 */
export function proRated(monthly: number, from: string, to: string): number {
	const start = utc(from);
	const end = utc(to);
	if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return 0;
	let total = 0;
	let d = new Date(start);
	while (d.getTime() <= end) {
		const y = d.getUTCFullYear();
		const m = d.getUTCMonth();
		const monthStart = Date.UTC(y, m, 1);
		const next = Date.UTC(y, m + 1, 1);
		const inMonth = (next - monthStart) / DAY;
		const lo = Math.max(monthStart, start);
		const hi = Math.min(next - DAY, end);
		total += (monthly * ((hi - lo) / DAY + 1)) / inMonth;
		d = new Date(next);
	}
	return total;
}

/** One line per goal, in TARGET_KEYS order; attainment = actual / target. */
export function targetLines(
	goals: Goals,
	actual: Partial<Record<TargetKey, number | null>>,
	from: string,
	to: string
): TargetLine[] {
	return TARGET_KEYS.filter((k) => goals[k] !== undefined && Number.isFinite(goals[k])).map((key) => {
		const target = proRated(goals[key]!, from, to);
		const a = actual[key] ?? null;
		return { key, target, actual: a, attainment: a === null || !(target > 0) ? null : a / target };
	});
}
