/**
 * The printed report, computed from what was actually written and read back:
 * funnel rates per channel and rep, open and stale deals, win rate per deal
 * owner, lost and churn reasons, lead score by outcome, calls per rep per day,
 * contact and meeting rates, churn, upsell, NPS per answer month, and spend per
 * lead and per MQL.
 */
import { FY_END } from '../calendar';
import { CHANNELS, REPS } from '../vocabulary';
import type { ActivityStats } from './verify-activities';
import type { CustomerStats } from './verify-customers';
import { STALE_DAYS, type DealStats } from './verify-deals';
import { STAGES, type LeadStats } from './verify-leads';

const pct = (num: number, den: number): string => (den === 0 ? '–' : `${((100 * num) / den).toFixed(1)}%`);
const yen = (n: number): string => `¥${Math.round(n).toLocaleString('en-US')}`;
export const size = (bytes: number): string =>
	bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

export function printLeadReport(s: LeadStats): void {
	const all = s.reached[0];
	console.log(`\nLeads: ${all[0]} (sales-sourced, no MQL: ${s.salesSourced}; lost SQLs: ${s.lostSql})`);
	console.log(`  reached  ${STAGES.map((st, i) => `${st} ${all[i]}`).join(' · ')}`);
	console.log(
		`  rates    lead→MQL ${pct(all[1], all[0])} · MQL→SQL ${pct(all[2], all[1])} · SQL→opp ${pct(all[3], all[2])} · win ${pct(all[4], all[3])}`
	);
	console.log(`  won revenue ${yen(s.wonRevenue)} · avg deal ${yen(s.wonRevenue / Math.max(1, all[4]))}`);
	console.log(`  status   ${[...s.statuses].map(([k, v]) => `${k} ${v}`).join(' · ')}`);
	console.log(`  per month ${[...s.perMonth].map(([k, v]) => `${k.slice(2)}:${v}`).join(' ')}`);
	const table = (label: string, names: readonly string[], offset: number): void => {
		console.log(`  ${label.padEnd(14)}  leads   MQL→  lead→MQL  MQL→SQL  SQL→opp   win`);
		names.forEach((name, i) => {
			const r = s.reached[offset + i];
			console.log(
				`  ${name.padEnd(14 - [...name].filter((ch) => ch > '\u00ff').length)} ${String(r[0]).padStart(6)} ${String(r[1]).padStart(6)} ${pct(r[1], r[0]).padStart(9)} ${pct(r[2], r[1]).padStart(8)} ${pct(r[3], r[2]).padStart(8)} ${pct(r[4], r[3]).padStart(6)}`
			);
		});
	};
	table('channel', CHANNELS, 1);
	table('rep', REPS, 1 + CHANNELS.length);
	printDealReport(s.deals);
}

const counts = (map: Map<string, number>): string =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.map(([k, v]) => `${k} ${v}`)
		.join(' · ');

function printDealReport(d: DealStats): void {
	console.log(
		`  open deals on ${formatDate(FY_END)}: ${d.open} (${[...d.openByStage].map(([k, v]) => `${k} ${v}`).join(' · ')}) · stale (no activity in ${STALE_DAYS} days) ${d.openStale} = ${pct(d.openStale, d.open)}`
	);
	console.log(
		`  deal owners ${[...d.byOwner].map(([k, v]) => `${k} ${v.deals} (won ${v.won}, lost ${v.lost}, win ${pct(v.won, v.deals)})`).join(' · ')}`
	);
	console.log(`  lost reasons ${counts(d.lostReasons)}`);
	const sc = d.score;
	console.log(
		`  lead score mean: reached SQL ${(sc.sqlSum / Math.max(1, sc.sqlCount)).toFixed(1)} (${sc.sqlCount}) · not ${(sc.otherSum / Math.max(1, sc.otherCount)).toFixed(1)} (${sc.otherCount})`
	);
	const stopped = [...d.mqlTriage.values()].reduce((a, b) => a + b, 0);
	console.log(
		`  MQLs that stopped at MQL: ${stopped} (${[...d.mqlTriage].map(([k, v]) => `${k} ${v} = ${pct(v, stopped)}`).join(' · ')})`
	);
}

const formatDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function printActivityReport(s: ActivityStats): void {
	console.log(
		`\nActivities: ${s.rows} rows (${s.calls} calls, ${s.emails} emails = ${pct(s.emails, s.rows)}; calls by a covering colleague ${s.coverCalls})`
	);
	console.log(
		`  calls/rep/day ${(s.calls / s.repDays).toFixed(1)} · contact rate ${pct(s.contacts, s.calls)} · meeting rate ${pct(s.meetingLeads, s.contactedLeads)} (${s.meetingLeads}/${s.contactedLeads} leads)`
	);
	REPS.forEach((name, i) => {
		const r = s.perRep[i];
		console.log(
			`  ${name}  calls/day ${(r.calls / r.repDays).toFixed(1)} over ${r.repDays} days · contact ${pct(r.contacts, r.calls)} · meeting ${pct(r.meetingLeads, r.contactedLeads)} (leads they own)`
		);
	});
}

export function printCustomerReport(s: CustomerStats): void {
	const promoters = s.scores.filter((x) => x >= 9).length;
	const detractors = s.scores.filter((x) => x <= 6).length;
	const nps = (100 * (promoters - detractors)) / Math.max(1, s.scores.length);
	console.log(`\nCustomers: ${s.rows} (${s.existing} signed before FY2025, ${s.rows - s.existing} new)`);
	console.log(
		`  FY churn ${pct(s.churnedInYear, s.activeAtStart)} of ${s.activeAtStart} active at start · FY upsell ${pct(s.upsoldInYear, s.activeAtStart)} · any upsell date ${pct(s.withUpsell, s.rows)}`
	);
	console.log(
		`  NPS ${nps >= 0 ? '+' : ''}${nps.toFixed(1)} over ${s.scores.length} scores (${pct(s.scores.length, s.rows)} answered) · total MRR ${yen(s.mrrTotal)}`
	);
	console.log(`  FY expansion MRR ${yen(s.expansionMrrInYear)} · churn reasons ${counts(s.churnReasons)}`);
	const npsOf = (scores: number[]): string => {
		const value =
			(100 * (scores.filter((x) => x >= 9).length - scores.filter((x) => x <= 6).length)) / scores.length;
		return `${value >= 0 ? '+' : ''}${value.toFixed(0)}`;
	};
	console.log(
		`  NPS by answer month ${[...s.npsByMonth]
			.sort()
			.map(([m, v]) => `${m.slice(2)}:${npsOf(v)}(${v.length})`)
			.join(' ')} · answered before the year ${s.npsBeforeYear}`
	);
}

export function printSpendReport(spend: Map<string, number>, leads: LeadStats): void {
	console.log('\nSpend (FY total · per lead · per MQL)');
	for (const [channel, total] of spend) {
		const r = leads.reached[1 + CHANNELS.indexOf(channel as (typeof CHANNELS)[number])];
		console.log(`  ${channel}  ${yen(total)} · ${yen(total / r[0])} · ${yen(total / r[1])}`);
	}
}
