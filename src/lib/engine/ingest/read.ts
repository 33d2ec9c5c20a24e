/**
 * Step 4, read: DuckDB's CSV reader reads the data records (below the header) into the table
 * `mb_raw_{id}` (`c0`, `c1`, … and `_row`), setting aside the rows it cannot read in `mb_rej_{id}`.
 * Every column is text but the plain date and amount columns the sample shows (read-types.ts), which
 * the reader types itself; if one of their cells does not read, the file is read again all as text.
 * Why DuckDB reads the bulk rather than papaparse: it is several times faster at 1M rows and keeps
 * the rows out of the JS heap.
 *
 * A very big file is read in parts, each compressed once it is in (`compactTables`): DuckDB holds a
 * table it is writing uncompressed, with its reader's working memory on top — 2.5 GB for the 1.9 GB
 * table of 10M leads, which the browser's memory cannot spare. In parts, only one part is ever held so.
 */
import type { Db } from '../db/types';
import { literal } from '../db/sql';
import { rawTable } from './fields';
import { dataSize, sliceData } from './file-data';
import { MAX_COLUMNS, type FileHeader, type FileLayout } from './layout';
import { dateFormatOf, verifyTypedRead, type ReadTypes } from './read-types';
import type { RecordCut } from './scan';

const NEW_LINE = { '\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n' } as const;

/** A file's data is read in parts of about this many bytes when it is more than twice as big. */
export const READ_PART_BYTES = 128 << 20;

/** Every how many bytes a file of `size` bytes is cut for its read (Infinity: it is read whole). */
export const cutEveryFor = (size: number, partBytes = READ_PART_BYTES) =>
	size > 2 * partBytes ? partBytes : Infinity;

/** One part of a read: the bytes [start, end) and the 0-based data record its first record is. */
interface ReadPart {
	start: number;
	end: number;
	record: number;
}

/** The data [start, end) in parts at the scan's cuts (one part when it has none inside). */
function readParts(cuts: RecordCut[], start: number, end: number, firstRecord: number): ReadPart[] {
	const inside = cuts.filter((c) => c.offset > start && c.offset < end);
	const starts = [{ offset: start, record: firstRecord }, ...inside];
	return starts.map((c, k) => ({
		start: c.offset,
		end: k + 1 < starts.length ? starts[k + 1].offset : end,
		record: c.record - firstRecord
	}));
}

/**
 * Compresses the tables written since the last time (DuckDB's CHECKPOINT; an in-memory database
 * compresses what it rewrites then: 10M leads' raw table 1.9 GB → 0.1 GB). A checkpoint of an in-memory
 * database only runs when a transaction deleted something, hence the one-row table. If it cannot run
 * (another connection is writing), the tables stay as they are: they are the same, only bigger.
 */
export async function compactTables(db: Db): Promise<void> {
	try {
		await db.exec(
			'CREATE OR REPLACE TABLE mb_compact (x INTEGER); INSERT INTO mb_compact VALUES (1); DELETE FROM mb_compact; CHECKPOINT;'
		);
	} catch (e) {
		// The tables stay uncompressed: the same figures, more memory.
		console.warn('modelboard: CHECKPOINT failed; tables stay uncompressed', e);
	}
	await db.exec('DROP TABLE IF EXISTS mb_compact');
}

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
	const parts = readParts(scan.cuts, dataStart, dataEnd, dialect.headerRow + 1);
	const raw = rawTable(id);
	// Trailing columns without a header name (Excel keeps formatted-but-empty columns) are read too, so
	// the rows' empty cells there are not "too many fields"; no mapping ever points at them.
	const width = Math.max(header.headers.length, Math.min(header.rawHeader.length, MAX_COLUMNS));
	/** Reads one part into the raw table (the first creates it), its set-aside rows into `rejects`. */
	const readPart = async (typed: ReadTypes, part: ReadPart, k: number, [rejects, scanned]: string[]) => {
		const columns = Array.from(
			{ length: width },
			(_, i) => `${literal(`c${i}`)}: '${typed.get(i)?.sql ?? 'VARCHAR'}'`
		).join(', ');
		const dateformat = dateFormatOf(typed);
		// `_row` counts the rows returned, across the parts (countRows renumbers them to records).
		const before = k === 0 ? 0 : Number((await db.query(`SELECT count(*) AS n FROM ${raw}`))[0].n);
		const file = `mb_file_${id}_${k}.csv`;
		// A mark per part read, for the bench and the end-to-end test (a whole read is one part).
		performance.mark('mb:read-part', { detail: { part: k, of: parts.length } });
		await db.registerFile(file, sliceData(utf8, part.start, part.end));
		try {
			// buffer_size: the reader's default is 16 × max_line_size (here 256 MiB a buffer); buffers of
			// 16 MiB hold the longest line allowed and cost less memory while the table grows beside them
			// (measured in Chromium: peak 856 → 751 MiB at 1M leads, 3399 → 3235 MiB at 10M).
			await db.exec(
				`${k === 0 ? `CREATE OR REPLACE TABLE ${raw} AS` : `INSERT INTO ${raw}`}
				SELECT ${before ? `(row_number() OVER () + ${before})` : 'row_number() OVER ()'}::INTEGER AS _row, * FROM read_csv(${literal(file)},
					auto_detect = false, header = false, delim = ${literal(dialect.delimiter)}, quote = '"', escape = '"',
					new_line = ${literal(NEW_LINE[dialect.newline])},
					columns = {${columns}},${dateformat ? ` dateformat = ${literal(dateformat)},` : ''}
					null_padding = true, parallel = false, max_line_size = 16777216, buffer_size = 16777216,
					ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${scanned}')`
			);
		} finally {
			await db.dropFile(file);
		}
	};
	/** Reads every part; false when a typed read met a cell it cannot type (read again as text). */
	const readAs = async (typed: ReadTypes): Promise<boolean> => {
		await db.exec(`DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};`);
		if (parts.length === 1) {
			await readPart(typed, parts[0], 0, [`mb_rej_${id}`, `mb_rejscan_${id}`]);
			return true;
		}
		// Each part's rejects in a table of its own (their lines count from the part's first record),
		// gathered into one with the file's line numbers once every part is in.
		const rejects = parts.map((_, k) => [`mb_rej_${id}_p${k}`, `mb_rejscan_${id}_p${k}`]);
		const dropRejects = () =>
			db.exec(
				rejects
					.flat()
					.map((t) => `DROP TABLE IF EXISTS ${t};`)
					.join(' ')
			);
		await dropRejects();
		try {
			for (const [k, part] of parts.entries()) {
				await readPart(typed, part, k, rejects[k]);
				if (typed.size) {
					const [cast] = await db.query(
						`SELECT count(*) AS n FROM ${rejects[k][0]} WHERE error_type::VARCHAR = 'CAST'`
					);
					if (Number(cast.n) > 0) return false;
				}
				await compactTables(db);
			}
			await db.exec(
				`CREATE TEMP TABLE mb_rej_${id} AS ${parts
					.map((p, k) => `SELECT * REPLACE (line + ${p.record} AS line) FROM ${rejects[k][0]}`)
					.join(' UNION ALL ')}`
			);
			return true;
		} finally {
			await dropRejects();
		}
	};
	const read = async (): Promise<ReadTypes> => {
		if (types.size && (await readAs(types))) {
			const verified = await verifyTypedRead(db, raw, `mb_rej_${id}`, types);
			if (verified) return verified;
		}
		await readAs(new Map());
		return new Map();
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
