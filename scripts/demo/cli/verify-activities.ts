/**
 * Verifies activities.csv as read back: ids in sequence, time order, working
 * days and hours, known reps, leads and outcomes, no activity before a lead's
 * creation or after its deal's last activity, exactly one アポ獲得 by the owner
 * on each SQL date after 1–5 earlier calls and none after it; gathers calls per
 * rep per day and the contact and meeting rates.
 */
import { FY_DAYS, FY_END, FY_START, isWorkday } from '../calendar';
import { ACTIVITIES_HEADER, OUTCOME_LABELS, REPS } from '../vocabulary';
import { check, forEachLine, indexOf, parseDay } from './read';
import type { FileSpec, Written } from './sink';
import type { LeadFacts } from './verify-leads';

export interface ActivityStats {
	rows: number;
	emails: number;
	perRep: {
		calls: number;
		contacts: number;
		repDays: number;
		contactedLeads: number;
		meetingLeads: number;
	}[];
	calls: number;
	contacts: number;
	repDays: number;
	contactedLeads: number;
	meetingLeads: number;
	coverCalls: number;
}

/** Bits in the per-lead flag array. */
const CONTACTED = 1;
const MEETING = 2;
const AFTER_MEETING_CALL = 4;

export function verifyActivities(
	path: string,
	spec: FileSpec,
	written: Written,
	leads: LeadFacts
): ActivityStats {
	const flags = new Uint8Array(leads.count);
	const callsBeforeMeeting = new Uint8Array(leads.count);
	const repDay = new Uint8Array(REPS.length * FY_DAYS);
	const stats: ActivityStats = {
		rows: 0,
		emails: 0,
		perRep: REPS.map(() => ({ calls: 0, contacts: 0, repDays: 0, contactedLeads: 0, meetingLeads: 0 })),
		calls: 0,
		contacts: 0,
		repDays: 0,
		contactedLeads: 0,
		meetingLeads: 0,
		coverCalls: 0
	};
	let lastStamp = '';
	const hash = forEachLine(path, spec, (line, lineNo) => {
		const where = `${spec.name}:${lineNo}`;
		if (lineNo === 1) return check(line === ACTIVITIES_HEADER, () => `${where}: header is "${line}"`);
		const f = line.split(',');
		check(f.length === 6, () => `${where}: ${f.length} fields`);
		check(
			/^A\d{7,}$/.test(f[0]) && Number(f[0].slice(1)) === lineNo - 1,
			() => `${where}: id ${f[0]} out of sequence`
		);
		check(f[1] >= lastStamp, () => `${where}: not in time order`);
		lastStamp = f[1];
		const m = /^(\d{4}\/\d{2}\/\d{2}) (\d{2}):(\d{2})$/.exec(f[1]);
		check(m !== null, () => `${where}: bad 日時 ${f[1]}`);
		const [, date, hh, mm] = m as RegExpExecArray;
		const day = parseDay(date, where) as number;
		check(
			isWorkday(day) && day >= FY_START && day <= FY_END,
			() => `${where}: not a working day in the year`
		);
		check(Number(hh) >= 9 && Number(hh) <= 18 && Number(mm) < 60, () => `${where}: outside 09:00–18:59`);
		const rep = indexOf(REPS, f[2], where);
		const lead = Number(f[3].slice(1)) - 1;
		check(/^L\d+$/.test(f[3]) && lead >= 0 && lead < leads.count, () => `${where}: unknown lead ${f[3]}`);
		check(leads.created[lead] <= day, () => `${where}: activity before the lead was created`);
		check(
			leads.lastActivity[lead] < 0 || day <= leads.lastActivity[lead],
			() => `${where}: activity after the deal's 最終活動日`
		);
		const outcome = indexOf(OUTCOME_LABELS, f[5], where);
		stats.rows++;
		if (f[4] === 'メール') {
			check(outcome === 4, () => `${where}: email with result ${f[5]}`);
			stats.emails++;
			return;
		}
		check(f[4] === '電話' && outcome < 4, () => `${where}: bad type/result ${f[4]}/${f[5]}`);
		countCall(stats, rep, lead, outcome, day, leads, flags, callsBeforeMeeting, repDay, where);
	});
	check(hash === written.get(spec), () => `${spec.name}: decoded text differs from the intended text`);
	finishActivityStats(stats, leads, flags, callsBeforeMeeting);
	return stats;
}

function countCall(
	stats: ActivityStats,
	rep: number,
	lead: number,
	outcome: number,
	day: number,
	leads: LeadFacts,
	flags: Uint8Array,
	callsBeforeMeeting: Uint8Array,
	repDay: Uint8Array,
	where: string
): void {
	const owner = leads.owner[lead];
	const r = stats.perRep[rep];
	stats.calls++;
	r.calls++;
	if (rep !== owner) stats.coverCalls++;
	if (repDay[rep * FY_DAYS + day - FY_START] === 0) {
		repDay[rep * FY_DAYS + day - FY_START] = 1;
		stats.repDays++;
		r.repDays++;
	}
	if (flags[lead] & MEETING) flags[lead] |= AFTER_MEETING_CALL;
	if (outcome === 2 || outcome === 3) {
		stats.contacts++;
		r.contacts++;
		flags[lead] |= CONTACTED;
	}
	if (outcome === 3) {
		check((flags[lead] & MEETING) === 0, () => `${where}: second アポ獲得 for L${lead + 1}`);
		check(leads.sql[lead] === day, () => `${where}: アポ獲得 not on the lead's 商談化日`);
		check(rep === owner, () => `${where}: アポ獲得 by someone other than the lead's 担当者`);
		flags[lead] |= MEETING;
	} else if ((flags[lead] & MEETING) === 0 && callsBeforeMeeting[lead] < 255) {
		callsBeforeMeeting[lead]++;
	}
}

/** Lead-level checks and the distinct-lead counts for the meeting rate, attributed to the lead's owner. */
function finishActivityStats(
	stats: ActivityStats,
	leads: LeadFacts,
	flags: Uint8Array,
	callsBeforeMeeting: Uint8Array
): void {
	for (let i = 0; i < leads.count; i++) {
		const hasSql = leads.sql[i] >= 0;
		check(
			hasSql === ((flags[i] & MEETING) !== 0),
			() => `L${i + 1}: 商談化日 without exactly one アポ獲得 (or vice versa)`
		);
		check((flags[i] & AFTER_MEETING_CALL) === 0, () => `L${i + 1}: called after the meeting was set`);
		if (hasSql) {
			const before = callsBeforeMeeting[i];
			check(before >= 1 && before <= 5, () => `L${i + 1}: ${before} calls before the meeting (want 1–5)`);
		}
		const r = stats.perRep[leads.owner[i]];
		if (flags[i] & CONTACTED) {
			stats.contactedLeads++;
			r.contactedLeads++;
		}
		if (flags[i] & MEETING) {
			stats.meetingLeads++;
			r.meetingLeads++;
		}
	}
}
