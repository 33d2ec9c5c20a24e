/**
 * The record kept on the device for "Remember": its shape, and the check of what is read back. Anything
 * can be in the browser's storage (an older version, another tab mid-write, a user's devtools, a full
 * disk), so nothing read back is trusted: unreadable entries are counted and set aside, never loaded.
 */
import type { FileOverrides } from '$lib/engine/ingest/load';
import type { FileData } from '$lib/engine/ingest/file-data';

export interface StoredFile {
	name: string;
	/** The file's bytes, or (a big dropped file) its File: the browser's storage keeps either. */
	bytes: FileData;
	overrides?: FileOverrides;
}

/**
 * Version 2 carries the forget epoch it was written under: a tab that missed a "Forget all data" in
 * another tab writes an older epoch, and that record is discarded on restore instead of resurrected.
 * Version 1 was a bare array of files.
 */
export interface RememberedRecord {
	version: 2;
	epoch: number;
	files: StoredFile[];
}

/** What a restore found: the files to load, how many entries could not be read, and why. */
export interface ReadBack {
	files: StoredFile[];
	lost: number;
	/** 'missing': the flag was set but no record exists; 'corrupt': the record is not a record at all. */
	problem: 'missing' | 'corrupt' | 'stale' | null;
}

export function makeRecord(epoch: number, files: StoredFile[]): RememberedRecord {
	return {
		version: 2,
		epoch,
		files: files.map((f) => ({ name: f.name, bytes: f.bytes, overrides: f.overrides ?? {} }))
	};
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const ENCODINGS = new Set(['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'windows-1252']);
const KINDS = new Set(['leads', 'lead_history', 'activities', 'customers', 'spend']);

function readOverrides(v: unknown): FileOverrides | null {
	if (v === undefined || v === null) return {};
	if (!isObject(v)) return null;
	const out: FileOverrides = {};
	if (v.encoding !== undefined) {
		if (typeof v.encoding !== 'string' || !ENCODINGS.has(v.encoding)) return null;
		out.encoding = v.encoding as FileOverrides['encoding'];
	}
	if (v.kind !== undefined) {
		if (typeof v.kind !== 'string' || !KINDS.has(v.kind)) return null;
		out.kind = v.kind as FileOverrides['kind'];
	}
	if (v.columns !== undefined) {
		if (!isObject(v.columns) || Object.values(v.columns).some((c) => typeof c !== 'string')) return null;
		out.columns = { ...(v.columns as Record<string, string>) };
	}
	return out;
}

function readFile(v: unknown): StoredFile | null {
	if (!isObject(v)) return null;
	const { name, bytes } = v;
	if (typeof name !== 'string' || name === '' || name.length > 1000) return null;
	const data =
		bytes instanceof Uint8Array || (typeof Blob !== 'undefined' && bytes instanceof Blob)
			? bytes
			: bytes instanceof ArrayBuffer
				? new Uint8Array(bytes)
				: null;
	if (!data) return null;
	const overrides = readOverrides(v.overrides);
	return overrides ? { name, bytes: data, overrides } : null;
}

/** Checks a record read back from storage against the current forget epoch. */
export function readRecord(raw: unknown, epoch: number): ReadBack {
	if (raw === undefined || raw === null) return { files: [], lost: 0, problem: 'missing' };
	let entries: unknown[];
	if (Array.isArray(raw)) entries = raw;
	else if (isObject(raw) && raw.version === 2 && Array.isArray(raw.files)) {
		if (raw.epoch !== epoch) return { files: [], lost: raw.files.length, problem: 'stale' };
		entries = raw.files;
	} else return { files: [], lost: 0, problem: 'corrupt' };
	const files = entries.map(readFile).filter((f): f is StoredFile => f !== null);
	const lost = entries.length - files.length;
	return { files, lost, problem: lost ? 'corrupt' : null };
}
