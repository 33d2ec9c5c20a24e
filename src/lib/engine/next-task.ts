/**
 * Letting the page breathe during a load: the main thread hands control back between steps, and big
 * copies are made a slice at a time, so no single task runs long enough to freeze the tab (issue 16:
 * no main-thread task over 100 ms). In Node the same code just runs, a few timer turns slower.
 */

/** Bytes copied per task: a few milliseconds of memcpy. */
const SLICE_BYTES = 8 << 20;

/** Resolves in a later task (`scheduler.yield` where the browser has it, else a timer). */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A copy of `data` with its own buffer, made SLICE_BYTES per task. */
export async function copyInSlices(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
	const copy = new Uint8Array(data.length);
	for (let i = 0; i < data.length; i += SLICE_BYTES) {
		if (i > 0) await nextTask();
		copy.set(data.subarray(i, i + SLICE_BYTES), i);
	}
	return copy;
}

/**
 * A Blob holding `data`, built SLICE_BYTES per task: `new Blob([bytes])` copies them in one go (a third
 * of a second for 80 MB on a busy machine), while a Blob made of Blobs only refers to its parts.
 */
export async function blobInSlices(data: Uint8Array): Promise<Blob> {
	const parts: Blob[] = [];
	for (let i = 0; i < data.length; i += SLICE_BYTES) {
		if (i > 0) await nextTask();
		parts.push(new Blob([data.subarray(i, i + SLICE_BYTES) as Uint8Array<ArrayBuffer>]));
	}
	return new Blob(parts);
}
