/**
 * The one error type of ingestion, and the one place an engine failure becomes one (`asIngestError`).
 * It carries a message key and parameters, not a sentence: the interface words it in the user's language.
 */
import type { ColumnMapping, FileKind } from './types';
import type { IngestMessageKey, MessageParam, MessageParams } from './messages';
import { shown } from './quality';

export type IngestErrorCode =
	| 'empty'
	| 'binary'
	| 'no_header'
	| 'no_rows'
	| 'too_many_columns'
	| 'unrecognised'
	| 'unreadable'
	| 'too_large'
	| 'workbook'
	| 'engine';

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
		readonly refused?: { headers: string[]; kind: FileKind; mapping: ColumnMapping[] },
		/**
		 * The analysis engine's own text (DuckDB's, in English), kept only for a collapsed "technical
		 * details" disclosure: the message itself is worded from `key` and `params`.
		 */
		readonly detail?: string
	) {
		// The key, for logs and stack traces; users read the worded message.
		super(`${file}: ${key}`);
		this.name = 'IngestError';
	}
}

/** An engine error's text. */
const textOf = (e: unknown) => String((e as Error)?.message ?? e);

export function isOutOfMemory(e: unknown): boolean {
	return /out of memory|could not allocate|memory access out of bounds/i.test(textOf(e));
}

/** DuckDB ran out of memory: say so, with the limit it hit and what to do, not "check the CSV". */
export function tooLarge(name: string, size: number, e: unknown): IngestError {
	const limit = /\(([\d.]+ ?[KMG]iB)\/([\d.]+ ?[KMG]iB) used\)/.exec(textOf(e));
	const mib = Math.round(size / 1048576);
	return limit
		? new IngestError(
				name,
				'too_large',
				'too_large_limit',
				{ name, mib, limit: limit[2] },
				undefined,
				textOf(e)
			)
		: new IngestError(name, 'too_large', 'too_large', { name, mib }, undefined, textOf(e));
}

/** What a DuckDB type is, in words a user knows (a phrase key). */
function typeWord(type: string): MessageParam {
	if (/INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL/i.test(type)) return { key: 'what.number' };
	if (/DATE|TIME/i.test(type)) return { key: 'what.date' };
	if (/BOOL/i.test(type)) return { key: 'what.boolean' };
	return { key: 'what.value' };
}

/** The header of a read column (`c3` → the file's fourth header), as the engine names it. */
function headerOf(column: string, headers?: readonly string[]): string {
	const i = /^c(\d+)$/.exec(column);
	return i && headers?.[Number(i[1])] !== undefined ? headers[Number(i[1])] : column;
}

/**
 * DuckDB's failures we can word ourselves: a value that could not be converted (with the value, and the
 * column and line when DuckDB names them), bytes that are not UTF-8, a line over the reader's limit.
 * Null for anything else (the caller words it as unexpected).
 */
export function engineFailure(
	name: string,
	e: unknown,
	headers?: readonly string[]
): { key: IngestMessageKey; params: MessageParams } | null {
	const text = textOf(e);
	const outOfRange = /(?:date|timestamp) field value out of range: "(.*?)"/.exec(text);
	const conversion =
		/Could not convert string ['"](.*?)['"] to '?(\w+)'?/s.exec(text) ??
		(outOfRange ? [outOfRange[0], outOfRange[1], 'DATE'] : null) ??
		/Type \w+ with value (\S+) can't be cast because the value is out of range for the destination type '?(\w+)'?/.exec(
			text
		);
	if (/Conversion Error/i.test(text) && conversion) {
		const value = shown(conversion[1]);
		const type = typeWord(conversion[2]);
		const column = /converting column ['"]?([^'".\s]+)['"]?/.exec(text);
		const line = /on Line:? (\d+)/i.exec(text);
		if (column && line)
			return {
				key: 'engine_conversion_at',
				params: { name, value, type, column: shown(headerOf(column[1], headers)), row: Number(line[1]) }
			};
		return { key: 'engine_conversion', params: { name, value, type } };
	}
	if (/invalid unicode|invalid utf-?8|byte sequence mismatch/i.test(text))
		return { key: 'engine_invalid_utf8', params: { name } };
	if (/maximum line size/i.test(text)) return { key: 'engine_line_too_long', params: { name } };
	return null;
}

/**
 * Any failure while loading (`load`), reading the CSV (`read`) or merging (`merge`) a file, as the
 * IngestError the user sees, worded by us; DuckDB's own text goes to `detail`. An IngestError passes
 * through unchanged. `headers`: the file's headers, to name a column DuckDB calls `c3`.
 */
export function asIngestError(
	e: unknown,
	name: string,
	size: number,
	during: 'load' | 'read' | 'merge',
	headers?: readonly string[]
): IngestError {
	if (e instanceof IngestError) return e;
	if (isOutOfMemory(e)) return tooLarge(name, size, e);
	const known = engineFailure(name, e, headers);
	if (known) return new IngestError(name, 'engine', known.key, known.params, undefined, textOf(e));
	const key = during === 'read' ? 'unreadable' : during === 'load' ? 'load_failed' : 'merge_failed';
	return new IngestError(name, 'unreadable', key, { name }, undefined, textOf(e));
}
