/**
 * Step 5b, type: the raw text table becomes `mb_src_{id}`, the file's canonical typed columns and `_row`,
 * in place (see `typeColumns`). Each cell is parsed once; the checks then read the typed columns, with
 * the raw text kept beside them (`_raw_<field>`) for the examples and dropped after the checks
 * (`dropRawText`). Plain columns are cast in one go, dates parsed once per distinct value, clean
 * dimensions and ids only renamed.
 */
import type { Db, Row } from '../db/types';
import { ident, literal } from '../db/sql';
import { STAGE_OF_FIELD, type Stage } from '../model/stages';
import {
	col,
	colOf,
	dateOrderProbe,
	distinctCells,
	type DistinctCells,
	plainColumns,
	sqlType,
	type MappedColumn,
	type PlainColumn
} from './column-scans';
import { FIELD_TYPES, rawTable, srcTable, type FieldType } from './fields';
import { issue, shown, type QualityIssue } from './quality';
import type { ColumnMapping, FileKind, Vocabularies } from './types';
import { lookup } from './vocab';

/** The value checks typing leaves for step 6, per column. */
export interface ValueChecks {
	dates: { field: string; m: ColumnMapping; any: string }[];
	future: { field: string; m: ColumnMapping; raw: string }[];
	numbers: { field: string; m: ColumnMapping; score: boolean }[];
	unknown: { field: string; m: ColumnMapping; type: FieldType; unknown: string[] }[];
}

export interface TypedColumns {
	/** Issues found while typing (ambiguous date order). */
	issues: QualityIssue[];
	checks: ValueChecks;
	/** Per status/outcome/type field: the vocabulary targets its values map to. */
	targets: Record<string, Set<string>>;
	/** Fields whose raw text `_raw_<field>` is kept beside the typed column until the checks ran. */
	keptRaw: string[];
	/** Stages whose date column is mapped. */
	datedStages: Stage[];
}

/**
 * One field's share of the typed table: statements that turn the file's column into the field's
 * columns in place (on the raw table, which becomes the typed table), and what it leaves to check.
 */
interface Part {
	field: string;
	sql: string[];
	temp?: string[];
	keptRaw?: boolean;
	issues?: QualityIssue[];
	checks?: Partial<{ [K in keyof ValueChecks]: ValueChecks[K][number] }>;
	targets?: Set<string>;
}

interface Ctx {
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
const idCell = (c: string) => `nullif(nullif(mb_blank(${c}), '000000000000000AAA'), '000000000000000')`;

const rawOf = (field: string) => ident(`_raw_${field}`);

/** Unmapped columns dropped one by one; past this many, the mapped ones are copied instead. */
const MAX_DROPPED_COLUMNS = 40;

/**
 * Types the raw table's columns in place and renames the table `mb_src_{id}`. Why in place: DuckDB's
 * ALTER TABLE rewrites only the column it changes (the others are shared, renaming is free), while a
 * `CREATE TABLE … AS SELECT` of the typed columns wrote a second copy of every column (at a million
 * rows, copying the columns cost more than parsing them). A field that needs a second column (the
 * raw text kept for the checks' examples, a vocabulary target) gets it with ADD COLUMN + UPDATE.
 */
export async function typeColumns(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	vocab: Vocabularies,
	today: string
): Promise<TypedColumns> {
	const raw = rawTable(id);
	const src = srcTable(id);
	const types = FIELD_TYPES[kind];
	// A column mapped to two fields is copied first, so that each field owns the column it changes.
	const copies: string[] = [];
	const owned = new Set<number>();
	const fieldMapping = mapping.map((m) => {
		if (!(m.field in types)) return m;
		if (!owned.has(m.column)) {
			owned.add(m.column);
			return m;
		}
		const copy = `_copy_${m.field}`;
		copies.push(
			`ALTER TABLE ${raw} ADD COLUMN ${ident(copy)} VARCHAR; UPDATE ${raw} SET ${ident(copy)} = ${col(m.column)};`
		);
		return { ...m, source: copy };
	});
	if (copies.length) await db.exec(copies.join(' '));
	const byField = new Map(fieldMapping.map((m) => [m.field, m]));
	// One scan tells which date and amount columns hold only plain values: those are typed by one cast,
	// with nothing to report. The rest go through the general parsers and the checks.
	const plain = await plainColumns(db, raw, types, byField, today);
	const dateFields = Object.keys(types).filter(
		(f) => (types[f] === 'date' || types[f] === 'month') && byField.has(f) && !plain.has(f)
	);
	const probe = await dateOrderProbe(db, raw, dateFields, byField);
	// Dimensions (text fields but ids) and vocabulary fields: their distinct cells, in one request.
	const listed = Object.keys(types).filter(
		(f) =>
			byField.has(f) &&
			(types[f] === 'status' ||
				types[f] === 'outcome' ||
				types[f] === 'type' ||
				(types[f] === 'text' && !f.endsWith('_id')))
	);
	const cells = await distinctCells(
		db,
		raw,
		listed.map((f) => colOf(byField.get(f)!))
	);
	const ids = Object.keys(types)
		.filter((f) => byField.has(f) && types[f] === 'text' && f.endsWith('_id'))
		.map((f) => colOf(byField.get(f)!));
	const [clean] = ids.length
		? await db.query(
				`SELECT ${ids.map((c, i) => `count(*) FILTER (WHERE ${idCell(c)} IS DISTINCT FROM ${c})::INTEGER AS i${i}`).join(', ')} FROM ${raw}`
			)
		: [{}];
	const cleanIds = new Set(ids.filter((_, i) => Number(clean[`i${i}`]) === 0));
	const ctx: Ctx = { db, id, raw, src, vocab, dateFields, probe, cells, cleanIds };
	const parts: Part[] = [];
	for (const [field, type] of Object.entries(types)) {
		const m = byField.get(field);
		parts.push(m ? await typeColumn(ctx, field, type, m, plain.get(field)) : missingColumn(ctx, field, type));
	}
	await db.exec(parts.flatMap((p) => p.sql).join('\n'));
	// The columns no field maps are dropped; a wide file's many are left behind by one copy of the rest
	// instead (each DROP COLUMN rewrites the table's catalog entry: thousands of them take a minute).
	const columns = (
		await db.query(
			`SELECT column_name AS c FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index`,
			[raw]
		)
	).map((r) => String(r.c));
	const unmapped = columns.filter((c) => /^c\d+$/.test(c));
	await db.exec(
		unmapped.length <= MAX_DROPPED_COLUMNS
			? [
					...unmapped.map((c) => `ALTER TABLE ${raw} DROP COLUMN ${ident(c)};`),
					`DROP TABLE IF EXISTS ${src}; ALTER TABLE ${raw} RENAME TO ${src};`
				].join('\n')
			: `CREATE OR REPLACE TABLE ${src} AS SELECT ${columns
					.filter((c) => !unmapped.includes(c))
					.map(ident)
					.join(', ')} FROM ${raw}; DROP TABLE ${raw};`
	);
	for (const t of parts.flatMap((p) => p.temp ?? [])) await db.exec(`DROP TABLE IF EXISTS ${t}`);
	const checksOf = <K extends keyof ValueChecks>(k: K) =>
		parts.flatMap((p) => (p.checks?.[k] ? [p.checks[k]] : [])) as unknown as ValueChecks[K];
	return {
		issues: parts.flatMap((p) => p.issues ?? []),
		checks: {
			dates: checksOf('dates'),
			future: checksOf('future'),
			numbers: checksOf('numbers'),
			unknown: checksOf('unknown')
		},
		targets: Object.fromEntries(parts.flatMap((p) => (p.targets ? [[p.field, p.targets]] : []))),
		keptRaw: parts.filter((p) => p.keptRaw).map((p) => p.field),
		datedStages: Object.keys(types)
			.filter((f) => types[f] === 'date' && byField.has(f) && STAGE_OF_FIELD[f])
			.map((f) => STAGE_OF_FIELD[f])
	};
}

/** Drops the raw text kept for the checks' examples. */
export async function dropRawText(db: Db, id: number, keptRaw: string[]): Promise<void> {
	if (!keptRaw.length) return;
	await db.exec(keptRaw.map((f) => `ALTER TABLE ${srcTable(id)} DROP COLUMN ${rawOf(f)};`).join(' '));
}

function missingColumn(ctx: Ctx, field: string, type: FieldType): Part {
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

async function typeColumn(
	ctx: Ctx,
	field: string,
	type: FieldType,
	m: MappedColumn,
	fast: PlainColumn | undefined
): Promise<Part> {
	const c = colOf(m);
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
