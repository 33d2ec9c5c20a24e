/**
 * Step 7c, why an activity file gives no call: the column read as the activity type, the values it
 * holds with their counts (blank included), and the other columns whose values the vocabulary reads as
 * calls (a Salesforce Task export often leaves `Type` blank or `Other` while `Subject` or `TaskSubtype`
 * says "Call"). Only worked out when the file has activities but no call, so a normal load pays nothing.
 */
import type { Db } from '../db/types';
import { FIELD_TYPES, rawTable, srcTable } from './fields';
import type { ColumnMapping, FileKind, Vocabularies } from './types';
import { lookup } from './vocab';

export interface ActivityTypes {
	/** The header of the column read as the activity type. */
	header: string;
	/** Activities (rows with a date), and how many of them are calls. */
	rows: number;
	calls: number;
	/** The values found, most frequent first (null: blank), with what the vocabulary reads them as. */
	values: { value: string | null; target: string | null; count: number }[];
	/** Columns not read as the type whose values hold calls, most calls first. */
	candidates: { header: string; calls: number }[];
}

/** Values listed at most (the rest are rare; the count of rows stays exact). */
const MAX_VALUES = 8;
/** Distinct values of a candidate column looked at: a type column has few (free text has many). */
const MAX_DISTINCT = 50;
/** Columns tried as a candidate at most. */
const MAX_CANDIDATES = 40;

/** The side table that keeps the candidate columns' text through typing (which drops unmapped columns). */
const candidateTable = (id: number) => `mb_calls_${id}`;

/**
 * Before typing: when no value of the type column reads as a call, copies the unmapped columns that
 * might hold calls (with `_row`) to a side table, because typing drops them. True when it did; a
 * file with a call in its type column (the normal case) pays one DISTINCT over that column.
 */
export async function keepCallCandidates(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: readonly string[],
	vocab: Vocabularies
): Promise<boolean> {
	const type = mapping.find((m) => m.field === 'type');
	if (kind !== 'activities' || !type) return false;
	const values = await db.query(
		`SELECT DISTINCT c${type.column} AS v FROM ${rawTable(id)} WHERE c${type.column} IS NOT NULL LIMIT 1001`
	);
	if (values.some((r) => lookup(vocab, 'type', String(r.v)) === 'call')) return false;
	const columns = candidateColumns(kind, mapping, headers);
	if (columns.length === 0) return false;
	await db.exec(
		`CREATE OR REPLACE TABLE ${candidateTable(id)} AS SELECT _row, ${columns.map(({ i }) => `c${i}`).join(', ')} FROM ${rawTable(id)}`
	);
	return true;
}

/** Drops the side table of keepCallCandidates. */
export async function dropCallCandidates(db: Db, id: number): Promise<void> {
	await db.exec(`DROP TABLE IF EXISTS ${candidateTable(id)}`);
}

/** `kept`: keepCallCandidates copied the candidate columns before typing. */
export async function activityTypes(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: readonly string[],
	vocab: Vocabularies,
	kept: boolean
): Promise<ActivityTypes | null> {
	const type = mapping.find((m) => m.field === 'type');
	if (kind !== 'activities' || !type) return null;
	const [totals] = await db.query(
		`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE type_target = 'call')::INTEGER AS calls
		FROM ${srcTable(id)} WHERE occurred_at IS NOT NULL`
	);
	const rows = Number(totals?.n ?? 0);
	const calls = Number(totals?.calls ?? 0);
	if (rows === 0 || calls > 0) return null;
	const values = await db.query(
		`SELECT type AS v, any_value(type_target) AS t, count(*)::INTEGER AS n FROM ${srcTable(id)}
		WHERE occurred_at IS NOT NULL GROUP BY type ORDER BY n DESC, v NULLS FIRST LIMIT ${MAX_VALUES}`
	);
	return {
		header: type.header,
		rows,
		calls,
		values: values.map((r) => ({
			value: r.v === null ? null : String(r.v),
			target: r.t === null ? null : String(r.t),
			count: Number(r.n)
		})),
		candidates: kept ? await callColumns(db, id, kind, mapping, headers, vocab) : []
	};
}

/** Unmapped, named columns other than the type's: the ones that might hold calls (at most MAX_CANDIDATES). */
function candidateColumns(kind: FileKind, mapping: ColumnMapping[], headers: readonly string[]) {
	const used = new Set(
		mapping.filter((m) => m.field !== 'type' && FIELD_TYPES[kind][m.field]).map((m) => m.column)
	);
	const typeColumn = mapping.find((m) => m.field === 'type')?.column;
	return headers
		.map((h, i) => ({ h, i }))
		.filter(({ h, i }) => h !== '' && !used.has(i) && i !== typeColumn)
		.slice(0, MAX_CANDIDATES);
}

/** Unmapped text columns (kept by keepCallCandidates) whose values the vocabulary reads as calls. */
async function callColumns(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: readonly string[],
	vocab: Vocabularies
): Promise<{ header: string; calls: number }[]> {
	const out: { header: string; calls: number }[] = [];
	for (const { h, i } of candidateColumns(kind, mapping, headers)) {
		// Column names are ours (c0, c1, …), never the file's header text.
		const cells = await db.query(
			`SELECT r.c${i} AS v, count(*)::INTEGER AS n FROM ${candidateTable(id)} r JOIN ${srcTable(id)} s USING (_row)
			WHERE r.c${i} IS NOT NULL AND s.occurred_at IS NOT NULL GROUP BY 1 ORDER BY n DESC LIMIT ${MAX_DISTINCT + 1}`
		);
		if (cells.length > MAX_DISTINCT) continue;
		const found = cells
			.filter((r) => lookup(vocab, 'type', String(r.v)) === 'call')
			.reduce((s, r) => s + Number(r.n), 0);
		if (found > 0) out.push({ header: h, calls: found });
	}
	return out.sort((a, b) => b.calls - a.calls);
}
