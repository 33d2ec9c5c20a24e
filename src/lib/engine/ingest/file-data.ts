/**
 * A file as the pipeline is given it: its bytes in memory (Node, the demo, a workbook's sheet, a file
 * remembered on this device), or the `File` the user dropped, still on disk. A big UTF-8 file is never
 * read whole into the page: its sample is read with `slice`, the record scan reads it a part at a time
 * in a worker, and DuckDB's worker reads it from disk as it goes (`registerFileHandle`). At 10M leads
 * that is 844 MB the tab does not hold, twice (the page's copy and the scan worker's).
 */
import { IngestError } from './errors';

export type FileData = Uint8Array | Blob;

export const dataSize = (d: FileData): number => (d instanceof Uint8Array ? d.length : d.size);

/** Bytes `start`…`end` of the file: a view of bytes in memory, a new Blob of a file on disk. */
export const sliceData = (d: FileData, start: number, end: number): FileData =>
	d instanceof Uint8Array ? d.subarray(start, end) : d.slice(start, end);

/**
 * Bytes `start`…`end` in memory (the whole file without them). A file changed, moved or deleted since
 * it was dropped can no longer be read: that is said, with what to do.
 */
export async function readBytes(name: string, d: FileData, start = 0, end?: number): Promise<Uint8Array> {
	if (d instanceof Uint8Array) return d.subarray(start, end);
	try {
		return new Uint8Array(await d.slice(start, end).arrayBuffer());
	} catch {
		throw new IngestError(name, 'unreadable', 'file_changed', { name });
	}
}

/**
 * A dropped file bigger than this stays on disk (its File is kept, not its bytes); a smaller one is
 * read at once, so it can be re-mapped even after the export on disk is replaced.
 */
/**
 * The bytes left over from the part before (`rest`: a record or line not yet ended) followed by the
 * next part, for the passes that read a file a part at a time; `part` itself when nothing is left over.
 */
export function afterRest(rest: Uint8Array, part: Uint8Array): Uint8Array {
	if (!rest.length) return part;
	const data = new Uint8Array(rest.length + part.length);
	data.set(rest);
	data.set(part, rest.length);
	return data;
}

export const KEEP_ON_DISK_BYTES = 16 << 20;
