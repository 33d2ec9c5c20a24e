import type { Db } from '../db/types';
import { ratio, baseLeads, countsFor, usesCube } from './funnel';
import type { MetricView } from './view';
import { cubeReached, STAGES } from '../model/stages';

export interface Revenue {
	won_revenue: number | null;
	avg_deal: number | null;
	/** Won leads without an amount: they count in `won` but add nothing to revenue. */
	won_without_amount: number;
}

/** won_revenue = Σ amount over the view's leads that count for `won`; avg_deal = won_revenue / count(won). */
export async function revenue(db: Db, view: MetricView, hasWon: boolean): Promise<Revenue> {
	if (!hasWon) return { won_revenue: null, avg_deal: null, won_without_amount: 0 };
	const where = baseLeads(view);
	if (usesCube(view)) {
		const won = cubeReached(STAGES.indexOf('won'));
		const [c] = await db.query(
			`SELECT coalesce(sum(amount) FILTER (WHERE ${won}), 0)::DOUBLE AS rev, coalesce(sum(n) FILTER (WHERE ${won}), 0)::INTEGER AS n,
				coalesce(sum(n - n_amount) FILTER (WHERE ${won}), 0)::INTEGER AS no_amount
			FROM lead_cube WHERE ${where.text}`,
			where.params
		);
		const rev = Number(c?.rev ?? 0);
		return {
			won_revenue: rev,
			avg_deal: ratio(rev, Number(c?.n ?? 0)),
			won_without_amount: Number(c?.no_amount ?? 0)
		};
	}
	const won = countsFor('won', view);
	const [r] = await db.query(
		`SELECT coalesce(sum(amount), 0)::DOUBLE AS rev, count(*)::INTEGER AS n,
			count(*) FILTER (WHERE amount IS NULL)::INTEGER AS no_amount
		FROM leads WHERE (${where.text}) AND (${won.text})`,
		[...where.params, ...won.params]
	);
	const n = Number(r?.n ?? 0);
	const rev = Number(r?.rev ?? 0);
	return { won_revenue: rev, avg_deal: ratio(rev, n), won_without_amount: Number(r?.no_amount ?? 0) };
}
