/**
 * Generates one lead from its own PRNG sequence: creation day, channel, owner
 * and segment, then the version 1 stage dates (MQL, the calls that book the
 * meeting and so fix the SQL date, opportunity, won or lost), the amount and
 * the status those dates imply; deal-columns.ts then adds the version 2 columns.
 */
import { addWorkdays, FY_END, FY_START, nextWorkday, randomWorkday, type Day } from './calendar';
import { creationDay, type DemoContext } from './context';
import { addDealColumns } from './deal-columns';
import { leadId, type Lead } from './lead-record';
import { CHANNEL_PROFILES, MODEL } from './model';
import { Rng, Stream } from './rng';
import type { Status } from './vocabulary';

/** Dates after the fiscal year have not happened yet: the stage is simply not reached. */
function reached(day: Day): Day | null {
	return day <= FY_END ? day : null;
}

export function generateLead(ctx: DemoContext, index: number): Lead {
	const rng = new Rng(ctx.seed, Stream.Lead, index);
	const created = creationDay(ctx, index);
	const channel = rng.weighted(ctx.channelWeights[created - FY_START]);
	const lead: Lead = {
		index,
		id: leadId(ctx, index),
		created,
		channel,
		owner: rng.weighted(MODEL.repLeadShare),
		segment: rng.weighted(CHANNEL_PROFILES[channel].segmentWeights),
		mql: null,
		sql: null,
		opportunity: null,
		won: null,
		lost: null,
		amount: null,
		status: '新規',
		callsBeforeMeeting: [],
		dealOwner: null,
		dealStage: null,
		lostReason: null,
		score: 0,
		lastActivity: null
	};
	if (rng.chance(MODEL.salesSourcedRate)) {
		bookMeeting(rng, lead, created); // sales-sourced: straight to a meeting, no MQL
	} else {
		lead.mql = drawMql(rng, lead);
		if (lead.mql !== null && rng.chance(meetingProbability(lead))) bookMeeting(rng, lead, lead.mql);
	}
	if (lead.sql !== null) drawDeal(rng, lead);
	lead.status = deriveStatus(rng, lead);
	addDealColumns(ctx, lead);
	return lead;
}

function drawMql(rng: Rng, lead: Lead): Day | null {
	if (!rng.chance(CHANNEL_PROFILES[lead.channel].mqlRate)) return null;
	const delay = rng.chance(MODEL.mqlSameDayShare) ? 0 : rng.int(1, MODEL.mqlMaxDelayDays);
	return reached(lead.created + delay);
}

function meetingProbability(lead: Lead): number {
	return (
		MODEL.mqlToSqlBase *
		CHANNEL_PROFILES[lead.channel].meetingMultiplier *
		MODEL.repMeetingMultiplier[lead.owner]
	);
}

/**
 * The rep calls a few times (on distinct working days) and books the meeting
 * on the last call: that call's day is the SQL date. Past the fiscal year the
 * meeting has not happened yet and the lead stays where it was.
 */
function bookMeeting(rng: Rng, lead: Lead, from: Day): void {
	const [minCalls, maxCalls] = MODEL.meetingEarlierCalls;
	const [minGap, maxGap] = MODEL.meetingGapWorkdays;
	const calls: Day[] = [];
	let day = nextWorkday(from + rng.int(0, 1));
	for (let k = rng.int(minCalls, maxCalls); k > 0; k--) {
		calls.push(day);
		day = addWorkdays(day, rng.int(minGap, maxGap));
	}
	if (day > FY_END) return;
	lead.sql = day;
	lead.callsBeforeMeeting = calls;
}

/** Field sales either accepts the SQL as an opportunity (then wins, loses, or is still working it) or rejects it. */
function drawDeal(rng: Rng, lead: Lead): void {
	const sql = lead.sql as Day;
	if (!rng.chance(MODEL.repOpportunityRate[lead.owner])) {
		if (rng.chance(MODEL.lostSqlRate)) lead.lost = reached(randomWorkday(rng, sql + 5, sql + 30));
		return;
	}
	const [minDelay, maxDelay] = MODEL.opportunityDelayDays;
	const opportunity = reached(randomWorkday(rng, sql + minDelay, sql + maxDelay));
	if (opportunity === null) return;
	lead.opportunity = opportunity;
	lead.amount = drawAmount(rng, lead.segment);
	if (rng.chance(MODEL.winRate[lead.segment] * CHANNEL_PROFILES[lead.channel].winMultiplier)) {
		const [lo, hi] = MODEL.wonDelayDays[lead.segment];
		lead.won = reached(randomWorkday(rng, opportunity + lo, opportunity + hi));
	} else {
		const [lo, hi] = MODEL.lostDelayDays;
		lead.lost = reached(randomWorkday(rng, opportunity + lo, opportunity + hi));
	}
}

/** Yen, rounded to 10,000 as quotes are. */
export function drawAmount(rng: Rng, segment: number): number {
	const [lo, hi] = MODEL.amountYen[segment];
	return Math.round(rng.logUniform(lo, hi) / 10_000) * 10_000;
}

/** The current status implied by the furthest stage; leads that stalled before SQL may be disqualified. */
function deriveStatus(rng: Rng, lead: Lead): Status {
	if (lead.won !== null) return '受注';
	if (lead.lost !== null) return '失注';
	if (lead.opportunity !== null) return '商談中';
	if (lead.sql !== null) return '商談化';
	if (lead.mql !== null) return rng.chance(MODEL.disqualifyMql) ? '対象外' : 'MQL';
	return rng.chance(MODEL.disqualifyOther) ? '対象外' : '新規';
}
