/**
 * Step 5a, the row count: which records of the raw table are data. Rows DuckDB set aside, an unclosed
 * quote, blank rows and total/summary or report-footer rows are counted and reported; blank and summary
 * rows leave the raw table, and `_row` is renumbered to the file's records, so row numbers in the
 * quality report match the spreadsheet.
 */
import type { Db, Row } from '../db/types';
import { ident } from '../db/sql';
import { rawTable } from './fields';
import type { FileLayout } from './layout';
import { issue, MAX_EXAMPLES, type QualityIssue } from './quality';
import type { ReadTypes } from './read-types';
import { linesFrom } from './scan';
import { balancedSql } from './sql-balanced';
import { summaryRows } from './summary-rows';

const col = (i: number) => ident(`c${i}`);

/** Where a file's records sit, for spreadsheet row numbers and rows the reader never returns. */
export interface RowLayout {
	/** 0-based index of the header record. */
	headerRow: number;
	/** 1-based data record numbers of empty lines (DuckDB skips them). */
	emptyLines: number[];
	/** A quoted field left open: its spreadsheet row, the lines it swallowed, the start of its text. */
	unclosed: { row: number; lines: number; value: string } | null;
}

export interface RowCount {
	/** Data rows below the header, set-aside ones included; blank rows are not counted. */
	rows: number;
	/** Of `rows`, those that reach no metric. */
	rejected: number;
	issues: QualityIssue[];
}

export function rowLayout({ dialect, scan, utf8 }: FileLayout): RowLayout {
	const open = scan.openQuote;
	// A file whose scan finds an open quote is read into memory first (pipeline.ts): it is never on disk here.
	const bytes = utf8 instanceof Uint8Array ? utf8 : null;
	if (open && !bytes) throw new Error('unreachable: an open quote in a file on disk');
	return {
		headerRow: dialect.headerRow,
		// Empty lines inside the data, as 1-based data record numbers (record 1 follows the header).
		emptyLines: scan.empty.filter((e) => e > dialect.headerRow).map((e) => e - dialect.headerRow),
		unclosed:
			open && bytes
				? {
						row: open.record + 1,
						lines: linesFrom(bytes, open.offset),
						value: new TextDecoder().decode(bytes.subarray(open.offset, open.offset + 480)).slice(0, 120)
					}
				: null
	};
}

/** Spreadsheet row of data record r: the header is row headerRow + 1 and record 1 the row below it. */
export const rowNumber = (layout: Pick<RowLayout, 'headerRow'>) => (r: number) => r + layout.headerRow + 1;

export async function countRows(
	db: Db,
	id: number,
	headers: string[],
	layout: RowLayout,
	types: ReadTypes = new Map()
): Promise<RowCount> {
	const raw = rawTable(id);
	const rowNo = rowNumber(layout);
	// Rows DuckDB's reader set aside (more fields than the header, broken quoting). `line` is the
	// 1-based record number in the data it was given, counting empty lines.
	const rej = await db.query(
		`SELECT line::INTEGER AS line, string_agg(DISTINCT error_type::VARCHAR, ', ') AS t, left(first(csv_line), 120) AS v
		FROM mb_rej_${id} GROUP BY line ORDER BY line`
	);
	await renumberRows(db, raw, [...layout.emptyLines, ...rej.map((r) => Number(r.line))]);
	const blankRows = await deleteBlankRows(db, raw, headers, types);
	const [{ n: total }] = await db.query(`SELECT count(*)::INTEGER AS n FROM ${raw}`);
	const u = layout.unclosed;
	const issues = unreadIssues(rej, u, rowNo);
	const unread = rej.length + (u?.lines ?? 0);
	const rows = Number(total) + unread;
	if (rows === 0) return { rows, rejected: 0, issues };
	const blank = [...layout.emptyLines, ...blankRows].sort((a, b) => a - b);
	const summary = await summaryRows(db, raw, headers, blank, types);
	if (summary.length) {
		issues.push(
			issue(
				'summary_row',
				'info',
				null,
				summary.length,
				'summary_rows',
				{ count: summary.length },
				summary.map((s) => ({ row: rowNo(s._row), value: s.v }))
			)
		);
		await db.exec(`DELETE FROM ${raw} WHERE _row IN (${summary.map((x) => Number(x._row)).join(', ')})`);
	}
	if (blank.length) {
		issues.push(
			issue(
				'rejected_row',
				'info',
				null,
				blank.length,
				'empty_rows',
				{ count: blank.length },
				blank.slice(0, MAX_EXAMPLES).map((r) => ({ row: rowNo(r), value: '' }))
			)
		);
	}
	return { rows, rejected: unread + summary.length, issues };
}

/** Rows the reader set aside (`rej`, from its rejects table) and the rows an unclosed quote swallowed. */
function unreadIssues(rej: Row[], u: RowLayout['unclosed'], rowNo: (r: number) => number): QualityIssue[] {
	const issues: QualityIssue[] = [];
	if (rej.length) {
		const kinds = [...new Set(rej.flatMap((r) => String(r.t).toLowerCase().split(', ')))];
		const params = { count: rej.length, kinds: kinds.join(', ') };
		const examples = rej.map((r) => ({ row: rowNo(Number(r.line)), value: String(r.v ?? '').trim() }));
		issues.push(issue('rejected_row', 'error', null, rej.length, 'rejected_rows', params, examples));
	}
	if (u) {
		const [key, params] =
			u.lines > 1
				? (['unclosed_quote_lines', { row: u.row, below: u.lines - 1 }] as const)
				: (['unclosed_quote', { row: u.row }] as const);
		issues.push(issue('rejected_row', 'error', null, u.lines, key, params, [{ row: u.row, value: u.value }]));
	}
	return issues;
}

/**
 * Blank rows (empty lines, or only delimiters and spaces) are not records: they leave the raw table,
 * so nothing after this has to filter them. trim() removes spaces only, so a blank cell is NULL, '' or
 * starts with a space (cheap tests first); a column the reader typed is blank where it is NULL. Returns their record numbers, sorted.
 */
async function deleteBlankRows(db: Db, raw: string, headers: string[], types: ReadTypes): Promise<number[]> {
	const allBlank = balancedSql(
		headers.map((_, i) =>
			types.has(i)
				? `${col(i)} IS NULL`
				: `(${col(i)} IS NULL OR ${col(i)} = '' OR prefix(${col(i)}, ' ') AND trim(${col(i)}) = '')`
		),
		'AND',
		'true'
	);
	return (await db.query(`DELETE FROM ${raw} WHERE ${allBlank} RETURNING _row`))
		.map((r) => Number(r._row))
		.sort((a, b) => a - b);
}

/**
 * Renumbers `_row` from "rows DuckDB returned" to "data records in the file" (record 1 follows the
 * header). DuckDB's reader drops empty lines silently and the rows it rejects, and numbers the rest
 * consecutively. With the dropped records sorted as s_1 < … < s_m, s_j − j rows were returned before
 * s_j, so returned row k is record k + #{j : s_j − j < k}: an ASOF join on those thresholds.
 */
async function renumberRows(db: Db, raw: string, dropped: number[]): Promise<void> {
	const s = [...new Set(dropped)].sort((a, b) => a - b);
	if (s.length === 0) return;
	const thresholds = new Map<number, number>();
	s.forEach((record, j) => thresholds.set(record - (j + 1), j + 1)); // later (larger j) wins on ties
	const tmp = `${raw}_renumber`;
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${tmp} (t INTEGER, j INTEGER)`);
	const pairs = [...thresholds].flat();
	for (let i = 0; i < pairs.length; i += 1000) {
		const chunk = pairs.slice(i, i + 1000);
		await db.query(
			`INSERT INTO ${tmp} VALUES ${Array.from({ length: chunk.length / 2 }, () => '(?, ?)').join(', ')}`,
			chunk
		);
	}
	await db.exec(
		`CREATE OR REPLACE TABLE ${raw} AS SELECT (r._row + coalesce(t.j, 0))::INTEGER AS _row, r.* EXCLUDE (_row)
		FROM ${raw} r ASOF LEFT JOIN ${tmp} t ON r._row > t.t ORDER BY 1;
		DROP TABLE ${tmp};`
	);
}
