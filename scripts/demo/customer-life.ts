/**
 * The life events of customer accounts, all drawn in order from the one
 * customer-life stream: churn at an annual renewal (exact counts by selection
 * sampling, so ~200 accounts do not swing between seeds), early cancellations
 * of new accounts, upsells, and an exact NPS score mix given mostly-lowest to
 * the accounts that churned.
 */
import { dayOf, FY_END, FY_START, ymdOf, type Day } from './calendar';
import type { Customer } from './customer-record';
import { MODEL } from './model';
import type { Rng } from './rng';

/** Contract renewal dates (the day before each anniversary), up to `until`. */
export function renewalDays(start: Day, until: Day): Day[] {
	const { year, month, day } = ymdOf(start);
	const out: Day[] = [];
	for (let k = 1; ; k++) {
		const renewal = dayOf(year + k, month, day) - 1;
		if (renewal > until) return out;
		out.push(renewal);
	}
}

/**
 * Picks exactly round(rate × n) of n items (selection sampling): with only
 * ~200 accounts, independent coin flips would make churn, upsell and NPS swing
 * by several points between seeds.
 */
export function selectExactly(rng: Rng, n: number, rate: number): boolean[] {
	let wanted = Math.round(rate * n);
	return Array.from({ length: n }, (_, i) => {
		const pick = rng.float() * (n - i) < wanted;
		if (pick) wanted--;
		return pick;
	});
}

/** Score list with exactly the target mix (largest-remainder rounding), ascending. */
function npsScores(n: number): number[] {
	const weights = MODEL.customers.npsWeights;
	const total = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (w / total) * n);
	const counts = exact.map(Math.floor);
	const byRemainder = exact
		.map((x, s) => ({ s, r: x - Math.floor(x) }))
		.sort((a, b) => b.r - a.r || a.s - b.s);
	const missing = n - counts.reduce((a, b) => a + b, 0);
	for (let k = 0; k < missing; k++) counts[byRemainder[k].s]++;
	return counts.flatMap((count, score) => Array.from({ length: count }, () => score));
}

/**
 * Hands out the exact score mix, lowest scores mostly to accounts that
 * churned: a noisy sort key keeps it from being a perfect predictor.
 */
export function assignNps(rng: Rng, respondents: Customer[]): void {
	const scores = npsScores(respondents.length);
	const keyed = respondents.map((cu) => ({ cu, key: rng.float() - (cu.churned !== null ? 0.6 : 0) }));
	keyed.sort((a, b) => a.key - b.key);
	keyed.forEach(({ cu }, i) => (cu.nps = scores[i]));
}

/** Existing accounts may have churned at an earlier renewal; returns those still active on FY_START. */
export function churnBeforeYear(rng: Rng, customers: Customer[]): Customer[] {
	const active: Customer[] = [];
	for (const cu of customers) {
		if (cu.start >= FY_START) continue;
		cu.churned =
			renewalDays(cu.start, FY_START - 1).find(() => rng.chance(MODEL.customers.renewalChurn)) ?? null;
		if (cu.churned === null) active.push(cu);
	}
	return active;
}

/** A few new accounts cancel in their first months (monthly-billed SMB plans). */
export function churnEarly(rng: Rng, cu: Customer): void {
	if (!rng.chance(MODEL.customers.newCustomerEarlyChurn)) return;
	const day = cu.start + rng.int(30, 200);
	if (day <= FY_END) cu.churned = day;
}

export function assignUpsells(rng: Rng, customers: Customer[], activeAtStart: Customer[]): void {
	const c = MODEL.customers;
	const staying = activeAtStart.filter((cu) => cu.churned === null);
	const inYear = selectExactly(
		rng,
		staying.length,
		(c.upsellExisting * activeAtStart.length) / Math.max(1, staying.length)
	);
	staying.forEach((cu, i) => {
		if (inYear[i])
			cu.expansion =
				Math.max(FY_START, cu.start + 60) + rng.int(0, FY_END - Math.max(FY_START, cu.start + 60));
	});
	for (const cu of customers) {
		if (cu.expansion !== null) continue;
		const existing = cu.start < FY_START;
		if (!rng.chance(existing ? c.upsellEarlier : c.upsellNew)) continue;
		const from = cu.start + (existing ? 90 : 60);
		const to = Math.min(existing ? FY_START - 1 : FY_END, (cu.churned ?? FY_END + 1) - 1);
		if (from <= to) cu.expansion = from + rng.int(0, to - from);
	}
}
