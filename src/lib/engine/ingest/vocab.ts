/**
 * Vocabularies: raw cell values → canonical stage / call outcome / activity type, with English and
 * Japanese defaults from Salesforce, HubSpot, Marketo, the Maven sample and common Japanese inside-sales
 * practice. Organisations and users override them (`mergeVocabularies`); keys are always stored
 * normalised (`normaliseValue`), so `Closed Won`, full-width `ＣＬＯＳＥＤ\u3000ＷＯＮ` and ` closed won `
 * are one key.
 */
import { normaliseValue } from './normalise';
import type { ActivityTypeTarget, OutcomeTarget, StatusTarget, Vocabularies } from './types';

type VocabularyKind = keyof Vocabularies;
type TargetOf<K extends VocabularyKind> = Vocabularies[K][string];

const STATUS_VALUES: Record<StatusTarget, readonly string[]> = {
	lead: [
		// Salesforce lead statuses (EN, JA defaults)
		'Open - Not Contacted',
		'Working - Contacted',
		'未対応',
		'対応中',
		'オープン - 未対応',
		'作業中 - 連絡済み',
		// HubSpot lifecycle stages and lead statuses
		'subscriber',
		'lead',
		'new',
		'open',
		'in progress',
		'attempted to contact',
		'bad timing',
		// Marketo
		'contacted',
		'working',
		// Japanese practice
		'新規',
		'リード',
		'架電中',
		'アプローチ中'
	],
	// Handed back to marketing: no stage beyond lead, but not a fresh lead either (MQL triage).
	nurture: ['nurture', 'Nurturing', 'Recycled', 'ナーチャリング', '育成中', 'リサイクル'],
	mql: ['MQL', 'marketingqualifiedlead', 'Marketing Qualified Lead', 'Marketing Qualified', 'MQL化'],
	sql: [
		'SQL',
		'salesqualifiedlead',
		'Sales Qualified Lead',
		'Sales Qualified',
		'SAL',
		'Sales Accepted Lead',
		'商談化',
		'アポ獲得',
		'アポ確定'
	],
	opportunity: [
		// Salesforce: lead conversion creates the opportunity
		'Closed - Converted',
		'クローズ - 取引開始済み',
		'取引開始済み',
		'converted',
		// Salesforce opportunity stages (EN, JA defaults). An opportunity record in its first stage is
		// already an opportunity; this also covers Maven's `Prospecting`, whose rows carry no dates.
		'Prospecting',
		'Qualification',
		'Needs Analysis',
		'Value Proposition',
		'Id. Decision Makers',
		'Perception Analysis',
		'Proposal/Price Quote',
		'Negotiation/Review',
		'見込み客',
		'評価',
		'ニーズ分析',
		'価値提案',
		'意思決定者の特定',
		'認識分析',
		'提案/見積',
		'交渉/レビュー',
		// HubSpot lifecycle stage and default deal stages
		'opportunity',
		'open deal',
		'appointmentscheduled',
		'qualifiedtobuy',
		'presentationscheduled',
		'decisionmakerboughtin',
		'contractsent',
		// Maven
		'Engaging',
		// Japanese practice
		'商談',
		'商談中',
		'提案',
		'提案中',
		'見積',
		'見積提示',
		'交渉',
		'交渉中',
		'クロージング'
	],
	won: [
		'Closed Won',
		'closedwon',
		'Won',
		'customer',
		'evangelist',
		'受注',
		'成約',
		'成立',
		'完了 (成立)',
		'契約済',
		'契約済み'
	],
	lost: ['Closed Lost', 'closedlost', 'Lost', '失注', '不成立', '完了 (不成立)'],
	disqualified: [
		'Closed - Not Converted',
		'クローズ - 取引未開始',
		'取引未開始',
		'unqualified',
		'disqualified',
		'対象外',
		'不適格',
		'不適合'
	]
};

const OUTCOME_VALUES: Record<OutcomeTarget, readonly string[]> = {
	no_answer: [
		'不在',
		'留守電',
		'留守番電話',
		'話し中',
		'不通',
		'応答なし',
		'no answer',
		'voicemail',
		'left voicemail',
		'busy',
		'left message',
		'left live message'
	],
	// Connected means talking to the person called, whatever they said.
	connected: [
		'接続',
		'通話',
		'担当者接続',
		'受付突破',
		'会話',
		'興味なし',
		'お断り',
		'connected',
		'contact made',
		'reached',
		'conversation',
		'not interested'
	],
	meeting_set: [
		'アポ獲得',
		'アポ',
		'商談設定',
		'アポ設定',
		'meeting set',
		'meeting booked',
		'appointment set',
		'appointment booked'
	],
	// Answered, but not by the person: a call, never a contact.
	other: [
		'送信',
		'sent',
		'email sent',
		'受付ブロック',
		'受付NG',
		'gatekeeper',
		'wrong number',
		'番号違い',
		'その他',
		'other'
	]
};

const TYPE_VALUES: Record<ActivityTypeTarget, readonly string[]> = {
	call: ['電話', '架電', 'コール', 'TEL', 'call', 'phone', 'phone call', 'outbound call', 'inbound call'],
	email: ['メール', 'Eメール', 'email', 'e-mail', 'mail', 'list email', 'listemail'],
	meeting: ['商談', '訪問', 'ミーティング', 'MTG', 'Web会議', 'オンライン商談', 'meeting', 'visit'],
	other: ['タスク', 'ToDo', 'メモ', 'task', 'note', 'other', 'その他']
};

function invert<T extends string>(lists: Record<T, readonly string[]>): Record<string, T> {
	const out: Record<string, T> = {};
	for (const target of Object.keys(lists) as T[]) {
		for (const raw of lists[target]) out[normaliseValue(raw)] = target;
	}
	return out;
}

export const DEFAULT_VOCABULARIES: Vocabularies = {
	status: invert(STATUS_VALUES),
	outcome: invert(OUTCOME_VALUES),
	type: invert(TYPE_VALUES)
};

/** A vocabulary edit: raw value → target, or `null` to remove a default that is wrong for this org. */
export type VocabularyOverride = { [K in VocabularyKind]?: Record<string, TargetOf<K> | null> };

/** A new vocabulary set: `base` with `override` applied (keys normalised). Neither input is changed. */
export function mergeVocabularies(base: Vocabularies, override: VocabularyOverride): Vocabularies {
	return {
		status: mergeOne(base.status, override.status),
		outcome: mergeOne(base.outcome, override.outcome),
		type: mergeOne(base.type, override.type)
	};
}

function mergeOne<T extends string>(
	base: Record<string, T>,
	override: Record<string, T | null> | undefined
): Record<string, T> {
	const out: Record<string, T> = { ...base };
	for (const [raw, target] of Object.entries(override ?? {})) {
		const key = normaliseValue(raw);
		if (target === null) delete out[key];
		else out[key] = target;
	}
	return out;
}

/**
 * The canonical value a raw cell maps to, or null when the vocabulary does not know it (callers treat
 * an unknown outcome or type as `other`, an unknown status as no stage evidence). Matching is on the
 * normalised value, then on a compact form without spaces and punctuation so HubSpot's internal
 * `closedwon` and its label `Closed Won`, or `CLOSED_WON`, meet.
 */
export function lookup<K extends VocabularyKind>(v: Vocabularies, kind: K, raw: string): TargetOf<K> | null {
	// TypeScript cannot narrow `v[kind]` for a generic K; the cast restates Vocabularies[K].
	const table = v[kind] as Record<string, TargetOf<K>>;
	const key = normaliseValue(raw);
	if (key === '') return null;
	if (Object.hasOwn(table, key)) return table[key];
	return compactIndex(table).get(compact(key)) ?? null;
}

function compact(normalised: string): string {
	return normalised.replace(/[\s\-_/.()[\]・]/g, '');
}

/**
 * Compact form → target, cached per vocabulary object (vocabularies are treated as immutable:
 * `mergeVocabularies` returns new ones). Forms that two keys with different targets share are left
 * out rather than guessed.
 */
const compactCache = new WeakMap<object, Map<string, string>>();

function compactIndex<T extends string>(table: Record<string, T>): Map<string, T> {
	const cached = compactCache.get(table) as Map<string, T> | undefined;
	if (cached) return cached;
	const index = new Map<string, T>();
	const ambiguous = new Set<string>();
	for (const [key, target] of Object.entries(table)) {
		const form = compact(key);
		const prior = index.get(form);
		if (prior !== undefined && prior !== target) ambiguous.add(form);
		else index.set(form, target);
	}
	for (const form of ambiguous) index.delete(form);
	compactCache.set(table, index);
	return index;
}

/** Share (0..1) of a column's non-empty values that a vocabulary knows; 0 for an empty column. */
function knownShare(v: Vocabularies, kind: VocabularyKind, values: string[]): number {
	const filled = values.filter((x) => x.trim() !== '');
	if (filled.length === 0) return 0;
	return filled.filter((x) => lookup(v, kind, x) !== null).length / filled.length;
}

/** How much a column looks like call outcomes (不在, 接続, connected, no answer …). */
export function looksLikeOutcomeColumn(values: string[], v: Vocabularies = DEFAULT_VOCABULARIES): number {
	return knownShare(v, 'outcome', values);
}

/** How much a column looks like activity types (電話, メール, call, email …). */
export function looksLikeActivityTypeColumn(
	values: string[],
	v: Vocabularies = DEFAULT_VOCABULARIES
): number {
	return knownShare(v, 'type', values);
}

/** How much a column looks like lead statuses or deal stages (商談中, Closed Won, Engaging …). */
export function looksLikeStatusColumn(values: string[], v: Vocabularies = DEFAULT_VOCABULARIES): number {
	return knownShare(v, 'status', values);
}
