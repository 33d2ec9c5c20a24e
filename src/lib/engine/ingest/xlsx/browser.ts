/**
 * Read a workbook in the browser without freezing the page: a module worker per call does the work and
 * is ended afterwards. The reader itself loads only inside the worker, so importing this module adds
 * a few hundred bytes to the page.
 */
import type { WorkbookSheet } from './index';
import type { WorkbookReply, WorkbookRequest } from './worker';

export { isWorkbookError, type WorkbookError, type WorkbookErrorCode } from './errors';
export { workbookContainer } from './magic';
export type { WorkbookSheet } from './index';

export interface ReadWorkbookOptions {
	/** The fraction of sheet data read so far (0–1), at most every 1%. */
	onProgress?: (fraction: number) => void;
	/** Ends the worker; the promise rejects with an `AbortError`. */
	signal?: AbortSignal;
}

/**
 * Every sheet of an .xlsx that looks like a table, as UTF-8 CSV. `bytes` is transferred to the worker,
 * so its buffer is detached (empty) for the caller afterwards. Rejects with an Error whose `code` is
 * `xlsx_encrypted`, `xlsx_corrupt` or `xlsx_empty` for a file that cannot be read, or without a code
 * when the worker itself could not start.
 */
export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): Promise<WorkbookSheet[]> {
	const { onProgress, signal } = options;
	if (signal?.aborted) return Promise.reject(signal.reason);
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	return new Promise<WorkbookSheet[]>((resolve, reject) => {
		const end = () => {
			worker.terminate();
			signal?.removeEventListener('abort', abort);
		};
		const abort = () => {
			end();
			reject(signal?.reason ?? new DOMException('The workbook read was aborted', 'AbortError'));
		};
		signal?.addEventListener('abort', abort, { once: true });
		worker.onmessage = (e: MessageEvent<WorkbookReply>) => {
			const reply = e.data;
			if (reply.type === 'progress') return onProgress?.(reply.fraction);
			end();
			if (reply.type === 'done') resolve(reply.sheets);
			else if (reply.code)
				reject(Object.assign(new Error(reply.message), { code: reply.code, params: reply.params ?? {} }));
			else reject(new Error(reply.message));
		};
		worker.onerror = (e) => {
			end();
			reject(new Error(`the workbook reader did not start: ${e.message || 'worker error'}`));
		};
		const request: WorkbookRequest = { bytes };
		const transfer = bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
		worker.postMessage(request, transfer);
	});
}
