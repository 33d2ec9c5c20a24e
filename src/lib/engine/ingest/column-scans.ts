/**
 * Whole-column scans of the raw table that let typing skip work: which date and number columns are
 * plain (one cast reads them), which dimension or status columns need no cleaning, and in which order
 * (month/day or day/month) each remaining date column writes its dates.
 */
import type { Db, Row } from '../db/types';
import { ident, literal } from '../db/sql';
import type { FieldType } from './fields';
import type { ReadTypes } from './read-types';
import type { ColumnMapping } from './types';
import {
	dayFirstProbe,
	FAST_DATE_FORMATS,
	MAX_PLAUSIBLE_NUMBER,
	PLAUSIBLE_FROM,
	PLAUSIBLE_TO
} from './values-sql';

export const col = (i: number) => ident(`c${i}`);

/** A mapping as typing reads it: `source` names a copy of the column when two fields share one. */
export type MappedColumn = ColumnMapping & { source?: string };

/** The raw table's column a mapping reads. */
export const colOf = (m: MappedColumn) => (m.source ? ident(m.source) : col(m.column));

/** How a plain column is read (a FAST_DATE_FORMATS format, or 'number'), and whether a date lies after today. */
export interface PlainColumn {
	format: string;
	future: boolean;
	/** The reader typed the column already (read-types.ts): it only needs its field's name. */
	read?: boolean;
}

/** Distinct cells a column may hold for `distinctCells` to list them (a dimension or status column). */
const DISTINCT_LIMIT = 5000;

/** A column's distinct cells with their cleaned values (`mb_blank`), and whether cleaning changes none. */
export interface DistinctCells {
	values: { v: string | null; b: string | null }[];
	clean: boolean;
}

/**
 * The distinct cells (up to DISTINCT_LIMIT + 1) of each column `cols` names, in one request: a column
 * whose cells cleaning leaves unchanged is copied as it is instead of cleaning each of its cells (a
 * million cells, a few distinct values).
 */
export async function distinctCells(
	db: Db,
	raw: string,
	cols: string[]
): Promise<Map<string, DistinctCells>> {
	const out = new Map<string, DistinctCells>(cols.map((c) => [c, { values: [], clean: true }]));
	if (!cols.length) return out;
	const rows = await db.query(
		cols
			.map(
				(c, i) =>
					`SELECT ${i} AS i, v, mb_blank(v) AS b FROM (SELECT DISTINCT ${c} AS v FROM ${raw} LIMIT ${DISTINCT_LIMIT + 1})`
			)
			.join(' UNION ALL ')
	);
	for (const r of rows) {
		out.get(cols[Number(r.i)])!.values.push({
			v: r.v === null ? null : String(r.v),
			b: r.b === null ? null : String(r.b)
		});
	}
	for (const cells of out.values())
		cells.clean = cells.values.length <= DISTINCT_LIMIT && cells.values.every((x) => x.v === x.b);
	return out;
}

/**
 * The mapped `date` and `number` columns whose every filled cell is plain, each with how to read it: a
 * date in one of FAST_DATE_FORMATS (the one its first filled cell has) within the plausible span, or a
 * finite number DuckDB's cast reads ('number'). One request; these columns need neither
 * the general parsers nor the unreadable-value checks.
 */
export async function plainColumns(
	db: Db,
	raw: string,
	types: Record<string, FieldType>,
	byField: Map<string, MappedColumn>,
	today: string,
	readTypes: ReadTypes = new Map()
): Promise<Map<string, PlainColumn>> {
	// The columns the reader typed were checked by the read (verifyTypedRead): plain by construction.
	const read = new Map<string, PlainColumn>();
	for (const [f, m] of byField) {
		const t = m.source ? undefined : readTypes.get(m.column);
		if (t) read.set(f, { format: t.format, future: !!t.max && t.max > today, read: true });
	}
	const fields: { field: string; c: string; format: string }[] = [];
	const dates = Object.keys(types).filter((f) => types[f] === 'date' && byField.has(f) && !read.has(f));
	// Each date column's first filled cell, all in one request.
	const [first] = dates.length
		? await db.query(
				`SELECT ${dates
					.map((f, i) => {
						const c = colOf(byField.get(f)!);
						return `(SELECT ${c} FROM ${raw} WHERE ${c} IS NOT NULL LIMIT 1) AS s${i}`;
					})
					.join(', ')}`
			)
		: [{}];
	for (const f of Object.keys(types)) {
		const m = byField.get(f);
		if (!m || read.has(f)) continue;
		const c = colOf(m);
		if (types[f] === 'number') fields.push({ field: f, c, format: 'number' });
		else if (types[f] === 'date') {
			const v = first[`s${dates.indexOf(f)}`];
			const fmt =
				v === null || v === undefined ? null : FAST_DATE_FORMATS.find((x) => x.pattern.test(String(v)));
			if (fmt) fields.push({ field: f, c, format: fmt.format });
		}
	}
	if (!fields.length) return read;
	// Numbers: every filled cell casts to a plausible number (docs/metrics.md bounds), in one scan. Dates: every filled cell parses
	// and min/max lie in the plausible span, decided over each column's distinct cells (a few hundred
	// dates in a million rows: parsing each distinct cell once is what costs, not the scan).
	const numbers = fields.flatMap(({ c, format }, i) =>
		format === 'number'
			? [
					`(count(${c}) - count(*) FILTER (WHERE abs(try_cast(${c} AS DOUBLE)) <= ${MAX_PLAUSIBLE_NUMBER}))::INTEGER AS x${i}`
				]
			: []
	);
	const sources = numbers.length ? [`(SELECT ${numbers.join(', ')} FROM ${raw}) n`] : [];
	fields.forEach(({ c, format }, i) => {
		if (format === 'number') return;
		const d = `try_strptime(v, ${literal(format)})::DATE`;
		sources.push(`(SELECT (count(v) - count(${d}))::INTEGER AS x${i},
			coalesce(min(${d}) < DATE '${PLAUSIBLE_FROM}' OR max(${d}) > DATE '${PLAUSIBLE_TO}', false) AS y${i},
			coalesce(max(${d}) > ${literal(today)}::DATE, false) AS z${i}
			FROM (SELECT DISTINCT ${c} AS v FROM ${raw})) d${i}`);
	});
	const [row] = await db.query(`SELECT * FROM ${sources.join(', ')}`);
	return new Map([
		...read,
		...fields.flatMap(({ field, format }, i) =>
			Number(row[`x${i}`]) === 0 && !row[`y${i}`]
				? [[field, { format, future: row[`z${i}`] === true }] as const]
				: []
		)
	]);
}

/** Month-first or day-first, decided per date column over the whole column, in one scan. */
export async function dateOrderProbe(
	db: Db,
	raw: string,
	dateFields: string[],
	byField: Map<string, MappedColumn>
): Promise<Row> {
	if (!dateFields.length) return {};
	const cols = dateFields.map((f) => colOf(byField.get(f)!));
	return (await db.query(dayFirstProbe(cols, raw)))[0];
}

export function sqlType(type: FieldType): string {
	switch (type) {
		case 'date':
		case 'month':
			return 'DATE';
		case 'number':
			return 'DOUBLE';
		case 'score':
			return 'INTEGER';
		default:
			return 'VARCHAR';
	}
}
