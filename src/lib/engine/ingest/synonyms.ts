/**
 * Header synonyms per file kind and canonical field, as the tools write them: Salesforce report labels
 * (EN / JA UI) and API names, HubSpot and Marketo exports, the Maven CRM sample, the demo files and plain
 * snake_case. Written as they appear in files and normalised once at module load, so adding a synonym
 * is copying a header from an export.
 *
 * A synonym is a header, or `[header, confidence]` when the header only *usually* means the field
 * (Maven's `engage_date` as a lead's creation, `Industry` as a segment). The canonical field name
 * itself always matches with confidence 1.
 */
import { normaliseHeader } from './normalise';
import { KIND_FIELDS, type CanonicalField, type FileKind, type StatusTarget } from './types';
import { DEFAULT_VOCABULARIES, lookup } from './vocab';

type Synonym = string | readonly [header: string, confidence: number];
type SynonymTable = { [K in FileKind]: { [F in CanonicalField<K>]?: readonly Synonym[] } };

const LEAD_ID: readonly Synonym[] = [
	'Lead ID',
	'リードID',
	// A bare record id is the lead's in a lead export, but a named lead id column is the surer choice.
	['Id', 0.95],
	'Record ID',
	'レコードID',
	// A contact export's own id, but on a deal export a reference to its primary contact.
	['Contact ID', 0.9],
	['取引先責任者ID', 0.9],
	'Opportunity ID',
	'商談ID',
	'Deal ID',
	'取引ID',
	'LeadId',
	'vid',
	['Marketo ID', 0.9],
	['Salesforce ID', 0.9],
	['Lead Number', 0.8]
];

const CHANNEL: readonly Synonym[] = [
	'Lead Source',
	'リードソース',
	'Original Source',
	'Source',
	'ソース',
	'流入経路',
	'流入元',
	'獲得経路',
	'リード獲得経路',
	'チャネル',
	'チャンネル',
	'Lead Channel',
	'Person Source',
	'hs_analytics_source',
	['Original Source Type', 0.9],
	['Latest Source', 0.7],
	['Acquisition Program', 0.6],
	['UTM Source', 0.6],
	['Campaign Source', 0.6],
	['origin', 0.9],
	['Lead Origin', 0.9]
];

/** The opportunity's owner in field sales (docs/metrics.md "Owners"). */
const DEAL_OWNER: readonly Synonym[] = [
	'Opportunity Owner',
	'商談所有者',
	'Deal owner',
	'Deal Owner Name',
	'Account Executive',
	'フィールドセールス担当',
	'商談担当者',
	'sr_id'
];

/** The deal's stage as written; in a deal export it is also the status (see guessKind). */
const DEAL_STAGE: readonly Synonym[] = [
	'フェーズ',
	'商談フェーズ',
	'取引ステージ',
	'StageName',
	'Stage Name',
	'Opportunity Stage',
	'Deal Stage',
	'dealstage',
	'deal_stage'
];

const OWNER: readonly Synonym[] = [
	'Lead Owner',
	'リード所有者',
	'所有者',
	'Owner',
	'OwnerId',
	'Owner Name',
	'Lead Owner Name',
	'Contact owner',
	'HubSpot Owner',
	'hubspot_owner_id',
	'担当者',
	'担当',
	'担当者名',
	'営業担当',
	'営業担当者',
	'担当営業',
	'インサイドセールス担当',
	'sales_agent',
	// Olist's closed-deals file: the SDR who qualified the lead (sr_id is the field rep).
	'sdr_id',
	'Sales Rep',
	'Rep',
	'Assigned To',
	['Lead Owner First Name', 0.6],
	['Account Owner', 0.6],
	['取引先所有者', 0.6]
];

const SEGMENT: readonly Synonym[] = [
	'Segment',
	'セグメント',
	'Customer Segment',
	'Account Segment',
	'Market Segment',
	['Company size', 0.95],
	['企業規模', 0.95],
	['規模', 0.9],
	['Tier', 0.8],
	['従業員数', 0.85],
	['NumberOfEmployees', 0.85],
	['Number of Employees', 0.85],
	['Employees', 0.8],
	['Employee Count', 0.85],
	['Industry', 0.7],
	['業種', 0.7]
];

const AMOUNT: readonly Synonym[] = [
	'Amount',
	'金額',
	'close_value',
	'Deal Amount',
	'Opportunity Amount',
	'商談金額',
	'受注金額',
	'契約金額',
	'Deal Value',
	'Value',
	['Total Contract Value', 0.8],
	['ACV', 0.7],
	['売上', 0.7],
	['Revenue', 0.6]
];

const STATUS: readonly Synonym[] = [
	'Status',
	'ステータス',
	'状況',
	'リード状況',
	'Lead Status',
	'leadStatus',
	'Lifecycle Stage',
	'lifecyclestage',
	'Stage',
	'ステージ',
	// Deal stages: a deal_stage column first, the status when the file has no other (see guessKind).
	...DEAL_STAGE.map((h) => [h as string, 0.95] as const),
	'Lead Stage',
	'Phase',
	['hs_lead_status', 0.9]
];

export const HEADER_SYNONYMS: SynonymTable = {
	leads: {
		lead_id: [...LEAD_ID, ['opportunity_id', 0.9], ['mql_id', 0.9]],
		created_at: [
			'Created Date',
			'作成日',
			'作成日時',
			'CreatedDate',
			'Create Date',
			'createdAt',
			'Created',
			'Date Created',
			'リード作成日',
			'Lead Created Date',
			'登録日',
			'獲得日',
			'リード獲得日',
			'流入日',
			['Became a Lead Date', 0.8],
			// The first touch is when a lead appears (docs/metrics.md); 初回商談日, a first meeting, is not.
			['first_contact_date', 0.9],
			['初回接触日', 0.9],
			['First Contact Date', 0.9],
			['Acquisition Date', 0.7],
			// Maven: the first date a deal has; the pipeline has no creation date.
			['engage_date', 0.6]
		],
		channel: CHANNEL,
		owner: OWNER,
		segment: SEGMENT,
		mql_at: [
			'MQL日',
			'MQL日付',
			'MQL化日',
			'MQL達成日',
			'MQL Date',
			'MQL At',
			'Became MQL Date',
			'Became a Marketing Qualified Lead Date',
			'Marketing Qualified Date'
		],
		sql_at: [
			'商談化日',
			'SQL日',
			'SQL日付',
			'SQL化日',
			'アポ獲得日',
			'SQL Date',
			'SQL At',
			'Became SQL Date',
			'Became a Sales Qualified Lead Date',
			'Meeting Set Date',
			['Appointment Date', 0.7],
			['SAL Date', 0.7]
		],
		opportunity_at: [
			'商談作成日',
			'商談日',
			'商談開始日',
			'Opportunity Date',
			'Opportunity Created Date',
			'Became an Opportunity Date',
			'Became Opportunity Date',
			// Salesforce lead conversion creates the opportunity (取引開始 in the Japanese UI).
			['Converted Date', 0.9],
			['ConvertedDate', 0.9],
			['取引開始日', 0.9]
		],
		won_at: [
			'受注日',
			'成約日',
			'Won Date',
			'won_date',
			'Closed Won Date',
			'Date Won',
			'Became a Customer Date',
			'Became Customer Date',
			['契約日', 0.7]
		],
		lost_at: ['失注日', 'Lost Date', 'Closed Lost Date', 'Date Lost'],
		amount: AMOUNT,
		status: STATUS,
		closed_at: [
			'Close Date',
			'CloseDate',
			'完了日',
			'完了予定日',
			'クローズ日',
			'Closed Date',
			'Closed At',
			['Expected Close Date', 0.8]
		],
		deal_owner: DEAL_OWNER,
		deal_stage: DEAL_STAGE,
		probability: [
			'確度 (%)',
			'確度',
			'Probability (%)',
			'Probability',
			'Deal probability',
			['hs_deal_stage_probability', 0.9]
		],
		currency: [
			'商談 通貨',
			'通貨',
			'通貨コード',
			'CurrencyIsoCode',
			'Currency',
			'Currency Code',
			'Amount Currency',
			'Deal Currency',
			'deal_currency_code'
		],
		lost_reason: [
			'失注理由',
			'Loss Reason',
			'Lost Reason',
			'Closed Lost Reason',
			'closed_lost_reason',
			'Reason Lost'
		],
		score: ['リードスコア', 'スコア', 'HubSpot Score', 'hubspotscore', 'Lead Score', 'Score'],
		last_activity_at: [
			'最終活動日',
			'最終活動日時',
			'LastActivityDate',
			'Last Activity Date',
			'Last Activity',
			['notes_last_updated', 0.8]
		],
		amount_converted: ['Amount (converted)', '金額 (換算)', 'Amount Converted', 'ConvertedAmount'],
		converted_id: [
			'ConvertedOpportunityId',
			'取引開始済み商談 ID',
			'Converted Opportunity ID',
			'Converted Opportunity'
		],
		is_won: ['IsWon', 'Is Won', ['成立', 0.85], ['Won', 0.8]],
		is_closed: ['IsClosed', 'Is Closed', ['完了', 0.85], ['Closed', 0.8]]
	},
	lead_history: {
		lead_id: [
			'OpportunityId',
			'LeadId',
			'Opportunity ID',
			'Lead ID',
			'商談ID',
			'リードID',
			'Record ID',
			'Deal ID',
			'opportunity_id',
			['Contact ID', 0.8],
			['ParentId', 0.8],
			['Id', 0.5]
		],
		stage: [
			'Stage',
			'StageName',
			'Stage Name',
			'フェーズ',
			'ステージ',
			'To Stage',
			'Deal Stage',
			'Lifecycle Stage',
			// Salesforce field history (Field, OldValue, NewValue): the new status is the stage reached.
			['NewValue', 0.85],
			['New Value', 0.85],
			['新しい値', 0.85],
			['新規値', 0.85],
			['Status', 0.8],
			['ステータス', 0.8],
			['状況', 0.8]
		],
		changed_at: [
			'変更日',
			'変更日時',
			'Changed Date',
			'Date Changed',
			'Change Date',
			'Stage Change Date',
			'Edit Date',
			'編集日',
			'Timestamp',
			// In a history table the row's creation is the moment of the change.
			['CreatedDate', 0.9],
			['Created Date', 0.9],
			['作成日', 0.8],
			['Date', 0.8],
			['日付', 0.8],
			['日時', 0.8]
		],
		amount: AMOUNT,
		owner: OWNER,
		channel: CHANNEL,
		segment: SEGMENT
	},
	activities: {
		activity_id: [
			'活動ID',
			'Activity ID',
			'行動ID',
			'ToDo ID',
			'タスクID',
			'Task ID',
			'Call ID',
			'Engagement ID',
			['Id', 0.7],
			['Record ID', 0.7]
		],
		occurred_at: [
			'日時',
			'日付',
			'Date',
			'Activity Date',
			'ActivityDate',
			'活動日',
			'活動日時',
			'架電日',
			'架電日時',
			'実施日',
			'Call Date',
			'Call Time',
			'Timestamp',
			'Start Date Time',
			'StartDateTime',
			'CompletedDateTime',
			['期日', 0.8],
			['Due Date', 0.8],
			['Created Date', 0.7],
			['CreatedDate', 0.7],
			['Create Date', 0.7]
		],
		rep: [
			'担当者',
			'担当',
			'架電者',
			'実施者',
			'任命先',
			'割り当て先',
			'Assigned',
			'Assigned To',
			'Activity assigned to',
			'Activity Owner',
			'Call Owner',
			'Caller',
			'Sales Rep',
			'Rep',
			'HubSpot Owner',
			['Owner', 0.9],
			['OwnerId', 0.9],
			['所有者', 0.9],
			['User', 0.7],
			['ユーザー', 0.7]
		],
		lead_id: [
			'リードID',
			'Lead ID',
			'LeadId',
			'WhoId',
			'Who ID',
			'Contact ID',
			'取引先責任者ID',
			['Associated Contact IDs', 0.8],
			['Associated Contact', 0.7],
			['Contact', 0.6]
		],
		type: [
			'種別',
			'種類',
			'活動種別',
			'活動の種類',
			'Activity Type',
			'TaskSubtype',
			'Task Subtype',
			'Engagement Type',
			'Call Type',
			['Type', 0.9],
			['Subject', 0.5],
			['件名', 0.5]
		],
		outcome: [
			'結果',
			'架電結果',
			'通話結果',
			'活動結果',
			'Outcome',
			'Call Outcome',
			'Call Result',
			'Call Disposition',
			'CallDisposition',
			'Disposition',
			'Activity Outcome',
			'hs_call_disposition',
			['Result', 0.9],
			['Status', 0.5]
		]
	},
	customers: {
		account_id: [
			'取引先ID',
			'Account ID',
			'AccountId',
			'Customer ID',
			'顧客ID',
			'Company ID',
			'企業ID',
			['Account Name', 0.8],
			['取引先名', 0.8],
			['Account', 0.8],
			['顧客名', 0.8],
			['Company name', 0.7],
			['会社名', 0.7],
			['契約ID', 0.7],
			['Record ID', 0.7],
			['Id', 0.6]
		],
		start_date: [
			'契約開始日',
			'開始日',
			'利用開始日',
			'導入日',
			'Contract Start Date',
			'Start Date',
			'StartDate',
			'Subscription Start Date',
			'Customer Since',
			'Activation Date',
			['Became a Customer Date', 0.8],
			['契約日', 0.8]
		],
		churned_at: [
			'解約日',
			'退会日',
			'Churn Date',
			'Churned Date',
			'Cancellation Date',
			'Cancel Date',
			['契約終了日', 0.8],
			['Contract End Date', 0.7],
			['End Date', 0.7]
		],
		mrr: [
			'MRR',
			'Monthly Recurring Revenue',
			'月額',
			'月額料金',
			'月額売上',
			'月額契約金額',
			'Monthly Fee',
			['Subscription Amount', 0.7]
		],
		expansion_at: [
			'アップセル日',
			'クロスセル日',
			'追加契約日',
			'Upsell Date',
			'Expansion Date',
			'Cross-sell Date',
			'Upgrade Date'
		],
		nps: ['NPS', 'NPS Score', 'NPSスコア', 'Net Promoter Score', '推奨度', 'Recommendation Score'],
		expansion_mrr: [
			'アップセル額',
			'アップセルMRR',
			'追加MRR',
			'Expansion MRR',
			'Upsell MRR',
			['Expansion Amount', 0.9]
		],
		churn_reason: ['解約理由', '解約事由', 'Churn Reason', 'Cancellation Reason', 'Cancel Reason'],
		nps_at: ['NPS回答日', 'NPS回答日時', 'NPS Date', 'NPS Response Date', ['Survey Date', 0.7]]
	},
	users: {
		user_id: [['Id', 0.9], 'User ID', 'UserId', 'ユーザー ID', ['OwnerId', 0.9]],
		name: ['Name', '氏名', 'Full Name', '名前', '表示名']
	},
	spend: {
		month: [
			'月',
			'年月',
			'対象月',
			'計上月',
			'月度',
			'Month',
			'Year Month',
			'YearMonth',
			['Period', 0.8],
			['期間', 0.7],
			['Date', 0.6],
			['日付', 0.6]
		],
		channel: [
			'流入経路',
			'チャネル',
			'チャンネル',
			'Channel',
			'Source',
			'Lead Source',
			'媒体',
			'Media',
			'施策',
			['Campaign', 0.6],
			['キャンペーン', 0.6],
			['Program', 0.6]
		],
		spend: [
			'費用',
			'広告費',
			'広告費用',
			'実績費用',
			'マーケティング費用',
			'コスト',
			'Spend',
			'Ad Spend',
			'Cost',
			'Actual Cost',
			'ActualCost',
			['Amount', 0.6],
			['金額', 0.6],
			['Budget', 0.5],
			['予算', 0.5]
		]
	}
};

export interface HeaderMatch {
	field: string;
	confidence: number;
	/** The header equals a synonym (after normalisation), rather than containing one. */
	exact: boolean;
	/** The header is the canonical field name itself, as written (`lead_id`): preferred over any synonym. */
	canonical: boolean;
}

interface FieldMatch {
	field: string;
	confidence: number;
}

/** Per kind: normalised synonym → the fields it names, each with its best confidence. Built once. */
const INDEX: Record<FileKind, Map<string, FieldMatch[]>> = buildIndex();

function buildIndex(): Record<FileKind, Map<string, FieldMatch[]>> {
	const index = {} as Record<FileKind, Map<string, FieldMatch[]>>;
	for (const kind of Object.keys(KIND_FIELDS) as FileKind[]) {
		const map = new Map<string, FieldMatch[]>();
		const add = (header: string, field: string, confidence: number) => {
			const key = normaliseHeader(header);
			const list = map.get(key) ?? [];
			const existing = list.find((m) => m.field === field);
			if (existing) existing.confidence = Math.max(existing.confidence, confidence);
			else list.push({ field, confidence });
			map.set(key, list);
		};
		const table: Partial<Record<string, readonly Synonym[]>> = HEADER_SYNONYMS[kind];
		for (const field of KIND_FIELDS[kind]) {
			add(field, field, 1);
			for (const synonym of table[field] ?? []) {
				if (typeof synonym === 'string') add(synonym, field, 1);
				else add(synonym[0], field, synonym[1]);
			}
		}
		index[kind] = map;
	}
	return index;
}

/** All synonyms (normalised) of a field, for the mapping screen's hints. */
export function synonymsOf(kind: FileKind, field: string): string[] {
	const out: string[] = [];
	for (const [key, matches] of INDEX[kind]) if (matches.some((m) => m.field === field)) out.push(key);
	return out;
}

/**
 * Prefixes that turn a field name into a different fact (`LastActivityDate`, `PrevCloseDate`,
 * `FromOpportunityStageName`, `最終活動日`): such headers never match by containment.
 */
const QUALIFIER_PREFIXES = [
	'last',
	'prev',
	'previous',
	'from',
	'old',
	'next',
	'original',
	'annual',
	'最終',
	'前回',
	'次回'
];
/** Containment is weaker evidence than equality. */
const CONTAINMENT_FACTOR = 0.5;
/** Only confident synonyms extend by containment: `AnnualRevenue` ⊃ `Revenue` is not a deal amount. */
const CONTAINMENT_MIN_CONFIDENCE = 0.9;

/**
 * Candidate fields of `kind` for one header, best first: exact synonyms, stage-date patterns
 * (`Date entered "MQL (Lifecycle Stage Pipeline)"`, `Became a … Date`), then headers that start or end
 * with a synonym (`リード作成日` ⊃ `作成日`, `Lead Source (Custom)` ⊃ `Lead Source`).
 */
export function matchHeader(kind: FileKind, header: string): HeaderMatch[] {
	const key = normaliseHeader(header);
	if (key === '') return [];
	const found = new Map<string, HeaderMatch>();
	const offer = (m: HeaderMatch) => {
		const prior = found.get(m.field);
		if (!prior || m.confidence > prior.confidence) found.set(m.field, m);
	};
	for (const m of INDEX[kind].get(key) ?? [])
		offer({ ...m, exact: true, canonical: header.trim() === m.field });
	const stageField = stageDateField(kind, header);
	if (stageField) offer({ ...stageField, exact: true, canonical: false });
	if (found.size === 0 && !QUALIFIER_PREFIXES.some((p) => key.startsWith(p))) {
		for (const [synonym, matches] of INDEX[kind]) {
			if (!containsAtEdge(key, synonym)) continue;
			for (const m of matches) {
				if (m.confidence < CONTAINMENT_MIN_CONFIDENCE) continue;
				offer({
					field: m.field,
					confidence: m.confidence * CONTAINMENT_FACTOR,
					exact: false,
					canonical: false
				});
			}
		}
	}
	return [...found.values()].sort((a, b) => b.confidence - a.confidence);
}

function containsAtEdge(key: string, synonym: string): boolean {
	if (synonym.length >= key.length) return false;
	// Short Latin synonyms (`id`, `rep`, `date`) are inside too many unrelated words.
	const minLength = /^\p{ASCII}*$/u.test(synonym) ? 5 : 2;
	return synonym.length >= minLength && (key.startsWith(synonym) || key.endsWith(synonym));
}

const STAGE_DATE_FIELD: Partial<Record<StatusTarget, FieldMatch>> = {
	// Becoming a lead is when a lead is created, but a real creation date is better evidence.
	lead: { field: 'created_at', confidence: 0.7 },
	mql: { field: 'mql_at', confidence: 0.9 },
	sql: { field: 'sql_at', confidence: 0.9 },
	opportunity: { field: 'opportunity_at', confidence: 0.9 },
	won: { field: 'won_at', confidence: 0.9 },
	lost: { field: 'lost_at', confidence: 0.9 }
};

/** `Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"` (HubSpot), quotes optional. */
const DATE_ENTERED = /^date entered\s*["'“”]?\s*(.+?)\s*(\([^)]*\))?\s*["'“”]?$/;
/** `Became a Marketing Qualified Lead Date` (HubSpot), `Became MQL Date` (Marketo programs). */
const BECAME = /^became (?:an? )?(.+?) date$/;

/** The stage-date field a pattern header names, judged by the status vocabulary (leads only). */
function stageDateField(kind: FileKind, header: string): FieldMatch | null {
	if (kind !== 'leads') return null;
	const text = header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
	const stageName = DATE_ENTERED.exec(text)?.[1] ?? BECAME.exec(text)?.[1];
	if (!stageName) return null;
	const stage = lookup(DEFAULT_VOCABULARIES, 'status', stageName);
	return stage ? (STAGE_DATE_FIELD[stage] ?? null) : null;
}
