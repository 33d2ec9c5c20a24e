/** The sample a detection works on: data rows only, and each column's non-empty values. */
import { isSummaryRow, trailingColumns } from './sniff';
import { matchHeader } from './synonyms';
import { KIND_FIELDS, type FileKind } from './types';

const KINDS = Object.keys(KIND_FIELDS) as FileKind[];

/** A header synonym this sure names its field outright (`amount`, `won_at`, 受注日). */
const NAMING_CONFIDENCE = 0.9;

export interface Column {
	index: number;
	header: string;
	/** Non-empty sample values, trimmed. */
	values: string[];
	/** Kinds whose header synonyms name this column exactly: the header says what it is. */
	namedBy: FileKind[];
}

export function dataRows(sample: string[][]): string[][] {
	return sample.filter((r) => r.some((c) => c.trim() !== '') && !isSummaryRow(r));
}

export function profileColumns(headers: string[], rows: string[][]): Column[] {
	const width = headers.length - trailingColumns(headers);
	return headers.slice(0, width).map((header, index) => ({
		index,
		header,
		values: rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== ''),
		namedBy: KINDS.filter((kind) =>
			matchHeader(kind, header).some((m) => m.exact && m.confidence >= NAMING_CONFIDENCE)
		)
	}));
}

export function round2(x: number): number {
	return Math.round(x * 100) / 100;
}
