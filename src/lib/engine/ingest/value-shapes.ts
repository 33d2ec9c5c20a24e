/**
 * What a column's sample values look like, whatever its header says: months, plain amounts, repeats.
 * Detection uses these as evidence beside the header synonyms.
 */

/** `2025-04`, `2025/4`, `2025年4月`, `2025.04`, and first-of-month dates `2025-04-01` (spend sheets). */
const MONTH = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$|^\d{4}[-/]\d{1,2}[-/]0?1$/;
/** Plain amounts as spreadsheets write them: `1,200,000`, `¥50000`, `3.5`, `12000円`. */
const NUMBER = /^[-+]?[¥$€£]?\s*\d[\d,]*(\.\d+)?\s*(円|万円)?$/;

/** Share of non-empty values that read as months. */
export function looksLikeMonthColumn(values: string[]): number {
	return share(values, (v) => MONTH.test(v.normalize('NFKC').trim()));
}

/** Share of non-empty values that read as plain numbers or amounts. */
export function looksLikeNumberColumn(values: string[]): number {
	return share(values, (v) => NUMBER.test(v.normalize('NFKC').trim()));
}

/** Share of non-empty values that repeat an earlier value: 0 for unique ids. */
export function duplicateShare(values: string[]): number {
	const filled = values.filter((v) => v.trim() !== '');
	if (filled.length === 0) return 0;
	return 1 - new Set(filled).size / filled.length;
}

function share(values: string[], test: (v: string) => boolean): number {
	const filled = values.filter((v) => v.trim() !== '');
	return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
}
