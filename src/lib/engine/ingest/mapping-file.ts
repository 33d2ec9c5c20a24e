/**
 * The mapping file a user saves from the mapping screen (or passes to `report --map`): matched by
 * header signature, applied by header name, never by column position; validated when read.
 */
import { headerSignature, normaliseHeader } from './normalise';
import { KIND_FIELDS, type ColumnMapping, type FileKind, type MappingFile } from './types';
import { isStage, withReachedDate, type Reached } from './file-reached';
import { STAGES } from '../model/stages';

const KINDS = Object.keys(KIND_FIELDS) as FileKind[];

/**
 * The stored mapping for a file with these headers, if any. Later entries win, so appending a newer
 * mapping for the same signature overrides an older one. Columns are found by normalised header name;
 * if a mapped header is missing (a hand-edited file), the mapping does not apply and null is returned.
 */
export function applyMappingFile(
	headers: string[],
	file: MappingFile
): { kind: FileKind; mapping: ColumnMapping[]; reached?: Reached } | null {
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
	mapping.sort((a, b) => a.column - b.column);
	if (!entry.reached || entry.kind !== 'leads') return { kind: entry.kind, mapping };
	const withDate = withReachedDate(headers, mapping, entry.reached);
	return withDate ? { kind: entry.kind, mapping: withDate, reached: entry.reached } : null;
}

/** A one-entry mapping file for the mapping a user confirmed (merge entries to keep several). */
export function toMappingFile(
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: string[],
	fileName?: string,
	reached?: Reached
): MappingFile {
	const columns: Record<string, string> = {};
	for (const m of mapping) columns[m.field] = m.header;
	const entry: MappingFile['mappings'][number] = { signature: headerSignature(headers), kind, columns };
	if (fileName !== undefined) entry.file = fileName;
	if (reached) entry.reached = reached;
	return { version: 1, mappings: [entry] };
}

const SIGNATURE = /^\d+-[0-9a-f]{8}$/;

/**
 * Validate JSON read from a mapping file (user supplied, hand-edited): every problem is an Error naming
 * the offending path, e.g. `mapping file: mappings[0].columns.stage is not a field of "leads"`.
 */
export function parseMappingFile(json: unknown): MappingFile {
	const fail: Fail = (path, problem, code, params = {}) => {
		throw new MappingFileError(path, code, params, problem);
	};
	if (!isRecord(json)) return fail('(root)', `must be an object, got ${describe(json)}`, 'object', got(json));
	checkKeys(json, ['version', 'mappings'], '(root)', fail);
	if (json.version !== 1)
		return fail('version', `must be 1, got ${describe(json.version)}`, 'version', got(json.version));
	if (!Array.isArray(json.mappings)) {
		return fail('mappings', `must be an array, got ${describe(json.mappings)}`, 'array', got(json.mappings));
	}
	const mappings = json.mappings.map((raw: unknown, i): MappingFile['mappings'][number] => {
		const path = `mappings[${i}]`;
		if (!isRecord(raw)) return fail(path, `must be an object, got ${describe(raw)}`, 'object', got(raw));
		checkKeys(raw, ['signature', 'file', 'kind', 'columns', 'reached'], path, fail);
		const { signature, file, kind, columns, reached } = raw;
		if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
			const expected = 'must be a header signature like "12-1a2b3c4d"';
			return fail(
				`${path}.signature`,
				`${expected}, got ${describe(signature)}`,
				'signature',
				got(signature)
			);
		}
		if (file !== undefined && typeof file !== 'string') {
			return fail(`${path}.file`, `must be a string, got ${describe(file)}`, 'text', got(file));
		}
		if (typeof kind !== 'string' || !isFileKind(kind)) {
			return fail(`${path}.kind`, `must be one of ${KINDS.join(', ')}, got ${describe(kind)}`, 'kind', {
				kinds: KINDS.join(', '),
				...got(kind)
			});
		}
		if (!isRecord(columns))
			return fail(`${path}.columns`, `must be an object, got ${describe(columns)}`, 'object', got(columns));
		const entry: MappingFile['mappings'][number] = {
			signature,
			kind,
			columns: parseColumns(columns, kind, `${path}.columns`, fail)
		};
		if (file !== undefined) entry.file = file;
		if (reached !== undefined) entry.reached = parseReached(reached, `${path}.reached`, fail);
		return entry;
	});
	return { version: 1, mappings };
}

type Fail = (
	path: string,
	problem: string,
	code: MappingProblem,
	params?: Record<string, string | number>
) => never;

/** What is wrong in a mapping file, for a message in the user's language (notice-messages.ts). */
export type MappingProblem =
	| 'object'
	| 'unknownKey'
	| 'version'
	| 'array'
	| 'signature'
	| 'text'
	| 'kind'
	| 'notField'
	| 'header'
	| 'stage';

/** A mapping file that cannot be used: its English message (the report command's) and its parts. */
export class MappingFileError extends Error {
	constructor(
		readonly path: string,
		readonly problem: MappingProblem,
		readonly params: Record<string, string | number>,
		english: string
	) {
		super(`mapping file: ${path} ${english}`);
	}
}

/** A value as the messages quote it, in no language: JSON, `[…]`, `{…}`, or `–` for nothing. */
function got(x: unknown): { got: string } {
	if (x === undefined) return { got: '–' };
	if (Array.isArray(x)) return { got: '[…]' };
	if (typeof x === 'object' && x !== null) return { got: '{…}' };
	return { got: JSON.stringify(x) ?? String(x) };
}

/** canonical field → header: fields of the kind only, non-empty headers, no header used twice. */
function parseColumns(
	columns: Record<string, unknown>,
	kind: FileKind,
	path: string,
	fail: Fail
): Record<string, string> {
	const fields: readonly string[] = KIND_FIELDS[kind];
	const parsed: Record<string, string> = {};
	for (const [field, header] of Object.entries(columns)) {
		const at = `${path}.${field}`;
		if (!fields.includes(field)) {
			return fail(at, `is not a field of "${kind}" (fields: ${fields.join(', ')})`, 'notField', {
				kind,
				fields: fields.join(', ')
			});
		}
		if (typeof header !== 'string' || normaliseHeader(header) === '') {
			return fail(at, `must be a non-empty header name, got ${describe(header)}`, 'header', got(header));
		}
		// One header may feed two fields (a single 作成日 that is both created_at and mql_at).
		parsed[field] = header;
	}
	return parsed;
}

/** `{ "stage": "mql", "column": "作成日" }`: a stage of the funnel, and optionally the header dating it. */
function parseReached(x: unknown, path: string, fail: Fail): Reached {
	if (!isRecord(x)) return fail(path, `must be an object, got ${describe(x)}`, 'object', got(x));
	checkKeys(x, ['stage', 'column'], path, fail);
	if (!isStage(x.stage))
		return fail(`${path}.stage`, `must be one of ${STAGES.join(', ')}, got ${describe(x.stage)}`, 'stage', {
			stages: STAGES.join(', '),
			...got(x.stage)
		});
	if (x.column === undefined) return { stage: x.stage };
	if (typeof x.column !== 'string' || normaliseHeader(x.column) === '')
		return fail(
			`${path}.column`,
			`must be a non-empty header name, got ${describe(x.column)}`,
			'header',
			got(x.column)
		);
	return { stage: x.stage, column: x.column };
}

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFileKind(x: string): x is FileKind {
	return (KINDS as string[]).includes(x);
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], path: string, fail: Fail): void {
	for (const key of Object.keys(obj)) {
		if (!allowed.includes(key))
			fail(path, `has an unknown key "${key}" (allowed: ${allowed.join(', ')})`, 'unknownKey', {
				key,
				allowed: allowed.join(', ')
			});
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
