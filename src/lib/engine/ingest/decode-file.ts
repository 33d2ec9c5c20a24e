/**
 * Step 1, decode: a dropped file's bytes → UTF-8 bytes DuckDB can read, and a text sample for
 * detection. Refuses what is not a text CSV (empty, a workbook, a PDF, an image, a web page) with a
 * message that says what the file is and what to do.
 */
import { decodeBytes, detectEncoding } from './decode';
import { decodeMixedLines, garbledLines, type LineList } from './decode-lines';
import { IngestError } from './errors';
import type { IngestMessageKey } from './messages';
import type { Encoding, EncodingGuess } from './types';
import type { FileData } from './file-data';

/** Bytes of text detection reads; DuckDB reads the whole file. */
export const SAMPLE_BYTES = 1 << 20;

export interface DecodedFile {
	name: string;
	/** Size of the file as dropped, in bytes. */
	size: number;
	encoding: EncodingGuess;
	/**
	 * The file as UTF-8 without BOM: plain UTF-8 is the dropped bytes (not a copy), or the dropped File
	 * itself, on disk, when it is big (decodeOnDisk).
	 */
	utf8: FileData;
	/** The first SAMPLE_BYTES of `utf8`, in memory. */
	head: Uint8Array;
	/** `head` as text. */
	sampleText: string;
	/** Lines read in another encoding than the file's, and lines still holding undecodable bytes. */
	lines: { other: { encoding: Encoding; lines: LineList } | null; garbled: LineList | null };
}

/** Signatures of the files people drop instead of a CSV, and what each is. */
const NOT_CSV: readonly { magic: readonly number[]; what: IngestMessageKey }[] = [
	{ magic: [0x50, 0x4b, 0x03, 0x04], what: 'what.xlsx' },
	{ magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'what.xls' },
	{ magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'what.pdf' },
	{ magic: [0x89, 0x50, 0x4e, 0x47], what: 'what.png' },
	{ magic: [0xff, 0xd8, 0xff], what: 'what.jpeg' },
	{ magic: [0x47, 0x49, 0x46, 0x38], what: 'what.gif' }
];

/** A web page or XML saved with a .csv/.xls name (older Salesforce "Export to Excel" writes HTML). */
const MARKUP = /^\s*(<!doctype\s+html|<html|<table|<\?xml)/i;

function looksBinary(bytes: Uint8Array, enc: Encoding): boolean {
	if (enc === 'utf-16le' || enc === 'utf-16be') return false;
	const n = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) control++;
	}
	return control > n * 0.05;
}

/**
 * Bytes DuckDB can read: UTF-8 without BOM. Plain UTF-8 is passed through without a copy. A legacy
 * file is decoded line by line when some of its lines are UTF-8 (decode-lines.ts), and the lines that
 * still hold undecodable bytes are listed.
 */
function toUtf8(
	bytes: Uint8Array,
	enc: EncodingGuess
): { utf8: Uint8Array; encoding: EncodingGuess; lines: DecodedFile['lines'] } {
	if (enc.encoding === 'utf-8') {
		const bom = hasUtf8Bom(bytes);
		return { utf8: bom ? bytes.subarray(3) : bytes, encoding: enc, lines: { other: null, garbled: null } };
	}
	const legacy = enc.encoding === 'shift_jis' || enc.encoding === 'windows-1252';
	const mixed = legacy ? decodeMixedLines(bytes, enc.encoding) : null;
	const text = mixed ? mixed.text : decodeBytes(bytes, enc.encoding);
	const garbled = garbledLines(text);
	return {
		utf8: new TextEncoder().encode(text),
		encoding: mixed ? { encoding: mixed.main, bom: false, confidence: enc.confidence } : enc,
		lines: {
			other: mixed ? { encoding: mixed.other, lines: mixed.otherLines } : null,
			garbled: garbled.count ? garbled : null
		}
	};
}

export const sampleOf = (utf8: Uint8Array) => new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE_BYTES));

const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** The encoding to read a file in; throws IngestError for what is no CSV. `head`: its first bytes. */
export function encodingOf(name: string, head: Uint8Array, size: number, override?: Encoding): EncodingGuess {
	if (size === 0) throw new IngestError(name, 'empty', 'empty', { name });
	const foreign = NOT_CSV.find((s) => s.magic.every((b, i) => head[i] === b));
	if (foreign) throw new IngestError(name, 'binary', 'not_csv', { name, what: { key: foreign.what } });
	const detected = detectEncoding(head, size);
	const encoding: EncodingGuess = override
		? { encoding: override, bom: detected.bom, confidence: 1 }
		: detected;
	if (looksBinary(head, encoding.encoding)) throw new IngestError(name, 'binary', 'binary', { name });
	return encoding;
}

/** The sample as text; throws IngestError when it holds no text or is a web page. */
export function sampleTextOf(name: string, head: Uint8Array): string {
	const sampleText = sampleOf(head);
	if (sampleText.trim() === '') throw new IngestError(name, 'empty', 'no_text', { name });
	if (MARKUP.test(sampleText)) throw new IngestError(name, 'unrecognised', 'markup', { name });
	return sampleText;
}

/** Decodes a file (in the given encoding, or the detected one); throws IngestError for what is no CSV. */
export function decodeFile(
	name: string,
	bytes: Uint8Array,
	override?: Encoding
): DecodedFile & { utf8: Uint8Array } {
	const encoding = encodingOf(name, bytes, bytes.length, override);
	const { utf8, encoding: read, lines } = toUtf8(bytes, encoding);
	const head = utf8.subarray(0, SAMPLE_BYTES);
	const sampleText = sampleTextOf(name, head);
	return { name, size: bytes.length, encoding: read, utf8, head, sampleText, lines };
}

/** Bytes of a file on disk that `decodeOnDisk` wants in memory: the sample, and a BOM before it. */
export const HEAD_BYTES = SAMPLE_BYTES + 3;

/**
 * A file on disk (`file`) whose first HEAD_BYTES (`head`) are read: if it is UTF-8 it is decoded as
 * `decodeFile` would, but stays on disk (`utf8` is the file, less its BOM); null when it needs
 * decoding (another encoding), which takes the whole file. Throws IngestError for what is no CSV.
 */
export function decodeOnDisk(
	name: string,
	file: Blob,
	head: Uint8Array,
	override?: Encoding
): DecodedFile | null {
	const encoding = encodingOf(name, head, file.size, override);
	if (encoding.encoding !== 'utf-8') return null;
	const bom = hasUtf8Bom(head) ? 3 : 0;
	const sample = head.subarray(bom, bom + SAMPLE_BYTES);
	const sampleText = sampleTextOf(name, sample);
	const utf8 = bom ? file.slice(bom) : file;
	const lines = { other: null, garbled: null };
	return { name, size: file.size, encoding, utf8, head: sample, sampleText, lines };
}
