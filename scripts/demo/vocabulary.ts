/**
 * The demo data's vocabulary, in Japanese as a Japanese user's export would
 * have it: inside-sales and field-sales reps, channels, segments, statuses,
 * deal stages with their fixed probabilities, lost and churn reasons, activity
 * outcomes and types, and the header line of each CSV file.
 */

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
export const Ch = { Webinar: 0, Exhibition: 1, WebInquiry: 2, Referral: 3, Outbound: 4, Ads: 5 } as const;

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
