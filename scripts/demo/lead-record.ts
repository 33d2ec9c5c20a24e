/**
 * The lead record: its fields (stage dates, amount, status and the deal-export
 * columns), its id (`L000001`) and its leads.csv row. No randomness here: the
 * values are drawn in leads.ts and deal-columns.ts.
 */
import { emptyIfNull, formatDay, type Day } from './calendar';
import type { DemoContext } from './context';
import {
	CHANNELS,
	DEAL_STAGE_PROBABILITY,
	FIELD_REPS,
	LOST_REASONS,
	REPS,
	SEGMENTS,
	type DealStage,
	type Status
} from './vocabulary';

export interface Lead {
	/** 0-based position; the id is L + (index + 1). */
	index: number;
	id: string;
	created: Day;
	channel: number;
	owner: number;
	segment: number;
	mql: Day | null;
	sql: Day | null;
	opportunity: Day | null;
	won: Day | null;
	lost: Day | null;
	amount: number | null;
	status: Status;
	/** Days of the calls before the meeting_set call (SQL leads only): they fix the SQL date. */
	callsBeforeMeeting: Day[];
	/** Index into FIELD_REPS; opportunities only. */
	dealOwner: number | null;
	dealStage: DealStage | null;
	/** Index into LOST_REASONS; null for every lead but lost opportunities, and for a few of those. */
	lostReason: number | null;
	/** 0–100. */
	score: number;
	/** Opportunities only: the close date of a closed deal, the last touch of an open one. */
	lastActivity: Day | null;
}

export function leadId(ctx: DemoContext, index: number): string {
	return 'L' + String(index + 1).padStart(ctx.leadIdWidth, '0');
}

export function leadRow(lead: Lead): string {
	return [
		lead.id,
		formatDay(lead.created),
		CHANNELS[lead.channel],
		REPS[lead.owner],
		SEGMENTS[lead.segment],
		emptyIfNull(lead.mql),
		emptyIfNull(lead.sql),
		emptyIfNull(lead.opportunity),
		emptyIfNull(lead.won),
		emptyIfNull(lead.lost),
		lead.amount === null ? '' : String(lead.amount),
		lead.status,
		lead.dealOwner === null ? '' : FIELD_REPS[lead.dealOwner],
		lead.dealStage ?? '',
		lead.dealStage === null ? '' : String(DEAL_STAGE_PROBABILITY[lead.dealStage]),
		lead.lostReason === null ? '' : LOST_REASONS[lead.lostReason],
		String(lead.score),
		emptyIfNull(lead.lastActivity)
	].join(',');
}
