/** The trend series behind the department charts and the tiles' sparklines, per week, month or quarter. */
import {
	activityTrend,
	customerTrend,
	leadTrend,
	spendTrend,
	type ActivityBucket,
	type CustomerBucket,
	type Grain,
	type LeadBucket,
	type SpendBucket
} from '../metrics/trends';
import { leadStages } from './funnel';
import { defineQuery } from './query';

export interface Trends {
	leads: LeadBucket[];
	activities: ActivityBucket[];
	customers: CustomerBucket[];
	/** Spend per month or quarter with cost per lead and per SQL (none per week: spend is monthly). */
	spend: SpendBucket[];
}

export interface TrendArgs {
	grain: Grain;
	fyStartMonth: number;
}

export const trends = defineQuery<TrendArgs, Trends>('trends', async (env, { grain, fyStartMonth }) => {
	const { db, view, meta } = env;
	return {
		leads: await leadTrend(db, view, leadStages(env), grain, fyStartMonth),
		activities: await activityTrend(db, view, meta, grain, fyStartMonth),
		customers: await customerTrend(db, view, meta, grain, fyStartMonth),
		spend: await spendTrend(db, view, meta, leadStages(env), grain, fyStartMonth)
	};
});
