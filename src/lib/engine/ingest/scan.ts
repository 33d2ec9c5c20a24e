/**
 * One quote-aware pass over a file's bytes: where records start, empty lines, an unclosed quote, mixed
 * line endings. DuckDB's CSV reader reports none of these, and spreadsheet row numbers depend on them.
 * Byte-level (no string decoding), so it stays cheap on a 100 MB file.
 */
import { afterRest } from './file-data';
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
	/**
	 * Where a big file can be cut for reading in parts (read.ts): the first record starting at or after
	 * each multiple of the scan's `cutEvery` bytes, as its byte offset and 0-based record index.
	 */
	cuts: RecordCut[];
}

/** A record boundary: the record with 0-based index `record` starts at byte `offset`. */
export interface RecordCut {
	offset: number;
	record: number;
}

/**
 * Splits the bytes into records the way DuckDB's reader does (RFC 4180 with `"` as quote and escape:
 * a quote opens a quoted field only at the start of a field; inside one, `""` is a literal quote). Works
 * on UTF-8 bytes: delimiters, quotes and line breaks are ASCII and never occur inside a multi-byte
 * character. Every line break kind ends a record, as spreadsheets read them.
 */
export function scanRecords(
	data: Uint8Array,
	delimiter: Delimiter,
	keepStarts: number,
	cutEvery = Infinity
): RecordScan {
	return new RecordScanner(delimiter, keepStarts, cutEvery).end(data);
}

/**
 * `scanRecords` over a file given in consecutive parts (a big file read from disk a part at a time, so
 * it is never whole in memory): `push` each part, `end` with the last. The result is the same as one
 * scan of the parts joined, wherever they are cut (a part may end inside a `\r\n` or a `""`: the bytes
 * from the last undecided position on wait for the next part).
 */
export class RecordScanner {
	private readonly delim: number;
	private readonly starts = [0];
	private readonly cuts: RecordCut[] = [];
	private nextCut: number;
	private empty: number[] = [];
	private kinds = 0;
	private record = 0;
	private recordStart = 0;
	private lastContent = -1;
	private fieldStart = true;
	private quoted = false;
	/** Absolute offset of `rest[0]`; `rest`: the bytes not yet decided. */
	private base = 0;
	private rest: Uint8Array = new Uint8Array(0);

	constructor(
		delimiter: Delimiter,
		private readonly keepStarts: number,
		private readonly cutEvery = Infinity
	) {
		this.delim = delimiter.charCodeAt(0);
		this.nextCut = cutEvery;
	}

	push(part: Uint8Array): void {
		this.scan(part, false);
	}

	end(part: Uint8Array = new Uint8Array(0)): RecordScan {
		this.scan(part, true);
		const n = this.base + this.rest.length;
		const { record, recordStart, starts, cuts } = this;
		const openQuote = this.quoted ? { record, offset: recordStart } : null;
		let lastContent = this.lastContent;
		if (recordStart < n) lastContent = record;
		let empty = this.empty;
		if (empty.length && empty[empty.length - 1] > lastContent) empty = empty.filter((e) => e < lastContent);
		const newlines = new Set<'\r\n' | '\n' | '\r'>();
		if (this.kinds & 1) newlines.add('\r\n');
		if (this.kinds & 2) newlines.add('\n');
		if (this.kinds & 4) newlines.add('\r');
		// A cut at the very end (after the last line break) starts no record: there is nothing to read there.
		if (cuts.length && cuts[cuts.length - 1].offset >= n) cuts.pop();
		const records = recordStart < n ? record + 1 : record;
		return { starts, empty, records, newlines, openQuote, cuts };
	}

	private scan(part: Uint8Array, final: boolean): void {
		const data = afterRest(this.rest, part);
		const { delim, base } = this;
		const n = data.length;
		// Jumps from one quote or line break to the next with the engine's native indexOf (memchr speed):
		// between them no byte changes the state, except that a delimiter right before a quote makes it
		// open a quoted field. Next positions are cached (-1 → n) and looked up again once passed.
		const next = (b: number, from: number) => {
			const at = data.indexOf(b, from);
			return at < 0 ? n : at;
		};
		let nextLF = -1;
		let nextCR = -1;
		let nextQ = -1;
		let i = 0;
		while (i < n) {
			if (this.quoted) {
				// Inside a quoted field only a quote matters: `""` is a literal quote, a single one closes it.
				if (nextQ < i) nextQ = next(QUOTE, i);
				if (nextQ >= n) {
					i = n; // still open at the end of this part (of the file, if final)
					break;
				}
				if (nextQ + 1 === n && !final) {
					i = nextQ; // `"` or `""`: the next part tells
					break;
				}
				if (data[nextQ + 1] === QUOTE) {
					i = nextQ + 2;
					continue;
				}
				this.quoted = false;
				this.fieldStart = false;
				i = nextQ + 1;
				continue;
			}
			if (nextLF < i) nextLF = next(LF, i);
			if (nextCR < i) nextCR = next(CR, i);
			if (nextQ < i) nextQ = next(QUOTE, i);
			const nl = nextLF < nextCR ? nextLF : nextCR;
			if (nextQ < nl) {
				// A quote before the line ends: it opens a quoted field only at the start of a field.
				const atStart = nextQ === i ? this.fieldStart : data[nextQ - 1] === delim;
				if (atStart) this.quoted = true;
				this.fieldStart = false;
				i = nextQ + 1;
				continue;
			}
			if (nl >= n) break; // the last record has no line break after it (or continues in the next part)
			const b = data[nl];
			if (b === CR && nl + 1 === n && !final) break; // `\r` or `\r\n`: the next part tells
			if (base + nl === this.recordStart) this.empty.push(this.record);
			else this.lastContent = this.record;
			if (b === CR && data[nl + 1] === LF) {
				this.kinds |= 1;
				i = nl + 2;
			} else {
				this.kinds |= b === LF ? 2 : 4;
				i = nl + 1;
			}
			this.record++;
			this.recordStart = base + i;
			this.fieldStart = true;
			if (this.starts.length <= this.keepStarts) this.starts.push(this.recordStart);
			if (this.recordStart >= this.nextCut) {
				this.cuts.push({ offset: this.recordStart, record: this.record });
				this.nextCut = (Math.floor(this.recordStart / this.cutEvery) + 1) * this.cutEvery;
			}
		}
		this.rest = data.subarray(i);
		this.base = base + i;
	}
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

/** Bytes a scan of a file on disk reads at a time. */
export const SCAN_PART_BYTES = 16 << 20;

/** `scanRecords` of a file of `size` bytes read a part at a time by `read(start, end)`. */
export async function scanInParts(
	size: number,
	delimiter: Delimiter,
	keepStarts: number,
	read: (start: number, end: number) => Uint8Array | Promise<Uint8Array>,
	cutEvery = Infinity
): Promise<RecordScan> {
	const scanner = new RecordScanner(delimiter, keepStarts, cutEvery);
	for (let at = 0; at < size; at += SCAN_PART_BYTES)
		scanner.push(await read(at, Math.min(size, at + SCAN_PART_BYTES)));
	return scanner.end();
}
