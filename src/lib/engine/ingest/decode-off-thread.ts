/**
 * `decodeFile` in the ingest worker for a big file that needs decoding (Shift_JIS, windows-1252,
 * UTF-16): decoding 50 MB of Shift_JIS takes seconds, and on the main thread the tab would freeze.
 * UTF-8 needs no decoding (the bytes are passed through), so it stays in place, as does everything in
 * Node and any file when the worker cannot start.
 */
import { detectEncoding } from './decode';
import { decodeFile, decodeOnDisk, HEAD_BYTES, SAMPLE_BYTES, type DecodedFile } from './decode-file';
import { decodeOnDiskInParts } from './decode-parts';
import { readBytes, type FileData } from './file-data';
import { IngestError } from './errors';
import { copyInSlices } from '../next-task';
import { canUseWorker, inWorker } from './scan-off-thread';
import type { Encoding } from './types';
import type { WorkerRequest } from './scan.worker';

export async function decodeFileOffThread(
	name: string,
	data: FileData,
	override?: Encoding
): Promise<DecodedFile> {
	if (data instanceof Uint8Array) return decodeBytesOffThread(name, data, override);
	// A file on disk: a small one is read; a big UTF-8 one stays there (only its first bytes are read);
	// any other is decoded by the worker, which reads it from disk itself: Shift_JIS and windows-1252 a
	// part at a time into a Blob (decode-parts.ts), UTF-16 whole.
	if (data.size <= SAMPLE_BYTES) return decodeBytesOffThread(name, await readBytes(name, data), override);
	const head = await readBytes(name, data, 0, HEAD_BYTES);
	const onDisk = decodeOnDisk(name, data, head, override);
	if (onDisk) return onDisk;
	const decoded = await decodeInWorker({ type: 'decode', name, bytes: data, override }, []);
	if (decoded) return decoded;
	// No worker (Node, or it could not start): the same, here.
	const read = (a: number, b: number) => readBytes(name, data, a, b);
	const inParts = await decodeOnDiskInParts(name, data.size, head, read, override);
	return inParts ?? decodeFile(name, await readBytes(name, data), override);
}

async function decodeBytesOffThread(
	name: string,
	bytes: Uint8Array,
	override?: Encoding
): Promise<DecodedFile> {
	if (!canUseWorker() || bytes.length <= SAMPLE_BYTES) return decodeFile(name, bytes, override);
	// Detection reads a prefix (a BOM, 4 KiB for UTF-16, up to 1 MiB for UTF-8): cheap enough here.
	if ((override ?? detectEncoding(bytes).encoding) === 'utf-8') return decodeFile(name, bytes, override);
	// The caller keeps its bytes (a re-map decodes them again): the worker gets a copy, transferred.
	const copy = await copyInSlices(bytes);
	const decoded = await decodeInWorker({ type: 'decode', name, bytes: copy, override }, [copy.buffer]);
	return decoded ?? decodeFile(name, bytes, override);
}

/** The worker's decode; null when no worker could do it (the caller decodes in place). */
async function decodeInWorker(request: WorkerRequest, transfer: Transferable[]): Promise<DecodedFile | null> {
	const reply = await inWorker(request, transfer);
	if (reply?.type === 'refused') {
		const { file, code, key, params } = reply.error;
		throw new IngestError(file, code, key, params);
	}
	return reply?.type === 'decoded' ? reply.file : null;
}
