/**
 * Verifies leads.csv as read back: header, row count, id sequence, known
 * values, stage dates in order inside the year, amounts and statuses consistent
 * with the dates (the deal columns are checked in verify-deals.ts); gathers the
 * funnel counts per channel and rep and the per-lead facts the activity check needs.
 */
import { FY_END, FY_START } from '../calendar';
import {
	CHANNELS,
	FIELD_REPS,
	LEADS_HEADER,
	OPEN_DEAL_STAGES,
	REPS,
	SEGMENTS,
	STATUSES
} from '../vocabulary';
import { add, check, forEachLine, indexOf, parseDay } from './read';
import type { FileSpec, Written } from './sink';
import { checkDealColumns, type DealStats } from './verify-deals';

export const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;

/** Per-lead facts the activity check needs, in flat typed arrays (N can be 10 million). */
export interface LeadFacts {
	count: number;
	created: Int32Array;
	sql: Int32Array; // -1: none
	owner: Uint8Array;
	lastActivity: Int32Array; // 最終活動日, -1: none
}

export interface LeadStats {
	facts: LeadFacts;
	/** reachedByStage[group][stage]: group 0 = all, 1… = channels, then reps. */
	reached: number[][];
	statuses: Map<string, number>;
	salesSourced: number;
	lostSql: number;
	wonRevenue: number;
	perMonth: Map<string, number>;
	deals: DealStats;
}

export function verifyLeads(
	path: string,
	spec: FileSpec,
	written: Written,
	expectedLeads: number
): LeadStats {
	const facts: LeadFacts = {
		count: 0,
		created: new Int32Array(expectedLeads),
		sql: new Int32Array(expectedLeads).fill(-1),
		owner: new Uint8Array(expectedLeads),
		lastActivity: new Int32Array(expectedLeads).fill(-1)
	};
	const groups = 1 + CHANNELS.length + REPS.length;
	const stats: LeadStats = {
		facts,
		reached: Array.from({ length: groups }, () => STAGES.map(() => 0)),
		statuses: new Map(),
		salesSourced: 0,
		lostSql: 0,
		wonRevenue: 0,
		perMonth: new Map(),
		deals: {
			openByStage: new Map(OPEN_DEAL_STAGES.map((stage) => [stage, 0])),
			open: 0,
			openStale: 0,
			byOwner: new Map(FIELD_REPS.map((name) => [name, { deals: 0, won: 0, lost: 0 }])),
			lostReasons: new Map(),
			score: { sqlSum: 0, sqlCount: 0, otherSum: 0, otherCount: 0 },
			mqlTriage: new Map()
		}
	};
	const hash = forEachLine(path, spec, (line, lineNo) => {
		if (lineNo === 1) return check(line === LEADS_HEADER, () => `${spec.name}: header is "${line}"`);
		checkLead(line.split(','), `${spec.name}:${lineNo}`, stats);
	});
	check(hash === written.get(spec), () => `${spec.name}: decoded text differs from the intended text`);
	check(facts.count === expectedLeads, () => `${spec.name}: ${facts.count} rows, expected ${expectedLeads}`);
	return stats;
}

function checkLead(f: string[], where: string, stats: LeadStats): void {
	check(f.length === 18, () => `${where}: ${f.length} fields`);
	const index = Number(f[0].slice(1)) - 1;
	check(/^L\d{6,}$/.test(f[0]) && index === stats.facts.count, () => `${where}: id ${f[0]} out of sequence`);
	const [created, mql, sql, opp, won, lost] = [1, 5, 6, 7, 8, 9].map((c) => parseDay(f[c], where));
	check(created !== null, () => `${where}: no 作成日`);
	const channel = indexOf(CHANNELS, f[2], where);
	const owner = indexOf(REPS, f[3], where);
	indexOf(SEGMENTS, f[4], where);
	indexOf(STATUSES, f[11], where);
	checkStageOrder([created, mql, sql, opp, won ?? lost], where);
	check(won === null || lost === null, () => `${where}: both won and lost`);
	check((opp !== null) === (f[10] !== ''), () => `${where}: 金額 must be set exactly for opportunities`);
	check(f[10] === '' || /^[1-9]\d*0000$/.test(f[10]), () => `${where}: bad 金額 ${f[10]}`);
	check(
		f[11] === expectedStatus(f[11], mql, sql, opp, won, lost),
		() => `${where}: status ${f[11]} contradicts dates`
	);

	const lastActivity = checkDealColumns(f, where, { sql, opp, won, lost }, stats.deals);
	if (mql !== null && sql === null && lost === null) add(stats.deals.mqlTriage, f[11]);

	const facts = stats.facts;
	facts.created[index] = created as number;
	facts.sql[index] = sql ?? -1;
	facts.owner[index] = owner;
	facts.lastActivity[index] = lastActivity ?? -1;
	facts.count++;
	const stage = won !== null ? 4 : opp !== null ? 3 : sql !== null ? 2 : mql !== null ? 1 : 0;
	for (const g of [0, 1 + channel, 1 + CHANNELS.length + owner]) {
		for (let s = 0; s <= stage; s++) stats.reached[g][s]++; // reached(l, s): own date or a later stage's
	}
	stats.statuses.set(f[11], (stats.statuses.get(f[11]) ?? 0) + 1);
	if (mql === null && sql !== null) stats.salesSourced++;
	if (lost !== null && opp === null) stats.lostSql++;
	if (won !== null) stats.wonRevenue += Number(f[10]);
	const month = f[1].slice(0, 7);
	stats.perMonth.set(month, (stats.perMonth.get(month) ?? 0) + 1);
}

/** Present dates never go backwards and all lie inside the fiscal year. */
function checkStageOrder(days: (number | null)[], where: string): void {
	let previous = FY_START;
	for (const day of days) {
		if (day === null) continue;
		check(day >= previous && day <= FY_END, () => `${where}: stage dates out of order or outside the year`);
		previous = day;
	}
}

function expectedStatus(
	actual: string,
	mql: number | null,
	sql: number | null,
	opp: number | null,
	won: number | null,
	lost: number | null
): string {
	if (won !== null) return '受注';
	if (lost !== null) return '失注';
	if (opp !== null) return '商談中';
	if (sql !== null) return '商談化';
	if (actual === '対象外') return actual; // disqualification has no date
	if (actual === 'ナーチャリング' && mql !== null) return actual; // a stalled MQL, nurtured
	return mql !== null ? 'MQL' : '新規';
}
