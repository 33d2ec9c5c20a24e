/**
 * The workbook reader off the main thread: a 100k-row sheet takes seconds to turn into CSV, and the page
 * must keep responding meanwhile. The reader is imported on the first message, so starting the worker
 * costs almost nothing.
 */
import type { WorkbookSheet } from './index';
import type { WorkbookErrorCode } from './errors';

export interface WorkbookRequest {
	bytes: Uint8Array;
}

export type WorkbookReply =
	| { type: 'progress'; fraction: number }
	| { type: 'done'; sheets: WorkbookSheet[] }
	| { type: 'error'; message: string; code?: WorkbookErrorCode; params?: { name?: string } };

/** The dedicated-worker side of `self`, typed here because the project compiles against the DOM lib. */
const scope = self as unknown as {
	onmessage: ((e: MessageEvent<WorkbookRequest>) => void) | null;
	postMessage(reply: WorkbookReply, transfer?: Transferable[]): void;
};

/** Progress at most every 1% so the page is not flooded with messages. */
const STEP = 0.01;

scope.onmessage = async (e) => {
	let shown = 0;
	try {
		const { workbookToCsv, isWorkbookError } = await import('./index');
		try {
			const sheets = await workbookToCsv(e.data.bytes, {
				onProgress: (fraction) => {
					if (fraction - shown < STEP) return;
					shown = fraction;
					scope.postMessage({ type: 'progress', fraction });
				}
			});
			scope.postMessage(
				{ type: 'done', sheets },
				sheets.map((s) => s.csv.buffer as ArrayBuffer)
			);
		} catch (err) {
			if (isWorkbookError(err)) {
				scope.postMessage({ type: 'error', message: err.message, code: err.code, params: err.params });
			} else {
				// Anything else the reader trips on means a part it cannot make sense of: a damaged file.
				scope.postMessage({
					type: 'error',
					message: String((err as Error)?.message ?? err),
					code: 'xlsx_corrupt'
				});
			}
		}
	} catch (err) {
		scope.postMessage({
			type: 'error',
			message: `the workbook reader did not load: ${(err as Error)?.message}`
		});
	}
};
