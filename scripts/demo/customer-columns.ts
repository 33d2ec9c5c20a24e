/**
 * A customer's version 2 columns, each from its own PRNG stream keyed by the
 * account's position, so the version 1 columns never move: expansion MRR
 * (アップセル額) with each upsell, a churn reason for each churned account, and
 * the day of each NPS answer.
 */
import { FY_END, FY_START, type Day } from './calendar';
import type { DemoContext } from './context';
import type { Customer } from './customer-record';
import { MODEL } from './model';
import { Rng, Stream } from './rng';

/** The version 2 columns, each from its own stream keyed by the account's position: the version 1 columns never move. */
export function addCustomerColumns(ctx: DemoContext, cu: Customer, i: number): void {
	if (cu.expansion !== null)
		cu.expansionMrr = drawExpansionMrr(new Rng(ctx.seed, Stream.Expansion, i), cu.mrr);
	if (cu.churned !== null) cu.churnReason = drawChurnReason(new Rng(ctx.seed, Stream.ChurnReason, i), cu);
	if (cu.nps !== null) cu.npsAt = drawNpsDay(new Rng(ctx.seed, Stream.NpsDate, i), cu);
}

/** 10–40% of the account's MRR, rounded to ¥1,000 (at least ¥1,000). */
function drawExpansionMrr(rng: Rng, mrr: number): number {
	const [lo, hi] = MODEL.customers.expansionShare;
	return Math.max(1000, Math.round((mrr * (lo + (hi - lo) * rng.float())) / 1000) * 1000);
}

function drawChurnReason(rng: Rng, cu: Customer): number | null {
	const c = MODEL.customers;
	if (rng.chance(c.churnReasonBlank)) return null;
	const firstYear = (cu.churned as Day) - cu.start < 365;
	return rng.weighted(firstYear ? c.firstYearChurnReasonWeights : c.churnReasonWeights);
}

/**
 * A day in the fiscal year, from a month into the contract, up to the churn
 * day; an account whose contract leaves no such day answered in the
 * npsBeforeChurnDays before it left (it churned before the year) or, when it
 * started in the year's last month, between its start and the year end.
 */
function drawNpsDay(rng: Rng, cu: Customer): Day {
	const c = MODEL.customers;
	const last = Math.min(FY_END, cu.churned ?? FY_END);
	let first = Math.max(FY_START, cu.start + c.npsAfterStartDays);
	if (first > last) first = Math.max(cu.start, last - c.npsBeforeChurnDays);
	return first + rng.int(0, last - first);
}
