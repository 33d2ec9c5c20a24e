/**
 * The output files and how they are written: each file's name, encoding, BOM
 * and line ending (FILES), and RowSink, which buffers rows and writes them
 * CHUNK_ROWS at a time with writeSync (memory stays at one chunk, and a
 * synchronous write cannot outrun the disk) while hashing the intended text,
 * so the verification can compare it with the decoded file.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { encodeShiftJis } from '../shift-jis';

const CHUNK_ROWS = 10_000;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/**
 * Buffers rows and writes them CHUNK_ROWS at a time with writeSync: memory
 * stays at one chunk, and a synchronous write cannot outrun the disk
 * (no backpressure to manage). Hashes the text it was asked to write, so the
 * file can later be decoded and compared with what was intended.
 */
class RowSink {
	private readonly fd: number;
	private readonly hash: Hash = createHash('sha256');
	private rows: string[] = [];
	bytes = 0;

	constructor(
		readonly path: string,
		private readonly encode: (text: string) => Uint8Array,
		private readonly eol: string,
		prefix?: Uint8Array
	) {
		this.fd = openSync(path, 'w');
		if (prefix) this.writeBytes(prefix);
	}

	write(row: string): void {
		this.rows.push(row);
		if (this.rows.length >= CHUNK_ROWS) this.flush();
	}

	/** Closes the file; returns the sha256 of the intended text (without any BOM). */
	close(): string {
		this.flush();
		closeSync(this.fd);
		return this.hash.digest('hex');
	}

	private flush(): void {
		if (this.rows.length === 0) return;
		const text = this.rows.join(this.eol) + this.eol;
		this.rows = [];
		this.hash.update(text, 'utf8');
		this.writeBytes(this.encode(text));
	}

	private writeBytes(bytes: Uint8Array): void {
		for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
		this.bytes += bytes.length;
	}
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

export interface FileSpec {
	name: string;
	encoding: 'utf-8' | 'shift_jis';
	bom: boolean;
	eol: '\r\n' | '\n';
}

export const FILES = {
	leads: { name: 'leads.csv', encoding: 'utf-8', bom: true, eol: '\r\n' },
	activities: { name: 'activities.csv', encoding: 'shift_jis', bom: false, eol: '\r\n' },
	customers: { name: 'customers.csv', encoding: 'utf-8', bom: false, eol: '\n' },
	spend: { name: 'spend.csv', encoding: 'utf-8', bom: false, eol: '\n' }
} as const satisfies Record<string, FileSpec>;

export function openSink(dir: string, spec: FileSpec): RowSink {
	const encode = spec.encoding === 'shift_jis' ? encodeShiftJis : utf8;
	return new RowSink(join(dir, spec.name), encode, spec.eol, spec.bom ? UTF8_BOM : undefined);
}

/** Intended-text hash per written file, checked against the decoded file later. */
export type Written = Map<FileSpec, string>;
