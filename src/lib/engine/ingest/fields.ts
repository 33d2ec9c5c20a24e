import { STAGE_DATE_ORDER } from '../model/stages';
import type { FileKind } from './types';

/** How each canonical field's raw text is read. */
export type FieldType = 'text' | 'date' | 'month' | 'number' | 'score' | 'status' | 'outcome' | 'type';

export const FIELD_TYPES: Record<FileKind, Record<string, FieldType>> = {
	leads: {
		lead_id: 'text',
		created_at: 'date',
		channel: 'text',
		owner: 'text',
		segment: 'text',
		mql_at: 'date',
		sql_at: 'date',
		opportunity_at: 'date',
		won_at: 'date',
		lost_at: 'date',
		amount: 'number',
		status: 'status',
		closed_at: 'date',
		deal_owner: 'text',
		deal_stage: 'text',
		probability: 'number',
		currency: 'text',
		lost_reason: 'text',
		score: 'number',
		last_activity_at: 'date',
		amount_converted: 'number',
		converted_id: 'text',
		is_won: 'text',
		is_closed: 'text'
	},
	lead_history: {
		lead_id: 'text',
		stage: 'status',
		changed_at: 'date',
		amount: 'number',
		owner: 'text',
		channel: 'text',
		segment: 'text'
	},
	activities: {
		activity_id: 'text',
		occurred_at: 'date',
		rep: 'text',
		lead_id: 'text',
		type: 'type',
		outcome: 'outcome'
	},
	customers: {
		account_id: 'text',
		start_date: 'date',
		churned_at: 'date',
		mrr: 'number',
		expansion_at: 'date',
		nps: 'score',
		expansion_mrr: 'number',
		churn_reason: 'text',
		nps_at: 'date'
	},
	spend: { month: 'month', channel: 'text', spend: 'number' },
	users: { user_id: 'text', name: 'text' }
};

/** The id column whose repeats are reported as duplicates (history files repeat ids by design). */
export const ID_FIELD: Partial<Record<FileKind, string>> = {
	leads: 'lead_id',
	activities: 'activity_id',
	customers: 'account_id'
};

/** Stage date fields of the wide lead form, in stage order, for the order check. */
export const LEAD_DATE_ORDER = STAGE_DATE_ORDER;

/** Per-file tables (names we make, never user input): the raw text, and the typed canonical columns. */
export const rawTable = (id: number) => `mb_raw_${id}`;
export const srcTable = (id: number) => `mb_src_${id}`;

/**
 * A lead file need not carry `created_at` (docs/metrics.md): with an id and a stage date or a status it
 * adds to the records other files describe.
 */
export function datesById(mapped: Set<string>): boolean {
	return mapped.has('lead_id') && [...mapped].some((f) => LEAD_FACTS.has(f));
}

const LEAD_FACTS = new Set([
	'mql_at',
	'sql_at',
	'opportunity_at',
	'won_at',
	'lost_at',
	'closed_at',
	'status'
]);
