/** The number chain (the report's `plan`, docs/report.md): a revenue target through every required count, beside the data's. */
import { mergeBenchmarks, type BenchmarkKey, type BenchmarkOverrides } from '../benchmarks/defaults';
import type { Stage } from '../schema';
import {
	numberChain,
	PLAN_RATE_KEYS,
	weekdaysBetween,
	type PlanLine,
	type PlanRateKey,
	type PlanRates
} from '../metrics/plan';
import { benchmarkValues } from './benchmarks';
import { department } from './departments';
import { funnel, leadStages } from './funnel';
import { defineQuery } from './query';

export interface PlanRequest {
	target: number;
	deal: number;
	workingDays?: number;
	/** Where each rate comes from; typed numbers win over the source. Default: actual, else benchmark. */
	rateSource?: 'actual' | 'benchmark';
	rates?: Partial<Record<PlanRateKey, number>>;
}

export interface Plan {
	/** One entry per line of the number chain. */
	lines: PlanLine[];
	/** What the plan was computed from (target, deal, working days, the rates in force). */
	inputs: { target: number; deal: number; working_days: number; rates: PlanRates };
}

export const plan = defineQuery<{ plan: PlanRequest; overrides?: BenchmarkOverrides[] }, Plan>(
	'plan',
	async (env, { plan: p, overrides }) => {
		const bench = mergeBenchmarks(...(overrides ?? []));
		// Every plan rate is a funnel step or an inside-sales rate.
		const values = await benchmarkValues(env, ['funnel', 'inside_sales']);
		const is = await env.need(department, { name: 'inside_sales' });
		const mk = env.meta.tables.spend ? await env.need(department, { name: 'marketing' }) : null;
		const calls = is && 'calls' in is ? is : null;
		const spend = mk && 'spend' in mk ? mk : null;
		const rate = (key: PlanRateKey): number | null => {
			const typed = p.rates?.[key];
			if (typed !== undefined) return typed;
			// No benchmark for these two: the data's own value (a lead takes one connect without activities).
			if (key === 'connects_per_lead') return calls?.connects_per_lead ?? 1;
			if (key === 'cost_per_lead') return spend?.cpl ?? null;
			const actual = values[key as BenchmarkKey] ?? null;
			const b = bench[key as BenchmarkKey];
			const mid = (b.low + b.high) / 2;
			if (p.rateSource === 'benchmark') return mid;
			return actual ?? mid;
		};
		const rates = Object.fromEntries(PLAN_RATE_KEYS.map((k) => [k, rate(k)])) as PlanRates;
		const workingDays = p.workingDays ?? weekdaysBetween(env.view.from, env.view.to);
		const stages = leadStages(env);
		const f = await env.need(funnel, undefined);
		const stageCount = (s: Stage) =>
			stages.includes(s) ? (f.steps.find((x) => x.stage === s)?.count ?? null) : null;
		const lines = numberChain(
			{ target: p.target, deal: p.deal, workingDays, rates },
			{
				won: stageCount('won'),
				opportunities: stageCount('opportunity'),
				sqls: stageCount('sql'),
				mqls: stageCount('mql'),
				leads: stageCount('lead'),
				contacted_leads: calls?.contacted_leads ?? null,
				calls: calls?.calls ?? null,
				rep_days: calls?.rep_days ?? null,
				reps: calls?.reps ?? null,
				spend: spend?.spend ?? null
			}
		);
		return { lines, inputs: { target: p.target, deal: p.deal, working_days: workingDays, rates } };
	}
);
