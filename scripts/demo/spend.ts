/**
 * Marketing spend per month and channel: fixed costs scaled with the run plus
 * a cost per expected lead (so trade-show months are expensive), with noise
 * from the spend stream; referrals cost nothing and get no rows. Also the
 * spend.csv row.
 */
import { dayOf, formatMonth, FY_DAYS, FY_START, ymdOf, type Day } from './calendar';
import type { DemoContext } from './context';
import { CHANNEL_PROFILES } from './model';
import { Rng, Stream } from './rng';
import { CHANNELS } from './vocabulary';

export interface SpendRow {
	/** First day of the month. */
	month: Day;
	channel: number;
	yen: number;
}

/**
 * Channel × month spend, following the expected lead volume (so trade-show
 * months are expensive) plus fixed costs (tools, content, lists). Referrals
 * cost nothing and get no rows.
 */
export function generateSpend(ctx: DemoContext): SpendRow[] {
	const rng = new Rng(ctx.seed, Stream.Spend);
	const expected = expectedLeadsByMonth(ctx);
	const rows: SpendRow[] = [];
	for (const [month, byChannel] of expected) {
		for (let c = 0; c < CHANNELS.length; c++) {
			const cost = CHANNEL_PROFILES[c].cost;
			if (cost === null) continue;
			const base = cost.fixedMonthly * ctx.scale + cost.perLead * byChannel[c];
			rows.push({ month, channel: c, yen: Math.round((base * (0.9 + 0.2 * rng.float())) / 1000) * 1000 });
		}
	}
	return rows;
}

function expectedLeadsByMonth(ctx: DemoContext): Map<Day, Float64Array> {
	let total = 0;
	for (const w of ctx.channelWeights) for (const x of w) total += x;
	const byMonth = new Map<Day, Float64Array>();
	for (let i = 0; i < FY_DAYS; i++) {
		const { year, month } = ymdOf(FY_START + i);
		const key = dayOf(year, month, 1);
		let row = byMonth.get(key);
		if (row === undefined) byMonth.set(key, (row = new Float64Array(CHANNELS.length)));
		for (let c = 0; c < CHANNELS.length; c++) row[c] += (ctx.channelWeights[i][c] / total) * ctx.leads;
	}
	return byMonth;
}

export function spendRow(row: SpendRow): string {
	return [formatMonth(row.month), CHANNELS[row.channel], String(row.yen)].join(',');
}
