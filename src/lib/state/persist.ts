/**
 * "Remember on this device" (opt-in): the loaded files and their mapping overrides are kept in this
 * browser's IndexedDB, so a bookmark opened after a restart shows its data. Nothing leaves the device.
 * Quota and availability errors are returned as `{ code, params }` messages, never thrown at the user.
 * The data store sees only the `Persistence` interface, so it can run without a browser (tests, SSR).
 */
import { parseMappingFile } from '$lib/engine/ingest/mapping-file';
import type { MappingFile } from '$lib/engine/ingest/types';
import type { Message } from '$lib/i18n/messages';
import { makeRecord, readRecord, type ReadBack, type StoredFile } from './persist-record';

export type { ReadBack, StoredFile } from './persist-record';

const FLAG = 'modelboard.remember';
/** Bumped by every "Forget all data": a tab that saw an older value must not write its copy back. */
const EPOCH = 'modelboard.epoch';
const DB = 'modelboard';
const STORE = 'files';
const KEY = 'all';

export function isRemembering(): boolean {
	try {
		return localStorage.getItem(FLAG) === '1';
	} catch {
		return false;
	}
}

function currentEpoch(): number {
	try {
		return Number(localStorage.getItem(EPOCH) ?? 0) || 0;
	} catch {
		return 0;
	}
}

/** The epoch this tab last agreed to (at start-up, or when the user ticked "Remember" here). */
let knownEpoch = currentEpoch();

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
	});
}

async function tx<T>(
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T> | void
): Promise<T | undefined> {
	const db = await open();
	try {
		return await new Promise((resolve, reject) => {
			const t = db.transaction(STORE, mode);
			const req = fn(t.objectStore(STORE));
			t.oncomplete = () => resolve(req ? req.result : undefined);
			t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
			t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
		});
	} finally {
		db.close();
	}
}

export type PersistError = Message<'persist.quota' | 'persist.failed' | 'persist.forgottenElsewhere'>;

function describe(e: unknown): PersistError {
	const err = e as DOMException;
	if (err?.name === 'QuotaExceededError') return { code: 'persist.quota' };
	return { code: 'persist.failed', params: { reason: err?.message ?? String(e) } };
}

/**
 * Replaces what is stored with `files`, in one transaction (a quota failure keeps the previous record).
 * Refused when another tab forgot the data since this tab agreed to remember it.
 */
export async function saveFiles(files: StoredFile[]): Promise<PersistError | null> {
	if (!isRemembering() || currentEpoch() !== knownEpoch) return { code: 'persist.forgottenElsewhere' };
	try {
		await tx('readwrite', (s) => s.put(makeRecord(knownEpoch, files), KEY));
		return null;
	} catch (e) {
		return describe(e);
	}
}

/** Forgets everywhere: the flag, the record, and (through the epoch) any other tab's pending copy. */
export async function forgetFiles(): Promise<void> {
	try {
		knownEpoch = currentEpoch() + 1;
		localStorage.setItem(EPOCH, String(knownEpoch));
		localStorage.removeItem(FLAG);
	} catch {
		/* storage disabled: nothing was remembered */
	}
	try {
		await tx('readwrite', (s) => s.clear());
	} catch {
		/* nothing stored, nothing to forget */
	}
}

export async function setRemembering(on: boolean, files: StoredFile[]): Promise<PersistError | null> {
	if (!on) {
		await forgetFiles();
		return null;
	}
	try {
		localStorage.setItem(FLAG, '1');
		knownEpoch = currentEpoch();
	} catch (e) {
		return describe(e);
	}
	return saveFiles(files);
}

/** On start-up: what was remembered, checked (null when the user did not opt in). */
export async function restore(): Promise<ReadBack | null> {
	if (!isRemembering()) return null;
	knownEpoch = currentEpoch();
	let raw: unknown;
	try {
		raw = await tx('readonly', (s) => s.get(KEY));
	} catch {
		return { files: [], lost: 0, problem: 'missing' };
	}
	const back = readRecord(raw, knownEpoch);
	if (back.problem === 'stale') await tx('readwrite', (s) => s.delete(KEY)).catch(() => {});
	return back;
}

/** Calls `fn` when another tab forgets the data (the storage event fires in the other tabs only). */
export function onForgotten(fn: () => void): () => void {
	if (typeof window === 'undefined') return () => {};
	const listener = (e: StorageEvent) => {
		if (e.key === EPOCH || (e.key === FLAG && e.newValue === null) || e.key === null) fn();
	};
	window.addEventListener('storage', listener);
	return () => window.removeEventListener('storage', listener);
}

const MAPPINGS = 'modelboard.mappings';

/** The user's column mappings (header names only, never data), remembered for same-header files. */
export function loadMappings(): MappingFile {
	try {
		const text = localStorage.getItem(MAPPINGS);
		return text ? parseMappingFile(JSON.parse(text)) : { version: 1, mappings: [] };
	} catch {
		return { version: 1, mappings: [] };
	}
}

export function storeMappings(file: MappingFile): void {
	try {
		if (file.mappings.length) localStorage.setItem(MAPPINGS, JSON.stringify(file));
		else localStorage.removeItem(MAPPINGS);
	} catch {
		/* storage full or disabled: the mapping still applies for this session */
	}
}

/** What the data store needs from storage: the remembered files, the flag and the saved mappings. */
export interface Persistence {
	isRemembering(): boolean;
	restore(): Promise<ReadBack | null>;
	onForgotten(fn: () => void): () => void;
	setRemembering(on: boolean, files: StoredFile[]): Promise<PersistError | null>;
	saveFiles(files: StoredFile[]): Promise<PersistError | null>;
	forgetFiles(): Promise<void>;
	loadMappings(): MappingFile;
	storeMappings(file: MappingFile): void;
}

/** This browser's IndexedDB and localStorage. */
export const browserPersistence: Persistence = {
	isRemembering,
	restore,
	onForgotten,
	setRemembering,
	saveFiles,
	forgetFiles,
	loadMappings,
	storeMappings
};

/** Remembers nothing (no browser storage): for the server render and for tests. */
export const noPersistence: Persistence = {
	isRemembering: () => false,
	restore: async () => null,
	onForgotten: () => () => {},
	setRemembering: async () => null,
	saveFiles: async () => null,
	forgetFiles: async () => {},
	loadMappings: () => ({ version: 1, mappings: [] }),
	storeMappings: () => {}
};
