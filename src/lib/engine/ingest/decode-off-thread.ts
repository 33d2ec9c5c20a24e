/**
 * `decodeFile` in the ingest worker for a big file that needs decoding (Shift_JIS, windows-1252,
 * UTF-16): decoding 50 MB of Shift_JIS takes seconds, and on the main thread the tab would freeze.
 * UTF-8 needs no decoding (the bytes are passed through), so it stays in place, as does everything in
 * Node and any file when the worker cannot start.
 */
import { detectEncoding } from './decode';
import { decodeFile, SAMPLE_BYTES, type DecodedFile } from './decode-file';
import { IngestError } from './errors';
import { copyInSlices } from '../next-task';
import { canUseWorker, inWorker } from './scan-off-thread';
import type { Encoding } from './types';

export async function decodeFileOffThread(
	name: string,
	bytes: Uint8Array,
	override?: Encoding
): Promise<DecodedFile> {
	if (!canUseWorker() || bytes.length <= SAMPLE_BYTES) return decodeFile(name, bytes, override);
	// Detection reads a prefix (a BOM, 4 KiB for UTF-16, up to 1 MiB for UTF-8): cheap enough here.
	if ((override ?? detectEncoding(bytes).encoding) === 'utf-8') return decodeFile(name, bytes, override);
	// The caller keeps its bytes (a re-map decodes them again): the worker gets a copy, transferred.
	const copy = await copyInSlices(bytes);
	const reply = await inWorker({ type: 'decode', name, bytes: copy, override }, [copy.buffer]);
	if (reply?.type === 'decoded') return reply.file;
	if (reply?.type === 'refused') {
		const { file, code, key, params } = reply.error;
		throw new IngestError(file, code, key, params);
	}
	return decodeFile(name, bytes, override);
}
