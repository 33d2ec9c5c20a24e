/**
 * Reading the written files back, independently of the generator (only the
 * files are used): a fatal-decoding line reader that checks the BOM and line
 * endings and hashes the decoded text, the VerificationError that check()
 * throws, and small parsers for dates and vocabulary values.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { FileSpec } from './sink';

export class VerificationError extends Error {}

export function check(condition: boolean, message: () => string): void {
	if (!condition) throw new VerificationError(message());
}

/**
 * Streams a file's lines through a fatal TextDecoder, checking the BOM and
 * line endings, and returns the sha256 of the decoded text: equal to the
 * writer's hash means the file decodes back to exactly the intended text.
 */
export function forEachLine(
	path: string,
	spec: FileSpec,
	onLine: (line: string, lineNo: number) => void
): string {
	const fd = openSync(path, 'r');
	const buffer = new Uint8Array(1 << 20);
	const decoder = new TextDecoder(spec.encoding, { fatal: true, ignoreBOM: true });
	const hash = createHash('sha256');
	let carry = '';
	let lineNo = 0;
	let first = true;
	const take = (text: string): void => {
		hash.update(text, 'utf8');
		const parts = (carry + text).split('\n');
		carry = parts.pop() ?? '';
		for (const part of parts) onLine(stripEol(part, spec, ++lineNo), lineNo);
	};
	try {
		for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
			let bytes = buffer.subarray(0, n);
			if (first) {
				const hasBom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
				check(hasBom === spec.bom, () => `${spec.name}: BOM ${hasBom ? 'present' : 'missing'}`);
				if (hasBom) bytes = bytes.subarray(3);
				first = false;
			}
			take(decoder.decode(bytes, { stream: true }));
		}
		take(decoder.decode());
	} finally {
		closeSync(fd);
	}
	check(carry === '', () => `${spec.name}: last line has no line ending`);
	return hash.digest('hex');
}

function stripEol(line: string, spec: FileSpec, lineNo: number): string {
	const crlf = line.endsWith('\r');
	check(crlf === (spec.eol === '\r\n'), () => `${spec.name}:${lineNo}: wrong line ending`);
	const body = crlf ? line.slice(0, -1) : line;
	check(!body.includes('\r') && !body.includes('"'), () => `${spec.name}:${lineNo}: stray CR or quote`);
	return body;
}

/** `2025/04/01` → day number; null for ''. Parsed here, not with the generator's helpers. */
export function parseDay(text: string, where: string): number | null {
	if (text === '') return null;
	const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
	check(m !== null, () => `${where}: bad date "${text}"`);
	const [, y, mo, d] = m as RegExpExecArray;
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
	check(new Date(ms).getUTCDate() === Number(d), () => `${where}: impossible date "${text}"`);
	return ms / 86_400_000;
}

export function indexOf<T extends string>(names: readonly T[], value: string, where: string): number {
	const i = (names as readonly string[]).indexOf(value);
	check(i >= 0, () => `${where}: unexpected value "${value}"`);
	return i;
}

export const add = (map: Map<string, number>, key: string): void => {
	map.set(key, (map.get(key) ?? 0) + 1);
};
