/**
 * The loading half of ingestion: one file's bytes → a raw all-VARCHAR table read by DuckDB's CSV reader
 * → a per-file table of canonical, typed columns, with its quality report. Detection (encoding, dialect,
 * kind, mapping, vocabularies) comes from the pure modules beside this one.
 *
 * Why DuckDB reads the bulk rather than papaparse: it is several times faster at 1M rows and keeps the
 * rows out of the JS heap (TOOLCHAIN.md); papaparse only reads the sample that detection needs.
 */
import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import type { Stage } from '../schema';
import { decodeBytes, detectEncoding } from './decode';
import { guessKind, applyMappingFile } from './detect';
import { FIELD_TYPES, ID_FIELD, LEAD_DATE_ORDER, type FieldType } from './fields';
import { headerSignature, normaliseHeader } from './normalise';
import { issue, MAX_EXAMPLES, type FileQuality } from './quality';
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
import { dayFirstProbe } from './values-sql';

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
	quality: FileQuality;
}

export const MAX_COLUMNS = 2000;
const SAMPLE_BYTES = 1 << 20;
const SAMPLE_RECORDS = 200;

export const rawTable = (id: number) => `mb_raw_${id}`;
export const srcTable = (id: number) => `mb_src_${id}`;

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

/**
 * The character offset just past the first `records` records. Quote-aware (a quoted field may hold line
 * breaks; a doubled quote toggles twice). papaparse's `meta.cursor` is not usable here: with `preview`
 * and no quotes in the text it points past the following record.
 */
export function recordsEnd(text: string, newline: string, records: number): number {
	let inQuotes = false;
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 34) {
			inQuotes = !inQuotes;
		} else if (!inQuotes && text.startsWith(newline, i)) {
			i += newline.length - 1;
			if (++count === records) return i + 1;
		}
	}
	return text.length;
}

export async function loadFile(
	db: Db,
	id: number,
	name: string,
	bytes: Uint8Array,
	ctx: IngestContext,
	overrides: FileOverrides = {}
): Promise<LoadedFile> {
	if (bytes.length === 0)
		throw new IngestError(
			name,
			'empty',
			`${name} is empty (0 bytes). Export it again and drop the new file.`
		);
	const detected = detectEncoding(bytes);
	const encoding: EncodingGuess = overrides.encoding
		? { encoding: overrides.encoding, bom: detected.bom, confidence: 1 }
		: detected;
	if (looksBinary(bytes, encoding.encoding)) {
		throw new IngestError(
			name,
			'binary',
			`${name} is not a text CSV file (it contains binary data). If it is an Excel workbook, save it as CSV first.`
		);
	}
	const utf8 = toUtf8(bytes, encoding);
	const truncated = utf8.length > SAMPLE_BYTES;
	const sampleText = new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE_BYTES));
	if (sampleText.trim() === '')
		throw new IngestError(name, 'empty', `${name} holds no text. Export it again and drop the new file.`);
	const dialect = sniffDialect(sampleText);
	const records = parseRecords(sampleText, dialect, SAMPLE_RECORDS + 1);
	if (truncated && records.length > 1) records.pop(); // the sample may end mid-record
	const rawHeader = records[0] ?? [];
	const headers = cleanHeaders(rawHeader);
	if (headers.length === 0)
		throw new IngestError(
			name,
			'no_header',
			`${name} has no header row. The first row must name the columns.`
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
				`Columns found: ${headers.slice(0, 12).join(', ')}${headers.length > 12 ? ', …' : ''}. ` +
				`Rename the columns as in the CSV templates, or set the mapping on the Data page.`
		);
	}

	// Where the data starts: right after the header record (title rows above it are skipped).
	const offset = new TextEncoder().encode(
		sampleText.slice(0, recordsEnd(sampleText, dialect.newline, dialect.headerRow + 1))
	).length;
	const file = `mb_file_${id}.csv`;
	await db.registerFile(file, utf8.subarray(offset));
	const columns = headers.map((_, i) => `${literal(`c${i}`)}: 'VARCHAR'`).join(', ');
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
	} catch (e) {
		throw new IngestError(
			name,
			'unreadable',
			`${name} could not be read as CSV: ${(e as Error).message.split('\n')[0]}`
		);
	} finally {
		await db.dropFile(file);
	}

	const firstDataRow = dialect.headerRow + 2; // spreadsheet row of data row 1 (1-based, header included)
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
	const stages = await buildSource(db, id, kind, mapping, headers, ctx, quality, firstDataRow);
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
				`Columns not used by any metric: ${unmapped.join(', ')}`,
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
		quality
	};
}

type ExampleRow = { _row: number; v: string };

async function examples(
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

/** Builds `mb_src_{id}` (canonical typed columns + `_row`) and fills the file's quality report. */
async function buildSource(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	headers: string[],
	ctx: IngestContext,
	q: FileQuality,
	firstDataRow: number
): Promise<Stage[]> {
	const raw = rawTable(id);
	const rowNo = (r: number) => r + firstDataRow - 1;
	const [{ n: total }] = await db.query(`SELECT count(*)::INTEGER AS n FROM ${raw}`);
	q.rows = Number(total);

	// Rows DuckDB's reader set aside (more fields than the header, broken quoting).
	const rej = await db.query(
		`SELECT line::INTEGER AS line, error_type::VARCHAR AS t, left(csv_line, 120) AS v FROM mb_rej_${id} ORDER BY line`
	);
	const excluded: number[] = [];
	if (rej.length) {
		q.rows += rej.length;
		q.rejected += rej.length;
		q.issues.push(
			issue(
				'rejected_row',
				'error',
				null,
				rej.length,
				`${rej.length} row(s) could not be read (${[...new Set(rej.map((r) => String(r.t).toLowerCase()))].join(', ')}): they have more fields than the header or broken quoting.`,
				rej.map((r) => ({ row: Number(r.line) + firstDataRow - 2, value: String(r.v).trim() }))
			)
		);
	}
	if (q.rows === 0) throw new IngestError(q.name, 'no_rows', `${q.name} has a header but no data rows.`);

	// Blank rows and a trailing total/summary row (formatted reports add them) are set aside, counted.
	const allNull = headers.map((_, i) => `${col(i)} IS NULL`).join(' AND ');
	const blank = await db.query(`SELECT _row FROM ${raw} WHERE ${allNull}`);
	excluded.push(...blank.map((r) => Number(r._row)));
	const tail = await db.query(`SELECT * FROM ${raw} WHERE NOT (${allNull}) ORDER BY _row DESC LIMIT 5`);
	const summary: ExampleRow[] = [];
	for (const r of tail) {
		const cells = headers.map((_, i) => (r[`c${i}`] === null ? '' : String(r[`c${i}`])));
		if (!isSummaryRow(cells)) break;
		summary.push({ _row: Number(r._row), v: cells.filter(Boolean).join(' | ').slice(0, 120) });
	}
	excluded.push(...summary.map((s) => s._row));
	if (summary.length) {
		q.rejected += summary.length;
		q.issues.push(
			issue(
				'summary_row',
				'info',
				null,
				summary.length,
				'Total/summary rows at the end were set aside (they are not records).',
				summary.map((s) => ({ row: rowNo(s._row), value: s.v }))
			)
		);
	}
	if (blank.length) {
		q.issues.push(
			issue(
				'rejected_row',
				'info',
				null,
				blank.length,
				`${blank.length} empty row(s) skipped.`,
				blank.slice(0, MAX_EXAMPLES).map((r) => ({ row: rowNo(Number(r._row)), value: '' }))
			)
		);
	}
	const keep = excluded.length ? `_row NOT IN (${excluded.map((n) => Number(n)).join(', ')})` : 'TRUE';

	const types = FIELD_TYPES[kind];
	const byField = new Map(mapping.map((m) => [m.field, m]));
	const selects: string[] = ['_row'];
	const joins: string[] = [];
	const stages = new Set<Stage>();
	const vocabTargets: Record<string, Set<string>> = {};

	for (const [field, type] of Object.entries(types)) {
		const m = byField.get(field);
		if (!m) {
			selects.push(`NULL::${sqlType(type)} AS ${ident(field)}`);
			if (type === 'status' || type === 'outcome' || type === 'type')
				selects.push(`NULL::VARCHAR AS ${ident(field + '_target')}`);
			continue;
		}
		const c = col(m.column);
		if (type === 'date' || type === 'month') {
			const [p] = await db.query(`${dayFirstProbe(c)} FROM ${raw}`);
			const dmy = Number(p.first_gt12) > 0;
			if (!dmy && Number(p.second_gt12) === 0 && Number(p.slash_dates) > 0) {
				q.issues.push(
					issue(
						'ambiguous_date_order',
						'warning',
						m.header,
						Number(p.slash_dates),
						`"${m.header}": dates like 3/5/2025 could be month-first or day-first; read as month/day (M/D/YYYY). Check a known date.`
					)
				);
			}
			if (dmy && Number(p.second_gt12) > 0) {
				q.issues.push(
					issue(
						'ambiguous_date_order',
						'warning',
						m.header,
						Number(p.second_gt12),
						`"${m.header}": some dates have a day-like first part and others a day-like second part; read as day/month.`
					)
				);
			}
			const fn = type === 'month' ? 'mb_month' : 'mb_date';
			selects.push(`${fn}(${c}, ${dmy}) AS ${ident(field)}`);
			const bad = await examples(
				db,
				`SELECT _row, ${c} AS v FROM ${raw} WHERE ${keep} AND mb_blank(${c}) IS NOT NULL AND ${fn}(${c}, ${dmy}) IS NULL`
			);
			if (bad.count) {
				q.issues.push(
					issue(
						'unparseable_date',
						'warning',
						m.header,
						bad.count,
						`"${m.header}": ${bad.count} value(s) are not dates Modelboard can read (e.g. 2025-04-01, 2025/4/1, 2025年4月1日, 4/1/2025); they are treated as empty.`,
						bad.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
					)
				);
			}
			const future = await examples(
				db,
				`SELECT _row, ${c} AS v FROM ${raw} WHERE ${keep} AND ${fn}(${c}, ${dmy}) > ?::DATE`,
				[ctx.today]
			);
			if (future.count) {
				q.issues.push(
					issue(
						'future_date',
						'warning',
						m.header,
						future.count,
						`"${m.header}": ${future.count} date(s) lie after today (${ctx.today}).`,
						future.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
					)
				);
			}
			if (STAGE_OF_FIELD[field]) stages.add(STAGE_OF_FIELD[field]);
		} else if (type === 'number' || type === 'score') {
			const expr = type === 'score' ? `mb_score(${c})` : `mb_num(${c})`;
			selects.push(`${expr} AS ${ident(field)}`);
			const bad = await examples(
				db,
				`SELECT _row, ${c} AS v FROM ${raw} WHERE ${keep} AND mb_blank(${c}) IS NOT NULL AND (${expr}) IS NULL`
			);
			if (bad.count) {
				q.issues.push(
					issue(
						'unparseable_number',
						'warning',
						m.header,
						bad.count,
						type === 'score'
							? `"${m.header}": ${bad.count} value(s) are not scores from 0 to 10; they are treated as empty.`
							: `"${m.header}": ${bad.count} value(s) are not numbers; they are treated as empty.`,
						bad.rows.map((r) => ({ row: rowNo(r._row), value: r.v }))
					)
				);
			}
		} else if (type === 'status' || type === 'outcome' || type === 'type') {
			const vocabKind = type === 'status' ? 'status' : type;
			const distinct = await db.query(
				`SELECT DISTINCT mb_blank(${c}) AS v FROM ${raw} WHERE ${keep} AND mb_blank(${c}) IS NOT NULL LIMIT 5001`
			);
			const vt = `mb_voc_${id}_${field}`;
			await db.exec(`CREATE OR REPLACE TEMP TABLE ${vt} (raw VARCHAR, target VARCHAR)`);
			const unknown: string[] = [];
			const targets = new Set<string>();
			const pairs: (string | null)[] = [];
			for (const r of distinct) {
				const value = String(r.v);
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
			joins.push(`LEFT JOIN ${vt} ${alias} ON ${alias}.raw = mb_blank(${c})`);
			selects.push(`mb_blank(${c}) AS ${ident(field)}`, `${alias}.target AS ${ident(field + '_target')}`);
			if (unknown.length) {
				const [cnt] = await db.query(
					`SELECT count(*)::INTEGER AS n FROM ${raw} r JOIN ${vt} v ON v.raw = mb_blank(r.${c}) WHERE v.target IS NULL`
				);
				const what =
					type === 'status' ? 'stage/status' : type === 'outcome' ? 'call outcome' : 'activity type';
				q.issues.push(
					issue(
						'unknown_value',
						'warning',
						m.header,
						Number(cnt.n),
						`"${m.header}": ${unknown.length} ${what} value(s) are not in the vocabulary (${unknown.slice(0, 8).join(', ')}${unknown.length > 8 ? ', …' : ''}). Add them on the Data page to count them.`,
						unknown.slice(0, MAX_EXAMPLES).map((value) => ({ row: null, value }))
					)
				);
			}
		} else {
			selects.push(`mb_blank(${c}) AS ${ident(field)}`);
		}
	}

	await db.exec(
		`CREATE OR REPLACE TABLE ${srcTable(id)} AS SELECT ${selects.join(', ')} FROM ${raw} ${joins.join(' ')} WHERE ${keep}`
	);
	// The statuses a file holds tell which stages it describes (a status alone implies its stage).
	for (const t of [...(vocabTargets.status ?? []), ...(vocabTargets.stage ?? [])]) {
		const rank = STATUS_RANK[t as StatusTarget];
		if (rank !== undefined) stages.add(t as Stage);
	}
	if (kind === 'leads' || kind === 'lead_history') stages.add('lead');
	if (byField.has('closed_at') && vocabTargets.status?.has('won')) stages.add('won');

	await qualityChecks(db, id, kind, byField, q, rowNo);
	return [...stages];
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

async function qualityChecks(
	db: Db,
	id: number,
	kind: FileKind,
	byField: Map<string, ColumnMapping>,
	q: FileQuality,
	rowNo: (r: number) => number
): Promise<void> {
	const src = srcTable(id);
	const header = (f: string) => byField.get(f)?.header ?? f;
	const required = REQUIRED_FIELDS[kind].filter(
		(f) => FIELD_TYPES[kind][f] === 'date' || FIELD_TYPES[kind][f] === 'month' || f === 'spend'
	);
	for (const f of required) {
		const miss = await examples(
			db,
			`SELECT s._row, r.${col(byField.get(f)!.column)} AS v FROM ${src} s JOIN ${rawTable(id)} r USING (_row) WHERE s.${ident(f)} IS NULL`
		);
		if (miss.count) {
			q.rejected += miss.count;
			q.issues.push(
				issue(
					'missing_required',
					'error',
					header(f),
					miss.count,
					`${miss.count} row(s) have no usable "${header(f)}" and are left out of every metric.`,
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
		const present = LEAD_DATE_ORDER.filter((f) => byField.has(f));
		const checks: string[] = [];
		for (let i = 1; i < present.length; i++) {
			for (let j = 0; j < i; j++) checks.push(`${ident(present[i])} < ${ident(present[j])}`);
		}
		if (checks.length) {
			const bad = await examples(
				db,
				`SELECT _row, concat_ws(' ', ${present.map((f) => `'${f}=' || coalesce(strftime(${ident(f)}, '%Y-%m-%d'), '–')`).join(', ')}) AS v
				FROM ${src} WHERE ${checks.join(' OR ')}`
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
