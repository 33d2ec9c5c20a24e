/**
 * Step 6a, check the values typing could not read: dates that are no dates or lie outside the plausible
 * span, dates after today, numbers that are no numbers, status/outcome/type values the vocabulary does
 * not know. Each issue counts the rows and shows a few (spreadsheet row numbers).
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { examples } from './checks';
import { srcTable } from './fields';
import { issue, MAX_EXAMPLES, shown, type QualityIssue } from './quality';
import type { ValueChecks } from './typing';
import { PLAUSIBLE_YEARS } from './values-sql';

type RowNo = (r: number) => number;
const rawOf = (field: string) => ident(`_raw_${field}`);

export async function checkValues(
	db: Db,
	id: number,
	checks: ValueChecks,
	today: string,
	rowNo: RowNo
): Promise<QualityIssue[]> {
	const src = srcTable(id);
	return [
		...(await dateIssues(db, src, checks.dates, rowNo)),
		...(await futureIssues(db, src, checks.future, today, rowNo)),
		...(await numberIssues(db, src, checks.numbers, rowNo)),
		...(await unknownIssues(db, src, checks.unknown))
	];
}

async function dateIssues(db: Db, src: string, checks: ValueChecks['dates'], rowNo: RowNo) {
	const out: QualityIssue[] = [];
	for (const { field, m, any } of checks) {
		const f = ident(field);
		const r = rawOf(field);
		const column = shown(m.header);
		// Only the rows left empty are parsed again, to tell a non-date from a placeholder date.
		const filled = `SELECT _row, ${r} AS v FROM ${src} WHERE ${f} IS NULL AND mb_blank(${r}) IS NOT NULL`;
		const bad = await examples(db, `${filled} AND ${any} IS NULL`);
		const rows = (x: typeof bad) => x.rows.map((e) => ({ row: rowNo(e._row), value: e.v }));
		if (bad.count) {
			const params = { column, count: bad.count };
			out.push(
				issue('unparseable_date', 'warning', m.header, bad.count, 'unparseable_date', params, rows(bad))
			);
		}
		const placeholder = await examples(db, `${filled} AND ${any} IS NOT NULL`);
		if (placeholder.count) {
			const params = { column, count: placeholder.count, years: PLAUSIBLE_YEARS };
			out.push(
				issue(
					'out_of_range',
					'warning',
					m.header,
					placeholder.count,
					'out_of_range',
					params,
					rows(placeholder)
				)
			);
		}
	}
	return out;
}

/** Dates after today, every date column in one scan; examples only where there are some. */
async function futureIssues(db: Db, src: string, checks: ValueChecks['future'], today: string, rowNo: RowNo) {
	if (!checks.length) return [];
	const [counts] = await db.query(
		`SELECT ${checks.map(({ field }, i) => `count(*) FILTER (WHERE ${ident(field)} > ?::DATE)::INTEGER AS f${i}`).join(', ')} FROM ${src}`,
		checks.map(() => today)
	);
	const out: QualityIssue[] = [];
	for (const [i, { m, raw: rows }] of checks.entries()) {
		if (!Number(counts[`f${i}`])) continue;
		const future = await examples(db, `SELECT _row, v FROM ${rows} WHERE d > ?::DATE`, [today]);
		const params = { column: shown(m.header), count: future.count, today };
		out.push(
			issue(
				'future_date',
				'warning',
				m.header,
				future.count,
				'future_date',
				params,
				future.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
			)
		);
	}
	return out;
}

async function numberIssues(db: Db, src: string, checks: ValueChecks['numbers'], rowNo: RowNo) {
	const out: QualityIssue[] = [];
	for (const { field, m, score } of checks) {
		const r = rawOf(field);
		const bad = await examples(
			db,
			`SELECT _row, ${r} AS v FROM ${src} WHERE ${ident(field)} IS NULL AND mb_blank(${r}) IS NOT NULL`
		);
		if (!bad.count) continue;
		const key = score ? 'unparseable_score' : 'unparseable_number';
		out.push(
			issue(
				'unparseable_number',
				'warning',
				m.header,
				bad.count,
				key,
				{ column: shown(m.header), count: bad.count },
				bad.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
			)
		);
	}
	return out;
}

async function unknownIssues(db: Db, src: string, checks: ValueChecks['unknown']) {
	const out: QualityIssue[] = [];
	for (const { field, m, type, unknown } of checks) {
		const [cnt] = await db.query(
			`SELECT count(*)::INTEGER AS n FROM ${src} WHERE ${ident(field)} IS NOT NULL AND ${ident(field + '_target')} IS NULL`
		);
		const what = type === 'status' ? 'what.status' : type === 'outcome' ? 'what.outcome' : 'what.type';
		const values = `${unknown.slice(0, 8).map(shown).join(', ')}${unknown.length > 8 ? ', …' : ''}`;
		const params = {
			column: shown(m.header),
			distinct: unknown.length,
			what: { key: what },
			values
		} as const;
		out.push(
			issue(
				'unknown_value',
				'warning',
				m.header,
				Number(cnt.n),
				'unknown_value',
				params,
				unknown.slice(0, MAX_EXAMPLES).map((value) => ({ row: null, value }))
			)
		);
	}
	return out;
}
