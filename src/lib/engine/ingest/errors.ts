/**
 * The one error type of ingestion, and the one place an engine failure becomes one (`asIngestError`).
 * It carries a message key and parameters, not a sentence: the interface words it in the user's language.
 */
import type { ColumnMapping, FileKind } from './types';
import type { IngestMessageKey, MessageParams } from './messages';

export type IngestErrorCode =
	| 'empty'
	| 'binary'
	| 'no_header'
	| 'no_rows'
	| 'too_many_columns'
	| 'unrecognised'
	| 'unreadable'
	| 'too_large'
	| 'workbook';

/** A problem that stops one file from loading; everything loaded before it stays. */
export class IngestError extends Error {
	constructor(
		readonly file: string,
		readonly code: IngestErrorCode,
		readonly key: IngestMessageKey,
		readonly params: MessageParams,
		/**
		 * For a file read but not recognised: its headers and what detection proposed, so the Data page
		 * can keep it as a card with the mapping screen open.
		 */
		readonly refused?: { headers: string[]; kind: FileKind; mapping: ColumnMapping[] }
	) {
		// The key, for logs and stack traces; users read the worded message.
		super(`${file}: ${key}`);
		this.name = 'IngestError';
	}
}

/** First line of an engine error, as a message quotes it. */
export const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0];

export function isOutOfMemory(e: unknown): boolean {
	return /out of memory|could not allocate|memory access out of bounds/i.test(
		String((e as Error)?.message ?? e)
	);
}

/** DuckDB ran out of memory: say so, with the limit it hit and what to do, not "check the CSV". */
export function tooLarge(name: string, size: number, e: unknown): IngestError {
	const limit = /\(([\d.]+ ?[KMG]iB)\/([\d.]+ ?[KMG]iB) used\)/.exec(String((e as Error)?.message ?? e));
	const mib = Math.round(size / 1048576);
	return limit
		? new IngestError(name, 'too_large', 'too_large_limit', { name, mib, limit: limit[2] })
		: new IngestError(name, 'too_large', 'too_large', { name, mib });
}

/**
 * Any failure while loading (`load`), reading the CSV (`read`) or merging (`merge`) a file, as the
 * IngestError the user sees; an IngestError passes through unchanged.
 */
export function asIngestError(
	e: unknown,
	name: string,
	size: number,
	during: 'load' | 'read' | 'merge'
): IngestError {
	if (e instanceof IngestError) return e;
	if (isOutOfMemory(e)) return tooLarge(name, size, e);
	const key = during === 'read' ? 'unreadable' : during === 'load' ? 'load_failed' : 'merge_failed';
	return new IngestError(name, 'unreadable', key, { name, reason: firstLine(e) });
}
