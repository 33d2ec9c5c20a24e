/**
 * Inside sales' calls and emails for one lead, from the lead's own activity
 * stream (so skipping activities never changes the leads): the calls that book
 * a meeting for SQL leads, a follow-up cadence for the rest, occasional emails,
 * call times over the working day; and the activities.csv row of each.
 */
import { addWorkdays, formatDateTime, FY_END, nextWorkday, type Day } from './calendar';
import type { DemoContext } from './context';
import { leadId, type Lead } from './lead-record';
import { CHANNEL_PROFILES, MODEL } from './model';
import { Rng, Stream } from './rng';
import { ACTIVITY_TYPE_CALL, ACTIVITY_TYPE_EMAIL, Outcome, OUTCOME_LABELS, REPS } from './vocabulary';

export interface Activity {
	day: Day;
	/** Minute of the day, 09:00 (540) … 18:59 (1139). */
	minute: number;
	rep: number;
	leadIndex: number;
	outcome: Outcome;
}

/** Relative call volume per hour 9…18: a lunch dip at 12 and a thin last hour. */
const HOUR_WEIGHTS = [0.8, 1.1, 1.1, 0.4, 1.0, 1.1, 1.1, 1.0, 0.8, 0.4];

function drawMinute(rng: Rng): number {
	return (9 + rng.weighted(HOUR_WEIGHTS)) * 60 + rng.int(0, 59);
}

/** Usually the owner; now and then a colleague covering (never for the meeting_set call). */
function drawCaller(rng: Rng, owner: number): number {
	if (!rng.chance(MODEL.calls.coverRate)) return owner;
	return (owner + rng.int(1, REPS.length - 1)) % REPS.length;
}

function noAnswer(rng: Rng): Outcome {
	return rng.chance(MODEL.calls.voicemailShare) ? Outcome.Voicemail : Outcome.NoAnswer;
}

/**
 * Every call and email of one lead, in no particular order. Uses its own
 * stream, so skipping activities never changes the leads.
 */
export function generateLeadActivities(ctx: DemoContext, lead: Lead): Activity[] {
	const rng = new Rng(ctx.seed, Stream.Activity, lead.index);
	const activities = lead.sql !== null ? meetingCalls(rng, lead) : followUpCalls(rng, lead);
	if (activities.length > 0 && rng.chance(MODEL.calls.emailRate)) {
		activities.push(...emails(rng, lead, activities[0].day, activities[activities.length - 1].day));
	}
	return activities;
}

/** SQL leads: 1–5 earlier calls (mostly unanswered), then exactly one アポ獲得 by the owner on the SQL date. */
function meetingCalls(rng: Rng, lead: Lead): Activity[] {
	const calls: Activity[] = lead.callsBeforeMeeting.map((day) => ({
		day,
		minute: drawMinute(rng),
		rep: drawCaller(rng, lead.owner),
		leadIndex: lead.index,
		outcome: rng.chance(MODEL.calls.connectBeforeMeeting) ? Outcome.Connected : noAnswer(rng)
	}));
	calls.push({
		day: lead.sql as Day,
		minute: drawMinute(rng),
		rep: lead.owner,
		leadIndex: lead.index,
		outcome: Outcome.MeetingSet
	});
	return calls;
}

function isCalled(rng: Rng, lead: Lead): boolean {
	const p = MODEL.calls;
	if (lead.mql !== null) return rng.chance(p.calledMql);
	if (lead.status === '対象外') return rng.chance(p.calledDisqualified);
	return rng.chance(CHANNEL_PROFILES[lead.channel].coldCallRate);
}

/**
 * Leads without a meeting: a cadence of calls on distinct working days from
 * MQL (or creation), cut at the fiscal-year end. Reachable leads are nurtured
 * longer and answer some calls; unreachable ones never pick up. A disqualified
 * MQL was disqualified in a conversation, so it is always reachable.
 */
function followUpCalls(rng: Rng, lead: Lead): Activity[] {
	const p = MODEL.calls;
	if (!isCalled(rng, lead)) return [];
	const reachable =
		(lead.mql !== null && lead.status === '対象外') ||
		rng.chance(lead.mql !== null ? p.reachableMql : p.reachableCold);
	const [lo, hi] = reachable ? p.reachableCalls : p.unreachableCalls;
	const planned = Math.max(1, Math.round(rng.int(lo, hi) * MODEL.repCallMultiplier[lead.owner]));
	const days = callDays(rng, lead.mql ?? lead.created, planned);
	const wanted = reachable
		? Math.round(rng.int(p.connects[0], p.connects[1]) * MODEL.repCallMultiplier[lead.owner])
		: 0;
	const connected = pickConnectedCalls(rng, days.length, Math.max(reachable ? 1 : 0, wanted));
	return days.map((day, i) => ({
		day,
		minute: drawMinute(rng),
		rep: drawCaller(rng, lead.owner),
		leadIndex: lead.index,
		outcome: connected.has(i) ? Outcome.Connected : noAnswer(rng)
	}));
}

/**
 * Working days of a call cadence: the first attempts come fast (speed to
 * lead), later ones spread out into nurture, the gap growing by one working
 * day every other call up to gapWorkdays' maximum.
 */
function callDays(rng: Rng, from: Day, planned: number): Day[] {
	const [minGap, maxGap] = MODEL.calls.gapWorkdays;
	const days: Day[] = [];
	let day = nextWorkday(from + rng.int(0, 1));
	while (days.length < planned && day <= FY_END) {
		days.push(day);
		day = addWorkdays(day, rng.int(minGap, Math.min(maxGap, minGap + (days.length >> 1))));
	}
	return days;
}

/** Which of `count` calls were answered: `wanted` distinct positions (fewer if there were fewer calls). */
function pickConnectedCalls(rng: Rng, count: number, wanted: number): Set<number> {
	const positions = rng.shuffle(Array.from({ length: count }, (_, i) => i));
	return new Set(positions.slice(0, Math.min(wanted, count)));
}

/** 1–2 follow-up emails on distinct working days within the calling period. */
function emails(rng: Rng, lead: Lead, first: Day, last: Day): Activity[] {
	const out: Activity[] = [];
	const used = new Set<Day>();
	for (let k = rng.int(MODEL.calls.emails[0], MODEL.calls.emails[1]); k > 0; k--) {
		const day = nextWorkday(first + rng.int(0, Math.max(0, last - first)));
		if (day > FY_END || used.has(day)) continue;
		used.add(day);
		out.push({
			day,
			minute: drawMinute(rng),
			rep: lead.owner,
			leadIndex: lead.index,
			outcome: Outcome.EmailSent
		});
	}
	return out;
}

export function activityId(ctx: DemoContext, sequence: number): string {
	return 'A' + String(sequence).padStart(ctx.activityIdWidth, '0');
}

/** `sequence` is 1-based, in output (time) order. */
export function activityRow(ctx: DemoContext, sequence: number, a: Activity): string {
	const email = a.outcome === Outcome.EmailSent;
	return [
		activityId(ctx, sequence),
		formatDateTime(a.day, a.minute),
		REPS[a.rep],
		leadId(ctx, a.leadIndex),
		email ? ACTIVITY_TYPE_EMAIL : ACTIVITY_TYPE_CALL,
		OUTCOME_LABELS[a.outcome]
	].join(',');
}
