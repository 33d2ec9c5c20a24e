/**
 * Step 5b, type: the raw text table becomes `mb_src_{id}`, the file's canonical typed columns and `_row`,
 * in place (see `typeColumns`). Each cell is parsed once; the checks then read the typed columns, with
 * the raw text kept beside them (`_raw_<field>`) for the examples and dropped after the checks
 * (`dropRawText`). Plain columns are cast in one go, dates parsed once per distinct value, clean
 * dimensions and ids only renamed. One column's statements: typing-columns.ts.
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { STAGE_OF_FIELD, type Stage } from '../model/stages';
import { col, colOf, dateOrderProbe, distinctCells, plainColumns } from './column-scans';
import { FIELD_TYPES, rawTable, srcTable } from './fields';
import type { QualityIssue } from './quality';
import type { ReadTypes } from './read-types';
import type { ColumnMapping, FileKind, Vocabularies } from './types';
import {
	idCell,
	missingColumn,
	rawOf,
	typeColumn,
	type Ctx,
	type Part,
	type ValueChecks
} from './typing-columns';

export type { ValueChecks } from './typing-columns';

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
	today: string,
	readTypes: ReadTypes = new Map()
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
	const plain = await plainColumns(db, raw, types, byField, today, readTypes);
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
