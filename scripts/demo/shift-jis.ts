/**
 * A Shift_JIS encoder for activities.csv. Node ships a Shift_JIS decoder but no
 * encoder, so the table is the decoder inverted (preferring JIS X 0208, then
 * NEC and IBM extensions, as the WHATWG encoder does), built on first use; a
 * character Shift_JIS cannot represent throws rather than being substituted.
 */

/** Unicode code unit → Shift_JIS bytes (1 byte: 0x00XX; 2 bytes: lead << 8 | trail). Built on first use. */
let shiftJisTable: Map<number, number> | null = null;

/**
 * Lead bytes in order of preference: JIS X 0208 (+ NEC row 13 at 0x87) first,
 * then IBM extensions, and NEC-selected IBM extensions (0xED/0xEE) last, as
 * the WHATWG encoder does. 0xF0–0xF9 is user-defined (private use): never used.
 */
const SJIS_LEAD_ORDER: readonly number[] = [
	...range(0x81, 0x9f),
	...range(0xe0, 0xec),
	0xef,
	...range(0xfa, 0xfc),
	0xed,
	0xee
];

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Node ships a Shift_JIS decoder but no encoder, so invert the decoder: decode
 * every 1- and 2-byte sequence and keep the first (preferred) bytes per character.
 */
function buildShiftJisTable(): Map<number, number> {
	const decoder = new TextDecoder('shift_jis');
	const table = new Map<number, number>();
	const add = (bytes: number[], code: number): void => {
		const text = decoder.decode(new Uint8Array(bytes));
		if (text.length === 1 && text !== '\ufffd' && !table.has(text.charCodeAt(0))) {
			table.set(text.charCodeAt(0), code);
		}
	};
	for (let b = 0; b < 0x80; b++) add([b], b);
	for (let b = 0xa1; b <= 0xdf; b++) add([b], b); // half-width katakana
	for (const lead of SJIS_LEAD_ORDER) {
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail !== 0x7f) add([lead, trail], (lead << 8) | trail);
		}
	}
	for (let unit = 0; unit < 0x80; unit++) {
		if (isPassThrough(unit) && table.get(unit) !== unit) {
			throw new Error(`This runtime's Shift_JIS decoder does not map byte 0x${unit.toString(16)} to itself`);
		}
	}
	return table;
}

/**
 * Printable ASCII, tab, LF and CR are the same byte in Shift_JIS: encode them
 * without a table lookup. Not all of 0x00–0x7F: ICU's decoder (used by Node)
 * swaps 0x1A, 0x1C and 0x7F, so those go through the table like the rest.
 */
function isPassThrough(unit: number): boolean {
	return (unit >= 0x20 && unit < 0x7f) || unit === 0x09 || unit === 0x0a || unit === 0x0d;
}

/** Encodes text as Shift_JIS; throws on any character Shift_JIS cannot represent (never substitutes). */
export function encodeShiftJis(text: string): Uint8Array {
	shiftJisTable ??= buildShiftJisTable();
	const out = new Uint8Array(text.length * 2);
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (isPassThrough(unit)) {
			out[n++] = unit;
			continue;
		}
		const code = shiftJisTable.get(unit);
		if (code === undefined) {
			throw new Error(
				`Character "${text[i]}" (U+${unit.toString(16).toUpperCase().padStart(4, '0')}) has no Shift_JIS encoding`
			);
		}
		if (code > 0xff) out[n++] = code >> 8;
		out[n++] = code & 0xff;
	}
	return out.subarray(0, n);
}
