/** The sample a detection works on: data rows only, and each column's non-empty values. */
import { isSummaryRow, trailingColumns } from './sniff';

export interface Column {
	index: number;
	header: string;
	/** Non-empty sample values, trimmed. */
	values: string[];
}

export function dataRows(sample: string[][]): string[][] {
	return sample.filter((r) => r.some((c) => c.trim() !== '') && !isSummaryRow(r));
}

export function profileColumns(headers: string[], rows: string[][]): Column[] {
	const width = headers.length - trailingColumns(headers);
	return headers.slice(0, width).map((header, index) => ({
		index,
		header,
		values: rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '')
	}));
}

export function round2(x: number): number {
	return Math.round(x * 100) / 100;
}
