/**
 * A dropped file as the CSV files the pipeline reads: a workbook (.xlsx) becomes one file per sheet that
 * looks like a table (`book.xlsx`, or `book.xlsx [Sheet]` when it has several); anything else passes as
 * it is. The reader is passed in: a worker in the browser, `workbookToCsv` in Node.
 */
import { IngestError } from './errors';
import type { WorkbookSheet } from './xlsx/index';
import { isWorkbookError } from './xlsx/errors';
import { workbookContainer } from './xlsx/magic';
import { readBytes, type FileData } from './file-data';

export interface NamedBytes {
	name: string;
	bytes: FileData;
}

/** A ZIP archive (an .xlsx, whatever its name), or an OLE compound file named like a workbook. */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
	const container = workbookContainer(bytes);
	return container === 'zip' || (container === 'compound' && /\.xls[xm]?$/i.test(name));
}

export async function workbookFiles(
	name: string,
	data: FileData,
	read: (bytes: Uint8Array) => Promise<WorkbookSheet[]>
): Promise<NamedBytes[]> {
	// A file on disk is read whole only if it is a workbook (its first bytes tell).
	if (!isWorkbook(name, await readBytes(name, data, 0, 8))) return [{ name, bytes: data }];
	const bytes = await readBytes(name, data);
	if (/\.xls$/i.test(name) && workbookContainer(bytes) === 'compound')
		throw new IngestError(name, 'workbook', 'xls_unsupported', { name });
	let sheets: WorkbookSheet[];
	try {
		sheets = await read(bytes);
	} catch (e) {
		if (isWorkbookError(e)) throw new IngestError(name, 'workbook', e.code, { name });
		throw e;
	}
	if (sheets.length === 0) throw new IngestError(name, 'workbook', 'xlsx_empty', { name });
	return sheets.map((s) => ({ name: sheets.length === 1 ? name : `${name} [${s.name}]`, bytes: s.csv }));
}

/** Every input as CSV inputs (workbooks split by sheet); a workbook that cannot be read goes to `refused`. */
export async function expandWorkbooks<T extends NamedBytes>(
	inputs: T[],
	read: (bytes: Uint8Array) => Promise<WorkbookSheet[]>,
	refused: (e: IngestError) => void
): Promise<T[]> {
	const out: T[] = [];
	for (const input of inputs) {
		try {
			out.push(...(await workbookFiles(input.name, input.bytes, read)).map((p) => ({ ...input, ...p })));
		} catch (e) {
			if (!(e instanceof IngestError)) throw e;
			refused(e);
		}
	}
	return out;
}
