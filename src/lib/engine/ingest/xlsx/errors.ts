/** Why a workbook could not be read; the caller turns the code into a message in the user's language. */
export type WorkbookErrorCode = 'xlsx_encrypted' | 'xlsx_corrupt' | 'xlsx_empty';

export interface WorkbookError extends Error {
	code: WorkbookErrorCode;
	params: { name?: string };
}

export function workbookError(code: WorkbookErrorCode, detail: string, params: { name?: string } = {}) {
	return Object.assign(new Error(`${code}: ${detail}`), { code, params }) as WorkbookError;
}

export function isWorkbookError(e: unknown): e is WorkbookError {
	return (
		e instanceof Error &&
		typeof (e as Partial<WorkbookError>).code === 'string' &&
		(e as WorkbookError).code.startsWith('xlsx_')
	);
}
