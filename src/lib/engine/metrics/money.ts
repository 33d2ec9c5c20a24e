/**
 * Money in one currency (docs/metrics.md, "Money and currencies"): an amount in currency `c` counts as
 * `amount × fxRates[c]`; a blank currency or the organisation's own counts as it is. Where an amount
 * is in a currency with no rate, no money figure is a sum: the report and the page show `null` and name
 * the currencies that need a rate, and `by_currency` lists each currency's own sums.
 */
import type { Db } from '../db/types';
import { literal } from '../db/sql';
import { baseLeads, countsFor } from './funnel';
import { assertView, type MetricView } from './view';

export interface Fx {
	/** The organisation's currency (ISO code). */
	currency: string;
	/** Units of `currency` per one unit of each code. */
	rates: Record<string, number>;
}

export const DEFAULT_FX: Fx = { currency: 'JPY', rates: {} };

const CODE = /^[A-Z]{3}$/;

/**
 * SQL for an amount in the organisation's currency: NULL when its currency has no rate. Codes and rates
 * are validated here (config and CLI validate them too) and inlined: the expression is used inside
 * views that take no parameters.
 */
export function convertedAmountSql(fx: Fx, amount = 'amount', currency = 'currency'): string {
	const c = `upper(trim(${currency}))`;
	const whens = Object.entries(fx.rates)
		.filter(([code, rate]) => CODE.test(code) && code !== fx.currency && Number.isFinite(rate) && rate > 0)
		.map(([code, rate]) => `WHEN ${literal(code)} THEN ${amount} * ${rate}`)
		.join(' ');
	const own = CODE.test(fx.currency) ? literal(fx.currency) : `'JPY'`;
	const other = whens ? `CASE ${c} ${whens} ELSE NULL END` : 'NULL';
	return `CASE WHEN nullif(${c}, '') IS NULL OR ${c} = ${own} THEN ${amount} ELSE ${other} END`;
}

/** Currencies that hold an amount and have no rate, sorted. */
export async function missingRates(db: Db, fx: Fx): Promise<string[]> {
	const known = [fx.currency, ...Object.keys(fx.rates)];
	const rows = await db.query(
		`SELECT DISTINCT upper(trim(currency)) AS c FROM leads
		WHERE amount_raw IS NOT NULL AND nullif(trim(currency), '') IS NOT NULL
			AND upper(trim(currency)) NOT IN (${known.map(() => '?').join(', ')})
		ORDER BY 1`,
		known
	);
	return rows.map((r) => String(r.c));
}

export interface CurrencySum {
	currency: string;
	won: number;
	won_revenue: number;
}

/** Won deals and their amounts per currency as written (blank → the organisation's), for the view. */
export async function revenueByCurrency(db: Db, view: MetricView, fx: Fx): Promise<CurrencySum[]> {
	assertView(view);
	const where = baseLeads(view);
	const won = countsFor('won', view);
	const rows = await db.query(
		`SELECT coalesce(nullif(upper(trim(currency)), ''), ?) AS c, count(*)::INTEGER AS n,
			coalesce(sum(amount_raw), 0)::DOUBLE AS s
		FROM leads WHERE (${where.text}) AND (${won.text}) GROUP BY 1 ORDER BY 1`,
		[fx.currency, ...where.params, ...won.params]
	);
	return rows.map((r) => ({ currency: String(r.c), won: Number(r.n), won_revenue: Number(r.s) }));
}
