/**
 * The model's parameters, all the tuning knobs in one place: each channel's
 * share, conversion, segment mix and cost, and MODEL, the rates and ranges that
 * tell the demo's story (the SQL → opportunity bottleneck, 田中's weak meetings,
 * 高橋's fewer calls, deal owners, open and stale deals, lead score, nurture,
 * customers' churn, upsell and NPS). Data only: no code reads the clock or draws here.
 */

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
export const CHANNEL_PROFILES: readonly ChannelProfile[] = [
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
