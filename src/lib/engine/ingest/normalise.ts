/**
 * Text normalisation shared by header matching, vocabulary lookups and mapping signatures. Exports
 * spell the same header many ways (`Lead Source`, `LEADSOURCE`, `lead_source`, full-width
 * `ＬｅａｄＳｏｕｒｃｅ`), so everything is compared in one folded form.
 */

/**
 * Characters that carry no meaning in a header name: BOM, quotes, whitespace, separators and brackets
 * (ASCII and the Japanese ones NFKC leaves alone). The katakana long vowel mark `ー` is kept: it is part
 * of words like `リードソース`.
 */
const HEADER_NOISE =
	/[\uFEFF"'`\u2018\u2019\u201C\u201D\s_\-\u2010-\u2015\u2212.\\/()[\]{}<>\u3008-\u3011\u3014-\u301B\u30FB\u00B7:]/g;

/** Fold a header to its comparison key: `ＬｅａｄＳｏｕｒｃｅ`, `Lead Source`, `lead_source` → `leadsource`. */
export function normaliseHeader(h: string): string {
	return h.normalize('NFKC').toLowerCase().replace(HEADER_NOISE, '');
}

/**
 * Fold a cell value for vocabulary lookups: NFKC (全角 → 半角), trimmed, lower-case, inner whitespace
 * collapsed to one space. Punctuation is kept because it distinguishes values (`Closed - Converted`).
 */
export function normaliseValue(v: string): string {
	return v
		.normalize('NFKC')
		.replace(/\uFEFF/g, '')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, ' ');
}

/**
 * A stable key for a file's header *set*: sorted, de-duplicated normalised non-empty headers, hashed
 * with 32-bit FNV-1a over their UTF-8 bytes. Column order and spelling variants do not change it, so a
 * remembered mapping applies to the next month's export of the same report. Format: `<count>-<8 hex>`.
 */
export function headerSignature(headers: string[]): string {
	const names = [...new Set(headers.map(normaliseHeader).filter((h) => h !== ''))].sort();
	// U+0001 cannot occur in a normalised header, so the join is unambiguous.
	const hash = fnv1a32(new TextEncoder().encode(names.join('\u0001')));
	return `${names.length}-${hash.toString(16).padStart(8, '0')}`;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a32(bytes: Uint8Array): number {
	let hash = FNV_OFFSET_BASIS;
	for (const byte of bytes) {
		hash ^= byte;
		hash = Math.imul(hash, FNV_PRIME) >>> 0;
	}
	return hash >>> 0;
}
