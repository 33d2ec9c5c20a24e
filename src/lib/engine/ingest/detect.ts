/**
 * Which kind of table a file is, and which column feeds which canonical field: scored from header
 * synonyms first and sample values second. Also the mapping file a user saves from the mapping screen
 * (matched by header signature, applied by header name, never by column position).
 */
import { WIDE_STAGE_DATES } from '../model/stages';
import { datesById } from './fields';
import { headerSignature, normaliseHeader } from './normalise';
import { isSummaryRow, trailingColumns } from './sniff';
import { matchHeader, type HeaderMatch } from './synonyms';
import {
	KIND_FIELDS,
	REQUIRED_FIELDS,
	type ColumnMapping,
	type FileKind,
	type KindGuess,
	type MappingFile
} from './types';
import { looksLikeActivityTypeColumn, looksLikeOutcomeColumn, looksLikeStatusColumn } from './vocab';

/** Below this, the guess is a suggestion: the mapping screen should ask rather than load. */
export const MIN_KIND_CONFIDENCE = 0.5;

const KINDS = Object.keys(KIND_FIELDS) as FileKind[];

/**
 * How many optional fields make a kind's optional coverage complete: a lead export with an id, a
 * source and a status is as convincing as one with every stage date.
 */
const OPTIONAL_TARGET: Record<FileKind, number> = {
	leads: 3,
	lead_history: 1,
	activities: 3,
	customers: 2,
	spend: 1,
	users: 1
};

/**
 * Headers (normalised) found only in history tables: Salesforce field history and OpportunityHistory,
 * generic before/after exports.
 */
const HISTORY_HEADERS = new Set(
	[
		'OldValue',
		'NewValue',
		'FromOpportunityStageName',
		'FromForecastCategory',
		'PrevAmount',
		'PrevCloseDate',
		'ValidThroughDate',
		'CreatedDateForInsert',
		'From Stage',
		'To Stage',
		'Previous Stage',
		'changed_at',
		'変更日',
		'変更日時',
		'変更前',
		'変更後',
		'旧値',
		'新しい値',
		// Salesforce field history names the changed field in a column of its own.
		'Field'
	].map(normaliseHeader)
);

/** Headers only a user list has (Salesforce User). */
const USER_HEADERS = new Set(
	[
		'Username',
		'ProfileId',
		'UserRoleId',
		'IsActive',
		'LastLoginDate',
		'UserType',
		'ユーザー名',
		'プロファイル',
		'ロール'
	].map(normaliseHeader)
);

/** A value-based guess is weaker than any exact header synonym. */
const VALUE_CONFIDENCE = 0.6;

interface Candidate {
	column: number;
	field: string;
	confidence: number;
	exact: boolean;
	canonical: boolean;
}

interface Column {
	index: number;
	header: string;
	/** Non-empty sample values, trimmed. */
	values: string[];
}

/**
 * Score every kind and map the best one. `sample` holds data records below the header (not the header
 * itself), e.g. `parseRecords(...).slice(1)`; summary and blank rows in it are ignored.
 */
export function guessKind(headers: string[], sample: string[][]): KindGuess {
	const rows = dataRows(sample);
	const columns = profileColumns(headers, rows);
	const mappings = new Map<FileKind, ColumnMapping[]>();
	for (const kind of KINDS) {
		const mapping = resolve(candidatesFor(kind, columns, rows.length), columns);
		mappings.set(kind, kind === 'leads' ? stageAsStatus(mapping) : mapping);
	}
	const leads = mappings.get('leads') ?? [];
	const scored = KINDS.map((kind) => ({
		kind,
		confidence: round2(scoreKind(kind, mappings.get(kind) ?? [], columns, rows.length, leads))
	}));
	// Stable sort: on equal scores the earlier kind (leads first) wins.
	const [best, ...others] = [...scored].sort((a, b) => b.confidence - a.confidence);
	const mapping = mappings.get(best.kind) ?? [];
	const mapped = new Set(mapping.map((m) => m.column));
	return {
		kind: best.kind,
		confidence: best.confidence,
		mapping,
		unmapped: columns.filter((c) => !mapped.has(c.index)).map((c) => ({ column: c.index, header: c.header })),
		alternatives: others
	};
}

function dataRows(sample: string[][]): string[][] {
	return sample.filter((r) => r.some((c) => c.trim() !== '') && !isSummaryRow(r));
}

function profileColumns(headers: string[], rows: string[][]): Column[] {
	const width = headers.length - trailingColumns(headers);
	return headers.slice(0, width).map((header, index) => ({
		index,
		header,
		values: rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '')
	}));
}

function candidatesFor(kind: FileKind, columns: Column[], sampleRows: number): Candidate[] {
	const candidates: Candidate[] = [];
	for (const column of columns) {
		for (const m of matchHeader(kind, column.header)) {
			const contradiction = contradictedByValues(kind, m, column) ? CONTRADICTED_FACTOR : 1;
			const confidence = m.confidence * contradiction * sampleSupport(m.field, column, sampleRows);
			candidates.push({ column: column.index, ...m, confidence });
		}
		for (const field of valueFields(kind, column)) {
			candidates.push({
				column: column.index,
				field,
				confidence: VALUE_CONFIDENCE,
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
function resolve(candidates: Candidate[], columns: Column[]): ColumnMapping[] {
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
function stageAsStatus(mapping: ColumnMapping[]): ColumnMapping[] {
	const status = mapping.find((m) => m.field === 'status');
	const stage = mapping.find((m) => m.field === 'deal_stage');
	// A weak status guess (`StageSortOrder` ⊃ `Stage`) gives way to the deal's own stage column.
	if (!stage || (status && status.confidence >= 0.9)) return mapping;
	return mapping.filter((m) => m !== status).map((m) => (m === stage ? { ...m, field: 'status' } : m));
}

/**
 * Fields that set a kind apart from the others. Every kind has an id, a date and a person; a file with
 * none of its kind's distinctive fields only resembles it.
 */
const DISTINCTIVE_FIELDS: Record<FileKind, readonly string[]> = {
	leads: [
		'channel',
		'status',
		'segment',
		'amount',
		'mql_at',
		'sql_at',
		'opportunity_at',
		'won_at',
		'lost_at',
		'closed_at'
	],
	lead_history: ['stage'],
	activities: ['type', 'outcome'],
	customers: ['mrr', 'churned_at', 'expansion_at', 'nps'],
	spend: ['spend'],
	users: ['name']
};

/**
 * 0..1: required fields weigh most (a kind missing one is at most half-convincing), optional fields
 * add up to a kind-specific target, a kind with none of its distinctive fields is discounted, and
 * sample evidence adjusts: repeated ids and history-only headers point to a long stage history, wide
 * stage-date columns away from it, outcome values to activities, month values next to numbers to spend.
 */
function scoreKind(
	kind: FileKind,
	mapping: ColumnMapping[],
	columns: Column[],
	sampleRows: number,
	leadsMapping: ColumnMapping[]
): number {
	const conf = new Map(mapping.map((m) => [m.field, m.confidence]));
	// A lead file without created_at still counts as whole when an id carries its stage dates or status.
	const byId = kind === 'leads' && !conf.has('created_at') && datesById(new Set(conf.keys()));
	const required = byId ? ['lead_id'] : REQUIRED_FIELDS[kind];
	const requiredCoverage =
		(byId ? 0.8 : 1) * (required.reduce((sum, f) => sum + (conf.get(f) ?? 0), 0) / required.length);
	const optional = mapping
		.filter((m) => !required.includes(m.field))
		.reduce((sum, m) => sum + m.confidence, 0);
	const optionalCoverage = Math.min(1, optional / OPTIONAL_TARGET[kind]);
	let score = 0.6 * requiredCoverage + 0.4 * optionalCoverage;
	if (required.some((f) => !conf.has(f))) score *= 0.5;
	if (!DISTINCTIVE_FIELDS[kind].some((f) => (conf.get(f) ?? 0) >= 0.5)) score *= 0.7;
	score += evidence(kind, mapping, columns, sampleRows, leadsMapping);
	return Math.max(0, Math.min(1, score));
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

function evidence(
	kind: FileKind,
	mapping: ColumnMapping[],
	columns: Column[],
	sampleRows: number,
	leadsMapping: ColumnMapping[]
): number {
	const historyHeaders = Math.min(
		3,
		columns.filter((c) => HISTORY_HEADERS.has(normaliseHeader(c.header))).length
	);
	const idColumn = mapping.find((m) => m.field === 'lead_id');
	const ids = idColumn ? columns[idColumn.column].values : [];
	// Repeated, not constant: a placeholder in every row says nothing about a history.
	const repeatedIds = ids.length >= 3 && new Set(ids).size >= 2 && duplicateShare(ids) >= 0.2;
	switch (kind) {
		case 'leads':
			return -0.15 * historyHeaders - (repeatedIds ? 0.3 : 0);
		case 'lead_history': {
			const stageDates = Math.min(3, leadsMapping.filter((m) => WIDE_STAGE_DATES.has(m.field)).length);
			// A stage history repeats its ids; a sample of several rows that does not is most likely wide.
			const idEvidence = repeatedIds ? 0.2 : sampleRows >= 3 ? -0.15 : 0;
			return 0.1 * historyHeaders + idEvidence - 0.1 * stageDates;
		}
		case 'activities':
			return columns.some((c) => c.values.length > 0 && looksLikeOutcomeColumn(c.values) >= 0.6) ? 0.1 : 0;
		case 'spend': {
			const month = columns.some((c) => c.values.length > 0 && looksLikeMonthColumn(c.values) >= 0.8);
			const number = columns.some((c) => c.values.length > 0 && looksLikeNumberColumn(c.values) >= 0.9);
			return month && number ? 0.1 : 0;
		}
		case 'customers':
			return 0;
		case 'users':
			return 0.15 * Math.min(3, columns.filter((c) => USER_HEADERS.has(normaliseHeader(c.header))).length);
	}
}

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

function round2(x: number): number {
	return Math.round(x * 100) / 100;
}

/**
 * The stored mapping for a file with these headers, if any. Later entries win, so appending a newer
 * mapping for the same signature overrides an older one. Columns are found by normalised header name;
 * if a mapped header is missing (a hand-edited file), the mapping does not apply and null is returned.
 */
export function applyMappingFile(
	headers: string[],
	file: MappingFile
): { kind: FileKind; mapping: ColumnMapping[] } | null {
	const signature = headerSignature(headers);
	const entry = [...file.mappings].reverse().find((m) => m.signature === signature);
	if (!entry) return null;
	const columnByName = new Map<string, number>();
	headers.forEach((h, i) => {
		const key = normaliseHeader(h);
		// Duplicate header names: the first column is the one a user sees and means.
		if (key !== '' && !columnByName.has(key)) columnByName.set(key, i);
	});
	const mapping: ColumnMapping[] = [];
	for (const [field, header] of Object.entries(entry.columns)) {
		const column = columnByName.get(normaliseHeader(header));
		if (column === undefined) return null;
		mapping.push({ field, column, header: headers[column], confidence: 1 });
	}
	return { kind: entry.kind, mapping: mapping.sort((a, b) => a.column - b.column) };
}

/** A one-entry mapping file for the mapping a user confirmed (merge entries to keep several). */
export function toMappingFile(
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: string[],
	fileName?: string
): MappingFile {
	const columns: Record<string, string> = {};
	for (const m of mapping) columns[m.field] = m.header;
	const entry: MappingFile['mappings'][number] = { signature: headerSignature(headers), kind, columns };
	if (fileName !== undefined) entry.file = fileName;
	return { version: 1, mappings: [entry] };
}

const SIGNATURE = /^\d+-[0-9a-f]{8}$/;

/**
 * Validate JSON read from a mapping file (user supplied, hand-edited): every problem is an Error naming
 * the offending path, e.g. `mapping file: mappings[0].columns.stage is not a field of "leads"`.
 */
export function parseMappingFile(json: unknown): MappingFile {
	const fail: Fail = (path, problem) => {
		throw new Error(`mapping file: ${path} ${problem}`);
	};
	if (!isRecord(json)) return fail('(root)', `must be an object, got ${describe(json)}`);
	checkKeys(json, ['version', 'mappings'], '(root)', fail);
	if (json.version !== 1) return fail('version', `must be 1, got ${describe(json.version)}`);
	if (!Array.isArray(json.mappings)) {
		return fail('mappings', `must be an array, got ${describe(json.mappings)}`);
	}
	const mappings = json.mappings.map((raw: unknown, i): MappingFile['mappings'][number] => {
		const path = `mappings[${i}]`;
		if (!isRecord(raw)) return fail(path, `must be an object, got ${describe(raw)}`);
		checkKeys(raw, ['signature', 'file', 'kind', 'columns'], path, fail);
		const { signature, file, kind, columns } = raw;
		if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
			const expected = 'must be a header signature like "12-1a2b3c4d"';
			return fail(`${path}.signature`, `${expected}, got ${describe(signature)}`);
		}
		if (file !== undefined && typeof file !== 'string') {
			return fail(`${path}.file`, `must be a string, got ${describe(file)}`);
		}
		if (typeof kind !== 'string' || !isFileKind(kind)) {
			return fail(`${path}.kind`, `must be one of ${KINDS.join(', ')}, got ${describe(kind)}`);
		}
		if (!isRecord(columns)) return fail(`${path}.columns`, `must be an object, got ${describe(columns)}`);
		const entry: MappingFile['mappings'][number] = {
			signature,
			kind,
			columns: parseColumns(columns, kind, `${path}.columns`, fail)
		};
		if (file !== undefined) entry.file = file;
		return entry;
	});
	return { version: 1, mappings };
}

type Fail = (path: string, problem: string) => never;

/** canonical field → header: fields of the kind only, non-empty headers, no header used twice. */
function parseColumns(
	columns: Record<string, unknown>,
	kind: FileKind,
	path: string,
	fail: Fail
): Record<string, string> {
	const fields: readonly string[] = KIND_FIELDS[kind];
	const fieldOfHeader = new Map<string, string>();
	const parsed: Record<string, string> = {};
	for (const [field, header] of Object.entries(columns)) {
		const at = `${path}.${field}`;
		if (!fields.includes(field)) {
			return fail(at, `is not a field of "${kind}" (fields: ${fields.join(', ')})`);
		}
		if (typeof header !== 'string' || normaliseHeader(header) === '') {
			return fail(at, `must be a non-empty header name, got ${describe(header)}`);
		}
		const other = fieldOfHeader.get(normaliseHeader(header));
		if (other !== undefined) return fail(at, `uses header "${header}", already mapped to ${other}`);
		fieldOfHeader.set(normaliseHeader(header), field);
		parsed[field] = header;
	}
	return parsed;
}

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFileKind(x: string): x is FileKind {
	return (KINDS as string[]).includes(x);
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], path: string, fail: Fail): void {
	for (const key of Object.keys(obj)) {
		if (!allowed.includes(key)) fail(path, `has an unknown key "${key}" (allowed: ${allowed.join(', ')})`);
	}
}

function describe(x: unknown): string {
	if (x === undefined) return 'nothing';
	if (x === null) return 'null';
	if (Array.isArray(x)) return 'an array';
	if (typeof x === 'string') return JSON.stringify(x);
	if (typeof x === 'object') return 'an object';
	return String(x);
}
