/**
 * Byte → text. Japanese sales teams still get Shift_JIS (CP932) CSVs out of Excel and Salesforce's
 * Japanese UI, Western ones get windows-1252, and everything newer is UTF-8 (sometimes with a BOM so
 * Excel opens it right). Only WHATWG `TextDecoder` is used, so the same code runs in browsers and Node.
 */
import type { Encoding, EncodingGuess } from './types';

/** Enough text to be representative; decoding more only costs time. */
const UTF8_CHECK_BYTES = 1 << 20;
const STATISTICAL_SAMPLE_BYTES = 64 * 1024;
const UTF16_SAMPLE_BYTES = 4096;

/**
 * The file's encoding from its first bytes. `total`: the file's size when `bytes` is only its first
 * part (a file on disk; at least the first megabyte is given).
 */
export function detectEncoding(bytes: Uint8Array, total = bytes.length): EncodingGuess {
	const bom = bomEncoding(bytes);
	if (bom) return { encoding: bom, bom: true, confidence: 1 };

	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return { encoding: utf16, bom: false, confidence: 0.8 };

	const utf8 = utf8Validity(bytes, total);
	if (utf8 === 'non-ascii') return { encoding: 'utf-8', bom: false, confidence: 1 };
	// Pure ASCII reads the same in every candidate; only a later, unchecked part could disagree.
	if (utf8 === 'ascii') {
		return { encoding: 'utf-8', bom: false, confidence: total <= UTF8_CHECK_BYTES ? 1 : 0.9 };
	}
	return guessLegacyEncoding(bytes.subarray(0, STATISTICAL_SAMPLE_BYTES));
}

/** Decode the whole file; a BOM is dropped, invalid bytes become U+FFFD rather than failing the load. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
	const bomLength = bomEncoding(bytes) === encoding ? (encoding === 'utf-8' ? 3 : 2) : 0;
	// ignoreBOM: the BOM is stripped explicitly above, so a second U+FEFF (real content) is preserved.
	const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bomLength));
	return encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

/**
 * windows-1252 puts € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ at 0x80–0x9F, but Node 20's
 * `TextDecoder('windows-1252')` decodes those bytes as ISO-8859-1 C1 controls (browsers do it right).
 * Remapping the C1 range afterwards gives the WHATWG result on both; the five bytes windows-1252 leaves
 * undefined stay C1 controls, as WHATWG specifies.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function fixWindows1252(text: string): string {
	return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
}

function bomEncoding(bytes: Uint8Array): Encoding | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/**
 * A CSV is mostly ASCII (digits, delimiters, Latin headers), so in UTF-16 without a BOM one byte of
 * most code units is 0x00: at odd offsets for little-endian, even offsets for big-endian. No 8-bit
 * encoding puts NULs in text.
 */
function utf16WithoutBom(bytes: Uint8Array): Encoding | null {
	const sample = bytes.subarray(0, UTF16_SAMPLE_BYTES);
	const units = Math.floor(sample.length / 2);
	if (units < 2) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i + 1 < sample.length; i += 2) {
		if (sample[i] === 0) evenZeros++;
		if (sample[i + 1] === 0) oddZeros++;
	}
	const mostly = units * 0.3;
	const rarely = units * 0.05;
	if (oddZeros >= mostly && evenZeros <= rarely) return 'utf-16le';
	if (evenZeros >= mostly && oddZeros <= rarely) return 'utf-16be';
	return null;
}

/**
 * Strict UTF-8 check on the first megabyte. `stream: true` makes the decoder hold back a multibyte
 * character that the prefix cut in half instead of reporting it as invalid.
 */
function utf8Validity(bytes: Uint8Array, total: number): 'ascii' | 'non-ascii' | 'invalid' {
	const prefix = bytes.subarray(0, UTF8_CHECK_BYTES);
	if (prefix.every((b) => b < 0x80)) return 'ascii';
	try {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		decoder.decode(prefix, { stream: prefix.length < total });
		// A file (not a prefix) that ends inside a character is invalid: flush to find out.
		if (prefix.length === total) decoder.decode();
		return 'non-ascii';
	} catch {
		return 'invalid';
	}
}

/**
 * Shift_JIS or windows-1252: decode the sample both ways and score how plausible each text is.
 * Real Japanese decodes to kana and kanji; windows-1252 text decoded as Shift_JIS yields replacement
 * characters and user-defined (private use) code points. Real Western text decodes to accented letters
 * inside words; Shift_JIS decoded as windows-1252 yields runs of symbols and C1 controls.
 */
function guessLegacyEncoding(sample: Uint8Array): EncodingGuess {
	// A sample cut inside a double-byte character would cost Shift_JIS one spurious U+FFFD.
	const sjis = shiftJisPlausibility(new TextDecoder('shift_jis').decode(trimPartialShiftJis(sample)));
	const latin = windows1252Plausibility(decodeBytes(sample, 'windows-1252'));
	const encoding: Encoding = sjis > latin ? 'shift_jis' : 'windows-1252';
	const margin = Math.abs(sjis - latin) / (Math.abs(sjis) + Math.abs(latin) || 1);
	return { encoding, bom: false, confidence: round2(0.5 + 0.45 * margin) };
}

function trimPartialShiftJis(sample: Uint8Array): Uint8Array {
	let i = 0;
	while (i < sample.length) {
		const b = sample[i];
		const isLead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
		if (isLead && i + 1 === sample.length) return sample.subarray(0, i);
		i += isLead ? 2 : 1;
	}
	return sample;
}

function shiftJisPlausibility(text: string): number {
	let score = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0) ?? 0;
		if (c < 0x80) continue;
		if (c >= 0x3040 && c <= 0x30ff)
			score += 2; // hiragana, katakana: the signature of Japanese
		else if (c >= 0x4e00 && c <= 0x9fff)
			score += 1; // kanji
		else if (c >= 0x3000 && c <= 0x303f)
			score += 1; // 、。「」
		else if (c >= 0xff01 && c <= 0xff60)
			score += 1; // full-width ASCII
		else if (c >= 0x2460 && c <= 0x24ff)
			score += 1; // ①…: CP932 NEC specials
		else if (c >= 0x3200 && c <= 0x33ff)
			score += 1; // ㈱ ㍉ …
		else if (c === 0xfffd) score -= 5;
		else if (c >= 0xe000 && c <= 0xf8ff) score -= 3; // user-defined area: never in real data
	}
	return score;
}

const LATIN1_LETTER = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]/;
const ASCII_LETTER = /[A-Za-z]/;
/** windows-1252 punctuation that Western text really uses (smart quotes, dashes, €, ™, NBSP …). */
const COMMON_PUNCTUATION = new Set([
	...'\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u20AC\u2022\u2122\u00A0\u00A3\u00A9\u00AE\u00B0\u00AB\u00BB\u00BF\u00A1\u00A7'
]);

function windows1252Plausibility(text: string): number {
	const chars = [...text];
	let score = 0;
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i];
		const c = ch.codePointAt(0) ?? 0;
		if (c < 0x80) continue;
		const prev = chars[i - 1] ?? '';
		const next = chars[i + 1] ?? '';
		if (c >= 0x80 && c <= 0x9f)
			score -= 5; // undefined in windows-1252: decoded as C1 controls
		else if (LATIN1_LETTER.test(ch) && (ASCII_LETTER.test(prev) || ASCII_LETTER.test(next))) score += 2;
		else if (COMMON_PUNCTUATION.has(ch) && (prev.charCodeAt(0) < 0x80 || next.charCodeAt(0) < 0x80))
			score += 1;
		// A high character between two high characters: mojibake runs such as `ƒŠ[ƒh`.
		else if (prev.charCodeAt(0) >= 0x80 && next.charCodeAt(0) >= 0x80) score -= 1;
	}
	return score;
}

function round2(x: number): number {
	return Math.round(x * 100) / 100;
}
