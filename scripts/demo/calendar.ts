/**
 * Dates as day numbers (days since 1970-01-01 UTC, never local time): building
 * and formatting them as Japanese exports write them (`2025/04/01`), the fiscal
 * year 2025-04-01 … 2026-03-31, and its working days (weekends, Japanese public
 * holidays and the year-end closure excluded), including a random working day.
 */
import type { Rng } from './rng';

/** Days since 1970-01-01. Integer arithmetic on these cannot hit DST or time-zone shifts. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
	return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function ymdOf(day: Day): { year: number; month: number; day: number } {
	const d = new Date(day * MS_PER_DAY);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
	return (((day + 4) % 7) + 7) % 7;
}

export function parseIsoDay(text: string): Day {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) throw new Error(`Not an ISO date: ${text}`);
	return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const dayTextCache = new Map<Day, string>();

/** `2025/04/01`, as Japanese Excel / Salesforce exports write dates. Cached: the same ~400 days repeat millions of times. */
export function formatDay(day: Day): string {
	let text = dayTextCache.get(day);
	if (text === undefined) {
		const { year, month, day: dom } = ymdOf(day);
		text = `${year}/${pad2(month)}/${pad2(dom)}`;
		dayTextCache.set(day, text);
	}
	return text;
}

/** `2025/04` */
export function formatMonth(day: Day): string {
	return formatDay(day).slice(0, 7);
}

const timeTexts: readonly string[] = Array.from(
	{ length: 1440 },
	(_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`
);

/** `2025/04/01 13:05` from a day and a minute of the day. */
export function formatDateTime(day: Day, minuteOfDay: number): string {
	return `${formatDay(day)} ${timeTexts[minuteOfDay]}`;
}

export const FY_START: Day = dayOf(2025, 4, 1);
export const FY_END: Day = dayOf(2026, 3, 31);
export const FY_DAYS = FY_END - FY_START + 1;

/**
 * Japanese public holidays in the fiscal year (incl. 振替休日), plus the usual
 * year-end closure (年末年始休業, 12/29–1/3): no calls are made on these.
 */
export const NON_WORKING_DAYS: readonly string[] = [
	'2025-04-29', // 昭和の日
	'2025-05-03', // 憲法記念日
	'2025-05-04', // みどりの日
	'2025-05-05', // こどもの日
	'2025-05-06', // 振替休日
	'2025-07-21', // 海の日
	'2025-08-11', // 山の日
	'2025-09-15', // 敬老の日
	'2025-09-23', // 秋分の日
	'2025-10-13', // スポーツの日
	'2025-11-03', // 文化の日
	'2025-11-23', // 勤労感謝の日
	'2025-11-24', // 振替休日
	'2025-12-29', // 年末年始休業
	'2025-12-30',
	'2025-12-31',
	'2026-01-01', // 元日
	'2026-01-02', // 年末年始休業
	'2026-01-12', // 成人の日
	'2026-02-11', // 建国記念の日
	'2026-02-23', // 天皇誕生日
	'2026-03-20' // 春分の日
];

const nonWorking = new Set<Day>(NON_WORKING_DAYS.map(parseIsoDay));

export function isWorkday(day: Day): boolean {
	const wd = weekdayOf(day);
	return wd !== 0 && wd !== 6 && !nonWorking.has(day);
}

/** The first working day on or after `day`. */
export function nextWorkday(day: Day): Day {
	while (!isWorkday(day)) day++;
	return day;
}

/** The working day `n` working days after `day` (n ≥ 1). */
export function addWorkdays(day: Day, n: number): Day {
	let d = day;
	for (let left = n; left > 0;) {
		d++;
		if (isWorkday(d)) left--;
	}
	return d;
}

export function countWorkdays(from: Day, to: Day): number {
	let n = 0;
	for (let d = from; d <= to; d++) if (isWorkday(d)) n++;
	return n;
}

/** A uniformly drawn working day in [first, last] (deals are created and closed in the office); first's next working day if there is none. */
export function randomWorkday(rng: Rng, first: Day, last: Day): Day {
	const n = countWorkdays(first, last);
	if (n === 0) return nextWorkday(first);
	return addWorkdays(first - 1, rng.int(1, n));
}

export const emptyIfNull = (day: Day | null): string => (day === null ? '' : formatDay(day));
