/**
 * The customer records: a contract draft (start and amount, before its life
 * events are decided), the finished account (churn, MRR, upsell, NPS and the
 * version 2 columns), and its customers.csv row. No randomness here.
 */
import { emptyIfNull, formatDay, type Day } from './calendar';
import { CHURN_REASONS } from './vocabulary';

/** A contract before its life events (churn, upsell, NPS) are decided. */
export interface CustomerDraft {
	start: Day;
	amountYen: number;
	/** Existing customers (signed before the fiscal year) sort before new ones on the same day. */
	existing: boolean;
	/** Tie-breaker: lead index or existing-customer number. */
	order: number;
}

export interface Customer {
	id: string;
	start: Day;
	churned: Day | null;
	mrr: number;
	expansion: Day | null;
	nps: number | null;
	/** アップセル額: set exactly when `expansion` is. */
	expansionMrr: number | null;
	/** Index into CHURN_REASONS; null for active accounts and a few churned ones. */
	churnReason: number | null;
	/** NPS回答日: set exactly when `nps` is. */
	npsAt: Day | null;
}

export function customerRow(cu: Customer): string {
	return [
		cu.id,
		formatDay(cu.start),
		emptyIfNull(cu.churned),
		String(cu.mrr),
		emptyIfNull(cu.expansion),
		cu.nps === null ? '' : String(cu.nps),
		cu.expansionMrr === null ? '' : String(cu.expansionMrr),
		cu.churnReason === null ? '' : CHURN_REASONS[cu.churnReason],
		emptyIfNull(cu.npsAt)
	].join(',');
}
