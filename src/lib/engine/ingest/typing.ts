/**
 * Step 5b, type: the raw text table → `mb_src_{id}`, the file's canonical typed columns and `_row`.
 * Each cell is parsed once; the checks then read the typed columns, with the raw text kept beside them
 * (`_raw_<field>`) for the examples and dropped after the checks (`dropRawText`). Plain columns are
 * cast in one go, dates parsed once per distinct value, clean dimensions copied as they are.
 */
import type { Db, Row } from '../db/types';
import { ident, literal } from '../db/sql';
import { STAGE_OF_FIELD, type Stage } from '../model/stages';
import { col, dateOrderProbe, distinctCells, plainColumns, sqlType } from './column-scans';
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

/** One column's share of the typed table's SELECT, and what it leaves to check. */
interface Part {
	field: string;
	selects: string[];
	joins?: string[];
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
}

const rawOf = (field: string) => ident(`_raw_${field}`);

export async function typeColumns(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	vocab: Vocabularies
): Promise<TypedColumns> {
	const raw = rawTable(id);
	const src = srcTable(id);
	const types = FIELD_TYPES[kind];
	const byField = new Map(mapping.map((m) => [m.field, m]));
	// One scan tells which date and amount columns hold only plain values: those are typed by one cast,
	// with nothing to report. The rest go through the general parsers and the checks.
	const plain = await plainColumns(db, raw, types, byField);
	const dateFields = Object.keys(types).filter(
		(f) => (types[f] === 'date' || types[f] === 'month') && byField.has(f) && !plain.has(f)
	);
	const probe = await dateOrderProbe(db, raw, dateFields, byField);
	const ctx: Ctx = { db, id, raw, src, vocab, dateFields, probe };
	const parts: Part[] = [];
	for (const [field, type] of Object.entries(types)) {
		const m = byField.get(field);
		parts.push(m ? await typeColumn(ctx, field, type, m, plain.get(field)) : missingColumn(field, type));
	}
	const selects = ['_row', ...parts.flatMap((p) => p.selects)];
	const joins = parts.flatMap((p) => p.joins ?? []);
	await db.exec(
		`CREATE OR REPLACE TABLE ${src} AS SELECT ${selects.join(', ')} FROM ${raw} ${joins.join(' ')}`
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

function missingColumn(field: string, type: FieldType): Part {
	const selects = [`NULL::${sqlType(type)} AS ${ident(field)}`];
	if (type === 'status' || type === 'outcome' || type === 'type')
		selects.push(`NULL::VARCHAR AS ${ident(field + '_target')}`);
	return { field, selects };
}

async function typeColumn(
	ctx: Ctx,
	field: string,
	type: FieldType,
	m: ColumnMapping,
	fast: string | undefined
): Promise<Part> {
	const c = col(m.column);
	if (fast && type === 'date') {
		const d = `try_strptime(${c}, ${literal(fast)})::DATE`;
		const raw = `(SELECT _row, ${c} AS v, ${d} AS d FROM ${ctx.raw})`;
		return { field, selects: [`${d} AS ${ident(field)}`], checks: { future: { field, m, raw } } };
	}
	if (fast) return { field, selects: [`try_cast(${c} AS DOUBLE) AS ${ident(field)}`] };
	if (type === 'date' || type === 'month') return parsedDate(ctx, field, type, m, c);
	if (type === 'number' || type === 'score') {
		const fn = type === 'score' ? 'mb_score' : 'mb_num';
		return {
			field,
			selects: [`${fn}(${c}) AS ${ident(field)}`, `${c} AS ${rawOf(field)}`],
			keptRaw: true,
			checks: { numbers: { field, m, score: type === 'score' } }
		};
	}
	if (type === 'status' || type === 'outcome' || type === 'type') return vocabColumn(ctx, field, type, m, c);
	// Salesforce writes an empty reference as 000000000000000AAA (or its 15-character form): blank.
	if (field.endsWith('_id'))
		return {
			field,
			selects: [`nullif(nullif(mb_blank(${c}), '000000000000000AAA'), '000000000000000') AS ${ident(field)}`]
		};
	// A dimension (channel, owner, segment, rep): a few distinct cells, cleaned once each.
	const cells = await distinctCells(ctx.db, ctx.raw, c);
	return { field, selects: [`${cells.clean ? c : `mb_blank(${c})`} AS ${ident(field)}`] };
}

/** The date order a column's dates are read in, and the ambiguity to report. */
function dateOrder(ctx: Ctx, field: string, m: ColumnMapping): { dmy: boolean; issues: QualityIssue[] } {
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
	m: ColumnMapping,
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
		selects: [`dd${n}.d AS ${ident(field)}`, `${c} AS ${rawOf(field)}`],
		joins: [`LEFT JOIN ${dict} dd${n} ON dd${n}.k = mb_date_key(${c})`],
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
	m: ColumnMapping,
	c: string
): Promise<Part> {
	const vocabKind = type === 'status' ? 'status' : (type as 'outcome' | 'type');
	const cells = await distinctCells(ctx.db, ctx.raw, c);
	const text = cells.clean ? c : `mb_blank(${c})`;
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
	const alias = `v_${field}`;
	return {
		field,
		selects: [`${text} AS ${ident(field)}`, `${alias}.target AS ${ident(field + '_target')}`],
		joins: [`LEFT JOIN ${vt} ${alias} ON ${alias}.raw = ${text}`],
		temp: [vt],
		targets,
		checks: unknown.length ? { unknown: { field, m, type, unknown } } : undefined
	};
}
