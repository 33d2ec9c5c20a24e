/**
 * Step 6a, check the values typing could not read: dates that are no dates or lie outside the plausible
 * span, dates after today, numbers that are no numbers or implausibly large, negative amounts,
 * status/outcome/type values the vocabulary does not know. Each issue counts the rows and shows a few
 * (spreadsheet row numbers).
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { examples } from './checks';
import { srcTable } from './fields';
import { issue, MAX_EXAMPLES, shown, type QualityIssue } from './quality';
import type { ColumnMapping } from './types';
import type { ValueChecks } from './typing';
import { MAX_PLAUSIBLE_NUMBER, PLAUSIBLE_YEARS } from './values-sql';

/** Money columns: a negative value is read (a credit note is negative) but worth a look. */
const MONEY_FIELDS = ['amount', 'amount_converted', 'spend', 'mrr'];

/** The bound as both languages group it (10,000,000,000,000). */
const MAX_SHOWN = MAX_PLAUSIBLE_NUMBER.toLocaleString('en-US');

type RowNo = (r: number) => number;
const rawOf = (field: string) => ident(`_raw_${field}`);

export async function checkValues(
	db: Db,
	id: number,
	checks: ValueChecks,
	today: string,
	rowNo: RowNo,
	mapping: ColumnMapping[]
): Promise<QualityIssue[]> {
	const src = srcTable(id);
	return [
		...(await dateIssues(db, src, checks.dates, rowNo)),
		...(await futureIssues(db, src, checks.future, today, rowNo)),
		...(await numberIssues(db, src, checks.numbers, rowNo)),
		...(await negativeIssues(db, src, mapping, rowNo)),
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
		const filled = `SELECT _row, ${r} AS v FROM ${src} WHERE ${ident(field)} IS NULL AND mb_blank(${r}) IS NOT NULL`;
		// A number, but beyond the bound (`1e308`): set aside as implausible, not as unreadable.
		const huge = score
			? { count: 0, rows: [] }
			: await examples(db, `${filled} AND mb_num_finite(${r}) IS NOT NULL`);
		if (huge.count) {
			const params = { column: shown(m.header), count: huge.count, max: MAX_SHOWN };
			const rows = huge.rows.map((x) => ({ row: rowNo(x._row), value: x.v }));
			out.push(
				issue('implausible_number', 'warning', m.header, huge.count, 'implausible_number', params, rows)
			);
		}
		const bad = await examples(db, score ? filled : `${filled} AND mb_num_finite(${r}) IS NULL`);
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

/** Negative amounts are kept (refunds and credit notes exist) and pointed out, row by row. */
async function negativeIssues(db: Db, src: string, mapping: ColumnMapping[], rowNo: RowNo) {
	const out: QualityIssue[] = [];
	for (const m of mapping.filter((x) => MONEY_FIELDS.includes(x.field))) {
		const f = ident(m.field);
		// Whole amounts as written (-500, not -500.0); within the bound they fit a BIGINT.
		const shownValue = `CASE WHEN ${f} = round(${f}) THEN ${f}::BIGINT::VARCHAR ELSE ${f}::VARCHAR END`;
		const neg = await examples(db, `SELECT _row, ${shownValue} AS v FROM ${src} WHERE ${f} < 0`);
		if (!neg.count) continue;
		out.push(
			issue(
				'negative_amount',
				'warning',
				m.header,
				neg.count,
				'negative_amount',
				{ column: shown(m.header), count: neg.count },
				neg.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
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
