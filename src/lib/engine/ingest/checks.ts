/**
 * The data-quality checks that run on a file's typed table after it is built: required values, duplicate
 * ids, stage dates out of order. Each returns counts with a few examples (spreadsheet row numbers).
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { FIELD_TYPES, ID_FIELD, LEAD_DATE_ORDER, srcTable } from './fields';
import { issue, MAX_EXAMPLES, shown, type FileQuality } from './quality';
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

export async function qualityChecks(
	db: Db,
	id: number,
	kind: FileKind,
	byField: Map<string, ColumnMapping>,
	q: FileQuality,
	rowNo: (r: number) => number,
	/** Fields whose raw text `_raw_<field>` is kept beside the typed column (the others had none to show). */
	keptRaw: Set<string>
): Promise<void> {
	const src = srcTable(id);
	const header = (f: string) => byField.get(f)?.header ?? f;
	const required = REQUIRED_FIELDS[kind].filter(
		(f) => FIELD_TYPES[kind][f] === 'date' || FIELD_TYPES[kind][f] === 'month' || f === 'spend'
	);
	for (const f of required) {
		const miss = await examples(
			db,
			`SELECT _row, ${keptRaw.has(f) ? ident(`_raw_${f}`) : 'NULL'} AS v FROM ${src} WHERE ${ident(f)} IS NULL`
		);
		if (miss.count) {
			q.rejected += miss.count;
			q.issues.push(
				issue(
					'missing_required',
					'error',
					header(f),
					miss.count,
					`${miss.count} row(s) have no usable "${shown(header(f))}" and are left out of every metric.`,
					miss.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
				)
			);
		}
	}
	const idField = ID_FIELD[kind];
	if (idField && byField.has(idField)) {
		const dup = await examples(
			db,
			`SELECT min(_row) AS _row, ${ident(idField)} AS v FROM ${src} WHERE ${ident(idField)} IS NOT NULL GROUP BY 2 HAVING count(*) > 1`
		);
		if (dup.count) {
			q.issues.push(
				issue(
					'duplicate_id',
					'warning',
					header(idField),
					dup.count,
					kind === 'leads'
						? `${dup.count} id(s) appear more than once; their rows are merged (each stage takes its earliest date).`
						: `${dup.count} id(s) appear more than once; every row is counted.`,
					dup.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
				)
			);
		}
	}
	if (kind === 'leads') {
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
		// The example shows the file's own date columns, as written in its header.
		const shown = [...LEAD_DATE_ORDER, 'lost_at', 'closed_at']
			.filter((f) => byField.has(f))
			.map((f) => ({ expr: ident(f), label: header(f) }));
		if (checks.length) {
			const bad = await examples(
				db,
				`SELECT _row, concat_ws(', ', ${shown.map((d) => `? || ' ' || coalesce(strftime(${d.expr}, '%Y-%m-%d'), '–')`).join(', ')}) AS v
				FROM ${src} WHERE ${checks.join(' OR ')}`,
				shown.map((d) => d.label)
			);
			if (bad.count) {
				q.issues.push(
					issue(
						'stage_order',
						'warning',
						null,
						bad.count,
						`${bad.count} lead(s) have a stage dated before an earlier stage; the funnel still counts them, velocity leaves those steps out.`,
						bad.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
					)
				);
			}
		}
	}
}
