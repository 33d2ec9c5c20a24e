/**
 * The number chain (数値連鎖): the reverse plan from a revenue target, rounding up at every step
 * (docs/metrics.md). Pure arithmetic; the actuals come from the report.
 */

export const PLAN_KEYS = [
	'won',
	'opportunities',
	'sqls',
	'mqls',
	'leads',
	'contacted_leads',
	'calls',
	'rep_days',
	'reps',
	'spend'
] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export const PLAN_RATE_KEYS = [
	'won',
	'opportunity',
	'sql',
	'mql',
	'contact_rate',
	'meeting_rate',
	'connects_per_lead',
	'calls_per_rep_day',
	'cost_per_lead'
] as const;
export type PlanRateKey = (typeof PLAN_RATE_KEYS)[number];
export type PlanRates = Record<PlanRateKey, number | null>;

export interface PlanInput {
	target: number;
	deal: number;
	workingDays: number;
	rates: PlanRates;
}

export interface PlanLine {
	key: PlanKey;
	required: number | null;
	actual: number | null;
	gap: number | null;
}

/** ceil(a / b), or null when it cannot be computed (missing input or a zero/negative rate). */
function up(a: number | null, b: number | null): number | null {
	if (a === null || b === null || !(b > 0) || !Number.isFinite(a)) return null;
	// Guard against float noise such as 100 / 0.25 * … = 400.00000000000006 adding a whole unit. The noise
	// is a few ulps of q (at most ~2ε relative here), so the guard scales with q: a fixed 1e-9 stops
	// covering it past ~10^6 and a whole unit gets added to plans of millions of calls or leads.
	const q = a / b;
	const r = Math.round(q);
	return Math.abs(q - r) <= Math.max(1e-9, 8 * Number.EPSILON * Math.abs(q)) ? r : Math.ceil(q);
}

const positive = (x: number | null): number | null => (x !== null && x > 0 ? x : null);

export function numberChain(input: PlanInput, actual: Partial<Record<PlanKey, number | null>>): PlanLine[] {
	const r = input.rates;
	const won = input.deal > 0 ? up(input.target, input.deal) : null;
	const opportunities = up(won, r.won);
	const sqls = up(opportunities, r.opportunity);
	const mqls = up(sqls, r.sql);
	const leads = up(mqls, r.mql);
	// A lead is reached after several calls: the contact rate counts calls, the meeting rate leads.
	const contacted = up(sqls, r.meeting_rate);
	const perLead = positive(r.connects_per_lead);
	const connects = contacted === null || perLead === null ? null : contacted * perLead;
	const calls = up(connects, r.contact_rate);
	const repDays = up(calls, r.calls_per_rep_day);
	const reps = up(repDays, input.workingDays);
	const cost = positive(r.cost_per_lead);
	const spend = leads === null || cost === null ? null : up(leads * cost, 1);
	const required: Record<PlanKey, number | null> = {
		won,
		opportunities,
		sqls,
		mqls,
		leads,
		contacted_leads: contacted,
		calls,
		rep_days: repDays,
		reps,
		spend
	};
	return PLAN_KEYS.map((key) => {
		const a = actual[key] ?? null;
		const req = required[key];
		return { key, required: req, actual: a, gap: req === null || a === null ? null : req - a };
	});
}

/** Mon–Fri days in [from, to], both included: the default number of working days for a plan. */
export function weekdaysBetween(from: string, to: string): number {
	const start = Date.parse(from + 'T00:00:00Z');
	const end = Date.parse(to + 'T00:00:00Z');
	if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return 0;
	let n = 0;
	for (let t = start; t <= end; t += 86_400_000) {
		const d = new Date(t).getUTCDay();
		if (d !== 0 && d !== 6) n++;
	}
	return n;
}

/** Today's date as ISO `YYYY-MM-DD` (UTC), for "date in the future" checks. */
export function todayIso(now: number = Date.now()): string {
	return new Date(now).toISOString().slice(0, 10);
}
