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
import { normaliseNewlines, scanRecords, type RecordScan } from './scan';
import { parseRecords, sniffDialect, trailingColumns } from './sniff';
import type { Dialect } from './types';

export const MAX_COLUMNS = 2000;
const SAMPLE_RECORDS = 200;

export interface FileLayout {
	/** The bytes DuckDB reads: the decoded file, with line breaks normalised if it mixed them. */
	utf8: Uint8Array;
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

/** Dialect and record scan; with `overlap`, a big file's full scan is deferred to `finishScan`. */
export function sniffLayout(file: DecodedFile, overlap: boolean): FileLayout {
	let { utf8, sampleText } = file;
	let dialect = sniffDialect(sampleText);
	const first = dialect.headerRow + 1;
	const prefix =
		overlap && utf8.length > SAMPLE_BYTES
			? scanRecords(utf8.subarray(0, SAMPLE_BYTES), dialect.delimiter, first)
			: null;
	const deferred =
		prefix !== null &&
		prefix.newlines.size === 1 &&
		prefix.openQuote === null &&
		prefix.starts.length > first;
	let scan = deferred ? prefix : scanRecords(utf8, dialect.delimiter, first);
	const newlineKinds = scan.newlines.size;
	if (newlineKinds > 1) {
		utf8 = normaliseNewlines(utf8, dialect.delimiter);
		sampleText = sampleOf(utf8);
		dialect = { ...sniffDialect(sampleText), newline: '\n' };
		scan = scanRecords(utf8, dialect.delimiter, dialect.headerRow + 1);
	}
	// The scan reads line breaks the way DuckDB will; it settles a sample that was too short to tell.
	if (scan.newlines.size === 1) dialect = { ...dialect, newline: [...scan.newlines][0] };
	return { utf8, sampleText, dialect, scan, newlineKinds, deferred };
}

/**
 * The full scan of a deferred layout; null when it finds a reason to scan first and read again. In the
 * browser it runs in a worker (scan-off-thread.ts): seconds at a million rows, the page stays responsive.
 */
export async function finishScan(layout: FileLayout): Promise<FileLayout | null> {
	if (!layout.deferred) return layout;
	const { utf8, dialect } = layout;
	const scan = await scanOffThread(utf8, dialect.delimiter, dialect.headerRow + 1);
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
	const truncated = layout.utf8.length > SAMPLE_BYTES;
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
