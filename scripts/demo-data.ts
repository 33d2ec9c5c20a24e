/**
 * Deterministic demo data for Modelboard.
 *
 * The story: a fictional Japanese B2B SaaS company running The Model
 * (Marketing → Inside Sales → Field Sales → Customer Success), fiscal year
 * 2025-04-01 … 2026-03-31. Its intended weak spot is SQL → opportunity
 * (≈30% against a 40% floor), worst for the rep 田中. Field sales (FIELD_REPS)
 * owns the deals; some are still open on the last day, some of those stale.
 *
 * Everything here is pure: no I/O, no clock, no Math.random. Every random
 * draw comes from a PRNG seeded by (seed, stream, index), so any single lead
 * can be regenerated on its own and the output is byte-identical for the same
 * arguments. The CLI (scripts/gen-demo.ts) does the file writing.
 */

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

/** murmur3's 32-bit finaliser: spreads structured inputs (small seeds, consecutive indices) over all bits. */
export function fmix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** A seed from CLI text: integers are used as given, anything else is hashed (FNV-1a) so `--seed demo` works too. */
export function seedFrom(text: string | number): number {
	if (typeof text === 'number') return text >>> 0;
	if (/^-?\d+$/.test(text.trim())) return Number(text.trim()) >>> 0;
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return fmix32(h);
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state,
 * passes PractRand, and needs only 32-bit integer ops, so it is fast in JS.
 */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/** `stream` separates independent uses (leads, activities, …); `index` gives each row its own sequence. */
	constructor(seed: number, stream = 0, index = 0) {
		let h = fmix32((seed ^ 0x243f6a88) >>> 0);
		h = fmix32((h ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0);
		h = fmix32((h ^ fmix32((index + 0x632be5ab) >>> 0)) >>> 0);
		this.a = h;
		this.b = fmix32(h ^ 0x1b873593);
		this.c = fmix32(h ^ 0xcc9e2d51);
		this.d = 1; // sfc32's counter: guarantees a period of at least 2^32 for any state
		for (let i = 0; i < 12; i++) this.nextUint32(); // warm-up: decorrelate neighbouring indices
	}

	nextUint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	float(): number {
		return this.nextUint32() / 4294967296;
	}

	/** Uniform integer in [min, max], both ends included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.float() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.float() < p;
	}

	/** Index drawn with probability proportional to `weights[i]`. */
	weighted(weights: ArrayLike<number>): number {
		let total = 0;
		for (let i = 0; i < weights.length; i++) total += weights[i];
		let r = this.float() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	/** Log-uniform in [min, max]: deal sizes are spread multiplicatively, not additively. */
	logUniform(min: number, max: number): number {
		return min * Math.pow(max / min, this.float());
	}

	/** In-place Fisher–Yates shuffle. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = this.int(0, i);
			const tmp = items[i];
			items[i] = items[j];
			items[j] = tmp;
		}
		return items;
	}
}

// ---------------------------------------------------------------------------
// Dates: day numbers (days since 1970-01-01 UTC), never local time
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Vocabulary (Japanese, as a Japanese user's export would have it)
// ---------------------------------------------------------------------------

export const REPS = ['佐藤', '鈴木', '高橋', '田中'] as const;
/** Field sales (商談所有者): they own the deals inside sales hands over. */
export const FIELD_REPS = ['山本', '中村', '小林', '加藤', '吉田'] as const;
export const CHANNELS = ['ウェビナー', '展示会', 'Web問い合わせ', '紹介', 'アウトバウンド', '広告'] as const;
export const SEGMENTS = ['エンタープライズ', 'ミッドマーケット', 'SMB'] as const;
export const STATUSES = [
	'新規',
	'MQL',
	'ナーチャリング',
	'商談化',
	'商談中',
	'受注',
	'失注',
	'対象外'
] as const;
/** Open deal stages (フェーズ) in order, then the two closed ones; 確度 (%) is fixed per stage. */
export const OPEN_DEAL_STAGES = ['ヒアリング', '提案', '見積提示', '最終交渉'] as const;
export const DEAL_STAGES = [...OPEN_DEAL_STAGES, '受注', '失注'] as const;
export const DEAL_STAGE_PROBABILITY: Readonly<Record<DealStage, number>> = {
	ヒアリング: 20,
	提案: 40,
	見積提示: 60,
	最終交渉: 80,
	受注: 100,
	失注: 0
};
export const LOST_REASONS = ['価格', '競合', '時期尚早', '予算なし', '機能不足', '連絡途絶'] as const;
export const CHURN_REASONS = [
	'価格',
	'機能不足',
	'利用定着せず',
	'予算削減',
	'競合へ移行',
	'倒産・統合'
] as const;

export type Channel = (typeof CHANNELS)[number];
export type Status = (typeof STATUSES)[number];
export type DealStage = (typeof DEAL_STAGES)[number];

/** Channel indices (positions in CHANNELS). Plain objects, not enums: tsx/esbuild and Node's type stripping agree on them. */
const Ch = { Webinar: 0, Exhibition: 1, WebInquiry: 2, Referral: 3, Outbound: 4, Ads: 5 } as const;

/** Activity outcomes, as indices into OUTCOME_LABELS. Calls use the first four; emails always 送信. */
export const Outcome = {
	NoAnswer: 0, // 不在
	Voicemail: 1, // 留守電
	Connected: 2, // 接続
	MeetingSet: 3, // アポ獲得
	EmailSent: 4 // 送信 (type メール)
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];
export const OUTCOME_LABELS = ['不在', '留守電', '接続', 'アポ獲得', '送信'] as const;
export const ACTIVITY_TYPE_CALL = '電話';
export const ACTIVITY_TYPE_EMAIL = 'メール';

export const LEADS_HEADER =
	'リードID,作成日,流入経路,担当者,企業規模,MQL日,商談化日,商談作成日,受注日,失注日,金額,ステータス,' +
	'商談所有者,フェーズ,確度 (%),失注理由,リードスコア,最終活動日';
export const ACTIVITIES_HEADER = '活動ID,日時,担当者,リードID,種別,結果';
export const CUSTOMERS_HEADER =
	'取引先ID,契約開始日,解約日,MRR,アップセル日,NPS,アップセル額,解約理由,NPS回答日';
export const SPEND_HEADER = '月,流入経路,費用';

// ---------------------------------------------------------------------------
// Model parameters: all the tuning knobs in one place
// ---------------------------------------------------------------------------

interface ChannelProfile {
	/** Share of the year's leads. */
	share: number;
	/** Lead → MQL probability. */
	mqlRate: number;
	/** Multiplies the base MQL → SQL probability (lead quality). */
	meetingMultiplier: number;
	/** Multiplies the segment's win rate: referred deals close more often, trade-show ones less. */
	winMultiplier: number;
	/** [enterprise, mid, SMB] weights. */
	segmentWeights: readonly [number, number, number];
	/** Chance a non-MQL lead of this channel is still called (outbound lists are called by design). */
	coldCallRate: number;
	/** Monthly spend = (fixed × scale + perLead × leads) × noise; null: no spend rows (referrals are free). */
	cost: { fixedMonthly: number; perLead: number } | null;
}

/** Indexed by the Ch enum (same order as CHANNELS). */
const CHANNEL_PROFILES: readonly ChannelProfile[] = [
	{
		share: 0.22,
		mqlRate: 0.4,
		meetingMultiplier: 0.8,
		winMultiplier: 1.0,
		segmentWeights: [0.15, 0.3, 0.55],
		coldCallRate: 0.7,
		cost: { fixedMonthly: 150_000, perLead: 4_000 }
	},
	{
		share: 0.2,
		mqlRate: 0.25,
		meetingMultiplier: 0.75,
		winMultiplier: 0.85,
		segmentWeights: [0.22, 0.33, 0.45],
		coldCallRate: 0.75,
		cost: { fixedMonthly: 0, perLead: 18_000 }
	},
	{
		share: 0.18,
		mqlRate: 0.6,
		meetingMultiplier: 1.3,
		winMultiplier: 1.1,
		segmentWeights: [0.1, 0.25, 0.65],
		coldCallRate: 0.8,
		cost: { fixedMonthly: 800_000, perLead: 2_000 }
	},
	{
		share: 0.05,
		mqlRate: 0.7,
		meetingMultiplier: 1.5,
		winMultiplier: 1.5,
		segmentWeights: [0.25, 0.35, 0.4],
		coldCallRate: 0.8,
		cost: null
	},
	{
		share: 0.15,
		mqlRate: 0.15,
		meetingMultiplier: 1.0,
		winMultiplier: 0.9,
		segmentWeights: [0.25, 0.35, 0.4],
		coldCallRate: 0.95,
		cost: { fixedMonthly: 250_000, perLead: 3_000 }
	},
	{
		share: 0.2,
		mqlRate: 0.2,
		meetingMultiplier: 0.8,
		winMultiplier: 0.9,
		segmentWeights: [0.07, 0.23, 0.7],
		coldCallRate: 0.6,
		cost: { fixedMonthly: 0, perLead: 24_000 }
	}
];

export const MODEL = {
	/** Leads the default run makes; volumes that scale with N (existing customers, spend) are relative to it. */
	referenceLeads: 6000,
	/** Sales-sourced leads: set up by the rep directly, no MQL date. */
	salesSourcedRate: 0.005,
	mqlSameDayShare: 0.4,
	mqlMaxDelayDays: 20,
	/** MQL → SQL before channel / rep multipliers. */
	mqlToSqlBase: 0.18,
	/** Indexed like REPS: 佐藤, 鈴木, 高橋, 田中. */
	repLeadShare: [0.26, 0.26, 0.22, 0.26],
	/** 田中 books more meetings… */
	repMeetingMultiplier: [1.0, 1.05, 0.9, 1.12],
	/** …but field sales accepts far fewer of them: the intended bottleneck. */
	repOpportunityRate: [0.34, 0.34, 0.33, 0.2],
	/** 高橋 makes fewer calls per lead (the low-activity rep). */
	repCallMultiplier: [1.0, 1.0, 0.8, 1.0],
	/** Earlier calls before the meeting_set call, and the working-day gaps between them. */
	meetingEarlierCalls: [1, 5],
	meetingGapWorkdays: [1, 4],
	/** SQLs that field sales rejects outright get a 失注日. */
	lostSqlRate: 0.15,
	opportunityDelayDays: [0, 14],
	/** Indexed by segment [enterprise, mid, SMB]: enterprise wins less often, and later. */
	winRate: [0.19, 0.28, 0.32],
	wonDelayDays: [
		[45, 120],
		[30, 90],
		[14, 60]
	],
	lostDelayDays: [14, 150],
	amountYen: [
		[4_000_000, 12_000_000],
		[1_500_000, 4_000_000],
		[600_000, 1_500_000]
	],
	disqualifyMql: 0.12,
	disqualifyOther: 0.3,
	calls: {
		calledMql: 0.97,
		calledDisqualified: 0.5,
		reachableMql: 0.72,
		reachableCold: 0.45,
		reachableCalls: [8, 30],
		unreachableCalls: [4, 13],
		connects: [2, 9],
		gapWorkdays: [1, 10],
		voicemailShare: 0.4,
		connectBeforeMeeting: 0.25,
		/** Calls made by a colleague covering for the owner (not the meeting_set call). */
		coverRate: 0.03,
		emailRate: 0.42,
		emails: [1, 2]
	},
	/** Upper bound of activities one lead can get: sizes the activity-id width up front. */
	maxActivitiesPerLead: 40,
	customers: {
		existingAtReference: 200,
		existingStart: '2022-04-01',
		onboardingDays: 14,
		renewalChurn: 0.09,
		newCustomerEarlyChurn: 0.03,
		upsellExisting: 0.1,
		upsellEarlier: 0.04,
		upsellNew: 0.05,
		npsResponseRate: 0.7,
		/** Weights for scores 0…10: 42% promoters, 21% detractors → NPS ≈ +21. */
		npsWeights: [0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.08, 0.16, 0.21, 0.22, 0.2],
		existingSegmentWeights: [0.12, 0.3, 0.58],
		/** Expansion MRR (アップセル額) as a share of the account's MRR. */
		expansionShare: [0.1, 0.4],
		/** Weights for CHURN_REASONS; accounts that leave in their first year mostly never adopted the tool. */
		churnReasonWeights: [0.22, 0.18, 0.22, 0.16, 0.14, 0.08],
		firstYearChurnReasonWeights: [0.15, 0.15, 0.5, 0.1, 0.08, 0.02],
		churnReasonBlank: 0.05,
		/** NPS surveys go out from a month into the contract; a churned account answered before it left. */
		npsAfterStartDays: 30,
		npsBeforeChurnDays: 180
	},
	/** Columns of a deal export (商談所有者, フェーズ, 確度, 失注理由, 最終活動日): they never decide a stage date. */
	deals: {
		/** Field-sales rep weights (FIELD_REPS) per segment: 山本 takes the enterprise accounts, 加藤 and 吉田 the small ones. */
		ownerWeights: [
			[0.5, 0.25, 0.1, 0.1, 0.05],
			[0.15, 0.3, 0.25, 0.15, 0.15],
			[0.05, 0.15, 0.25, 0.3, 0.25]
		],
		/** Won deals lean to 中村 (the closer), lost ones to 吉田 (the newest): win rates differ by owner. */
		ownerWonMultiplier: [1, 1.5, 1, 1, 0.8],
		ownerLostMultiplier: [1, 0.85, 1, 1, 1.15],
		/** Open-stage weights (OPEN_DEAL_STAGES) by the deal's age on FY_END: young deals are still in ヒアリング. */
		openStageWeights: [
			{ maxAgeDays: 21, weights: [0.55, 0.3, 0.1, 0.05] },
			{ maxAgeDays: 60, weights: [0.2, 0.35, 0.3, 0.15] },
			{ maxAgeDays: Infinity, weights: [0.1, 0.25, 0.35, 0.3] }
		],
		/** A deal is stale when nothing happened on it for more than staleDays; the older, the likelier. */
		staleDays: 30,
		staleChance: [0.35, 0.55],
		staleChanceFullAgeDays: 120,
		/** Weights for LOST_REASONS, and the share of lost deals nobody gave a reason for. */
		lostReasonWeights: [0.27, 0.23, 0.17, 0.14, 0.11, 0.08],
		lostReasonBlank: 0.06
	},
	/** MA lead score (リードスコア): its mean rises with the stage the lead reaches, with noise, so it predicts but overlaps. */
	leadScore: {
		/** By the furthest stage: lead, MQL, SQL, opportunity, won. */
		stageMean: [30, 44, 54, 58, 64],
		disqualifiedShift: -8,
		/** Indexed like CHANNELS: inquiries and referrals look hotter to the MA tool, outbound lists colder. */
		channelShift: [3, -2, 5, 8, -6, -3],
		noiseSd: 16
	},
	/** MQLs that stalled: a rep moves them to ナーチャリング after working them for a while; recent ones stay MQL. */
	nurture: {
		afterDays: 30,
		rate: 0.45,
		recentRate: 0.1
	}
} as const;

/** PRNG stream ids: each use of randomness gets its own sequence, so adding draws to one never shifts another. */
const Stream = {
	Calendar: 1,
	Lead: 2,
	Activity: 3,
	WonCustomer: 4,
	ExistingCustomer: 5,
	CustomerLife: 6,
	Spend: 7,
	// Version 2 columns: new streams only, so the version 1 columns stay byte-identical.
	Triage: 8,
	DealOwner: 9,
	DealStage: 10,
	LostReason: 11,
	LastActivity: 12,
	LeadScore: 13,
	Expansion: 14,
	ChurnReason: 15,
	NpsDate: 16
} as const;

// ---------------------------------------------------------------------------
// Calendar of lead volume
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Leads
// ---------------------------------------------------------------------------

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

/**
 * The version 2 columns: each drawn from its own stream after every version 1
 * field is settled, so they read the lead but never shift its other draws.
 * ステータス is the one version 1 column that changes: some stalled MQLs move
 * from MQL to ナーチャリング, which implies no stage either way.
 */
function addDealColumns(ctx: DemoContext, lead: Lead): void {
	if (lead.status === 'MQL') lead.status = triageStatus(new Rng(ctx.seed, Stream.Triage, lead.index), lead);
	if (lead.opportunity !== null) {
		lead.dealOwner = drawDealOwner(new Rng(ctx.seed, Stream.DealOwner, lead.index), lead);
		lead.dealStage = drawDealStage(new Rng(ctx.seed, Stream.DealStage, lead.index), lead);
		if (lead.dealStage === '失注')
			lead.lostReason = drawLostReason(new Rng(ctx.seed, Stream.LostReason, lead.index));
		lead.lastActivity = drawLastActivity(new Rng(ctx.seed, Stream.LastActivity, lead.index), lead);
	}
	lead.score = drawScore(new Rng(ctx.seed, Stream.LeadScore, lead.index), lead);
}

/** An MQL with no later stage: nurtured once the rep has worked it for a while, else still MQL. */
function triageStatus(rng: Rng, lead: Lead): Status {
	const n = MODEL.nurture;
	const worked = FY_END - (lead.mql as Day) > n.afterDays;
	return rng.chance(worked ? n.rate : n.recentRate) ? 'ナーチャリング' : 'MQL';
}

function drawDealOwner(rng: Rng, lead: Lead): number {
	const d = MODEL.deals;
	const outcome =
		lead.won !== null ? d.ownerWonMultiplier : lead.lost !== null ? d.ownerLostMultiplier : null;
	const weights = d.ownerWeights[lead.segment].map((w, i) => w * (outcome?.[i] ?? 1));
	return rng.weighted(weights);
}

/** Won and lost deals carry their closed stage; an open one is further along the older it is. */
function drawDealStage(rng: Rng, lead: Lead): DealStage {
	if (lead.won !== null) return '受注';
	if (lead.lost !== null) return '失注';
	const age = FY_END - (lead.opportunity as Day);
	const band =
		MODEL.deals.openStageWeights.find((b) => age <= b.maxAgeDays) ?? MODEL.deals.openStageWeights[2];
	return OPEN_DEAL_STAGES[rng.weighted(band.weights)];
}

function drawLostReason(rng: Rng): number | null {
	const d = MODEL.deals;
	return rng.chance(d.lostReasonBlank) ? null : rng.weighted(d.lostReasonWeights);
}

/**
 * Closed deals: their close date. Open deals older than staleDays went quiet
 * with a chance that grows with age (last touch before FY_END − staleDays);
 * the rest were touched within the last staleDays.
 */
function drawLastActivity(rng: Rng, lead: Lead): Day {
	if (lead.won !== null) return lead.won;
	if (lead.lost !== null) return lead.lost;
	const d = MODEL.deals;
	const opportunity = lead.opportunity as Day;
	const quietFrom = FY_END - d.staleDays; // a last touch before this day is stale
	const age = FY_END - opportunity;
	const [lo, hi] = d.staleChance;
	const stale =
		opportunity < quietFrom &&
		rng.chance(lo + (hi - lo) * Math.min(1, (age - d.staleDays) / (d.staleChanceFullAgeDays - d.staleDays)));
	return stale
		? randomWorkday(rng, opportunity, quietFrom - 1)
		: randomWorkday(rng, Math.max(opportunity, quietFrom), FY_END);
}

/** Stage-driven mean, channel and disqualification shifts, roughly normal noise (sum of three uniforms); 0–100. */
function drawScore(rng: Rng, lead: Lead): number {
	const s = MODEL.leadScore;
	const stage =
		lead.won !== null ? 4 : lead.opportunity !== null ? 3 : lead.sql !== null ? 2 : lead.mql !== null ? 1 : 0;
	const noise = (rng.float() + rng.float() + rng.float() - 1.5) * 2 * s.noiseSd;
	const mean =
		s.stageMean[stage] + s.channelShift[lead.channel] + (lead.status === '対象外' ? s.disqualifiedShift : 0);
	return Math.min(100, Math.max(0, Math.round(mean + noise)));
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

/** A uniformly drawn working day in [first, last] (deals are created and closed in the office); first's next working day if there is none. */
function randomWorkday(rng: Rng, first: Day, last: Day): Day {
	const n = countWorkdays(first, last);
	if (n === 0) return nextWorkday(first);
	return addWorkdays(first - 1, rng.int(1, n));
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

const emptyIfNull = (day: Day | null): string => (day === null ? '' : formatDay(day));

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

// ---------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------

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

/**
 * Orders activities by time while leads are still being generated.
 *
 * Leads arrive in creation order and a lead's activities are never before its
 * creation day, so once the generator reaches creation day D, every day
 * before D is complete and can be emitted. Pending activities are packed into
 * one float64 key each (8 bytes), so memory stays bounded by the calling
 * cadence (a few months of activities), not by the size of the file.
 */
export class DayOrderedActivities {
	private readonly buckets: Float64Array[] = [];
	private readonly sizes: number[] = [];
	private nextDay = 0;

	add(a: Activity): void {
		const i = a.day - FY_START;
		if (i < this.nextDay)
			throw new Error(`Activity on ${formatDay(a.day)} arrived after that day was emitted`);
		while (this.buckets.length <= i) {
			this.buckets.push(new Float64Array(0));
			this.sizes.push(0);
		}
		if (this.sizes[i] === this.buckets[i].length) {
			const grown = new Float64Array(Math.max(64, this.buckets[i].length * 2));
			grown.set(this.buckets[i]);
			this.buckets[i] = grown;
		}
		this.buckets[i][this.sizes[i]++] = DayOrderedActivities.pack(a);
	}

	/** Activities of all days before `day`, sorted by (time, lead, rep, outcome); their memory is released. */
	*drainBefore(day: Day): Generator<Activity> {
		const until = Math.min(day - FY_START, this.buckets.length);
		for (; this.nextDay < until; this.nextDay++) {
			const keys = this.buckets[this.nextDay].subarray(0, this.sizes[this.nextDay]).sort();
			this.buckets[this.nextDay] = new Float64Array(0);
			for (const key of keys) yield DayOrderedActivities.unpack(FY_START + this.nextDay, key);
		}
	}

	*drainAll(): Generator<Activity> {
		yield* this.drainBefore(FY_START + this.buckets.length);
	}

	/** minute (11 bits) · lead (28 bits) · rep (3 bits) · outcome (3 bits) = 45 bits: exact in a double. */
	private static pack(a: Activity): number {
		return ((a.minute * 2 ** 28 + a.leadIndex) * 8 + a.rep) * 8 + a.outcome;
	}

	private static unpack(day: Day, key: number): Activity {
		const outcome = key % 8;
		const rest = (key - outcome) / 8;
		const rep = rest % 8;
		const minuteLead = (rest - rep) / 8;
		const leadIndex = minuteLead % 2 ** 28;
		return { day, minute: (minuteLead - leadIndex) / 2 ** 28, rep, leadIndex, outcome: outcome as Outcome };
	}
}

// ---------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------

/** A contract before its life events (churn, upsell, NPS) are decided. */
export interface CustomerDraft {
	start: Day;
	amountYen: number;
	/** Existing customers (signed before the fiscal year) sort before new ones on the same day. */
	existing: boolean;
	/** Tie-breaker: lead index or existing-customer number. */
	order: number;
}

export interface Customer {
	id: string;
	start: Day;
	churned: Day | null;
	mrr: number;
	expansion: Day | null;
	nps: number | null;
	/** アップセル額: set exactly when `expansion` is. */
	expansionMrr: number | null;
	/** Index into CHURN_REASONS; null for active accounts and a few churned ones. */
	churnReason: number | null;
	/** NPS回答日: set exactly when `nps` is. */
	npsAt: Day | null;
}

/** Contract starts after onboarding (0–14 days after 受注), never after the fiscal-year end. */
export function customerFromWonLead(ctx: DemoContext, lead: Lead): CustomerDraft {
	if (lead.won === null || lead.amount === null) throw new Error(`${lead.id} is not won`);
	const rng = new Rng(ctx.seed, Stream.WonCustomer, lead.index);
	const maxDelay = Math.min(MODEL.customers.onboardingDays, FY_END - lead.won);
	return {
		start: lead.won + rng.int(0, maxDelay),
		amountYen: lead.amount,
		existing: false,
		order: lead.index
	};
}

/** Customers signed between 2022-04 and 2025-03, more of them recently (the business grew). */
export function existingCustomerDrafts(ctx: DemoContext): CustomerDraft[] {
	const c = MODEL.customers;
	const count = Math.max(1, Math.round(c.existingAtReference * ctx.scale));
	const first = parseIsoDay(c.existingStart);
	const span = FY_START - first;
	const drafts: CustomerDraft[] = [];
	for (let i = 0; i < count; i++) {
		const rng = new Rng(ctx.seed, Stream.ExistingCustomer, i);
		const start = first + Math.min(span - 1, Math.floor(Math.sqrt(rng.float()) * span));
		drafts.push({
			start,
			amountYen: drawAmount(rng, rng.weighted(c.existingSegmentWeights)),
			existing: true,
			order: i
		});
	}
	return drafts;
}

/** Contract renewal dates (the day before each anniversary), up to `until`. */
function renewalDays(start: Day, until: Day): Day[] {
	const { year, month, day } = ymdOf(start);
	const out: Day[] = [];
	for (let k = 1; ; k++) {
		const renewal = dayOf(year + k, month, day) - 1;
		if (renewal > until) return out;
		out.push(renewal);
	}
}

/**
 * Picks exactly round(rate × n) of n items (selection sampling): with only
 * ~200 accounts, independent coin flips would make churn, upsell and NPS swing
 * by several points between seeds.
 */
function selectExactly(rng: Rng, n: number, rate: number): boolean[] {
	let wanted = Math.round(rate * n);
	return Array.from({ length: n }, (_, i) => {
		const pick = rng.float() * (n - i) < wanted;
		if (pick) wanted--;
		return pick;
	});
}

/** Score list with exactly the target mix (largest-remainder rounding), ascending. */
function npsScores(n: number): number[] {
	const weights = MODEL.customers.npsWeights;
	const total = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (w / total) * n);
	const counts = exact.map(Math.floor);
	const byRemainder = exact
		.map((x, s) => ({ s, r: x - Math.floor(x) }))
		.sort((a, b) => b.r - a.r || a.s - b.s);
	const missing = n - counts.reduce((a, b) => a + b, 0);
	for (let k = 0; k < missing; k++) counts[byRemainder[k].s]++;
	return counts.flatMap((count, score) => Array.from({ length: count }, () => score));
}

/**
 * Sorts contracts by start date, assigns ids and decides churn, upsell and NPS.
 * Annual contracts churn at a renewal: an existing account meets exactly one
 * renewal inside the fiscal year, so the year's churn rate is renewalChurn.
 */
export function finalizeCustomers(ctx: DemoContext, drafts: CustomerDraft[]): Customer[] {
	const c = MODEL.customers;
	const sorted = [...drafts].sort(
		(a, b) => a.start - b.start || Number(b.existing) - Number(a.existing) || a.order - b.order
	);
	const rng = new Rng(ctx.seed, Stream.CustomerLife);
	const customers: Customer[] = sorted.map((d, i) => ({
		id: 'C' + String(i + 1).padStart(ctx.customerIdWidth, '0'),
		start: d.start,
		churned: null,
		mrr: Math.round(d.amountYen / 12 / 1000) * 1000,
		expansion: null,
		nps: null,
		expansionMrr: null,
		churnReason: null,
		npsAt: null
	}));
	const activeAtStart = churnBeforeYear(rng, customers);
	const churnInYear = selectExactly(rng, activeAtStart.length, c.renewalChurn);
	activeAtStart.forEach((cu, i) => {
		if (churnInYear[i]) cu.churned = renewalDays(cu.start, FY_END).find((d) => d >= FY_START) ?? null;
	});
	for (const cu of customers) if (cu.start >= FY_START) churnEarly(rng, cu);
	assignUpsells(rng, customers, activeAtStart);
	const responded = selectExactly(rng, customers.length, c.npsResponseRate);
	assignNps(
		rng,
		customers.filter((_, i) => responded[i])
	);
	customers.forEach((cu, i) => addCustomerColumns(ctx, cu, i));
	return customers;
}

/** The version 2 columns, each from its own stream keyed by the account's position: the version 1 columns never move. */
function addCustomerColumns(ctx: DemoContext, cu: Customer, i: number): void {
	if (cu.expansion !== null)
		cu.expansionMrr = drawExpansionMrr(new Rng(ctx.seed, Stream.Expansion, i), cu.mrr);
	if (cu.churned !== null) cu.churnReason = drawChurnReason(new Rng(ctx.seed, Stream.ChurnReason, i), cu);
	if (cu.nps !== null) cu.npsAt = drawNpsDay(new Rng(ctx.seed, Stream.NpsDate, i), cu);
}

/** 10–40% of the account's MRR, rounded to ¥1,000 (at least ¥1,000). */
function drawExpansionMrr(rng: Rng, mrr: number): number {
	const [lo, hi] = MODEL.customers.expansionShare;
	return Math.max(1000, Math.round((mrr * (lo + (hi - lo) * rng.float())) / 1000) * 1000);
}

function drawChurnReason(rng: Rng, cu: Customer): number | null {
	const c = MODEL.customers;
	if (rng.chance(c.churnReasonBlank)) return null;
	const firstYear = (cu.churned as Day) - cu.start < 365;
	return rng.weighted(firstYear ? c.firstYearChurnReasonWeights : c.churnReasonWeights);
}

/**
 * A day in the fiscal year, from a month into the contract, up to the churn
 * day; an account whose contract leaves no such day answered in the
 * npsBeforeChurnDays before it left (it churned before the year) or, when it
 * started in the year's last month, between its start and the year end.
 */
function drawNpsDay(rng: Rng, cu: Customer): Day {
	const c = MODEL.customers;
	const last = Math.min(FY_END, cu.churned ?? FY_END);
	let first = Math.max(FY_START, cu.start + c.npsAfterStartDays);
	if (first > last) first = Math.max(cu.start, last - c.npsBeforeChurnDays);
	return first + rng.int(0, last - first);
}

/**
 * Hands out the exact score mix, lowest scores mostly to accounts that
 * churned: a noisy sort key keeps it from being a perfect predictor.
 */
function assignNps(rng: Rng, respondents: Customer[]): void {
	const scores = npsScores(respondents.length);
	const keyed = respondents.map((cu) => ({ cu, key: rng.float() - (cu.churned !== null ? 0.6 : 0) }));
	keyed.sort((a, b) => a.key - b.key);
	keyed.forEach(({ cu }, i) => (cu.nps = scores[i]));
}

/** Existing accounts may have churned at an earlier renewal; returns those still active on FY_START. */
function churnBeforeYear(rng: Rng, customers: Customer[]): Customer[] {
	const active: Customer[] = [];
	for (const cu of customers) {
		if (cu.start >= FY_START) continue;
		cu.churned =
			renewalDays(cu.start, FY_START - 1).find(() => rng.chance(MODEL.customers.renewalChurn)) ?? null;
		if (cu.churned === null) active.push(cu);
	}
	return active;
}

/** A few new accounts cancel in their first months (monthly-billed SMB plans). */
function churnEarly(rng: Rng, cu: Customer): void {
	if (!rng.chance(MODEL.customers.newCustomerEarlyChurn)) return;
	const day = cu.start + rng.int(30, 200);
	if (day <= FY_END) cu.churned = day;
}

function assignUpsells(rng: Rng, customers: Customer[], activeAtStart: Customer[]): void {
	const c = MODEL.customers;
	const staying = activeAtStart.filter((cu) => cu.churned === null);
	const inYear = selectExactly(
		rng,
		staying.length,
		(c.upsellExisting * activeAtStart.length) / Math.max(1, staying.length)
	);
	staying.forEach((cu, i) => {
		if (inYear[i])
			cu.expansion =
				Math.max(FY_START, cu.start + 60) + rng.int(0, FY_END - Math.max(FY_START, cu.start + 60));
	});
	for (const cu of customers) {
		if (cu.expansion !== null) continue;
		const existing = cu.start < FY_START;
		if (!rng.chance(existing ? c.upsellEarlier : c.upsellNew)) continue;
		const from = cu.start + (existing ? 90 : 60);
		const to = Math.min(existing ? FY_START - 1 : FY_END, (cu.churned ?? FY_END + 1) - 1);
		if (from <= to) cu.expansion = from + rng.int(0, to - from);
	}
}

export function customerRow(cu: Customer): string {
	return [
		cu.id,
		formatDay(cu.start),
		emptyIfNull(cu.churned),
		String(cu.mrr),
		emptyIfNull(cu.expansion),
		cu.nps === null ? '' : String(cu.nps),
		cu.expansionMrr === null ? '' : String(cu.expansionMrr),
		cu.churnReason === null ? '' : CHURN_REASONS[cu.churnReason],
		emptyIfNull(cu.npsAt)
	].join(',');
}

// ---------------------------------------------------------------------------
// Spend
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Shift_JIS encoding
// ---------------------------------------------------------------------------

/** Unicode code unit → Shift_JIS bytes (1 byte: 0x00XX; 2 bytes: lead << 8 | trail). Built on first use. */
let shiftJisTable: Map<number, number> | null = null;

/**
 * Lead bytes in order of preference: JIS X 0208 (+ NEC row 13 at 0x87) first,
 * then IBM extensions, and NEC-selected IBM extensions (0xED/0xEE) last, as
 * the WHATWG encoder does. 0xF0–0xF9 is user-defined (private use): never used.
 */
const SJIS_LEAD_ORDER: readonly number[] = [
	...range(0x81, 0x9f),
	...range(0xe0, 0xec),
	0xef,
	...range(0xfa, 0xfc),
	0xed,
	0xee
];

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Node ships a Shift_JIS decoder but no encoder, so invert the decoder: decode
 * every 1- and 2-byte sequence and keep the first (preferred) bytes per character.
 */
function buildShiftJisTable(): Map<number, number> {
	const decoder = new TextDecoder('shift_jis');
	const table = new Map<number, number>();
	const add = (bytes: number[], code: number): void => {
		const text = decoder.decode(new Uint8Array(bytes));
		if (text.length === 1 && text !== '\ufffd' && !table.has(text.charCodeAt(0))) {
			table.set(text.charCodeAt(0), code);
		}
	};
	for (let b = 0; b < 0x80; b++) add([b], b);
	for (let b = 0xa1; b <= 0xdf; b++) add([b], b); // half-width katakana
	for (const lead of SJIS_LEAD_ORDER) {
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail !== 0x7f) add([lead, trail], (lead << 8) | trail);
		}
	}
	for (let unit = 0; unit < 0x80; unit++) {
		if (isPassThrough(unit) && table.get(unit) !== unit) {
			throw new Error(`This runtime's Shift_JIS decoder does not map byte 0x${unit.toString(16)} to itself`);
		}
	}
	return table;
}

/**
 * Printable ASCII, tab, LF and CR are the same byte in Shift_JIS: encode them
 * without a table lookup. Not all of 0x00–0x7F: ICU's decoder (used by Node)
 * swaps 0x1A, 0x1C and 0x7F, so those go through the table like the rest.
 */
function isPassThrough(unit: number): boolean {
	return (unit >= 0x20 && unit < 0x7f) || unit === 0x09 || unit === 0x0a || unit === 0x0d;
}

/** Encodes text as Shift_JIS; throws on any character Shift_JIS cannot represent (never substitutes). */
export function encodeShiftJis(text: string): Uint8Array {
	shiftJisTable ??= buildShiftJisTable();
	const out = new Uint8Array(text.length * 2);
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (isPassThrough(unit)) {
			out[n++] = unit;
			continue;
		}
		const code = shiftJisTable.get(unit);
		if (code === undefined) {
			throw new Error(
				`Character "${text[i]}" (U+${unit.toString(16).toUpperCase().padStart(4, '0')}) has no Shift_JIS encoding`
			);
		}
		if (code > 0xff) out[n++] = code >> 8;
		out[n++] = code & 0xff;
	}
	return out.subarray(0, n);
}
