/**
 * Just enough ZIP to open an .xlsx: the central directory, stored and deflated entries. Inflating uses
 * the platform's `DecompressionStream('deflate-raw')` (browsers, workers and Node ≥ 20.12), so no
 * decompressor ships with the site.
 */
import { workbookError } from './errors';

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	size: number;
	localOffset: number;
	encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (detail: string) => workbookError('xlsx_corrupt', detail);

export function readCentralDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
		if (view.getUint32(i, true) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw corrupt('no ZIP end-of-central-directory record');
	const count = view.getUint16(eocd + 10, true);
	let p = view.getUint32(eocd + 16, true);
	if (count === 0xffff || p === 0xffffffff) throw corrupt('ZIP64 archives are not supported');
	const names = new TextDecoder('utf-8');
	const entries = new Map<string, ZipEntry>();
	for (let i = 0; i < count; i++) {
		if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
			throw corrupt('broken central directory');
		const nameLength = view.getUint16(p + 28, true);
		const extraLength = view.getUint16(p + 30, true);
		const commentLength = view.getUint16(p + 32, true);
		const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
		entries.set(name.replace(/\\/g, '/').replace(/^\//, ''), {
			name,
			encrypted: (view.getUint16(p + 8, true) & 1) === 1,
			method: view.getUint16(p + 10, true),
			compressedSize: view.getUint32(p + 20, true),
			size: view.getUint32(p + 24, true),
			localOffset: view.getUint32(p + 42, true)
		});
		p += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/** An entry's bytes as a stream of inflated chunks (read once, front to back). */
export function entryStream(bytes: Uint8Array, entry: ZipEntry): ReadableStream<Uint8Array> {
	if (entry.encrypted) throw workbookError('xlsx_encrypted', `${entry.name} is encrypted`);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
		throw corrupt(`no local header for ${entry.name}`);
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	const end = start + entry.compressedSize;
	if (end > bytes.length) throw corrupt(`${entry.name} is cut short`);
	// Typed as non-shared memory, which DecompressionStream requires (a workbook is never a SharedArrayBuffer).
	const slice = bytes.subarray(start, end) as Uint8Array<ArrayBuffer>;
	const raw = new ReadableStream<Uint8Array<ArrayBuffer>>({
		start(controller) {
			controller.enqueue(slice);
			controller.close();
		}
	});
	if (entry.method === 0) return raw;
	if (entry.method !== 8) throw corrupt(`${entry.name} uses compression method ${entry.method}`);
	return raw.pipeThrough(new DecompressionStream('deflate-raw'));
}

/** A whole entry as text (workbook, relationships, styles, shared strings). */
export async function entryText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
	try {
		return await new Response(entryStream(bytes, entry)).text();
	} catch (e) {
		if ((e as { code?: string }).code?.startsWith('xlsx_')) throw e;
		throw corrupt(`${entry.name} does not inflate: ${(e as Error).message}`);
	}
}
