/**
 * `scanRecords` in a module worker when the page has one (the browser), so a big file's full scan does
 * not freeze the tab; in place elsewhere (Node: the report command, tests). If the worker cannot start,
 * the scan runs in place: slower to respond, the same result.
 */
import { copyInSlices } from '../next-task';
import { readBytes, type FileData } from './file-data';
import { scanInParts, scanRecords, type RecordScan } from './scan';
import type { WorkerReply, WorkerRequest } from './scan.worker';
import type { Delimiter } from './types';

/** Whether this thread can hand work to a module worker (a page; not Node). */
export const canUseWorker = () => typeof window !== 'undefined' && typeof Worker !== 'undefined';

/**
 * Runs one request in a fresh ingest worker (scan.worker.ts) and resolves to its reply; null when no
 * worker could start or it failed (the caller then does the work in place).
 */
export async function inWorker(
	request: WorkerRequest,
	transfer: Transferable[]
): Promise<WorkerReply | null> {
	if (!canUseWorker()) return null;
	let worker: Worker;
	try {
		worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return null;
	}
	const reply = await new Promise<WorkerReply>((resolve) => {
		worker.onmessage = (e: MessageEvent<WorkerReply>) => resolve(e.data);
		worker.onerror = (e) => resolve({ type: 'error', message: e.message || 'worker error' });
		worker.postMessage(request, transfer);
	}).finally(() => worker.terminate());
	return reply.type === 'error' ? null : reply;
}

/** The record scan of `data`; a file on disk is read a part at a time (by the worker, if there is one). */
export async function scanOffThread(
	name: string,
	data: FileData,
	delimiter: Delimiter,
	keepStarts: number,
	cutEvery = Infinity
): Promise<RecordScan> {
	if (!(data instanceof Uint8Array)) {
		// The worker is given the File (a reference, not its bytes) and reads it a part at a time.
		const reply = await inWorker({ type: 'scan', data, delimiter, keepStarts, cutEvery }, []);
		if (reply?.type === 'scanned') return reply.scan;
		const read = (a: number, b: number) => readBytes(name, data, a, b);
		return scanInParts(data.size, delimiter, keepStarts, read, cutEvery);
	}
	if (!canUseWorker()) return scanRecords(data, delimiter, keepStarts, cutEvery);
	// The caller keeps its bytes (they are read again, and DuckDB reads them meanwhile): the worker gets
	// a copy of exactly these bytes, made a slice per task, its buffer transferred rather than cloned.
	const copy = await copyInSlices(data);
	const reply = await inWorker({ type: 'scan', data: copy, delimiter, keepStarts, cutEvery }, [copy.buffer]);
	return reply?.type === 'scanned' ? reply.scan : scanRecords(data, delimiter, keepStarts, cutEvery);
}
