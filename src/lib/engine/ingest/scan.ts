/**
 * One quote-aware pass over a file's bytes: where records start, empty lines, an unclosed quote, mixed
 * line endings. DuckDB's CSV reader reports none of these, and spreadsheet row numbers depend on them.
 * Byte-level (no string decoding), so it stays cheap on a 100 MB file.
 */
import type { Delimiter } from './types';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What one quote-aware pass over a file's bytes finds. DuckDB's reader reports none of it. */
export interface RecordScan {
	/** Byte offset where record `i` starts, for the first `keepStarts + 1` records. */
	starts: number[];
	/**
	 * 0-based indexes of empty records (a line break right after another, outside quotes) before the last
	 * record with content. DuckDB skips them without a trace, so they shift its row numbering.
	 */
	empty: number[];
	/** Records in the file (an empty final line after the last line break is not one). */
	records: number;
	/** Kinds of line break seen outside quoted fields; more than one means the file mixes them. */
	newlines: Set<'\r\n' | '\n' | '\r'>;
	/** The record holding a quoted field that is still open at the end of the file. */
	openQuote: { record: number; offset: number } | null;
}

/**
 * Splits the bytes into records the way DuckDB's reader does (RFC 4180 with `"` as quote and escape:
 * a quote opens a quoted field only at the start of a field; inside one, `""` is a literal quote). Works
 * on UTF-8 bytes: delimiters, quotes and line breaks are ASCII and never occur inside a multi-byte
 * character. Every line break kind ends a record, as spreadsheets read them.
 */
export function scanRecords(data: Uint8Array, delimiter: Delimiter, keepStarts: number): RecordScan {
	const delim = delimiter.charCodeAt(0);
	const starts = [0];
	let empty: number[] = [];
	let kinds = 0;
	let record = 0;
	let recordStart = 0;
	let lastContent = -1;
	let fieldStart = true;
	let quoted = false;
	const n = data.length;
	// Jumps from one quote or line break to the next with the engine's native indexOf (memchr speed):
	// between them no byte changes the state, except that a delimiter right before a quote makes it
	// open a quoted field. Next positions are cached (-1 → n) and looked up again once passed.
	const next = (b: number, from: number) => {
		const at = data.indexOf(b, from);
		return at < 0 ? n : at;
	};
	let nextLF = next(LF, 0);
	let nextCR = next(CR, 0);
	let nextQ = next(QUOTE, 0);
	let i = 0;
	while (i < n) {
		if (quoted) {
			// Inside a quoted field only a quote matters: `""` is a literal quote, a single one closes it.
			if (nextQ < i) nextQ = next(QUOTE, i);
			if (nextQ >= n) break; // still open at the end of the file
			if (data[nextQ + 1] === QUOTE) {
				i = nextQ + 2;
				continue;
			}
			quoted = false;
			fieldStart = false;
			i = nextQ + 1;
			continue;
		}
		if (nextLF < i) nextLF = next(LF, i);
		if (nextCR < i) nextCR = next(CR, i);
		if (nextQ < i) nextQ = next(QUOTE, i);
		const nl = nextLF < nextCR ? nextLF : nextCR;
		if (nextQ < nl) {
			// A quote before the line ends: it opens a quoted field only at the start of a field.
			const atStart = nextQ === i ? fieldStart : data[nextQ - 1] === delim;
			if (atStart) quoted = true;
			fieldStart = false;
			i = nextQ + 1;
			continue;
		}
		if (nl >= n) break; // the last record has no line break after it
		const b = data[nl];
		if (nl === recordStart) empty.push(record);
		else lastContent = record;
		if (b === CR && data[nl + 1] === LF) {
			kinds |= 1;
			i = nl + 2;
		} else {
			kinds |= b === LF ? 2 : 4;
			i = nl + 1;
		}
		record++;
		recordStart = i;
		fieldStart = true;
		if (starts.length <= keepStarts) starts.push(recordStart);
	}
	const openQuote = quoted ? { record, offset: recordStart } : null;
	if (recordStart < n) lastContent = record;
	if (empty.length && empty[empty.length - 1] > lastContent) empty = empty.filter((e) => e < lastContent);
	const newlines = new Set<'\r\n' | '\n' | '\r'>();
	if (kinds & 1) newlines.add('\r\n');
	if (kinds & 2) newlines.add('\n');
	if (kinds & 4) newlines.add('\r');
	return { starts, empty, records: recordStart < n ? record + 1 : record, newlines, openQuote };
}

/**
 * The bytes with every line break outside quoted fields turned into `\n`. For files that mix `\r\n`,
 * `\n` and `\r` (pasted-together exports): DuckDB's reader accepts one kind and fails on the others.
 * Breaks inside quoted fields are cell content and stay as they are.
 */
export function normaliseNewlines(data: Uint8Array, delimiter: Delimiter): Uint8Array {
	const delim = delimiter.charCodeAt(0);
	const out = new Uint8Array(data.length);
	let o = 0;
	let fieldStart = true;
	let quoted = false;
	for (let i = 0; i < data.length; i++) {
		const b = data[i];
		if (quoted) {
			if (b === QUOTE) {
				if (data[i + 1] === QUOTE) out[o++] = data[i++];
				else quoted = false;
			}
			out[o++] = b;
			continue;
		}
		if (b === CR) {
			if (data[i + 1] === LF) i++;
			out[o++] = LF;
			fieldStart = true;
			continue;
		}
		if (b === QUOTE && fieldStart) quoted = true;
		fieldStart = b === delim || b === LF;
		out[o++] = b;
	}
	return out.subarray(0, o);
}

/** Line breaks from `offset` to the end: how many rows an unclosed quote swallowed. */
export function linesFrom(data: Uint8Array, offset: number): number {
	let lines = 0;
	for (let i = offset; i < data.length; i++) {
		if (data[i] === LF || (data[i] === CR && data[i + 1] !== LF)) lines++;
	}
	return data.length > offset && data[data.length - 1] !== LF && data[data.length - 1] !== CR
		? lines + 1
		: lines;
}
