/**
 * The seconds-long steps of a big file's ingestion off the main thread: the full record scan and the
 * decode of a legacy-encoded (Shift_JIS, windows-1252, UTF-16) file. At a million rows each is seconds
 * of work during which the page would not respond (see scan-off-thread.ts, decode-off-thread.ts).
 */
import { decodeFile, HEAD_BYTES, type DecodedFile } from './decode-file';
import { decodeOnDiskInParts } from './decode-parts';
import { IngestError } from './errors';
import { scanInParts, scanRecords, type RecordScan } from './scan';
import type { FileData } from './file-data';
import type { Delimiter, Encoding } from './types';

/** A file on disk is sent as its File (a reference) and read here: whole to decode, in parts to scan. */
export type WorkerRequest =
	| { type: 'scan'; data: FileData; delimiter: Delimiter; keepStarts: number; cutEvery: number }
	| { type: 'decode'; name: string; bytes: FileData; override?: Encoding };

/** An IngestError's fields: the error itself does not survive the trip between threads. */
export type RefusedFile = Pick<IngestError, 'file' | 'code' | 'key' | 'params'>;

export type WorkerReply =
	| { type: 'scanned'; scan: RecordScan }
	| { type: 'decoded'; file: DecodedFile }
	| { type: 'refused'; error: RefusedFile }
	| { type: 'error'; message: string };

/** The dedicated-worker side of `self`, typed here because the project compiles against the DOM lib. */
const scope = self as unknown as {
	onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
};

/** FileReaderSync exists in workers only; the project compiles against the DOM lib. */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

/** Bytes of a file on disk, read synchronously (a worker may). */
const readSync = (blob: Blob, start = 0, end = blob.size) =>
	new Uint8Array(new FileReaderSync().readAsArrayBuffer(blob.slice(start, end)));

scope.onmessage = async (e) => {
	const request = e.data;
	try {
		if (request.type === 'scan') {
			const { data, delimiter, keepStarts, cutEvery } = request;
			const scan =
				data instanceof Uint8Array
					? scanRecords(data, delimiter, keepStarts, cutEvery)
					: await scanInParts(data.size, delimiter, keepStarts, (a, b) => readSync(data, a, b), cutEvery);
			scope.postMessage({ type: 'scanned', scan });
			return;
		}
		const { name, bytes: data, override } = request;
		if (!(data instanceof Uint8Array)) {
			// A file on disk in Shift_JIS or windows-1252 is decoded a part at a time (decode-parts.ts).
			const head = readSync(data, 0, HEAD_BYTES);
			const read = (a: number, b: number) => readSync(data, a, b);
			const file = await decodeOnDiskInParts(name, data.size, head, read, override);
			if (file) {
				scope.postMessage({ type: 'decoded', file });
				return;
			}
		}
		const bytes = data instanceof Uint8Array ? data : readSync(data);
		const file = decodeFile(name, bytes, override);
		// The decoded text goes back without a copy; the bytes it came from stay here and are freed.
		scope.postMessage({ type: 'decoded', file }, [file.utf8.buffer]);
	} catch (err) {
		if (err instanceof IngestError) {
			const { file, code, key, params } = err;
			scope.postMessage({ type: 'refused', error: { file, code, key, params } });
		} else scope.postMessage({ type: 'error', message: (err as Error).message });
	}
};
