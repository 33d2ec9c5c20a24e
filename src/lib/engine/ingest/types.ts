import type { Stage } from '../model/stages';

/**
 * The contract between the detection half of ingestion (pure functions over a text sample: encoding,
 * dialect, table kind, header mapping, vocabularies) and the loading half (DuckDB: read, normalise,
 * merge, quality report). The same code runs in the browser and in `npm run report`.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'windows-1252';

export interface EncodingGuess {
	encoding: Encoding;
	/** A byte-order mark was found (and is stripped by `decodeBytes`). */
	bom: boolean;
	/** 0..1: 1 for a BOM or clean UTF-8 with non-ASCII; lower for a statistical guess. */
	confidence: number;
}

export type Delimiter = ',' | '\t' | ';' | '|';

export interface Dialect {
	delimiter: Delimiter;
	/** Line break the file uses ('\r\n', '\n' or '\r'). */
	newline: '\r\n' | '\n' | '\r';
	/**
	 * 0-based index of the header *record* (formatted Salesforce reports put a title and filter lines
	 * above the real header). Records, not lines: a quoted field may hold line breaks.
	 */
	headerRow: number;
}

/** The kinds of file ingestion recognises. `lead_history` is the long form, pivoted to `leads`. */
export type FileKind = 'leads' | 'lead_history' | 'activities' | 'customers' | 'spend' | 'users';

/** Canonical fields per kind (docs/metrics.md plus what the long form and vocabularies need). */
export const KIND_FIELDS = {
	leads: [
		'lead_id',
		'created_at',
		'channel',
		'owner',
		'segment',
		'mql_at',
		'sql_at',
		'opportunity_at',
		'won_at',
		'lost_at',
		'amount',
		'status',
		// A deal export's single close date: it becomes won_at or lost_at by the row's status.
		'closed_at',
		'deal_owner',
		'deal_stage',
		'probability',
		'currency',
		'lost_reason',
		'score',
		'last_activity_at',
		// An amount already in the organisation's currency (Amount (converted)): preferred over `amount`.
		'amount_converted',
		// The record this lead became in another file (Salesforce ConvertedOpportunityId).
		'converted_id',
		// A deal export's won and closed flags (IsWon, IsClosed).
		'is_won',
		'is_closed'
	],
	lead_history: ['lead_id', 'stage', 'changed_at', 'amount', 'owner', 'channel', 'segment'],
	activities: ['activity_id', 'occurred_at', 'rep', 'lead_id', 'type', 'outcome'],
	customers: [
		'account_id',
		'start_date',
		'churned_at',
		'mrr',
		'expansion_at',
		'nps',
		'expansion_mrr',
		'churn_reason',
		'nps_at'
	],
	spend: ['month', 'channel', 'spend'],
	// A CRM's user list (Salesforce User: Id, Name): turns owner ids into names.
	users: ['user_id', 'name']
} as const satisfies Record<FileKind, readonly string[]>;

export type CanonicalField<K extends FileKind = FileKind> = (typeof KIND_FIELDS)[K][number];

/** Fields without which a kind cannot be used at all. */
export const REQUIRED_FIELDS: Record<FileKind, readonly string[]> = {
	leads: ['created_at'],
	lead_history: ['lead_id', 'stage', 'changed_at'],
	activities: ['occurred_at'],
	customers: ['start_date'],
	spend: ['month', 'spend'],
	users: ['user_id', 'name']
};

/** One header's mapping: which source column (by index and original name) feeds which canonical field. */
export interface ColumnMapping {
	field: string;
	/** 0-based column index in the file; the header text is kept to match by name, never by position. */
	column: number;
	header: string;
	/** 1 for an exact synonym, lower for fuzzy or value-based guesses. */
	confidence: number;
}

export interface KindGuess {
	kind: FileKind;
	/** 0..1 */
	confidence: number;
	mapping: ColumnMapping[];
	/** Columns mapped to nothing (kept as extra columns, listed in the quality report). */
	unmapped: { column: number; header: string }[];
	/** Scores of the other kinds, for the mapping screen ("looks more like …"). */
	alternatives: { kind: FileKind; confidence: number }[];
}

/**
 * A user's or a file's explicit mapping, the JSON the mapping screen exports and `report --map` reads.
 * Keyed by header signature so it is remembered for files with the same headers.
 */
export interface MappingFile {
	version: 1;
	mappings: {
		/** `headerSignature(headers)`: files with the same (normalised) header set share a mapping. */
		signature: string;
		/** Optional original file name, informative only. */
		file?: string;
		kind: FileKind;
		/** canonical field → header text as written in the file (matched after normalisation). */
		columns: Record<string, string>;
		/** Every row reached this stage, dated by this column or undated (lead files; file-reached.ts). */
		reached?: { stage: Stage; column?: string };
	}[];
}

/** Canonical stage / status / outcome values vocabularies map raw values to. */
export type StatusTarget =
	'lead' | 'nurture' | 'mql' | 'sql' | 'opportunity' | 'won' | 'lost' | 'disqualified';
export type OutcomeTarget = 'no_answer' | 'connected' | 'meeting_set' | 'other';
export type ActivityTypeTarget = 'call' | 'email' | 'meeting' | 'other';

export interface Vocabularies {
	/** normalised raw value → stage implied (used for `status`, HubSpot lifecycle stages, deal stages, long-form `stage`) */
	status: Record<string, StatusTarget>;
	outcome: Record<string, OutcomeTarget>;
	type: Record<string, ActivityTypeTarget>;
}
