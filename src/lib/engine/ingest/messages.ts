/**
 * What ingestion says, as codes: every error and quality issue names a message key and its parameters;
 * the wording (Japanese and English) lives in `src/lib/i18n/ingest-messages.ts`, outside the engine.
 * A parameter may itself be a key (`{ key }`), for a phrase that is translated too (a file type, a kind).
 */

/** Every key the engine and the data store can emit. The i18n table must word each one in JA and EN. */
export const INGEST_MESSAGE_KEYS = [
	// A file that cannot be loaded (IngestError)
	'empty',
	'no_text',
	'not_csv',
	'binary',
	'markup',
	'unclosed_header',
	'no_header',
	'too_many_columns',
	'unrecognised_missing',
	'unrecognised_few',
	'unreadable',
	'file_changed',
	'no_rows',
	'too_large',
	'too_large_limit',
	'load_failed',
	'merge_failed',
	// DuckDB's failures, worded by us (its own text is shown only as a technical detail)
	'engine_conversion',
	'engine_conversion_at',
	'engine_invalid_utf8',
	'engine_line_too_long',
	// Data-quality issues
	'mixed_newlines',
	'mixed_encoding',
	'garbled_text',
	'rejected_rows',
	'unclosed_quote',
	'unclosed_quote_lines',
	'summary_rows',
	'empty_rows',
	'ambiguous_month_first',
	'ambiguous_day_first',
	'unparseable_date',
	'out_of_range',
	'future_date',
	'unparseable_number',
	'unparseable_score',
	'implausible_number',
	'negative_amount',
	'unknown_value',
	'missing_required',
	'duplicate_id_merged',
	'duplicate_id_counted',
	'stage_order',
	'ignored_columns',
	// What each column gave (the Data page's file card)
	'contribution_stage',
	'contribution_field',
	'contribution_zero',
	// The merged dataset (reported once, not per file)
	'undated_records',
	'fx_missing_rates',
	'deals_linked',
	// Excel workbooks
	'xlsx_encrypted',
	'xlsx_corrupt',
	'xlsx_empty',
	'xls_unsupported',
	// The browser's data store
	'engine_start',
	'fetch_failed',
	'fetch_unreachable',
	// Phrases used as parameters
	'what.xlsx',
	'what.xls',
	'what.pdf',
	'what.png',
	'what.jpeg',
	'what.gif',
	'what.status',
	'what.outcome',
	'what.type',
	'what.number',
	'what.date',
	'what.boolean',
	'what.value',
	'kind.leads',
	'kind.lead_history',
	'kind.activities',
	'kind.customers',
	'kind.spend',
	'kind.users'
] as const;

export type IngestMessageKey = (typeof INGEST_MESSAGE_KEYS)[number];

/**
 * A parameter: a value shown as it is, a phrase to translate, or canonical field names (worded as the
 * mapping screen names them, never as code names).
 */
export type MessageParam = string | number | { key: IngestMessageKey } | { fields: string[] };
export type MessageParams = Record<string, MessageParam>;

/** A message as the engine emits it: no wording, only what to say. */
export interface IngestMessage {
	key: IngestMessageKey;
	params: MessageParams;
}
