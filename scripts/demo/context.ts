/**
 * The calendar of lead volume and the run's shared context: each channel's
 * daily shape (seasonality, the monthly webinar import, the two trade shows,
 * growth over the year), normalised to its share with one noise factor per day;
 * createContext computes it once with the id widths, and creationDay places
 * lead `index` on the day where the cumulative volume passes (index + ½) / N.
 */
import {
	addWorkdays,
	dayOf,
	FY_DAYS,
	FY_START,
	isWorkday,
	nextWorkday,
	parseIsoDay,
	weekdayOf,
	ymdOf,
	type Day
} from './calendar';
import { CHANNEL_PROFILES, MODEL } from './model';
import { Rng, Stream } from './rng';
import { CHANNELS, Ch } from './vocabulary';

/** Overall seasonality (お盆 in August, year-end in December/January, fiscal-year-end rush in March). */
const MONTH_FACTOR: Readonly<Record<number, number>> = {
	4: 1.0,
	5: 0.9,
	6: 1.0,
	7: 1.0,
	8: 0.8,
	9: 1.05,
	10: 1.05,
	11: 1.0,
	12: 0.9,
	1: 0.95,
	2: 1.1,
	3: 1.15
};

/** Fictional trade shows; exhibitor lead lists are imported on the two working days after the show. */
const EXHIBITIONS: readonly { last: string; importWeights: readonly [number, number] }[] = [
	{ last: '2025-06-20', importWeights: [60, 40] }, // 夏のSaaS展 6/18–20
	{ last: '2025-10-24', importWeights: [55, 40] } // 秋のDX展 10/22–24
];

/** Monthly webinar on the third Thursday; the attendee list is imported the next working day. */
function webinarImportDays(): Set<Day> {
	const days = new Set<Day>();
	for (let m = 0; m < 12; m++) {
		const month = ((3 + m) % 12) + 1;
		const year = month >= 4 ? 2025 : 2026;
		const first = dayOf(year, month, 1);
		const firstThursday = first + ((4 - weekdayOf(first) + 7) % 7);
		days.add(nextWorkday(firstThursday + 14 + 1));
	}
	return days;
}

function exhibitionImportWeights(): Map<Day, number> {
	const weights = new Map<Day, number>();
	for (const show of EXHIBITIONS) {
		let day = parseIsoDay(show.last);
		for (const w of show.importWeights) {
			day = addWorkdays(day, 1);
			weights.set(day, w);
		}
	}
	return weights;
}

/** Relative lead volume of a channel on a day, before normalising to the channel's share. */
function channelShape(
	channel: number,
	day: Day,
	webinarDays: Set<Day>,
	exhibitionDays: Map<Day, number>
): number {
	const work = isWorkday(day);
	const season = MONTH_FACTOR[ymdOf(day).month];
	const growth = 0.9 + (0.2 * (day - FY_START)) / FY_DAYS; // the business grows over the year
	switch (channel) {
		case Ch.Webinar:
			// Most arrive as one list import; a trickle comes from on-demand views.
			return webinarDays.has(day) ? 40 : work ? 0.5 * season : 0;
		case Ch.Exhibition:
			// Two big shows plus small local events spread over the year.
			return (exhibitionDays.get(day) ?? 0) + (work ? 0.35 : 0);
		case Ch.WebInquiry:
			return (work ? 1 : 0.35) * season * growth;
		case Ch.Referral:
			return (work ? 1 : 0.1) * growth;
		case Ch.Outbound:
			return work ? 1 : 0;
		case Ch.Ads:
			return (work ? 1 : 0.6) * season * growth * (ymdOf(day).month <= 3 ? 1.2 : 1); // Q4 budget push
		default:
			throw new Error(`Unknown channel ${channel}`);
	}
}

export interface DemoOptions {
	leads: number;
	seed: number;
}

/** Everything shared by all rows of one run: computed once, then read-only. */
export interface DemoContext {
	readonly leads: number;
	readonly seed: number;
	/** leads / referenceLeads: scales volumes that do not come from the leads (existing customers, fixed spend). */
	readonly scale: number;
	/** channelWeights[dayOffset][channel]: expected share of all leads created that day in that channel. */
	readonly channelWeights: readonly Float64Array[];
	/** cumulative[dayOffset]: share of all leads created on or before that day (last = 1). */
	readonly cumulative: Float64Array;
	readonly leadIdWidth: number;
	readonly activityIdWidth: number;
	readonly customerIdWidth: number;
}

export function createContext(options: DemoOptions): DemoContext {
	const { leads, seed } = options;
	if (!Number.isInteger(leads) || leads < 1 || leads >= 2 ** 28) {
		throw new Error(`--leads must be an integer in [1, 2^28), got ${leads}`);
	}
	const channelWeights = dailyChannelWeights(seed);
	const cumulative = new Float64Array(FY_DAYS);
	let running = 0;
	for (let i = 0; i < FY_DAYS; i++) {
		for (const w of channelWeights[i]) running += w;
		cumulative[i] = running;
	}
	for (let i = 0; i < FY_DAYS; i++) cumulative[i] /= running;
	const scale = leads / MODEL.referenceLeads;
	const maxCustomers = leads + Math.round(MODEL.customers.existingAtReference * scale) + 1;
	return {
		leads,
		seed,
		scale,
		channelWeights,
		cumulative,
		leadIdWidth: Math.max(6, String(leads).length),
		activityIdWidth: Math.max(7, String(leads * MODEL.maxActivitiesPerLead).length),
		customerIdWidth: Math.max(5, String(maxCustomers).length)
	};
}

/** Per day and channel, normalised so each channel's year sums to its share; one noise factor per day for texture. */
function dailyChannelWeights(seed: number): Float64Array[] {
	const webinarDays = webinarImportDays();
	const exhibitionDays = exhibitionImportWeights();
	const weights = Array.from({ length: FY_DAYS }, () => new Float64Array(CHANNELS.length));
	for (let c = 0; c < CHANNELS.length; c++) {
		let total = 0;
		for (let i = 0; i < FY_DAYS; i++) {
			weights[i][c] = channelShape(c, FY_START + i, webinarDays, exhibitionDays);
			total += weights[i][c];
		}
		for (let i = 0; i < FY_DAYS; i++) weights[i][c] *= CHANNEL_PROFILES[c].share / total;
	}
	const rng = new Rng(seed, Stream.Calendar);
	for (let i = 0; i < FY_DAYS; i++) {
		const noise = 0.8 + 0.4 * rng.float();
		for (let c = 0; c < CHANNELS.length; c++) weights[i][c] *= noise;
	}
	return weights;
}

/**
 * Creation day of lead `index`: the day where the cumulative volume passes
 * (index + ½) / N. Leads therefore come out sorted by creation date (ids in
 * creation order), each day gets its expected share exactly, and no lead list
 * has to be held in memory.
 */
export function creationDay(ctx: DemoContext, index: number): Day {
	const q = (index + 0.5) / ctx.leads;
	let lo = 0;
	let hi = FY_DAYS - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ctx.cumulative[mid] > q) hi = mid;
		else lo = mid + 1;
	}
	return FY_START + lo;
}
