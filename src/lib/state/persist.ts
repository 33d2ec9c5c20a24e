/**
 * "Remember on this device" (opt-in): the loaded files and their mapping overrides are kept in this
 * browser's IndexedDB, so a bookmark opened after a restart shows its data. Nothing leaves the device.
 * Quota and availability errors are returned as `{ code, params }` messages, never thrown at the user.
 * The data store sees only the `Persistence` interface, so it can run without a browser (tests, SSR).
 */
import type { FileOverrides } from '$lib/engine/ingest/load';
import { parseMappingFile } from '$lib/engine/ingest/detect';
import type { MappingFile } from '$lib/engine/ingest/types';
import type { Message } from '$lib/i18n/messages';

export interface StoredFile {
	name: string;
	bytes: Uint8Array;
	overrides?: FileOverrides;
}

const FLAG = 'modelboard.remember';
const DB = 'modelboard';
const STORE = 'files';

export function isRemembering(): boolean {
	try {
		return localStorage.getItem(FLAG) === '1';
	} catch {
		return false;
	}
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
	});
}

function tx<T>(
	db: IDBDatabase,
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T> | void
): Promise<T | undefined> {
	return new Promise((resolve, reject) => {
		const t = db.transaction(STORE, mode);
		const req = fn(t.objectStore(STORE));
		t.oncomplete = () => resolve(req ? req.result : undefined);
		t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
		t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
	});
}

export type PersistError = Message<'persist.quota' | 'persist.failed'>;

function describe(e: unknown): PersistError {
	const err = e as DOMException;
	if (err?.name === 'QuotaExceededError') return { code: 'persist.quota' };
	return { code: 'persist.failed', params: { reason: err?.message ?? String(e) } };
}

/** Replaces what is stored with `files`. Returns an error message, or null on success. */
export async function saveFiles(files: StoredFile[]): Promise<PersistError | null> {
	try {
		const db = await open();
		await tx(db, 'readwrite', (s) => s.clear());
		await tx(db, 'readwrite', (s) =>
			s.put(
				files.map((f) => ({ name: f.name, bytes: f.bytes, overrides: f.overrides ?? {} })),
				'all'
			)
		);
		db.close();
		return null;
	} catch (e) {
		return describe(e);
	}
}

export async function loadFiles(): Promise<StoredFile[]> {
	try {
		const db = await open();
		const all = (await tx(db, 'readonly', (s) => s.get('all'))) as StoredFile[] | undefined;
		db.close();
		return all ?? [];
	} catch {
		return [];
	}
}

export async function forgetFiles(): Promise<void> {
	try {
		const db = await open();
		await tx(db, 'readwrite', (s) => s.clear());
		db.close();
	} catch {
		/* nothing stored, nothing to forget */
	}
}

export async function setRemembering(on: boolean, files: StoredFile[]): Promise<PersistError | null> {
	try {
		if (on) localStorage.setItem(FLAG, '1');
		else localStorage.removeItem(FLAG);
	} catch (e) {
		return describe(e);
	}
	if (!on) {
		await forgetFiles();
		return null;
	}
	return saveFiles(files);
}

/** On start-up: reload the remembered files, if the user opted in. */
export async function restoreRemembered(data: {
	addFiles(files: StoredFile[]): Promise<void>;
}): Promise<void> {
	if (!isRemembering()) return;
	const files = await loadFiles();
	if (files.length) await data.addFiles(files);
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
	setRemembering(on: boolean, files: StoredFile[]): Promise<PersistError | null>;
	saveFiles(files: StoredFile[]): Promise<PersistError | null>;
	forgetFiles(): Promise<void>;
	loadMappings(): MappingFile;
	storeMappings(file: MappingFile): void;
}

/** This browser's IndexedDB and localStorage. */
export const browserPersistence: Persistence = {
	isRemembering,
	setRemembering,
	saveFiles,
	forgetFiles,
	loadMappings,
	storeMappings
};

/** Remembers nothing (no browser storage): for the server render and for tests. */
export const noPersistence: Persistence = {
	isRemembering: () => false,
	setRemembering: async () => null,
	saveFiles: async () => null,
	forgetFiles: async () => {},
	loadMappings: () => ({ version: 1, mappings: [] }),
	storeMappings: () => {}
};
