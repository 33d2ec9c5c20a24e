/**
 * The data-quality checks that run on a file's typed table after it is built: required values, duplicate
 * ids, stage dates out of order. Each returns counts with a few examples (spreadsheet row numbers).
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { FIELD_TYPES, ID_FIELD, LEAD_DATE_ORDER, srcTable } from './fields';
import { issue, MAX_EXAMPLES, shown, type QualityIssue } from './quality';
import { REQUIRED_FIELDS, type ColumnMapping, type FileKind } from './types';
export type ExampleRow = { _row: number; v: string };

export async function examples(
	db: Db,
	sql: string,
	params: (string | number)[] = []
): Promise<{ count: number; rows: ExampleRow[] }> {
	const [c] = await db.query(`SELECT count(*)::INTEGER AS n FROM (${sql})`, params);
	const count = Number(c?.n ?? 0);
	if (count === 0) return { count, rows: [] };
	const rows = await db.query(`SELECT _row, v FROM (${sql}) ORDER BY _row LIMIT ${MAX_EXAMPLES}`, params);
	return { count, rows: rows.map((r) => ({ _row: Number(r._row), v: String(r.v ?? '') })) };
}

/** What the row checks found: issues, and how many rows they leave out of every metric. */
export interface RowChecks {
	rejected: number;
	issues: QualityIssue[];
}

type RowNo = (r: number) => number;

/** Step 6b: required values, duplicate ids and stage dates out of order, on the file's typed table. */
export async function qualityChecks(
	db: Db,
	id: number,
	kind: FileKind,
	byField: Map<string, ColumnMapping>,
	rowNo: RowNo,
	/** Fields whose raw text `_raw_<field>` is kept beside the typed column (the others had none to show). */
	keptRaw: Set<string>
): Promise<RowChecks> {
	const src = srcTable(id);
	const header = (f: string) => byField.get(f)?.header ?? f;
	const required = await requiredIssues(db, src, kind, header, rowNo, keptRaw, new Set(byField.keys()));
	const issues = [
		...required,
		...(await duplicateIssues(db, src, kind, byField, header, rowNo)),
		...(kind === 'leads' ? await stageOrderIssues(db, src, byField, header, rowNo) : [])
	];
	return { rejected: required.reduce((n, i) => n + i.count, 0), issues };
}

async function requiredIssues(
	db: Db,
	src: string,
	kind: FileKind,
	header: (f: string) => string,
	rowNo: RowNo,
	keptRaw: Set<string>,
	mapped: Set<string>
): Promise<QualityIssue[]> {
	// A required field may be unmapped only where the kind allows it (a lead file without created_at).
	const required = REQUIRED_FIELDS[kind].filter(
		(f) =>
			mapped.has(f) && (FIELD_TYPES[kind][f] === 'date' || FIELD_TYPES[kind][f] === 'month' || f === 'spend')
	);
	const out: QualityIssue[] = [];
	for (const f of required) {
		const miss = await examples(
			db,
			`SELECT _row, ${keptRaw.has(f) ? ident(`_raw_${f}`) : 'NULL'} AS v FROM ${src} WHERE ${ident(f)} IS NULL`
		);
		if (!miss.count) continue;
		const params = { count: miss.count, column: shown(header(f)) };
		out.push(
			issue(
				'missing_required',
				'error',
				header(f),
				miss.count,
				'missing_required',
				params,
				miss.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
			)
		);
	}
	return out;
}

async function duplicateIssues(
	db: Db,
	src: string,
	kind: FileKind,
	byField: Map<string, ColumnMapping>,
	header: (f: string) => string,
	rowNo: RowNo
): Promise<QualityIssue[]> {
	const idField = ID_FIELD[kind];
	if (!idField || !byField.has(idField)) return [];
	const dup = await examples(
		db,
		`SELECT min(_row) AS _row, ${ident(idField)} AS v FROM ${src} WHERE ${ident(idField)} IS NOT NULL GROUP BY 2 HAVING count(*) > 1`
	);
	if (!dup.count) return [];
	const key = kind === 'leads' ? 'duplicate_id_merged' : 'duplicate_id_counted';
	return [
		issue(
			'duplicate_id',
			'warning',
			header(idField),
			dup.count,
			key,
			{ count: dup.count },
			dup.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
		)
	];
}

async function stageOrderIssues(
	db: Db,
	src: string,
	byField: Map<string, ColumnMapping>,
	header: (f: string) => string,
	rowNo: RowNo
): Promise<QualityIssue[]> {
	// A deal export's single close date is its won or lost date by the row's status, as merge.ts
	// reads it: a deal closed before it was created is as out of order as any other pair.
	const closes = byField.has('closed_at') && byField.has('status');
	const dates: string[] = [];
	for (const f of LEAD_DATE_ORDER) {
		if (f === 'won_at' && closes) {
			dates.push(`coalesce(won_at, CASE WHEN status_target = 'won' THEN closed_at END)`);
		} else if (byField.has(f)) dates.push(ident(f));
	}
	const checks: string[] = [];
	for (let i = 1; i < dates.length; i++) {
		for (let j = 0; j < i; j++) checks.push(`${dates[i]} < ${dates[j]}`);
	}
	if ((byField.has('lost_at') || closes) && byField.has('created_at')) {
		const lost = `coalesce(lost_at, CASE WHEN status_target IN ('lost', 'disqualified') THEN closed_at END)`;
		checks.push(`${lost} < created_at`);
	}
	if (!checks.length) return [];
	// The example shows the file's own date columns, as written in its header.
	const cols = [...LEAD_DATE_ORDER, 'lost_at', 'closed_at']
		.filter((f) => byField.has(f))
		.map((f) => ({ expr: ident(f), label: header(f) }));
	const bad = await examples(
		db,
		`SELECT _row, concat_ws(', ', ${cols.map((d) => `? || ' ' || coalesce(strftime(${d.expr}, '%Y-%m-%d'), '–')`).join(', ')}) AS v
		FROM ${src} WHERE ${checks.join(' OR ')}`,
		cols.map((d) => d.label)
	);
	if (!bad.count) return [];
	return [
		issue(
			'stage_order',
			'warning',
			null,
			bad.count,
			'stage_order',
			{ count: bad.count },
			bad.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
		)
	];
}
