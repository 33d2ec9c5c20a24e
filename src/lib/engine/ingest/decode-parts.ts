/**
 * A big Shift_JIS or windows-1252 file decoded a part at a time, its UTF-8 kept as a Blob (which the
 * browser may keep out of the page's memory) rather than in one piece: decoding 500 MB of Shift_JIS whole
 * held the bytes, the text (one JS string, a UTF-16 copy) and the UTF-8 at once — 3.4 GB at the peak
 * for 9.5M activities. The parts end at line breaks: in these encodings the byte 0x0A is never part of
 * another character, so each part decodes alone. The result is the file `decodeFile` gives: the same
 * UTF-8, the same lines read in another encoding and the same garbled lines, numbered through the file.
 * UTF-16 files, whose line breaks are two bytes, are decoded whole as before.
 */
import { decodeBytes } from './decode';
import { afterRest } from './file-data';
import { encodingOf, SAMPLE_BYTES, sampleTextOf, type DecodedFile } from './decode-file';
import { decodeRuns, garbledLines, lineClasses, listLines, MAX_LINES, type LineList } from './decode-lines';
import type { Encoding, EncodingGuess } from './types';

/** Bytes read and decoded at a time. */
export const DECODE_PART_BYTES = 16 << 20;

/** Encodings a file can be decoded in parts in (a line break is one byte no character contains). */
export const decodesInParts = (e: Encoding) => e === 'shift_jis' || e === 'windows-1252';

/** A line longer than this (a file with CR line breaks has one line) is not decoded in parts. */
export const MAX_LINE_BYTES = 64 << 20;

type Read = (start: number, end: number) => Uint8Array | Promise<Uint8Array>;

/** Thrown by wholeLines for a line over MAX_LINE_BYTES. */
class LineTooLong extends Error {}

/** The file's bytes a part at a time, each ending after a line break (the last one need not). */
async function* wholeLines(
	size: number,
	read: Read,
	partBytes: number,
	maxLine: number
): AsyncGenerator<Uint8Array> {
	let carry: Uint8Array = new Uint8Array(0);
	for (let at = 0; at < size; at += partBytes) {
		const part = await read(at, Math.min(size, at + partBytes));
		const data = afterRest(carry, part);
		const cut = at + partBytes >= size ? data.length : data.lastIndexOf(0x0a) + 1;
		if (cut > 0) yield data.subarray(0, cut);
		carry = data.subarray(cut);
		if (carry.length > maxLine) throw new LineTooLong();
	}
}

/** Lines listed through the file: counts summed, the first few examples kept, numbers shifted. */
class LinesSeen {
	count = 0;
	examples: LineList['examples'] = [];
	add(list: LineList, before: number): void {
		this.count += list.count;
		for (const e of list.examples)
			if (this.examples.length < MAX_LINES) this.examples.push({ ...e, line: e.line + before });
	}
	get list(): LineList {
		return { count: this.count, examples: this.examples };
	}
}

/**
 * Decodes a file of `size` bytes in `encoding` (decodesInParts), read a part at a time by `read`; null
 * when a line is longer than `maxLine` bytes (decode the file whole: its lines cannot be cut apart).
 * Throws IngestError when the decoded text is empty or a web page, as decodeFile does.
 */
export async function decodeInParts(
	name: string,
	size: number,
	read: Read,
	encoding: EncodingGuess,
	partBytes = DECODE_PART_BYTES,
	maxLine = MAX_LINE_BYTES
): Promise<DecodedFile | null> {
	try {
		const decode = (byLine: boolean) => decodeLines(name, size, read, encoding, partBytes, maxLine, byLine);
		// A file whose every non-ASCII line is UTF-8 (read as `legacy` because the user said so) is
		// decoded again whole in `legacy`, as decodeFile does: line by line reads it as UTF-8.
		return (await decode(true)) ?? (await decode(false));
	} catch (e) {
		if (e instanceof LineTooLong) return null;
		throw e;
	}
}

/**
 * A file on disk of `size` bytes whose first bytes are `head`: decoded in parts if its encoding (the
 * detected one, or `override`) allows; null otherwise, or for a line too long (decode it whole).
 */
export async function decodeOnDiskInParts(
	name: string,
	size: number,
	head: Uint8Array,
	read: Read,
	override?: Encoding
): Promise<DecodedFile | null> {
	const encoding = encodingOf(name, head, size, override);
	return decodesInParts(encoding.encoding) ? decodeInParts(name, size, read, encoding) : null;
}

/** One pass over the file; null when decoding `byLine` finds every non-ASCII line in UTF-8. */
async function decodeLines(
	name: string,
	size: number,
	read: Read,
	encoding: EncodingGuess,
	partBytes: number,
	maxLine: number,
	byLine: boolean
): Promise<DecodedFile | null> {
	const legacy = encoding.encoding;
	const utf8Lines = new LinesSeen();
	const legacyLines = new LinesSeen();
	const garbled = new LinesSeen();
	const encoder = new TextEncoder();
	let blob = new Blob([]);
	let pending: Uint8Array<ArrayBuffer>[] = [];
	let pendingBytes = 0;
	// The first SAMPLE_BYTES of the UTF-8, gathered from the first parts.
	const head = new Uint8Array(SAMPLE_BYTES);
	let headBytes = 0;
	let before = 0;
	for await (const piece of wholeLines(size, read, partBytes, maxLine)) {
		// Each line in the encoding that reads it, as decodeMixedLines does for the whole file.
		const classes = lineClasses(piece);
		const text = byLine ? decodeRuns(piece, classes.runs, legacy) : decodeBytes(piece, legacy);
		const firstOf = (lines: number[]) => listLines(text, lines.slice(0, MAX_LINES));
		utf8Lines.add({ ...firstOf(classes.utf8Lines), count: classes.utf8Lines.length }, before);
		legacyLines.add({ ...firstOf(classes.legacyLines), count: classes.legacyLines.length }, before);
		garbled.add(garbledLines(text), before);
		before += classes.lines;
		const utf8 = encoder.encode(text);
		if (headBytes < SAMPLE_BYTES) {
			const take = utf8.subarray(0, SAMPLE_BYTES - headBytes);
			head.set(take, headBytes);
			headBytes += take.length;
		}
		pending.push(utf8);
		pendingBytes += utf8.length;
		// The UTF-8 joins the Blob 64 MiB at a time (a Blob of Blobs copies nothing).
		if (pendingBytes >= 64 << 20) {
			blob = new Blob([blob, ...pending]);
			pending = [];
			pendingBytes = 0;
		}
	}
	if (byLine && legacyLines.count === 0 && utf8Lines.count > 0) return null;
	const mixed = byLine && utf8Lines.count > 0 && legacyLines.count > 0;
	const utf8Main = utf8Lines.count > legacyLines.count;
	const sample = head.slice(0, headBytes);
	return {
		name,
		size,
		encoding: mixed
			? { encoding: utf8Main ? 'utf-8' : legacy, bom: false, confidence: encoding.confidence }
			: encoding,
		utf8: new Blob([blob, ...pending]),
		head: sample,
		sampleText: sampleTextOf(name, sample),
		lines: {
			other: mixed
				? utf8Main
					? { encoding: legacy, lines: legacyLines.list }
					: { encoding: 'utf-8', lines: utf8Lines.list }
				: null,
			garbled: garbled.count ? garbled.list : null
		}
	};
}
