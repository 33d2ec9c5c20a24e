/**
 * The v2 sales-side and money queries (docs/report.md, "Version 2 additions"): the open pipeline and
 * its stale deals, what changed in the period, the MQL triage, lost reasons, lead-score bands and
 * revenue per currency. Each wraps the builder of the same name in `metrics/`.
 */
import { scoreBands as scoreBandsSql, type ScoreBand } from '../metrics/marketing';
import {
	revenueByCurrency as byCurrencySql,
	missingRates as missingSql,
	type CurrencySum,
	type Fx
} from '../metrics/money';
import {
	anyLostReason,
	lostReasons as lostSql,
	triage as triageSql,
	triageTrend as triageTrendSql,
	type Triage,
	type TriageBucket
} from '../metrics/people';
import type { Grain } from '../metrics/grain';
import {
	changes as changesSql,
	dealFacts as readDealFacts,
	pipeline as pipelineSql,
	staleDeals as staleSql,
	type Changes,
	type DealFacts,
	type Pipeline,
	type StaleDeal
} from '../metrics/pipeline';
import { revenue } from './funnel';
import { defineQuery, type DataFact, type QueryEnv } from './query';

/** The probability scale, whether staleness can be told, whether there is a stage history. */
const dealFacts: DataFact<DealFacts> = { name: 'dealFacts', read: readDealFacts };

const lostReasonFact: DataFact<boolean> = { name: 'anyLostReason', read: anyLostReason };

/** Deals need a lead file with the opportunity stage. */
const hasDeals = (env: QueryEnv) => env.meta.tables.leads && env.meta.stages.includes('opportunity');

/** The open pipeline as of the range's end; `target` (the plan's revenue target) gives the coverage. */
export const pipeline = defineQuery<{ target?: number | null }, Pipeline | null>(
	'pipeline',
	async (env, { target }) => {
		if (!hasDeals(env)) return null;
		const won = target ? ((await env.need(revenue, undefined))?.won_revenue ?? 0) : 0;
		const facts = await env.fact(dealFacts);
		return pipelineSql(env.db, env.view, { target: target ?? null, wonRevenue: won, facts });
	}
);

export const staleDeals = defineQuery<{ limit?: number }, StaleDeal[] | null>(
	'staleDeals',
	async (env, { limit }) =>
		hasDeals(env) ? staleSql(env.db, env.view, limit, await env.fact(dealFacts)) : null
);

export const changes = defineQuery<void, Changes | null>('changes', async (env) =>
	hasDeals(env) ? changesSql(env.db, env.view, await env.fact(dealFacts)) : null
);

export const triage = defineQuery<void, Triage | null>('triage', (env) =>
	triageSql(env.db, env.view, env.meta)
);

export const triageTrend = defineQuery<{ grain: Grain; fyStartMonth: number }, TriageBucket[] | null>(
	'triageTrend',
	(env, { grain, fyStartMonth }) => triageTrendSql(env.db, env.view, env.meta, grain, fyStartMonth)
);

export const lostReasons = defineQuery<void, { reason: string | null; deals: number }[] | null>(
	'lostReasons',
	async (env) => (hasDeals(env) ? lostSql(env.db, env.view, await env.fact(lostReasonFact)) : null)
);

export const scoreBands = defineQuery<void, ScoreBand[] | null>('scoreBands', (env) =>
	scoreBandsSql(env.db, env.view, env.meta)
);

/** Won revenue per currency, and the currencies that hold an amount with no rate. */
export const currencies = defineQuery<
	{ fx: Fx },
	{ by_currency: CurrencySum[]; missing_rates: string[] } | null
>('currencies', async (env, { fx }) =>
	env.meta.tables.leads
		? { by_currency: await byCurrencySql(env.db, env.view, fx), missing_rates: await missingSql(env.db, fx) }
		: null
);

export type { Changes, CurrencySum, Fx, Pipeline, ScoreBand, StaleDeal, Triage };
