/**
 * Which column could feed which canonical field of a kind: header synonyms (weighed by what the sample
 * holds) and value shapes, then one field per column and one column per field.
 */
import { round2, type Column } from './column-profile';
import { matchHeader, type HeaderMatch } from './synonyms';
import type { ColumnMapping, FileKind } from './types';
import { looksLikeMonthColumn, looksLikeNumberColumn } from './value-shapes';
import { looksLikeActivityTypeColumn, looksLikeOutcomeColumn, looksLikeStatusColumn } from './vocab';

/** A value-based guess is weaker than any exact header synonym. */
const VALUE_CONFIDENCE = 0.6;
/** What is left of a value guess on a column whose header names a field of another kind. */
const NAMED_ELSEWHERE_FACTOR = 0.5;

export interface Candidate {
	column: number;
	field: string;
	confidence: number;
	exact: boolean;
	canonical: boolean;
}

export function candidatesFor(kind: FileKind, columns: Column[], sampleRows: number): Candidate[] {
	const candidates: Candidate[] = [];
	for (const column of columns) {
		for (const m of matchHeader(kind, column.header)) {
			const contradiction = contradictedByValues(kind, m, column) ? CONTRADICTED_FACTOR : 1;
			const confidence = m.confidence * contradiction * sampleSupport(m.field, column, sampleRows);
			candidates.push({ column: column.index, ...m, confidence });
		}
		// Values cannot overrule a header that plainly names another kind's field: a lead file's
		// `won_at` of first-of-month dates is not a spend month, its `amount` not spend.
		const namedElsewhere = column.namedBy.length > 0 && !column.namedBy.includes(kind);
		for (const field of valueFields(kind, column)) {
			candidates.push({
				column: column.index,
				field,
				confidence: VALUE_CONFIDENCE * (namedElsewhere ? NAMED_ELSEWHERE_FACTOR : 1),
				exact: false,
				canonical: false
			});
		}
	}
	return candidates;
}

/**
 * An activity type or outcome column whose values the vocabulary does not know at all: an opportunity's
 * `Type` of `New Customer` is not an activity type. Only our own template's exact names are trusted
 * over their values.
 */
function contradictedByValues(kind: FileKind, match: HeaderMatch, column: Column): boolean {
	if (kind !== 'activities' || match.canonical || column.values.length < 3) return false;
	if (match.field === 'type') return looksLikeActivityTypeColumn(column.values) === 0;
	if (match.field === 'outcome') return looksLikeOutcomeColumn(column.values) === 0;
	return false;
}

const CONTRADICTED_FACTOR = 0.4;

/** Fields a column's values suggest for `kind`, whatever its header says. */
function valueFields(kind: FileKind, column: Column): string[] {
	const { values } = column;
	if (values.length === 0) return [];
	switch (kind) {
		case 'leads':
			return looksLikeStatusColumn(values) >= 0.6 ? ['status'] : [];
		case 'lead_history':
			return looksLikeStatusColumn(values) >= 0.6 ? ['stage'] : [];
		case 'activities':
			if (looksLikeOutcomeColumn(values) >= 0.6) return ['outcome'];
			return looksLikeActivityTypeColumn(values) >= 0.6 ? ['type'] : [];
		case 'spend':
			if (looksLikeMonthColumn(values) >= 0.8) return ['month'];
			return looksLikeNumberColumn(values) >= 0.9 ? ['spend'] : [];
		case 'customers':
		case 'users':
			return [];
	}
}

/**
 * One header per field and one field per header: the most confident pairs first; on a tie the header
 * that *is* the canonical name, then an exact synonym over a containment match, then the left-most
 * column.
 */
export function resolve(candidates: Candidate[], columns: Column[]): ColumnMapping[] {
	const ordered = [...candidates].sort(
		(a, b) =>
			b.confidence - a.confidence ||
			Number(b.canonical) - Number(a.canonical) ||
			Number(b.exact) - Number(a.exact) ||
			a.column - b.column
	);
	const usedColumns = new Set<number>();
	const usedFields = new Set<string>();
	const mapping: ColumnMapping[] = [];
	for (const c of ordered) {
		if (usedColumns.has(c.column) || usedFields.has(c.field)) continue;
		usedColumns.add(c.column);
		usedFields.add(c.field);
		mapping.push({
			field: c.field,
			column: c.column,
			header: columns[c.column].header,
			confidence: round2(c.confidence)
		});
	}
	return mapping.sort((a, b) => a.column - b.column);
}

/**
 * A deal's stage column is the file's status when it has no other (a deal export's `StageName`,
 * フェーズ): won and lost come from it, and the merge keeps its text as `deal_stage` too.
 */
export function stageAsStatus(mapping: ColumnMapping[]): ColumnMapping[] {
	const status = mapping.find((m) => m.field === 'status');
	const stage = mapping.find((m) => m.field === 'deal_stage');
	// A weak status guess (`StageSortOrder` ⊃ `Stage`) gives way to the deal's own stage column.
	if (!stage || (status && status.confidence >= 0.9)) return mapping;
	return mapping.filter((m) => m !== status).map((m) => (m === stage ? { ...m, field: 'status' } : m));
}

/**
 * How far the sample backs a header match: a column empty throughout the sample, or an id column
 * holding one value in every row (Salesforce's `000000000000000AAA` placeholder), counts half. Without
 * a sample the header is all there is.
 */
function sampleSupport(field: string, column: Column, sampleRows: number): number {
	if (sampleRows === 0) return 1;
	if (column.values.length === 0) return 0.5;
	if (field.endsWith('_id') && column.values.length >= 3 && new Set(column.values).size === 1) return 0.5;
	return 1;
}
