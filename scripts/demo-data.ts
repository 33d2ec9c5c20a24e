/**
 * Deterministic demo data for Modelboard.
 *
 * The story: a fictional Japanese B2B SaaS company running The Model
 * (Marketing → Inside Sales → Field Sales → Customer Success), fiscal year
 * 2025-04-01 … 2026-03-31. Its intended weak spot is SQL → opportunity
 * (≈30% against a 40% floor), worst for the rep 田中. Field sales (FIELD_REPS)
 * owns the deals; some are still open on the last day, some of those stale.
 *
 * Everything here is pure: no I/O, no clock, no Math.random. Every random
 * draw comes from a PRNG seeded by (seed, stream, index), so any single lead
 * can be regenerated on its own and the output is byte-identical for the same
 * arguments. The CLI (scripts/gen-demo.ts) does the file writing.
 *
 * This file only re-exports the generator, which lives in scripts/demo/, one
 * job per file: rng, calendar, vocabulary, model (all the tuning knobs),
 * context (lead volume by day), lead-record, leads, deal-columns, activities,
 * activity-order, customer-record, customers, customer-life, customer-columns,
 * spend and shift-jis.
 */
export { activityId, activityRow, generateLeadActivities, type Activity } from './demo/activities';
export { DayOrderedActivities } from './demo/activity-order';
export {
	addWorkdays,
	countWorkdays,
	dayOf,
	formatDateTime,
	formatDay,
	formatMonth,
	FY_DAYS,
	FY_END,
	FY_START,
	isWorkday,
	nextWorkday,
	NON_WORKING_DAYS,
	parseIsoDay,
	weekdayOf,
	ymdOf,
	type Day
} from './demo/calendar';
export { createContext, creationDay, type DemoContext, type DemoOptions } from './demo/context';
export { customerRow, type Customer, type CustomerDraft } from './demo/customer-record';
export { customerFromWonLead, existingCustomerDrafts, finalizeCustomers } from './demo/customers';
export { leadId, leadRow, type Lead } from './demo/lead-record';
export { drawAmount, generateLead } from './demo/leads';
export { MODEL } from './demo/model';
export { fmix32, Rng, seedFrom } from './demo/rng';
export { encodeShiftJis } from './demo/shift-jis';
export { generateSpend, spendRow, type SpendRow } from './demo/spend';
export {
	ACTIVITIES_HEADER,
	ACTIVITY_TYPE_CALL,
	ACTIVITY_TYPE_EMAIL,
	CHANNELS,
	CHURN_REASONS,
	CUSTOMERS_HEADER,
	DEAL_STAGE_PROBABILITY,
	DEAL_STAGES,
	FIELD_REPS,
	LEADS_HEADER,
	LOST_REASONS,
	OPEN_DEAL_STAGES,
	Outcome,
	OUTCOME_LABELS,
	REPS,
	SEGMENTS,
	SPEND_HEADER,
	STATUSES,
	type Channel,
	type DealStage,
	type Status
} from './demo/vocabulary';
