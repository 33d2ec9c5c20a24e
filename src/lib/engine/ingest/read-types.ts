/**
 * Which columns DuckDB's reader types itself (step 4), instead of reading them as text for typing to
 * parse (step 5b). A mapped date or amount column whose sample cells are all plain (a date in one
 * format, a plain decimal number) is read as DATE or DOUBLE: no text copy of its million cells, no
 * scan to find it plain, no rewrite to type it. Why it is safe: the read is checked afterwards, and
 * if any cell of such a column did not read (a cast error, a value outside the plausible span) the
 * file is read again as text, so the general parsers and their checks see it exactly as before.
 */
import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import { FIELD_TYPES } from './fields';
import type { ColumnMapping, FileKind } from './types';
import { MAX_PLAUSIBLE_NUMBER, PLAUSIBLE_FROM, PLAUSIBLE_TO } from './values-sql';

/** How the reader types a column: DATE in `format` (the read's one dateformat), or DOUBLE. */
export interface ReadType {
	sql: 'DATE' | 'DOUBLE';
	/** The strptime format of a DATE column; 'number' for DOUBLE. */
	format: string;
	/** After the read: a DATE column's latest date (YYYY-MM-DD), null when it has none. */
	max?: string | null;
}

/** Typed columns of a read, by column index. Empty: every column is text. */
export type ReadTypes = ReadonlyMap<number, ReadType>;

/** Date formats the reader is given (its `dateformat`): dates without a time only. */
const READ_DATE_FORMATS = [
	{ format: '%Y/%m/%d', pattern: /^\d{4}\/\d{2}\/\d{2}$/ },
	{ format: '%Y-%m-%d', pattern: /^\d{4}-\d{2}-\d{2}$/ }
];
const PLAIN_NUMBER = /^-?\d{1,13}(\.\d{1,12})?$/;

/**
 * The columns to read typed, decided from the sample records: mapped to one field only, of type date
 * or number, with at least one filled sample cell and every filled one plain. Dates must share one
 * format (the reader takes one); the most common wins, the others stay text.
 */
export function chooseReadTypes(kind: FileKind, mapping: ColumnMapping[], sample: string[][]): ReadTypes {
	const types = FIELD_TYPES[kind];
	const uses = new Map<number, number>();
	for (const m of mapping) uses.set(m.column, (uses.get(m.column) ?? 0) + 1);
	const numbers: number[] = [];
	const dates = new Map<string, number[]>();
	for (const m of mapping) {
		const type = types[m.field];
		if (uses.get(m.column) !== 1 || (type !== 'date' && type !== 'number')) continue;
		const cells = sample.map((r) => r[m.column] ?? '').filter((c) => c !== '');
		if (!cells.length) continue;
		if (type === 'number') {
			if (cells.every((c) => PLAIN_NUMBER.test(c))) numbers.push(m.column);
			continue;
		}
		const f = READ_DATE_FORMATS.find((x) => cells.every((c) => x.pattern.test(c)));
		if (f) dates.set(f.format, [...(dates.get(f.format) ?? []), m.column]);
	}
	const [format, dateColumns] = [...dates].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
	return new Map<number, ReadType>([
		...numbers.map((c) => [c, { sql: 'DOUBLE', format: 'number' }] as const),
		...dateColumns.map((c) => [c, { sql: 'DATE', format }] as const)
	]);
}

/** The read's `dateformat`, if it types a date column. */
export const dateFormatOf = (types: ReadTypes) => [...types.values()].find((t) => t.sql === 'DATE')?.format;

/**
 * Whether a typed read read every cell of its typed columns: no cast error among the rows set aside,
 * every number finite and plausible, every date within the plausible span. Returns the types with each
 * date column's latest date, or null (read the file again as text).
 */
export async function verifyTypedRead(
	db: Db,
	raw: string,
	rejects: string,
	types: ReadTypes
): Promise<ReadTypes | null> {
	const [cast] = await db.query(
		`SELECT count(*)::INTEGER AS n FROM ${rejects} WHERE error_type::VARCHAR = 'CAST'`
	);
	if (Number(cast.n) > 0) return null;
	const entries = [...types];
	// Bounds by min and max, the cheapest aggregates: a NaN sorts above every number (its max fails).
	const [row] = await db.query(
		`SELECT ${entries
			.map(([i, t]) => {
				const c = ident(`c${i}`);
				const [lo, hi] =
					t.sql === 'DOUBLE'
						? [`${-MAX_PLAUSIBLE_NUMBER}`, `${MAX_PLAUSIBLE_NUMBER}`]
						: [`DATE '${PLAUSIBLE_FROM}'`, `DATE '${PLAUSIBLE_TO}'`];
				const max = t.sql === 'DOUBLE' ? 'NULL' : `strftime(max(${c}), '%Y-%m-%d')`;
				return `coalesce(min(${c}) < ${lo} OR NOT max(${c}) <= ${hi}, false) AS x${i}, ${max} AS m${i}`;
			})
			.join(', ')} FROM ${raw}`
	);
	if (entries.some(([i]) => row[`x${i}`] === true)) return null;
	return new Map(
		entries.map(([i, t]) => [
			i,
			t.sql === 'DATE' ? { ...t, max: row[`m${i}`] === null ? null : String(row[`m${i}`]) } : t
		])
	);
}

/**
 * A raw column as text, for the checks that read every column's text: a typed one written back as the
 * sample wrote it (a date in its format, a whole number without ".0").
 */
export function rawText(i: number, types: ReadTypes): string {
	const c = ident(`c${i}`);
	const t = types.get(i);
	if (!t) return c;
	if (t.sql === 'DATE') return `strftime(${c}, ${literal(t.format)})`;
	return `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN ${c}::BIGINT::VARCHAR ELSE ${c}::VARCHAR END`;
}
