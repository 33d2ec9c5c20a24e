/**
 * Step 2, sniff: the file's dialect (delimiter, line break, header record), one quote-aware scan of its
 * records, and its header and sample rows.
 *
 * A big file's full scan runs on this thread while DuckDB's worker reads the file: the first
 * SAMPLE_BYTES decide what the read needs (`deferred`), and `finishScan` completes the scan during the
 * read. If the full scan then finds mixed line breaks or an unclosed quote, the pipeline reads the file
 * again with the scan done first (`sniffLayout(file, false)`).
 */
import { scanOffThread } from './scan-off-thread';
import { IngestError } from './errors';
import { SAMPLE_BYTES, sampleOf, type DecodedFile } from './decode-file';
import { dataSize, type FileData } from './file-data';
import { normaliseNewlines, scanRecords, type RecordScan } from './scan';
import { parseRecords, sniffDialect, trailingColumns } from './sniff';
import type { Dialect } from './types';

export const MAX_COLUMNS = 2000;
const SAMPLE_RECORDS = 200;

export interface FileLayout {
	/**
	 * The bytes DuckDB reads: the decoded file, with line breaks normalised if it mixed them. A file on
	 * disk (a Blob) only when its scan is deferred: every other step that reads it whole reads memory.
	 */
	utf8: FileData;
	sampleText: string;
	dialect: Dialect;
	scan: RecordScan;
	/** Line-break kinds the file mixed (1 when it uses one). */
	newlineKinds: number;
	/** `scan` covers only the first SAMPLE_BYTES; `finishScan` completes it while DuckDB reads. */
	deferred: boolean;
}

export interface FileHeader {
	/** The header record's cells as written (trailing empty columns included). */
	rawHeader: string[];
	/** Header cells made usable: trailing empties dropped, blanks named, repeats numbered. */
	headers: string[];
	/** Up to SAMPLE_RECORDS data records, cut to the header's width. */
	sample: string[][];
}

/**
 * Dialect and record scan; with `overlap`, a big file's full scan is deferred to `finishScan`. Null
 * for a file on disk whose scan cannot be deferred: read it into memory and sniff again. `cutEvery`:
 * the scan notes a record boundary every so many bytes, for a read in parts (read.ts).
 */
export function sniffLayout(file: DecodedFile, overlap: boolean, cutEvery = Infinity): FileLayout | null {
	let { sampleText } = file;
	let dialect = sniffDialect(sampleText);
	const first = dialect.headerRow + 1;
	const prefix =
		overlap && dataSize(file.utf8) > SAMPLE_BYTES ? scanRecords(file.head, dialect.delimiter, first) : null;
	const deferred =
		prefix !== null &&
		prefix.newlines.size === 1 &&
		prefix.openQuote === null &&
		prefix.starts.length > first;
	// The scan reads line breaks the way DuckDB will; it settles a sample that was too short to tell.
	const settled = (d: Dialect, scan: RecordScan) =>
		scan.newlines.size === 1 ? { ...d, newline: [...scan.newlines][0] } : d;
	if (deferred) {
		return {
			utf8: file.utf8,
			sampleText,
			dialect: settled(dialect, prefix),
			scan: prefix,
			newlineKinds: 1,
			deferred
		};
	}
	if (!(file.utf8 instanceof Uint8Array)) return null;
	let utf8 = file.utf8;
	let scan = scanRecords(utf8, dialect.delimiter, first, cutEvery);
	const newlineKinds = scan.newlines.size;
	if (newlineKinds > 1) {
		utf8 = normaliseNewlines(utf8, dialect.delimiter);
		sampleText = sampleOf(utf8);
		dialect = { ...sniffDialect(sampleText), newline: '\n' };
		scan = scanRecords(utf8, dialect.delimiter, dialect.headerRow + 1, cutEvery);
	}
	return { utf8, sampleText, dialect: settled(dialect, scan), scan, newlineKinds, deferred: false };
}

/**
 * The full scan of a deferred layout; null when it finds a reason to scan first and read again. In the
 * browser it runs in a worker (scan-off-thread.ts): seconds at a million rows, the page stays responsive.
 */
export async function finishScan(
	name: string,
	layout: FileLayout,
	cutEvery = Infinity
): Promise<FileLayout | null> {
	if (!layout.deferred) return layout;
	const { utf8, dialect } = layout;
	const scan = await scanOffThread(name, utf8, dialect.delimiter, dialect.headerRow + 1, cutEvery);
	if (scan.newlines.size > 1 || scan.openQuote) return null;
	return { ...layout, scan, deferred: false };
}

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

/** The header and sample records; throws IngestError when there is no usable header. */
export function readHeader(name: string, layout: FileLayout): FileHeader {
	const { dialect, sampleText } = layout;
	const open = layout.scan.openQuote;
	if (open && open.record <= dialect.headerRow + 1) {
		throw new IngestError(name, 'unreadable', 'unclosed_header', { name, row: open.record + 1 });
	}
	const records = parseRecords(sampleText, dialect, SAMPLE_RECORDS + 1);
	const truncated = dataSize(layout.utf8) > SAMPLE_BYTES;
	if ((truncated || open) && records.length > 1) records.pop(); // the sample may end mid-record
	const rawHeader = records[0] ?? [];
	const headers = cleanHeaders(rawHeader);
	if (headers.length === 0) throw new IngestError(name, 'no_header', 'no_header', { name });
	if (headers.length > MAX_COLUMNS) {
		throw new IngestError(name, 'too_many_columns', 'too_many_columns', {
			name,
			count: headers.length,
			max: MAX_COLUMNS
		});
	}
	const sample = records.slice(1).map((r) => r.slice(0, headers.length));
	return { rawHeader, headers, sample };
}
