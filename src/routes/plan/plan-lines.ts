/**
 * What the Plan page says about each line of the number chain: the figures per month over the range,
 * whether the data is already ahead, and which rate leaves a line empty and why. Pure functions.
 */
import type { PlanKey, PlanLine, PlanRateKey, PlanRates } from '$lib/engine/metrics/plan';

/** Months in [from, to], both included (days / 30.4375, the average month). */
export function monthsIn(from: string, to: string): number {
	const days = Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000) + 1;
	return Number.isFinite(days) && days > 0 ? days / 30.4375 : 0;
}

export const perMonth = (v: number | null, months: number): number | null =>
	v === null || !(months > 0) ? null : v / months;

/** The rates each line is computed with (besides the line above it). */
export const LINE_RATES: Record<PlanKey, readonly PlanRateKey[]> = {
	won: [],
	opportunities: ['won'],
	sqls: ['opportunity'],
	mqls: ['sql'],
	leads: ['mql'],
	contacted_leads: ['meeting_rate'],
	calls: ['connects_per_lead', 'contact_rate'],
	rep_days: ['calls_per_rep_day'],
	reps: [],
	spend: ['cost_per_lead']
};

/** The line each one is computed from. */
const FROM: Record<PlanKey, PlanKey | null> = {
	won: null,
	opportunities: 'won',
	sqls: 'opportunities',
	mqls: 'sqls',
	leads: 'mqls',
	contacted_leads: 'sqls',
	calls: 'contacted_leads',
	rep_days: 'calls',
	reps: 'rep_days',
	spend: 'leads'
};

/** Why a rate is missing: the data it would be read from. */
export type MissingWhy = 'noSpend' | 'noActivities' | 'noStage' | 'zero';
export type LineStatus =
	| { kind: 'ahead' }
	| { kind: 'short' }
	| { kind: 'missing'; rate: PlanRateKey; why: MissingWhy }
	| { kind: 'upstream'; line: PlanKey }
	| { kind: 'none' };

const WHY: Record<PlanRateKey, MissingWhy> = {
	won: 'noStage',
	opportunity: 'noStage',
	sql: 'noStage',
	mql: 'noStage',
	contact_rate: 'noActivities',
	meeting_rate: 'noActivities',
	connects_per_lead: 'noActivities',
	calls_per_rep_day: 'noActivities',
	cost_per_lead: 'noSpend'
};

/** Ahead of the requirement, short of it, or empty for a named reason. */
export function lineStatus(line: PlanLine, lines: readonly PlanLine[], rates: PlanRates): LineStatus {
	if (line.required === null) {
		const rate = LINE_RATES[line.key].find((k) => !((rates[k] ?? 0) > 0));
		if (rate) return { kind: 'missing', rate, why: rates[rate] === null ? WHY[rate] : 'zero' };
		const from = FROM[line.key];
		if (from && lines.find((l) => l.key === from)?.required === null) return { kind: 'upstream', line: from };
		return { kind: 'none' };
	}
	if (line.gap === null) return { kind: 'none' };
	return line.gap <= 0 ? { kind: 'ahead' } : { kind: 'short' };
}
