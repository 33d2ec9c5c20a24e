/**
 * The data-quality report: per file, what was read, what was set aside and why. Nothing is dropped
 * silently: every row that does not reach a metric, and every value that could not be read, is counted
 * here with examples (row number, column, value). The dashboard's Data page and the report's `quality`
 * show this same structure. `code` is stable; `key` and `params` say it in words (ingest-messages.ts in
 * src/lib/i18n words them in Japanese and English; the report adds the English `message`).
 */
import type { IngestMessageKey, MessageParams } from './messages';

export type IssueCode =
	| 'rejected_row'
	| 'mixed_newlines'
	| 'summary_row'
	| 'missing_required'
	| 'unparseable_date'
	| 'unparseable_number'
	| 'ambiguous_date_order'
	| 'duplicate_id'
	| 'stage_order'
	| 'future_date'
	| 'unknown_value'
	| 'ignored_column'
	| 'no_created_date'
	| 'out_of_range'
	| 'implausible_number'
	| 'negative_amount'
	| 'mixed_encoding'
	| 'garbled_text';

export interface IssueExample {
	/** 1-based row number as a spreadsheet shows it (the header row counts). */
	row: number | null;
	value: string;
}

export interface QualityIssue {
	code: IssueCode;
	severity: 'error' | 'warning' | 'info';
	/** The file's own header text, when the issue is about a column. */
	column: string | null;
	count: number;
	key: IngestMessageKey;
	params: MessageParams;
	examples: IssueExample[];
}

export interface FileQuality {
	name: string;
	table: string;
	encoding: string;
	delimiter: string;
	header_row: number;
	/**
	 * Data rows in the file below the header: every record, including those set aside (total rows,
	 * unreadable rows, rows without their required date); blank rows are not counted.
	 */
	rows: number;
	/** Of `rows`, those that reach no metric; the other `rows − rejected` are counted. */
	rejected: number;
	issues: QualityIssue[];
}

export const MAX_EXAMPLES = 5;
/** Example values are cut to this many characters: a 5 MB cell must not travel in the report. */
export const MAX_VALUE_LENGTH = 200;

export function issue(
	code: IssueCode,
	severity: QualityIssue['severity'],
	column: string | null,
	count: number,
	key: IngestMessageKey,
	params: MessageParams,
	examples: IssueExample[] = []
): QualityIssue {
	const cut = (v: string) => (v.length > MAX_VALUE_LENGTH ? v.slice(0, MAX_VALUE_LENGTH - 1) + '…' : v);
	return {
		code,
		severity,
		column,
		count,
		key,
		params,
		examples: examples.slice(0, MAX_EXAMPLES).map((e) => ({ row: e.row, value: cut(e.value) }))
	};
}

/** A header or value as a message quotes it: long ones (a 5,000-character header) are cut. */
export function shown(text: string): string {
	return text.length > 60 ? text.slice(0, 59) + '…' : text;
}
