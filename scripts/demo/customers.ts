/**
 * Customers: a contract draft for each won lead (starting after onboarding)
 * and for the accounts signed before the fiscal year, then finalizeCustomers,
 * which sorts them by start date, gives them ids and decides churn, upsell and
 * NPS (customer-life.ts) and the version 2 columns (customer-columns.ts).
 */
import { FY_END, FY_START, parseIsoDay } from './calendar';
import type { DemoContext } from './context';
import { addCustomerColumns } from './customer-columns';
import {
	assignNps,
	assignUpsells,
	churnBeforeYear,
	churnEarly,
	renewalDays,
	selectExactly
} from './customer-life';
import type { Customer, CustomerDraft } from './customer-record';
import type { Lead } from './lead-record';
import { drawAmount } from './leads';
import { MODEL } from './model';
import { Rng, Stream } from './rng';

/** Contract starts after onboarding (0–14 days after 受注), never after the fiscal-year end. */
export function customerFromWonLead(ctx: DemoContext, lead: Lead): CustomerDraft {
	if (lead.won === null || lead.amount === null) throw new Error(`${lead.id} is not won`);
	const rng = new Rng(ctx.seed, Stream.WonCustomer, lead.index);
	const maxDelay = Math.min(MODEL.customers.onboardingDays, FY_END - lead.won);
	return {
		start: lead.won + rng.int(0, maxDelay),
		amountYen: lead.amount,
		existing: false,
		order: lead.index
	};
}

/** Customers signed between 2022-04 and 2025-03, more of them recently (the business grew). */
export function existingCustomerDrafts(ctx: DemoContext): CustomerDraft[] {
	const c = MODEL.customers;
	const count = Math.max(1, Math.round(c.existingAtReference * ctx.scale));
	const first = parseIsoDay(c.existingStart);
	const span = FY_START - first;
	const drafts: CustomerDraft[] = [];
	for (let i = 0; i < count; i++) {
		const rng = new Rng(ctx.seed, Stream.ExistingCustomer, i);
		const start = first + Math.min(span - 1, Math.floor(Math.sqrt(rng.float()) * span));
		drafts.push({
			start,
			amountYen: drawAmount(rng, rng.weighted(c.existingSegmentWeights)),
			existing: true,
			order: i
		});
	}
	return drafts;
}

/**
 * Sorts contracts by start date, assigns ids and decides churn, upsell and NPS.
 * Annual contracts churn at a renewal: an existing account meets exactly one
 * renewal inside the fiscal year, so the year's churn rate is renewalChurn.
 */
export function finalizeCustomers(ctx: DemoContext, drafts: CustomerDraft[]): Customer[] {
	const c = MODEL.customers;
	const sorted = [...drafts].sort(
		(a, b) => a.start - b.start || Number(b.existing) - Number(a.existing) || a.order - b.order
	);
	const rng = new Rng(ctx.seed, Stream.CustomerLife);
	const customers: Customer[] = sorted.map((d, i) => ({
		id: 'C' + String(i + 1).padStart(ctx.customerIdWidth, '0'),
		start: d.start,
		churned: null,
		mrr: Math.round(d.amountYen / 12 / 1000) * 1000,
		expansion: null,
		nps: null,
		expansionMrr: null,
		churnReason: null,
		npsAt: null
	}));
	const activeAtStart = churnBeforeYear(rng, customers);
	const churnInYear = selectExactly(rng, activeAtStart.length, c.renewalChurn);
	activeAtStart.forEach((cu, i) => {
		if (churnInYear[i]) cu.churned = renewalDays(cu.start, FY_END).find((d) => d >= FY_START) ?? null;
	});
	for (const cu of customers) if (cu.start >= FY_START) churnEarly(rng, cu);
	assignUpsells(rng, customers, activeAtStart);
	const responded = selectExactly(rng, customers.length, c.npsResponseRate);
	assignNps(
		rng,
		customers.filter((_, i) => responded[i])
	);
	customers.forEach((cu, i) => addCustomerColumns(ctx, cu, i));
	return customers;
}
