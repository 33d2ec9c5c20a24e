/**
 * The record scan of a big file off the main thread: at a million rows it is seconds of work, during
 * which the page would not respond (see scan-off-thread.ts).
 */
import { scanRecords, type RecordScan } from './scan';
import type { Delimiter } from './types';

export interface ScanRequest {
	data: Uint8Array;
	delimiter: Delimiter;
	keepStarts: number;
}

export type ScanReply = { type: 'done'; scan: RecordScan } | { type: 'error'; message: string };

/** The dedicated-worker side of `self`, typed here because the project compiles against the DOM lib. */
const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ScanRequest>) => void) | null;
	postMessage(reply: ScanReply): void;
};

scope.onmessage = (e) => {
	try {
		const { data, delimiter, keepStarts } = e.data;
		scope.postMessage({ type: 'done', scan: scanRecords(data, delimiter, keepStarts) });
	} catch (err) {
		scope.postMessage({ type: 'error', message: (err as Error).message });
	}
};
