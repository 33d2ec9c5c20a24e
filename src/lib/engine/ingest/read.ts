/**
 * Step 4, read: DuckDB's CSV reader reads the data records (below the header) into the table
 * `mb_raw_{id}` (`c0`, `c1`, … and `_row`), setting aside the rows it cannot read in `mb_rej_{id}`.
 * Every column is text but the plain date and amount columns the sample shows (read-types.ts), which
 * the reader types itself; if one of their cells does not read, the file is read again all as text.
 * Why DuckDB reads the bulk rather than papaparse: it is several times faster at 1M rows and keeps
 * the rows out of the JS heap.
 */
import type { Db } from '../db/types';
import { literal } from '../db/sql';
import { rawTable } from './fields';
import { dataSize, sliceData } from './file-data';
import { MAX_COLUMNS, type FileHeader, type FileLayout } from './layout';
import { dateFormatOf, verifyTypedRead, type ReadTypes } from './read-types';

const NEW_LINE = { '\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n' } as const;

/** How a read ended: its failure (null if none), and the columns it typed. */
export interface ReadOutcome {
	failed: unknown;
	types: ReadTypes;
}

/**
 * Starts the read and returns without waiting for it: with DuckDB's worker reading, this thread can
 * finish the record scan meanwhile. `types`: the columns to try reading typed (chooseReadTypes).
 */
export function startRead(
	db: Db,
	id: number,
	layout: FileLayout,
	header: FileHeader,
	types: ReadTypes = new Map()
): Promise<ReadOutcome> {
	const { utf8, dialect, scan } = layout;
	// Where the data starts: right after the header record (title rows above it are skipped). An unclosed
	// quote swallows the rest of the file: the rows before it are read, the rest is reported.
	const size = dataSize(utf8);
	const dataStart = scan.starts[dialect.headerRow + 1] ?? size;
	const dataEnd = scan.openQuote ? scan.openQuote.offset : size;
	const file = `mb_file_${id}.csv`;
	// Trailing columns without a header name (Excel keeps formatted-but-empty columns) are read too, so
	// the rows' empty cells there are not "too many fields"; no mapping ever points at them.
	const width = Math.max(header.headers.length, Math.min(header.rawHeader.length, MAX_COLUMNS));
	const readAs = async (typed: ReadTypes) => {
		const columns = Array.from(
			{ length: width },
			(_, i) => `${literal(`c${i}`)}: '${typed.get(i)?.sql ?? 'VARCHAR'}'`
		).join(', ');
		const dateformat = dateFormatOf(typed);
		// buffer_size: the reader's default is 16 × max_line_size (here 256 MiB a buffer); buffers of
		// 16 MiB hold the longest line allowed and cost less memory while the table grows beside them
		// (measured in Chromium: peak 856 → 751 MiB at 1M leads, 3399 → 3235 MiB at 10M).
		await db.exec(`DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};`);
		await db.exec(
			`CREATE OR REPLACE TABLE ${rawTable(id)} AS
			SELECT row_number() OVER ()::INTEGER AS _row, * FROM read_csv(${literal(file)},
				auto_detect = false, header = false, delim = ${literal(dialect.delimiter)}, quote = '"', escape = '"',
				new_line = ${literal(NEW_LINE[dialect.newline])},
				columns = {${columns}},${dateformat ? ` dateformat = ${literal(dateformat)},` : ''}
				null_padding = true, parallel = false, max_line_size = 16777216, buffer_size = 16777216,
				ignore_errors = true, store_rejects = true, rejects_table = 'mb_rej_${id}', rejects_scan = 'mb_rejscan_${id}')`
		);
	};
	const read = async (): Promise<ReadTypes> => {
		await db.registerFile(file, sliceData(utf8, dataStart, dataEnd));
		try {
			if (types.size) {
				await readAs(types);
				const verified = await verifyTypedRead(db, rawTable(id), `mb_rej_${id}`, types);
				if (verified) return verified;
			}
			await readAs(new Map());
			return new Map();
		} finally {
			await db.dropFile(file);
		}
	};
	return read().then(
		(read) => ({ failed: null, types: read }),
		(e: unknown) => ({ failed: e, types: new Map() })
	);
}

/** Drops what a read made: before reading the file again, and once the file's typed table is checked. */
export async function discardRead(db: Db, id: number): Promise<void> {
	await db.exec(
		`DROP TABLE IF EXISTS ${rawTable(id)}; DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};`
	);
}
