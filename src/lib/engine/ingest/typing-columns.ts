/**
 * Step 5b's column statements: how one mapped column of the raw text table becomes its field's typed
 * column in place (`typeColumn`), or how a field no column maps gets an empty one (`missingColumn`).
 * Each returns a `Part`: the statements, the raw text kept for the checks, the checks left to run.
 * `typeColumns` (typing.ts) decides what to scan first and runs the parts together.
 */
import type { Db, Row } from '../db/types';
import { ident, literal } from '../db/sql';
import { colOf, type DistinctCells, sqlType, type MappedColumn, type PlainColumn } from './column-scans';
import type { FieldType } from './fields';
import { issue, shown, type QualityIssue } from './quality';
import type { ColumnMapping, Vocabularies } from './types';
import { lookup } from './vocab';

/** The value checks typing leaves for step 6, per column. */
export interface ValueChecks {
	dates: { field: string; m: ColumnMapping; any: string }[];
	future: { field: string; m: ColumnMapping; raw: string }[];
	numbers: { field: string; m: ColumnMapping; score: boolean }[];
	unknown: { field: string; m: ColumnMapping; type: FieldType; unknown: string[] }[];
}

/**
 * One field's share of the typed table: statements that turn the file's column into the field's
 * columns in place (on the raw table, which becomes the typed table), and what it leaves to check.
 */
export interface Part {
	field: string;
	sql: string[];
	temp?: string[];
	keptRaw?: boolean;
	issues?: QualityIssue[];
	checks?: Partial<{ [K in keyof ValueChecks]: ValueChecks[K][number] }>;
	targets?: Set<string>;
}

export interface Ctx {
	db: Db;
	id: number;
	raw: string;
	src: string;
	vocab: Vocabularies;
	dateFields: string[];
	probe: Row;
	/** The distinct cells of the dimension and vocabulary columns, by column. */
	cells: Map<string, DistinctCells>;
	/** Id columns whose every cell is already clean (see `idCell`). */
	cleanIds: Set<string>;
}

/** An id cell as the typed table holds it. */
export const idCell = (c: string) =>
	`nullif(nullif(mb_blank(${c}), '000000000000000AAA'), '000000000000000')`;

export const rawOf = (field: string) => ident(`_raw_${field}`);

export function missingColumn(ctx: Ctx, field: string, type: FieldType): Part {
	const sql = [`ALTER TABLE ${ctx.raw} ADD COLUMN ${ident(field)} ${sqlType(type)};`];
	if (type === 'status' || type === 'outcome' || type === 'type')
		sql.push(`ALTER TABLE ${ctx.raw} ADD COLUMN ${ident(field + '_target')} VARCHAR;`);
	return { field, sql };
}

/** The column `c` changed in place to `expr` (of type `type`) and named `field`. */
function retype(ctx: Ctx, c: string, field: string, type: string, expr: string | null): string[] {
	const t = ctx.raw;
	return [
		...(expr === null ? [] : [`ALTER TABLE ${t} ALTER ${c} TYPE ${type} USING ${expr};`]),
		`ALTER TABLE ${t} RENAME ${c} TO ${ident(field)};`
	];
}

/** A new column `field` set to `expr` (`from`: a table the expression reads), the text `c` kept as `_raw_<field>`. */
function beside(ctx: Ctx, c: string, field: string, type: string, expr: string, from = ''): string[] {
	const t = ctx.raw;
	return [
		`ALTER TABLE ${t} ADD COLUMN ${ident(field)} ${type};`,
		`UPDATE ${t} SET ${ident(field)} = ${expr} ${from};`,
		`ALTER TABLE ${t} RENAME ${c} TO ${rawOf(field)};`
	];
}

export async function typeColumn(
	ctx: Ctx,
	field: string,
	type: FieldType,
	m: MappedColumn,
	fast: PlainColumn | undefined
): Promise<Part> {
	const c = colOf(m);
	if (fast?.read && type === 'date') {
		// Read as DATE by the reader: renamed. The example of a date after today is the date written in
		// the file's own format (zero-padded, as the sample wrote it).
		const v = fast.future ? `strftime(${ident(field)}, ${literal(fast.format)})` : 'NULL::VARCHAR';
		return {
			field,
			sql: retype(ctx, c, field, 'DATE', null),
			checks: { future: { field, m, raw: `(SELECT _row, ${v} AS v, ${ident(field)} AS d FROM ${ctx.src})` } }
		};
	}
	if (fast?.read) return { field, sql: retype(ctx, c, field, 'DOUBLE', null) };
	if (fast && type === 'date') {
		const d = `try_strptime(${c}, ${literal(fast.format)})::DATE`;
		// A plain date column's cells are NULL exactly where its dates are: kept text (needed only for the
		// examples of dates after today) shows the same NULLs as none.
		if (fast.future)
			return {
				field,
				sql: beside(ctx, c, field, 'DATE', d, `WHERE ${c} IS NOT NULL`),
				keptRaw: true,
				checks: {
					future: {
						field,
						m,
						raw: `(SELECT _row, ${rawOf(field)} AS v, ${ident(field)} AS d FROM ${ctx.src})`
					}
				}
			};
		return {
			field,
			sql: retype(ctx, c, field, 'DATE', d),
			checks: {
				future: { field, m, raw: `(SELECT _row, NULL::VARCHAR AS v, ${ident(field)} AS d FROM ${ctx.src})` }
			}
		};
	}
	if (fast) return { field, sql: retype(ctx, c, field, 'DOUBLE', `try_cast(${c} AS DOUBLE)`) };
	if (type === 'date' || type === 'month') return parsedDate(ctx, field, type, m, c);
	if (type === 'number' || type === 'score') {
		const fn = type === 'score' ? 'mb_score' : 'mb_num';
		return {
			field,
			sql: beside(ctx, c, field, sqlType(type), `${fn}(${c})`, `WHERE ${c} IS NOT NULL`),
			keptRaw: true,
			checks: { numbers: { field, m, score: type === 'score' } }
		};
	}
	if (type === 'status' || type === 'outcome' || type === 'type') return vocabColumn(ctx, field, type, m, c);
	// Salesforce writes an empty reference as 000000000000000AAA (or its 15-character form): blank. An
	// id column that needs none of it is only renamed (rewriting a million unique ids is slow in ALTER).
	if (field.endsWith('_id') && ctx.cleanIds.has(c))
		return { field, sql: retype(ctx, c, field, 'VARCHAR', null) };
	if (field.endsWith('_id'))
		return {
			field,
			sql: retype(ctx, c, field, 'VARCHAR', idCell(c))
		};
	// A dimension (channel, owner, segment, rep): a few distinct cells, cleaned once each.
	const cells = ctx.cells.get(c)!;
	return { field, sql: retype(ctx, c, field, 'VARCHAR', cells.clean ? null : `mb_blank(${c})`) };
}

/** The date order a column's dates are read in, and the ambiguity to report. */
function dateOrder(ctx: Ctx, field: string, m: MappedColumn): { dmy: boolean; issues: QualityIssue[] } {
	const p = `p${ctx.dateFields.indexOf(field)}_`;
	const [firstGt12, secondGt12, slashDates] = ['first_gt12', 'second_gt12', 'slash_dates'].map((k) =>
		Number(ctx.probe[p + k])
	);
	const dmy = firstGt12 > 0;
	const column = shown(m.header);
	const issues: QualityIssue[] = [];
	if (!dmy && secondGt12 === 0 && slashDates > 0)
		issues.push(
			issue('ambiguous_date_order', 'warning', m.header, slashDates, 'ambiguous_month_first', { column })
		);
	if (dmy && secondGt12 > 0)
		issues.push(
			issue('ambiguous_date_order', 'warning', m.header, secondGt12, 'ambiguous_day_first', { column })
		);
	return { dmy, issues };
}

async function parsedDate(
	ctx: Ctx,
	field: string,
	type: 'date' | 'month',
	m: MappedColumn,
	c: string
): Promise<Part> {
	const { dmy, issues } = dateOrder(ctx, field, m);
	const fn = type === 'month' ? 'mb_month' : 'mb_date';
	// Parse each distinct date once and join the result back (see mb_date_key).
	const n = ctx.dateFields.indexOf(field);
	const dict = `mb_dd_${ctx.id}_${n}`;
	await ctx.db.exec(
		`CREATE OR REPLACE TEMP TABLE ${dict} AS SELECT k, ${fn}(k, ${dmy}) AS d
		FROM (SELECT DISTINCT mb_date_key(${c}) AS k FROM ${ctx.raw}) WHERE k IS NOT NULL`
	);
	return {
		field,
		sql: beside(ctx, c, field, 'DATE', `dd.d`, `FROM ${dict} dd WHERE dd.k = mb_date_key(${c})`),
		temp: [dict],
		keptRaw: true,
		issues,
		checks: {
			dates: { field, m, any: `${fn}_any(${rawOf(field)}, ${dmy})` },
			future: { field, m, raw: `(SELECT _row, ${rawOf(field)} AS v, ${ident(field)} AS d FROM ${ctx.src})` }
		}
	};
}

async function vocabColumn(
	ctx: Ctx,
	field: string,
	type: FieldType,
	m: MappedColumn,
	c: string
): Promise<Part> {
	const vocabKind = type === 'status' ? 'status' : (type as 'outcome' | 'type');
	const cells = ctx.cells.get(c)!;
	const distinct = new Set(cells.values.flatMap((x) => (x.b === null ? [] : [x.b])));
	const vt = `mb_voc_${ctx.id}_${field}`;
	await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${vt} (raw VARCHAR, target VARCHAR)`);
	const unknown: string[] = [];
	const targets = new Set<string>();
	const pairs: (string | null)[] = [];
	for (const value of distinct) {
		const target = lookup(ctx.vocab, vocabKind, value);
		if (target === null) unknown.push(value);
		else targets.add(target);
		pairs.push(value, target);
	}
	// Values are bound parameters, a few hundred pairs per statement.
	for (let i = 0; i < pairs.length; i += 800) {
		const chunk = pairs.slice(i, i + 800);
		await ctx.db.query(
			`INSERT INTO ${vt} VALUES ${Array.from({ length: chunk.length / 2 }, () => '(?, ?)').join(', ')}`,
			chunk
		);
	}
	const target = ident(field + '_target');
	return {
		field,
		sql: [
			...retype(ctx, c, field, 'VARCHAR', cells.clean ? null : `mb_blank(${c})`),
			`ALTER TABLE ${ctx.raw} ADD COLUMN ${target} VARCHAR;`,
			`UPDATE ${ctx.raw} SET ${target} = v.target FROM ${vt} v WHERE v.raw = ${ctx.raw}.${ident(field)} AND v.target IS NOT NULL;`
		],
		temp: [vt],
		targets,
		checks: unknown.length ? { unknown: { field, m, type, unknown } } : undefined
	};
}
