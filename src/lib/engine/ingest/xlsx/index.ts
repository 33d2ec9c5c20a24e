/**
 * Excel workbooks (.xlsx) → one UTF-8 CSV per sheet that looks like a table, for the CSV ingest.
 *
 * Why our own reader and not a library: measured in one run on the 2-core build machine (shared, load
 * ≈ 7–15) on a generated 100k-row × 30-column workbook with Japanese headers (44.7 MB .xlsx: 101.5 MB of
 * sheet XML, 2.8 MB of shared strings), every sheet to rows/CSV in Node 20, and the minified + gzip size
 * each adds to the site as a worker chunk (Vite 8 build):
 *
 *   reader                    parse    peak RSS   site, gzip
 *   this module               4.1 s    413 MiB      5.4 kB  (no dependencies; inflate is the platform's)
 *   read-excel-file 9.3.17    7.2 s    541 MiB     18.0 kB  (4 dependencies; rows only, no CSV)
 *   @e965/xlsx 0.20.3         12.2 s   787 MiB    129.6 kB  (SheetJS; also reads .xls)
 *   exceljs 4.4.0             16.0 s  1562 MiB    276.5 kB
 *
 * In Chromium the same workbook reads in ~7 s inside the worker while the page keeps running. An .xlsx
 * is a ZIP of flat, machine-written XML, so a few hundred lines cover what the ingest needs (shared and inline
 * strings, rich text, date formats, the 1904 system). What it gives up is .xls (BIFF): SheetJS reads a
 * 1k-row .xls in 0.5 s, but BIFF holds at most 65,536 rows, CRM exports have been .xlsx for years, and
 * 130 kB for that alone did not pay; an .xls is reported as `xlsx_corrupt` (the caller can tell it by
 * `workbookContainer(bytes) === 'compound'` and ask for .xlsx or CSV).
 */
import { isWorkbookError, workbookError } from './errors';
import { workbookContainer } from './magic';
import { SheetReader, type SheetContext } from './sheet';
import { styleDateKinds } from './styles';
import { readWorkbook, workbookPath, workbookRelsPath } from './workbook';
import { elements, stringItemText } from './xml';
import { entryStream, entryText, readCentralDirectory, type ZipEntry } from './zip';

export { isWorkbookError, type WorkbookError, type WorkbookErrorCode } from './errors';
export { workbookContainer } from './magic';

export interface WorkbookSheet {
	name: string;
	/** Lines in `csv`: sheet rows from row 1 to the last row holding a value. */
	rows: number;
	/** UTF-8, RFC 4180 quoting, no BOM, `\n` line ends. */
	csv: Uint8Array;
}

export interface WorkbookOptions {
	/** Called as sheet XML is read, with the fraction of all sheet bytes done (0–1). */
	onProgress?: (fraction: number) => void;
}

/** Fewer rows with a value than this and a sheet is a note, a cover page or empty, not a table. */
const MIN_ROWS = 2;

/**
 * An encrypted .xlsx is not a ZIP but an OLE compound file holding `EncryptedPackage`; so is a
 * legacy .xls, without that stream. The directory names are UTF-16LE.
 */
function isEncryptedCompoundFile(bytes: Uint8Array): boolean {
	const needle = Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat();
	outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
		for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

export async function workbookToCsv(
	bytes: Uint8Array,
	options: WorkbookOptions = {}
): Promise<WorkbookSheet[]> {
	const container = workbookContainer(bytes);
	if (container === 'compound') {
		if (isEncryptedCompoundFile(bytes))
			throw workbookError('xlsx_encrypted', 'the workbook is password-protected');
		throw workbookError('xlsx_corrupt', 'an Excel 97–2003 (.xls) workbook, not .xlsx');
	}
	if (container !== 'zip') throw workbookError('xlsx_corrupt', 'not a ZIP archive');
	const entries = new Map<string, ZipEntry>();
	for (const [name, entry] of readCentralDirectory(bytes)) entries.set(name.toLowerCase(), entry);
	const find = (path: string) => entries.get(path.toLowerCase());
	const text = async (path: string | undefined) => {
		const entry = path ? find(path) : undefined;
		return entry ? entryText(bytes, entry) : undefined;
	};

	const wbPath = workbookPath(await text('_rels/.rels'));
	const wbXml = await text(wbPath);
	if (wbXml === undefined) throw workbookError('xlsx_corrupt', 'no workbook part: not an Excel workbook');
	const parts = readWorkbook(wbXml, (await text(workbookRelsPath(wbPath))) ?? '', wbPath);
	const stringsXml = await text(parts.sharedStrings);
	const stylesXml = await text(parts.styles);
	const ctx: SheetContext = {
		strings: stringsXml ? Array.from(elements(stringsXml, 'si'), (si) => stringItemText(si.inner)) : [],
		kinds: stylesXml ? styleDateKinds(stylesXml) : [],
		date1904: parts.date1904
	};

	const sheets = parts.sheets.map((s) => ({ ...s, entry: find(s.path) }));
	const total = sheets.reduce((n, s) => n + (s.entry?.size ?? 0), 0) || 1;
	let done = 0;
	const out: WorkbookSheet[] = [];
	for (const sheet of sheets) {
		if (!sheet.entry)
			throw workbookError('xlsx_corrupt', `sheet part ${sheet.path} is missing`, { name: sheet.name });
		const reader = new SheetReader(ctx);
		const decoder = new TextDecoder('utf-8');
		try {
			for await (const chunk of streamChunks(entryStream(bytes, sheet.entry))) {
				reader.push(decoder.decode(chunk, { stream: true }));
				done += chunk.length;
				options.onProgress?.(Math.min(done / total, 1));
			}
			reader.push(decoder.decode());
		} catch (e) {
			if (isWorkbookError(e)) throw e;
			throw workbookError('xlsx_corrupt', `sheet ${sheet.name} does not inflate: ${(e as Error).message}`, {
				name: sheet.name
			});
		}
		const { lines, widths, width, nonEmptyRows } = reader.finish();
		if (nonEmptyRows < MIN_ROWS) continue;
		out.push({ name: sheet.name, rows: lines.length, csv: encodeLines(lines, widths, width) });
	}
	if (out.length === 0) throw workbookError('xlsx_empty', 'no sheet holds a table');
	return out;
}

/** `for await` over a ReadableStream, which Node 20 and browsers support unevenly. */
async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
	} finally {
		reader.releaseLock();
	}
}

const BATCH = 4096;

/** Lines padded to the table's width (empty rows stay empty lines), joined by `\n`, as UTF-8. */
function encodeLines(lines: string[], widths: number[], width: number): Uint8Array {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (let i = 0; i < lines.length; i += BATCH) {
		let chunk = '';
		for (let j = i; j < Math.min(i + BATCH, lines.length); j++) {
			const w = widths[j];
			chunk += (w > 0 ? lines[j] + ','.repeat(width - w) : '') + '\n';
		}
		const bytes = encoder.encode(chunk);
		parts.push(bytes);
		size += bytes.length;
	}
	const csv = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		csv.set(p, at);
		at += p.length;
	}
	return csv;
}
