/**
 * The loading half of ingestion: one file's bytes → a raw all-VARCHAR table read by DuckDB's CSV reader
 * → a per-file table of canonical, typed columns, with its quality report. Detection (encoding, dialect,
 * kind, mapping, vocabularies) comes from the pure modules beside this one.
 *
 * Why DuckDB reads the bulk rather than papaparse: it is several times faster at 1M rows and keeps the
 * rows out of the JS heap (TOOLCHAIN.md); papaparse only reads the sample that detection needs.
 */
import type { Db, Row } from '../db/types';
import { ident, literal } from '../db/sql';
import type { Stage } from '../schema';
import { decodeBytes, detectEncoding } from './decode';
import { guessKind, applyMappingFile } from './detect';
import { examples, qualityChecks, type ExampleRow } from './checks';
import { FIELD_TYPES, rawTable, srcTable, type FieldType } from './fields';
import { headerSignature, normaliseHeader } from './normalise';
import { issue, MAX_EXAMPLES, shown, type FileQuality } from './quality';
import { isSummaryRow, parseRecords, sniffDialect, trailingColumns } from './sniff';
import type {
	ColumnMapping,
	Dialect,
	Encoding,
	EncodingGuess,
	FileKind,
	KindGuess,
	MappingFile,
	StatusTarget,
	Vocabularies
} from './types';
import { REQUIRED_FIELDS } from './types';
import { lookup } from './vocab';
import { linesFrom, normaliseNewlines, scanRecords } from './scan';
import {
	dayFirstProbe,
	FAST_DATE_FORMATS,
	PLAUSIBLE_FROM,
	PLAUSIBLE_TO,
	PLAUSIBLE_YEARS
} from './values-sql';

/** A problem that stops one file from loading; everything loaded before it stays. */
export class IngestError extends Error {
	constructor(
		readonly file: string,
		readonly code:
			| 'empty'
			| 'binary'
			| 'no_header'
			| 'no_rows'
			| 'too_many_columns'
			| 'unrecognised'
			| 'unreadable'
			| 'too_large',
		message: string
	) {
		super(message);
		this.name = 'IngestError';
	}
}

export interface FileOverrides {
	encoding?: Encoding;
	kind?: FileKind;
	/** canonical field → header text, as in a mapping file; replaces detection for this file. */
	columns?: Record<string, string>;
}

export interface IngestContext {
	vocab: Vocabularies;
	/** Stored mappings (the user's corrections, or `report --map`), matched by header signature. */
	mappings?: MappingFile;
	/** ISO date used for "date in the future" checks; passed in so results are reproducible. */
	today: string;
}

export interface LoadedFile {
	id: number;
	name: string;
	size: number;
	encoding: EncodingGuess;
	dialect: Dialect;
	headers: string[];
	signature: string;
	/** What detection proposed; `kind` and `mapping` are what is in force (after overrides). */
	guess: KindGuess;
	kind: FileKind;
	mapping: ColumnMapping[];
	mappingSource: 'detected' | 'stored' | 'user';
	/** Stages this file gives a date or a status for. */
	stages: Stage[];
	/**
	 * A deal export: a lead file whose statuses are all deal stages (opportunity, won, lost) and which has
	 * no opportunity date column. Each row is an opportunity, so its created date is the date it became
	 * one (merge.ts uses it as `opportunity_at`; Maven's `engage_date`, Salesforce's Opportunity
	 * `CreatedDate`).
	 */
	deals: boolean;
	quality: FileQuality;
}

export const MAX_COLUMNS = 2000;
const SAMPLE_BYTES = 1 << 20;
const SAMPLE_RECORDS = 200;

const STATUS_RANK: Partial<Record<StatusTarget, number>> = {
	lead: 0,
	mql: 1,
	sql: 2,
	opportunity: 3,
	won: 4
};
const STAGE_OF_FIELD: Record<string, Stage> = {
	created_at: 'lead',
	mql_at: 'mql',
	sql_at: 'sql',
	opportunity_at: 'opportunity',
	won_at: 'won'
};

/** Signatures of the files people drop instead of a CSV, and what each is. */
const NOT_CSV: readonly { magic: readonly number[]; what: string }[] = [
	{ magic: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another ZIP archive' },
	{ magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Excel 97–2003 workbook (.xls)' },
	{ magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
	{ magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' }
];

/** A web page or XML saved with a .csv/.xls name (older Salesforce "Export to Excel" writes HTML). */
const MARKUP = /^\s*(<!doctype\s+html|<html|<table|<\?xml)/i;

function looksBinary(bytes: Uint8Array, enc: Encoding): boolean {
	if (enc === 'utf-16le' || enc === 'utf-16be') return false;
	const n = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) control++;
	}
	return control > n * 0.05;
}

/** Bytes DuckDB can read: UTF-8 without BOM. Plain UTF-8 is passed through without a copy. */
function toUtf8(bytes: Uint8Array, enc: EncodingGuess): Uint8Array {
	if (enc.encoding === 'utf-8') {
		const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
		return bom ? bytes.subarray(3) : bytes;
	}
	return new TextEncoder().encode(decodeBytes(bytes, enc.encoding));
}

/** Header cells made usable: trailing empties dropped, blanks named, repeats numbered. */
function cleanHeaders(header: string[]): string[] {
	const n = header.length - trailingColumns(header);
	const seen = new Map<string, number>();
	return header.slice(0, n).map((h, i) => {
		let name = h.trim() || `Column ${i + 1}`;
		const k = seen.get(name) ?? 0;
		seen.set(name, k + 1);
		if (k > 0) name = `${name} (${k + 1})`;
		return name;
	});
}

function mappingFromColumns(
	headers: string[],
	columns: Record<string, string>,
	kind: FileKind
): ColumnMapping[] {
	const byName = new Map(headers.map((h, i) => [normaliseHeader(h), i]));
	const fields = FIELD_TYPES[kind];
	const out: ColumnMapping[] = [];
	for (const [field, header] of Object.entries(columns)) {
		if (!(field in fields)) continue;
		const i = byName.get(normaliseHeader(header));
		if (i !== undefined) out.push({ field, column: i, header: headers[i], confidence: 1 });
	}
	return out;
}

const col = (i: number) => ident(`c${i}`);

export async function loadFile(
	db: Db,
	id: number,
	name: string,
	bytes: Uint8Array,
	ctx: IngestContext,
	overrides: FileOverrides = {},
	/** Scan the whole file before DuckDB reads it (the fallback when the overlapped scan finds a reason). */
	scanFirst = false
): Promise<LoadedFile> {
	if (bytes.length === 0)
		throw new IngestError(
			name,
			'empty',
			`${name} is empty (0 bytes). Export it again and drop the new file.`
		);
	const foreign = NOT_CSV.find((s) => s.magic.every((b, i) => bytes[i] === b));
	if (foreign) {
		throw new IngestError(
			name,
			'binary',
			`${name} is ${foreign.what}, not a CSV file. Open it in the program it came from, save or export it as CSV (UTF-8), and drop the CSV.`
		);
	}
	const detected = detectEncoding(bytes);
	const encoding: EncodingGuess = overrides.encoding
		? { encoding: overrides.encoding, bom: detected.bom, confidence: 1 }
		: detected;
	if (looksBinary(bytes, encoding.encoding)) {
		throw new IngestError(
			name,
			'binary',
			`${name} is not a text CSV file (it contains binary data). If it is an Excel workbook, open it in Excel, save it as CSV (UTF-8) and drop the CSV.`
		);
	}
	let utf8 = toUtf8(bytes, encoding);
	let sampleText = new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE_BYTES));
	if (sampleText.trim() === '')
		throw new IngestError(name, 'empty', `${name} holds no text. Export it again and drop the new file.`);
	if (MARKUP.test(sampleText)) {
		throw new IngestError(
			name,
			'unrecognised',
			`${name} is a web page (HTML) or XML file, not a CSV. Open it in Excel and save it as CSV (UTF-8), or export the report again choosing "Comma Delimited .csv".`
		);
	}
	let dialect = sniffDialect(sampleText);
	// A big file's full scan (mixed line breaks, an unclosed quote, empty lines) runs on this thread while
	// DuckDB's worker reads the file: the first SAMPLE_BYTES decide what the read needs. If the full scan
	// then finds mixed line breaks or an unclosed quote, the file is read again after scanning first.
	const prefix =
		!scanFirst && utf8.length > SAMPLE_BYTES
			? scanRecords(utf8.subarray(0, SAMPLE_BYTES), dialect.delimiter, dialect.headerRow + 1)
			: null;
	const overlap =
		prefix !== null &&
		prefix.newlines.size === 1 &&
		prefix.openQuote === null &&
		prefix.starts.length > dialect.headerRow + 1;
	let scan = overlap ? prefix : scanRecords(utf8, dialect.delimiter, dialect.headerRow + 1);
	const newlineKinds = scan.newlines.size;
	const mixedNewlines = newlineKinds > 1;
	if (mixedNewlines) {
		utf8 = normaliseNewlines(utf8, dialect.delimiter);
		sampleText = new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE_BYTES));
		dialect = { ...sniffDialect(sampleText), newline: '\n' };
		scan = scanRecords(utf8, dialect.delimiter, dialect.headerRow + 1);
	}
	// The scan reads line breaks the way DuckDB will; it settles a sample that was too short to tell.
	if (scan.newlines.size === 1) dialect = { ...dialect, newline: [...scan.newlines][0] };
	const truncated = utf8.length > SAMPLE_BYTES;
	const open = scan.openQuote;
	if (open && open.record <= dialect.headerRow + 1) {
		throw new IngestError(
			name,
			'unreadable',
			`${name}: row ${open.record + 1} opens a quoted field (") that is never closed, so the rows after it cannot be told apart. ` +
				`Fix or remove that quote (or re-save the file from a spreadsheet as CSV) and drop the file again.`
		);
	}
	const records = parseRecords(sampleText, dialect, SAMPLE_RECORDS + 1);
	if ((truncated || open) && records.length > 1) records.pop(); // the sample may end mid-record
	const rawHeader = records[0] ?? [];
	const headers = cleanHeaders(rawHeader);
	if (headers.length === 0)
		throw new IngestError(
			name,
			'no_header',
			`${name} has no header row. The first row must name the columns; export the report with its column headings and drop the new file.`
		);
	if (headers.length > MAX_COLUMNS) {
		throw new IngestError(
			name,
			'too_many_columns',
			`${name} has ${headers.length} columns; Modelboard reads at most ${MAX_COLUMNS}. Remove unused columns in the export and try again.`
		);
	}
	const sample = records.slice(1).map((r) => r.slice(0, headers.length));
	const signature = headerSignature(headers);

	const guess = guessKind(headers, sample);
	let kind = guess.kind;
	let mapping = guess.mapping;
	let mappingSource: LoadedFile['mappingSource'] = 'detected';
	const stored = ctx.mappings ? applyMappingFile(headers, ctx.mappings) : null;
	if (overrides.kind || overrides.columns) {
		kind = overrides.kind ?? kind;
		mapping = overrides.columns
			? mappingFromColumns(headers, overrides.columns, kind)
			: kind === guess.kind
				? mapping
				: [];
		mappingSource = 'user';
	} else if (stored) {
		kind = stored.kind;
		mapping = stored.mapping;
		mappingSource = 'stored';
	}
	const mapped = new Set(mapping.map((m) => m.field));
	const missing = REQUIRED_FIELDS[kind].filter((f) => !mapped.has(f));
	if (missing.length > 0 || (mappingSource === 'detected' && guess.confidence < 0.3)) {
		throw new IngestError(
			name,
			'unrecognised',
			`${name}: could not tell what this file is. It looks most like a "${kind}" file, but ` +
				(missing.length
					? `no column was recognised as ${missing.join(', ')}. `
					: 'too few columns were recognised. ') +
				`Columns found: ${headers.slice(0, 12).map(shown).join(', ')}${headers.length > 12 ? ', …' : ''}. ` +
				`Rename the columns as in the CSV templates, or set the mapping on the Data page.`
		);
	}

	// Where the data starts: right after the header record (title rows above it are skipped). An unclosed
	// quote swallows the rest of the file: the rows before it are read, the rest is reported.
	const dataStart = scan.starts[dialect.headerRow + 1] ?? utf8.length;
	const dataEnd = open ? open.offset : utf8.length;
	const file = `mb_file_${id}.csv`;
	// Trailing columns without a header name (Excel keeps formatted-but-empty columns) are read too, so
	// the rows' empty cells there are not "too many fields"; no mapping ever points at them.
	const width = Math.max(headers.length, Math.min(rawHeader.length, MAX_COLUMNS));
	const columns = Array.from({ length: width }, (_, i) => `${literal(`c${i}`)}: 'VARCHAR'`).join(', ');
	const read = async () => {
		await db.registerFile(file, utf8.subarray(dataStart, dataEnd));
		try {
			await db.exec(`DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};`);
			await db.exec(
				`CREATE OR REPLACE TABLE ${rawTable(id)} AS
				SELECT row_number() OVER ()::INTEGER AS _row, * FROM read_csv(${literal(file)},
					auto_detect = false, header = false, delim = ${literal(dialect.delimiter)}, quote = '"', escape = '"',
					new_line = ${literal(dialect.newline === '\r\n' ? '\\r\\n' : dialect.newline === '\r' ? '\\r' : '\\n')},
					columns = {${columns}}, null_padding = true, parallel = false, max_line_size = 16777216,
					ignore_errors = true, store_rejects = true, rejects_table = 'mb_rej_${id}', rejects_scan = 'mb_rejscan_${id}')`
			);
		} finally {
			await db.dropFile(file);
		}
	};
	// Started, not awaited: with the worker reading, the full scan (if deferred) runs here meanwhile.
	const reading = read().then(
		() => null,
		(e: unknown) => e
	);
	if (overlap) {
		scan = scanRecords(utf8, dialect.delimiter, dialect.headerRow + 1);
		if (scan.newlines.size > 1 || scan.openQuote) {
			await reading;
			await db.exec(
				`DROP TABLE IF EXISTS ${rawTable(id)}; DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};`
			);
			return loadFile(db, id, name, bytes, ctx, overrides, true);
		}
	}
	const failed = await reading;
	if (failed) {
		if (isOutOfMemory(failed)) throw tooLarge(name, bytes.length, failed);
		throw new IngestError(
			name,
			'unreadable',
			`${name} could not be read as CSV (${(failed as Error).message?.split('\n')[0] ?? String(failed)}). ` +
				`Open it in a spreadsheet, save it again as CSV (UTF-8) and drop the new file.`
		);
	}

	const quality: FileQuality = {
		name,
		table: kind,
		encoding: encoding.encoding,
		delimiter: dialect.delimiter === '\t' ? 'tab' : dialect.delimiter,
		header_row: dialect.headerRow + 1,
		rows: 0,
		rejected: 0,
		issues: []
	};
	if (mixedNewlines) {
		quality.issues.push(
			issue(
				'mixed_newlines',
				'info',
				null,
				newlineKinds,
				'The file mixes line-break styles (Windows, Unix, old Mac); each was read as the end of a row.'
			)
		);
	}
	const layout: Layout = {
		headerRow: dialect.headerRow,
		// Empty lines inside the data, as 1-based data record numbers (record 1 follows the header).
		emptyLines: scan.empty.filter((e) => e > dialect.headerRow).map((e) => e - dialect.headerRow),
		unclosed: open
			? {
					row: open.record + 1,
					lines: linesFrom(utf8, open.offset),
					value: new TextDecoder().decode(utf8.subarray(open.offset, open.offset + 480)).slice(0, 120)
				}
			: null
	};
	const { stages, deals } = await buildSource(db, id, kind, mapping, headers, ctx, quality, layout);
	const unmapped = headers
		.map((h, i) => ({ h, i }))
		.filter(({ i }) => !mapping.some((m) => m.column === i))
		.map(({ h }) => h);
	if (unmapped.length) {
		quality.issues.push(
			issue(
				'ignored_column',
				'info',
				null,
				unmapped.length,
				`Columns not used by any metric: ${unmapped.slice(0, 50).map(shown).join(', ')}${unmapped.length > 50 ? ', …' : ''}`,
				unmapped.slice(0, MAX_EXAMPLES).map((value) => ({ row: null, value }))
			)
		);
	}
	return {
		id,
		name,
		size: bytes.length,
		encoding,
		dialect,
		headers,
		signature,
		guess,
		kind,
		mapping,
		mappingSource,
		stages,
		deals,
		quality
	};
}

/** Where a file's records sit, for spreadsheet row numbers and rows the reader never returns. */
interface Layout {
	/** 0-based index of the header record. */
	headerRow: number;
	/** 1-based data record numbers of empty lines (DuckDB skips them). */
	emptyLines: number[];
	/** A quoted field left open: its spreadsheet row, the lines it swallowed, the start of its text. */
	unclosed: { row: number; lines: number; value: string } | null;
}

/** Words a non-empty first cell of a total row or report footer may start with; `isSummaryRow` decides. */
const SUMMARY_WORDS = [
	'total',
	'grand',
	'sub',
	'sum',
	'count',
	'合計',
	'総計',
	'小計',
	'件数',
	'confidential',
	'copyright',
	'generated',
	'機密',
	'作成者',
	'ｔｏｔａｌ',
	'ｇｒａｎｄ',
	'ｓｕｂ',
	'ｓｕｍ',
	'ｃｏｕｎｔ'
];
const SUMMARY_HINT = `^\\s*(${SUMMARY_WORDS.join('|')})`;
/**
 * First code points of the first non-null cell that let a row through to the regular expression: the
 * words' first letters in either case, and what can precede them (space, \\s, or an empty cell, whose
 * `unicode` is -1). Every other row is decided by one integer test.
 */
const SUMMARY_STARTS = [
	...new Set([
		-1,
		9,
		10,
		12,
		13,
		32,
		...SUMMARY_WORDS.flatMap((w) => [w[0].toLowerCase(), w[0].toUpperCase()]).map((ch) => ch.codePointAt(0)!)
	])
];
/** Rows from the end searched for a report footer block. */
const FOOTER_SEARCH = 20;

/**
 * Renumbers `_row` from "rows DuckDB returned" to "data records in the file" (record 1 follows the
 * header), so row numbers in the quality report match the spreadsheet. DuckDB's reader drops empty lines
 * silently and the rows it rejects, and numbers the rest consecutively. With the dropped records sorted
 * as s_1 < … < s_m, s_j − j rows were returned before s_j, so returned row k is record
 * k + #{j : s_j − j < k}: an ASOF join on those thresholds.
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

/**
 * A report footer: below the last record, a blank row, then only rows with a single text cell in the
 * first column (report title, "Copyright (c) 2000-2025 salesforce.com…", "Confidential Information…",
 * "Generated By: …", the company name), at least one of them a known footer or total line. Salesforce
 * Classic's "Export Details" CSV ends like this. `blank`: the record numbers of blank rows, which are
 * no longer in the raw table.
 */
async function footerBlock(
	db: Db,
	raw: string,
	headers: string[],
	blank: number[],
	already: Set<number>
): Promise<ExampleRow[]> {
	const filled = headers.map((_, i) => `(coalesce(trim(${col(i)}), '') <> '')::INTEGER`).join(' + ');
	const rows = await db.query(
		`SELECT _row, (${filled})::INTEGER AS k, trim(${col(0)}) AS v FROM ${raw}
		WHERE _row > (SELECT max(_row) FROM ${raw}) - ${FOOTER_SEARCH} ORDER BY _row`
	);
	if (rows.length === 0) return [];
	const lowest = Number(rows[0]._row);
	const entries = [
		...rows.map((r) => ({ row: Number(r._row), k: Number(r.k), v: r.v === null ? '' : String(r.v) })),
		...blank.filter((e) => e > lowest).map((row) => ({ row, k: 0, v: '' }))
	].sort((a, b) => b.row - a.row);
	const block: ExampleRow[] = [];
	let blankAbove = false;
	for (const e of entries) {
		if (e.k === 0) {
			blankAbove = block.length > 0;
			continue;
		}
		const footerLike = e.k === 1 && e.v !== '' && !/^[-+\d\s/:.,]+$/.test(e.v);
		if (!footerLike) {
			const valid = blankAbove && block.some((b) => isSummaryRow([b.v]));
			return valid ? block.filter((b) => !already.has(b._row)) : [];
		}
		block.push({ _row: e.row, v: e.v.slice(0, 120) });
		blankAbove = false;
	}
	return [];
}

/** Builds `mb_src_{id}` (canonical typed columns + `_row`) and fills the file's quality report. */
async function buildSource(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: string[],
	ctx: IngestContext,
	q: FileQuality,
	layout: Layout
): Promise<{ stages: Stage[]; deals: boolean }> {
	const raw = rawTable(id);
	// Spreadsheet row of data record r: the header is row headerRow + 1 and record 1 the row below it.
	const rowNo = (r: number) => r + layout.headerRow + 1;

	// Rows DuckDB's reader set aside (more fields than the header, broken quoting). `line` is the
	// 1-based record number in the data it was given, counting empty lines.
	const rej = await db.query(
		`SELECT line::INTEGER AS line, string_agg(DISTINCT error_type::VARCHAR, ', ') AS t, left(first(csv_line), 120) AS v
		FROM mb_rej_${id} GROUP BY line ORDER BY line`
	);
	await renumberRows(db, raw, [...layout.emptyLines, ...rej.map((r) => Number(r.line))]);

	// Blank rows (empty lines, or only delimiters and spaces) are not records: skipped, not counted.
	// They and the total rows below leave the raw table, so nothing after this has to filter them.
	// trim() removes spaces only, so a blank cell is NULL, '' or starts with a space (cheap tests first).
	const allBlank = headers
		.map((_, i) => `(${col(i)} IS NULL OR ${col(i)} = '' OR prefix(${col(i)}, ' ') AND trim(${col(i)}) = '')`)
		.join(' AND ');
	const blankRows = (await db.query(`DELETE FROM ${raw} WHERE ${allBlank} RETURNING _row`))
		.map((r) => Number(r._row))
		.sort((a, b) => a - b);
	const [{ n: total }] = await db.query(`SELECT count(*)::INTEGER AS n FROM ${raw}`);
	q.rows = Number(total);
	if (rej.length) {
		q.rows += rej.length;
		q.rejected += rej.length;
		const kinds = [...new Set(rej.flatMap((r) => String(r.t).toLowerCase().split(', ')))];
		q.issues.push(
			issue(
				'rejected_row',
				'error',
				null,
				rej.length,
				`${rej.length} row(s) could not be read (${kinds.join(', ')}): they have more fields than the header or broken quoting. Fix them in the source and export again to count them.`,
				rej.map((r) => ({ row: rowNo(Number(r.line)), value: String(r.v ?? '').trim() }))
			)
		);
	}
	if (layout.unclosed) {
		const u = layout.unclosed;
		q.rows += u.lines;
		q.rejected += u.lines;
		q.issues.push(
			issue(
				'rejected_row',
				'error',
				null,
				u.lines,
				`Row ${u.row} opens a quoted field (") that is never closed, so ${u.lines > 1 ? `it and the ${u.lines - 1} line(s) below it` : 'it'} could not be read. Fix or remove that quote and drop the file again.`,
				[{ row: u.row, value: u.value }]
			)
		);
	}
	if (q.rows === 0)
		throw new IngestError(
			q.name,
			'no_rows',
			`${q.name} has a header but no data rows. Export the report again with its rows and drop the new file.`
		);

	// Total/summary rows (formatted reports add them, at the end or per group) and a report footer
	// block are set aside and counted.
	const leading = headers.slice(0, 10).map((_, i) => `nullif(trim(${col(i)}), '')`);
	const firstCell = leading.length > 1 ? `coalesce(${leading.join(', ')})` : leading[0];
	const firstRaw =
		leading.length > 1
			? `coalesce(${headers
					.slice(0, 10)
					.map((_, i) => col(i))
					.join(', ')})`
			: col(0);
	// The pattern is a constant (compiled once); only rows whose first filled cell starts like a total
	// word reach it.
	const candidates = await db.query(
		`SELECT * FROM ${raw} WHERE unicode(${firstRaw}) IN (${SUMMARY_STARTS.join(', ')})
			AND regexp_matches(lower(${firstCell}), ${literal(SUMMARY_HINT)}) ORDER BY _row LIMIT 10000`
	);
	const cellsOf = (r: Row) => headers.map((_, i) => (r[`c${i}`] === null ? '' : String(r[`c${i}`])));
	const summary: ExampleRow[] = [];
	for (const r of candidates) {
		const cells = cellsOf(r);
		if (isSummaryRow(cells))
			summary.push({ _row: Number(r._row), v: cells.filter(Boolean).join(' | ').slice(0, 120) });
	}
	const blank = [...layout.emptyLines, ...blankRows].sort((a, b) => a - b);
	summary.push(...(await footerBlock(db, raw, headers, blank, new Set(summary.map((s) => s._row)))));
	summary.sort((a, b) => a._row - b._row);
	if (summary.length) {
		q.rejected += summary.length;
		q.issues.push(
			issue(
				'summary_row',
				'info',
				null,
				summary.length,
				`${summary.length} total/summary or report footer row(s) were set aside (they are not records).`,
				summary.map((s) => ({ row: rowNo(s._row), value: s.v }))
			)
		);
	}
	if (summary.length) {
		await db.exec(`DELETE FROM ${raw} WHERE _row IN (${summary.map((x) => Number(x._row)).join(', ')})`);
	}
	if (blank.length) {
		q.issues.push(
			issue(
				'rejected_row',
				'info',
				null,
				blank.length,
				`${blank.length} empty row(s) skipped.`,
				blank.slice(0, MAX_EXAMPLES).map((r) => ({ row: rowNo(r), value: '' }))
			)
		);
	}

	const types = FIELD_TYPES[kind];
	const byField = new Map(mapping.map((m) => [m.field, m]));
	const src = srcTable(id);
	const selects: string[] = ['_row'];
	const joins: string[] = [];
	const stages = new Set<Stage>();
	const vocabTargets: Record<string, Set<string>> = {};
	// Each cell is parsed once, into mb_src; the checks then read the typed columns, with the raw text
	// kept beside them (`_raw_<field>`) for the examples and dropped at the end.
	const rawOf = (field: string) => ident(`_raw_${field}`);
	const keptRaw: string[] = [];
	const dictionaries: string[] = [];
	const dateChecks: { field: string; m: ColumnMapping; any: string }[] = [];
	const numberChecks: { field: string; m: ColumnMapping; score: boolean }[] = [];
	const unknownChecks: { field: string; m: ColumnMapping; type: FieldType; unknown: string[] }[] = [];

	// One scan tells which date and amount columns hold only plain values (every filled cell a
	// year-first date in the plausible span, or a finite number DuckDB casts as it is): those are typed
	// by one cast, with nothing to report. The rest go through the general parsers and the checks.
	const plain = await plainColumns(db, raw, types, byField);
	// Month-first or day-first, decided per remaining date column over the whole column, in one scan.
	const dateFields = Object.keys(types).filter(
		(f) => (types[f] === 'date' || types[f] === 'month') && byField.has(f) && !plain.has(f)
	);
	const probe = dateFields.length
		? (
				await db.query(
					dayFirstProbe(
						dateFields.map((f) => col(byField.get(f)!.column)),
						raw
					)
				)
			)[0]
		: {};
	const futureChecks: { field: string; m: ColumnMapping; raw: string }[] = [];

	for (const [field, type] of Object.entries(types)) {
		const m = byField.get(field);
		if (!m) {
			selects.push(`NULL::${sqlType(type)} AS ${ident(field)}`);
			if (type === 'status' || type === 'outcome' || type === 'type')
				selects.push(`NULL::VARCHAR AS ${ident(field + '_target')}`);
			continue;
		}
		const c = col(m.column);
		const fast = plain.get(field);
		if (fast && type === 'date') {
			const d = `try_strptime(${c}, ${literal(fast)})::DATE`;
			selects.push(`${d} AS ${ident(field)}`);
			futureChecks.push({
				field,
				m,
				raw: `(SELECT _row, ${c} AS v, ${d} AS d FROM ${raw})`
			});
			if (STAGE_OF_FIELD[field]) stages.add(STAGE_OF_FIELD[field]);
		} else if (fast) {
			selects.push(`try_cast(${c} AS DOUBLE) AS ${ident(field)}`);
		} else if (type === 'date' || type === 'month') {
			const p = `p${dateFields.indexOf(field)}_`;
			const [firstGt12, secondGt12, slashDates] = ['first_gt12', 'second_gt12', 'slash_dates'].map((k) =>
				Number(probe[p + k])
			);
			const dmy = firstGt12 > 0;
			if (!dmy && secondGt12 === 0 && slashDates > 0) {
				q.issues.push(
					issue(
						'ambiguous_date_order',
						'warning',
						m.header,
						slashDates,
						`"${shown(m.header)}": dates like 3/5/2025 could be month-first or day-first; read as month/day (M/D/YYYY). Check a known date.`
					)
				);
			}
			if (dmy && secondGt12 > 0) {
				q.issues.push(
					issue(
						'ambiguous_date_order',
						'warning',
						m.header,
						secondGt12,
						`"${shown(m.header)}": some dates have a day-like first part and others a day-like second part; read as day/month.`
					)
				);
			}
			const fn = type === 'month' ? 'mb_month' : 'mb_date';
			// Parse each distinct date once and join the result back (see mb_date_key).
			const n = dateFields.indexOf(field);
			const dict = `mb_dd_${id}_${n}`;
			await db.exec(
				`CREATE OR REPLACE TEMP TABLE ${dict} AS SELECT k, ${fn}(k, ${dmy}) AS d
				FROM (SELECT DISTINCT mb_date_key(${c}) AS k FROM ${raw}) WHERE k IS NOT NULL`
			);
			dictionaries.push(dict);
			joins.push(`LEFT JOIN ${dict} dd${n} ON dd${n}.k = mb_date_key(${c})`);
			selects.push(`dd${n}.d AS ${ident(field)}`, `${c} AS ${rawOf(field)}`);
			keptRaw.push(field);
			dateChecks.push({ field, m, any: `${fn}_any(${rawOf(field)}, ${dmy})` });
			futureChecks.push({
				field,
				m,
				raw: `(SELECT _row, ${rawOf(field)} AS v, ${ident(field)} AS d FROM ${src})`
			});
			if (STAGE_OF_FIELD[field]) stages.add(STAGE_OF_FIELD[field]);
		} else if (type === 'number' || type === 'score') {
			selects.push(
				`${type === 'score' ? 'mb_score' : 'mb_num'}(${c}) AS ${ident(field)}`,
				`${c} AS ${rawOf(field)}`
			);
			keptRaw.push(field);
			numberChecks.push({ field, m, score: type === 'score' });
		} else if (type === 'status' || type === 'outcome' || type === 'type') {
			const vocabKind = type === 'status' ? 'status' : type;
			const cells = await distinctCells(db, raw, c);
			const text = cells.clean ? c : `mb_blank(${c})`;
			const distinct = new Set(cells.values.flatMap((x) => (x.b === null ? [] : [x.b])));
			const vt = `mb_voc_${id}_${field}`;
			await db.exec(`CREATE OR REPLACE TEMP TABLE ${vt} (raw VARCHAR, target VARCHAR)`);
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
				await db.query(
					`INSERT INTO ${vt} VALUES ${Array.from({ length: chunk.length / 2 }, () => '(?, ?)').join(', ')}`,
					chunk
				);
			}
			vocabTargets[field] = targets;
			const alias = `v_${field}`;
			joins.push(`LEFT JOIN ${vt} ${alias} ON ${alias}.raw = ${text}`);
			selects.push(`${text} AS ${ident(field)}`, `${alias}.target AS ${ident(field + '_target')}`);
			if (unknown.length) unknownChecks.push({ field, m, type, unknown });
		} else if (field.endsWith('_id')) {
			selects.push(`mb_blank(${c}) AS ${ident(field)}`);
		} else {
			// A dimension (channel, owner, segment, rep): a few distinct cells, cleaned once each.
			const cells = await distinctCells(db, raw, c);
			selects.push(`${cells.clean ? c : `mb_blank(${c})`} AS ${ident(field)}`);
		}
	}

	await db.exec(
		`CREATE OR REPLACE TABLE ${src} AS SELECT ${selects.join(', ')} FROM ${raw} ${joins.join(' ')}`
	);
	for (const field of Object.keys(vocabTargets)) await db.exec(`DROP TABLE IF EXISTS mb_voc_${id}_${field}`);
	for (const dict of dictionaries) await db.exec(`DROP TABLE IF EXISTS ${dict}`);

	for (const { field, m, any } of dateChecks) {
		const f = ident(field);
		const r = rawOf(field);
		// Only the rows left empty are parsed again, to tell a non-date from a placeholder date.
		const bad = await examples(
			db,
			`SELECT _row, ${r} AS v FROM ${src} WHERE ${f} IS NULL AND mb_blank(${r}) IS NOT NULL AND ${any} IS NULL`
		);
		if (bad.count) {
			q.issues.push(
				issue(
					'unparseable_date',
					'warning',
					m.header,
					bad.count,
					`"${shown(m.header)}": ${bad.count} value(s) are not dates Modelboard can read (e.g. 2025-04-01, 2025/4/1, 2025年4月1日, 4/1/2025); they are treated as empty.`,
					bad.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
				)
			);
		}
		const placeholder = await examples(
			db,
			`SELECT _row, ${r} AS v FROM ${src} WHERE ${f} IS NULL AND mb_blank(${r}) IS NOT NULL AND ${any} IS NOT NULL`
		);
		if (placeholder.count) {
			q.issues.push(
				issue(
					'out_of_range',
					'warning',
					m.header,
					placeholder.count,
					`"${shown(m.header)}": ${placeholder.count} date(s) lie outside ${PLAUSIBLE_YEARS} (placeholders such as 9999-12-31 or 0001-01-01); they are treated as empty.`,
					placeholder.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
				)
			);
		}
	}
	// Dates after today, every date column in one scan; examples only where there are some.
	if (futureChecks.length) {
		const [counts] = await db.query(
			`SELECT ${futureChecks.map(({ field }, i) => `count(*) FILTER (WHERE ${ident(field)} > ?::DATE)::INTEGER AS f${i}`).join(', ')} FROM ${src}`,
			futureChecks.map(() => ctx.today)
		);
		for (const [i, { m, raw: rows }] of futureChecks.entries()) {
			if (!Number(counts[`f${i}`])) continue;
			const future = await examples(db, `SELECT _row, v FROM ${rows} WHERE d > ?::DATE`, [ctx.today]);
			q.issues.push(
				issue(
					'future_date',
					'warning',
					m.header,
					future.count,
					`"${shown(m.header)}": ${future.count} date(s) lie after today (${ctx.today}).`,
					future.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
				)
			);
		}
	}
	for (const { field, m, score } of numberChecks) {
		const r = rawOf(field);
		const bad = await examples(
			db,
			`SELECT _row, ${r} AS v FROM ${src} WHERE ${ident(field)} IS NULL AND mb_blank(${r}) IS NOT NULL`
		);
		if (bad.count) {
			q.issues.push(
				issue(
					'unparseable_number',
					'warning',
					m.header,
					bad.count,
					score
						? `"${shown(m.header)}": ${bad.count} value(s) are not scores from 0 to 10; they are treated as empty.`
						: `"${shown(m.header)}": ${bad.count} value(s) are not numbers; they are treated as empty.`,
					bad.rows.map((x) => ({ row: rowNo(x._row), value: x.v }))
				)
			);
		}
	}
	for (const { field, m, type, unknown } of unknownChecks) {
		const [cnt] = await db.query(
			`SELECT count(*)::INTEGER AS n FROM ${src} WHERE ${ident(field)} IS NOT NULL AND ${ident(field + '_target')} IS NULL`
		);
		const what = type === 'status' ? 'stage/status' : type === 'outcome' ? 'call outcome' : 'activity type';
		q.issues.push(
			issue(
				'unknown_value',
				'warning',
				m.header,
				Number(cnt.n),
				`"${shown(m.header)}": ${unknown.length} ${what} value(s) are not in the vocabulary (${unknown.slice(0, 8).map(shown).join(', ')}${unknown.length > 8 ? ', …' : ''}). Add them on the Data page to count them.`,
				unknown.slice(0, MAX_EXAMPLES).map((value) => ({ row: null, value }))
			)
		);
	}

	// The statuses a file holds tell which stages it describes (a status alone implies its stage).
	for (const t of [...(vocabTargets.status ?? []), ...(vocabTargets.stage ?? [])]) {
		const rank = STATUS_RANK[t as StatusTarget];
		if (rank !== undefined) stages.add(t as Stage);
		// A lost deal was an opportunity, unless the file dates its opportunities (see merge.ts RANK_CASE).
		if (t === 'lost' && !(kind === 'leads' && byField.has('opportunity_at'))) stages.add('opportunity');
	}
	if (kind === 'leads' || kind === 'lead_history') stages.add('lead');
	if (byField.has('closed_at') && vocabTargets.status?.has('won')) stages.add('won');

	await qualityChecks(db, id, kind, byField, q, rowNo, new Set(keptRaw));
	if (keptRaw.length) {
		await db.exec(keptRaw.map((f) => `ALTER TABLE ${src} DROP COLUMN ${rawOf(f)};`).join(' '));
	}
	const statuses = [...(vocabTargets.status ?? [])];
	const deals =
		kind === 'leads' &&
		!byField.has('opportunity_at') &&
		statuses.length > 0 &&
		statuses.every((t) => t === 'opportunity' || t === 'won' || t === 'lost');
	return { stages: [...stages], deals };
}

/** Distinct cells a column may hold for `distinctCells` to list them (a dimension or status column). */
const DISTINCT_LIMIT = 5000;

/**
 * A column's distinct cells (up to DISTINCT_LIMIT + 1) with their cleaned values (`mb_blank`), and
 * whether cleaning changes none of them: then the column is copied as it is instead of cleaning each of
 * its cells (a million cells, a few distinct values).
 */
async function distinctCells(
	db: Db,
	raw: string,
	c: string
): Promise<{ values: { v: string | null; b: string | null }[]; clean: boolean }> {
	const rows = await db.query(
		`SELECT v, mb_blank(v) AS b FROM (SELECT DISTINCT ${c} AS v FROM ${raw} LIMIT ${DISTINCT_LIMIT + 1})`
	);
	const values = rows.map((r) => ({
		v: r.v === null ? null : String(r.v),
		b: r.b === null ? null : String(r.b)
	}));
	return { values, clean: values.length <= DISTINCT_LIMIT && values.every((x) => x.v === x.b) };
}

/**
 * The mapped `date` and `number` columns whose every filled cell is plain, each with how to read it: a
 * date in one of FAST_DATE_FORMATS (the one its first filled cell has) within the plausible span, or a
 * finite number DuckDB's cast reads ('number'). One scan of the raw table; these columns need neither
 * the general parsers nor the unreadable-value checks.
 */
async function plainColumns(
	db: Db,
	raw: string,
	types: Record<string, FieldType>,
	byField: Map<string, ColumnMapping>
): Promise<Map<string, string>> {
	const fields: { field: string; c: string; format: string }[] = [];
	const dates = Object.keys(types).filter((f) => types[f] === 'date' && byField.has(f));
	// Each date column's first filled cell, all in one request.
	const [first] = dates.length
		? await db.query(
				`SELECT ${dates
					.map((f, i) => {
						const c = col(byField.get(f)!.column);
						return `(SELECT ${c} FROM ${raw} WHERE ${c} IS NOT NULL LIMIT 1) AS s${i}`;
					})
					.join(', ')}`
			)
		: [{}];
	for (const f of Object.keys(types)) {
		const m = byField.get(f);
		if (!m) continue;
		const c = col(m.column);
		if (types[f] === 'number') fields.push({ field: f, c, format: 'number' });
		else if (types[f] === 'date') {
			const v = first[`s${dates.indexOf(f)}`];
			const fmt =
				v === null || v === undefined ? null : FAST_DATE_FORMATS.find((x) => x.pattern.test(String(v)));
			if (fmt) fields.push({ field: f, c, format: fmt.format });
		}
	}
	if (!fields.length) return new Map();
	// Dates: every filled cell parses (counts equal) and min/max lie in the plausible span (cheaper
	// than a filter on every row).
	const parts = fields.map(({ c, format }, i) => {
		if (format === 'number')
			return `(count(${c}) - count(*) FILTER (WHERE isfinite(try_cast(${c} AS DOUBLE))))::INTEGER AS x${i}`;
		const d = `try_strptime(${c}, ${literal(format)})::DATE`;
		return `(count(${c}) - count(${d}))::INTEGER AS x${i},
			coalesce(min(${d}) < DATE '${PLAUSIBLE_FROM}' OR max(${d}) > DATE '${PLAUSIBLE_TO}', false) AS y${i}`;
	});
	const [row] = await db.query(`SELECT ${parts.join(', ')} FROM ${raw}`);
	return new Map(
		fields.filter((_, i) => Number(row[`x${i}`]) === 0 && !row[`y${i}`]).map((f) => [f.field, f.format])
	);
}

function sqlType(type: FieldType): string {
	switch (type) {
		case 'date':
		case 'month':
			return 'DATE';
		case 'number':
			return 'DOUBLE';
		case 'score':
			return 'INTEGER';
		default:
			return 'VARCHAR';
	}
}

export function isOutOfMemory(e: unknown): boolean {
	return /out of memory|could not allocate|memory access out of bounds/i.test(
		String((e as Error)?.message ?? e)
	);
}

/** DuckDB ran out of memory: say so, with the limit it hit and what to do, not "check the CSV". */
export function tooLarge(name: string, size: number, e: unknown): IngestError {
	const limit = /\(([\d.]+ ?[KMG]iB)\/([\d.]+ ?[KMG]iB) used\)/.exec(String((e as Error)?.message ?? e));
	const mib = Math.round(size / 1048576);
	return new IngestError(
		name,
		'too_large',
		`${name} (${mib} MiB) is too large for this browser: the analysis engine ran out of memory` +
			(limit ? ` at its limit of ${limit[2]}` : '') +
			'. Export a shorter period or fewer columns (files up to about 1–3 million rows load), or remove other loaded files first. Everything loaded before it is unchanged.'
	);
}
