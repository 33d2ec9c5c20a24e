/**
 * Files that mix encodings, line by line: a Shift_JIS export with rows pasted in from a UTF-8 file, or
 * a UTF-8 header written over Shift_JIS rows. Decoding the whole file in one encoding garbles the other
 * lines silently, so each line is read in the encoding that reads it (valid UTF-8 with non-ASCII bytes
 * is UTF-8; anything else is the legacy encoding), and the lines that needed the other encoding, or
 * still hold undecodable characters, are listed with their line numbers.
 */
import { decodeBytes } from './decode';
import type { Encoding } from './types';

/** Examples kept per list (the count is always whole). */
export const MAX_LINES = 5;

export interface LineList {
	count: number;
	/** 1-based line numbers with the line's text (cut), the first few. */
	examples: { line: number; text: string }[];
}

export interface MixedText {
	text: string;
	/** The encoding most non-ASCII lines are in. */
	main: Encoding;
	/** The other encoding, and the lines read in it. */
	other: Encoding;
	otherLines: LineList;
}

type LineClass = 'ascii' | 'utf-8' | 'legacy';

/** Consecutive lines [start, end) of one encoding (ASCII lines join the run they are in). */
interface LineRun {
	start: number;
	end: number;
	cls: Exclude<LineClass, 'ascii'>;
}

/** The lines of `bytes` by encoding: runs to decode, and the 1-based numbers of non-ASCII lines. */
export interface LineClasses {
	runs: LineRun[];
	utf8Lines: number[];
	legacyLines: number[];
	/** Lines in `bytes` (a final line without a line break counts). */
	lines: number;
}

/**
 * The file decoded line by line when some lines are UTF-8 and others `legacy`; null when every
 * non-ASCII line is in the legacy encoding (the whole-file decode is right then).
 */
export function decodeMixedLines(bytes: Uint8Array, legacy: Encoding): MixedText | null {
	const { runs, utf8Lines, legacyLines } = lineClasses(bytes);
	if (utf8Lines.length === 0 || legacyLines.length === 0) return null;
	const text = decodeRuns(bytes, runs, legacy);
	const utf8Main = utf8Lines.length > legacyLines.length;
	const lines = utf8Main ? legacyLines : utf8Lines;
	return {
		text,
		main: utf8Main ? 'utf-8' : legacy,
		other: utf8Main ? legacy : 'utf-8',
		otherLines: listLines(text, lines)
	};
}

/** Each line's encoding (see decodeMixedLines), by a byte-level look at every line. */
export function lineClasses(bytes: Uint8Array): LineClasses {
	const runs: LineRun[] = [];
	const utf8Lines: number[] = [];
	const legacyLines: number[] = [];
	let line = 1;
	let start = 0;
	let runCls: Exclude<LineClass, 'ascii'> | null = null;
	let runStart = 0;
	while (start < bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		end = end < 0 ? bytes.length : end + 1;
		const cls = classify(bytes, start, end);
		if (cls !== 'ascii') {
			(cls === 'utf-8' ? utf8Lines : legacyLines).push(line);
			if (runCls !== null && runCls !== cls) {
				runs.push({ start: runStart, end: start, cls: runCls });
				runStart = start;
			}
			runCls = cls;
		}
		start = end;
		line++;
	}
	runs.push({ start: runStart, end: bytes.length, cls: runCls ?? 'legacy' });
	return { runs, utf8Lines, legacyLines, lines: line - 1 };
}

/** The runs decoded, each in its encoding (a UTF-8 run drops a BOM it starts with). */
export function decodeRuns(bytes: Uint8Array, runs: LineRun[], legacy: Encoding): string {
	return runs
		.map((r) => {
			const part = bytes.subarray(r.start, r.end);
			return r.cls === 'utf-8' ? new TextDecoder('utf-8').decode(part) : decodeBytes(part, legacy);
		})
		.join('');
}

/**
 * Lines of decoded text that still hold replacement characters (U+FFFD) or user-defined code points,
 * which real data never has: bytes no encoding read. Found with one search; lines counted only then.
 */
export function garbledLines(text: string): LineList {
	const bad = /[\uFFFD\uE000-\uF8FF]/g;
	const lines: number[] = [];
	let line = 1;
	let counted = 0;
	for (let m = bad.exec(text); m; m = bad.exec(text)) {
		line += countNewlines(text, counted, m.index);
		lines.push(line);
		// On to the next line: one entry per line, however many characters it has.
		const next = text.indexOf('\n', m.index);
		if (next < 0) break;
		counted = next;
		bad.lastIndex = next + 1;
	}
	return listLines(text, lines);
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** The count of `lines` and the text of the first few (1-based line numbers in `text`). */
export function listLines(text: string, lines: number[]): LineList {
	const wanted = new Set(lines.slice(0, MAX_LINES));
	const examples: LineList['examples'] = [];
	let line = 1;
	let start = 0;
	while (examples.length < wanted.size && start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		if (wanted.has(line))
			examples.push({ line, text: text.slice(start, end).replace(/\r$/, '').slice(0, 120) });
		start = end + 1;
		line++;
	}
	return { count: lines.length, examples };
}

/** ASCII only, valid UTF-8 with multibyte characters, or neither (a legacy encoding). */
function classify(bytes: Uint8Array, start: number, end: number): LineClass {
	let i = start;
	while (i < end && bytes[i] < 0x80) i++;
	if (i === end) return 'ascii';
	while (i < end) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (n < 0 || i + n >= end) return 'legacy';
		for (let k = 1; k <= n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 'legacy';
		// Overlong and surrogate forms are not UTF-8.
		if (b === 0xe0 && bytes[i + 1] < 0xa0) return 'legacy';
		if (b === 0xed && bytes[i + 1] >= 0xa0) return 'legacy';
		if (b === 0xf0 && bytes[i + 1] < 0x90) return 'legacy';
		if (b === 0xf4 && bytes[i + 1] >= 0x90) return 'legacy';
		i += n + 1;
	}
	return 'utf-8';
}
