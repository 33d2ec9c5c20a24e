/**
 * `scanRecords` in a module worker when the page has one (the browser), so a big file's full scan does
 * not freeze the tab; in place elsewhere (Node: the report command, tests). If the worker cannot start,
 * the scan runs in place: slower to respond, the same result.
 */
import { scanRecords, type RecordScan } from './scan';
import type { ScanReply, ScanRequest } from './scan.worker';
import type { Delimiter } from './types';

export async function scanOffThread(
	data: Uint8Array,
	delimiter: Delimiter,
	keepStarts: number
): Promise<RecordScan> {
	if (typeof window === 'undefined' || typeof Worker === 'undefined')
		return scanRecords(data, delimiter, keepStarts);
	let worker: Worker;
	try {
		worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return scanRecords(data, delimiter, keepStarts);
	}
	// The caller keeps its bytes (they are read again, and DuckDB reads them meanwhile): the worker gets
	// a copy of exactly these bytes (one memcpy), its buffer transferred rather than cloned once more.
	const copy = data.slice();
	const reply = await new Promise<ScanReply>((resolve) => {
		worker.onmessage = (e: MessageEvent<ScanReply>) => resolve(e.data);
		worker.onerror = (e) => resolve({ type: 'error', message: e.message || 'worker error' });
		const request: ScanRequest = { data: copy, delimiter, keepStarts };
		worker.postMessage(request, [copy.buffer]);
	}).finally(() => worker.terminate());
	return reply.type === 'done' ? reply.scan : scanRecords(data, delimiter, keepStarts);
}
