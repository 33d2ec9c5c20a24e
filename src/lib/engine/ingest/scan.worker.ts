/**
 * The seconds-long steps of a big file's ingestion off the main thread: the full record scan and the
 * decode of a legacy-encoded (Shift_JIS, windows-1252, UTF-16) file. At a million rows each is seconds
 * of work during which the page would not respond (see scan-off-thread.ts, decode-off-thread.ts).
 */
import { decodeFile, type DecodedFile } from './decode-file';
import { IngestError } from './errors';
import { scanRecords, type RecordScan } from './scan';
import type { Delimiter, Encoding } from './types';

export type WorkerRequest =
	| { type: 'scan'; data: Uint8Array; delimiter: Delimiter; keepStarts: number }
	| { type: 'decode'; name: string; bytes: Uint8Array; override?: Encoding };

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

scope.onmessage = (e) => {
	const request = e.data;
	try {
		if (request.type === 'scan') {
			const { data, delimiter, keepStarts } = request;
			scope.postMessage({ type: 'scanned', scan: scanRecords(data, delimiter, keepStarts) });
			return;
		}
		const file = decodeFile(request.name, request.bytes, request.override);
		// The decoded text goes back without a copy; the bytes it came from stay here and are freed.
		scope.postMessage({ type: 'decoded', file }, [file.utf8.buffer]);
	} catch (err) {
		if (err instanceof IngestError) {
			const { file, code, key, params } = err;
			scope.postMessage({ type: 'refused', error: { file, code, key, params } });
		} else scope.postMessage({ type: 'error', message: (err as Error).message });
	}
};
