/**
 * A dataset: the files loaded so far and the canonical tables built from them. Files are added one after
 * another, replaced, remapped or removed; a file that fails leaves everything loaded before it intact
 * (its own tables are dropped, the canonical tables are only rebuilt after a success, in a transaction).
 */
import type { Db } from '../db/types';
import { CANONICAL_DDL, emptyMeta, type DatasetMeta } from '../schema';
import {
	IngestError,
	isOutOfMemory,
	loadFile,
	tooLarge,
	type FileOverrides,
	type IngestContext,
	type LoadedFile
} from './load';
import { dropFileTables, rebuildCanonical } from './merge';
import { VALUE_MACROS } from './values-sql';

/** First line of an engine error, for a user-facing message. */
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export class Dataset {
	private nextId = 1;
	private ready: Promise<void>;
	/**
	 * Operations run one at a time: two files dropped together would otherwise interleave their loads
	 * and rebuilds on the one connection (and a rebuild's transaction cannot nest in another's).
	 */
	private queue: Promise<unknown> = Promise.resolve();
	files: LoadedFile[] = [];
	meta: DatasetMeta = emptyMeta();

	constructor(
		readonly db: Db,
		public ctx: IngestContext
	) {
		this.ready = (async () => {
			await db.exec(VALUE_MACROS);
			await db.exec(CANONICAL_DDL);
		})();
	}

	private serial<T>(op: () => Promise<T>): Promise<T> {
		const run = this.queue.then(async () => {
			await this.ready;
			return op();
		});
		this.queue = run.catch(() => {});
		return run;
	}

	/** Loads one file and rebuilds the canonical tables. Throws `IngestError` with a user-facing message. */
	add(
		name: string,
		bytes: Uint8Array,
		overrides: FileOverrides = {},
		replaceId?: number
	): Promise<LoadedFile> {
		return this.serial(() => this.addNow(name, bytes, overrides, replaceId));
	}

	private async addNow(
		name: string,
		bytes: Uint8Array,
		overrides: FileOverrides,
		replaceId?: number
	): Promise<LoadedFile> {
		const id = this.nextId++;
		let loaded: LoadedFile;
		try {
			loaded = await loadFile(this.db, id, name, bytes, this.ctx, overrides);
		} catch (e) {
			await dropFileTables(this.db, id);
			if (e instanceof IngestError) throw e;
			if (isOutOfMemory(e)) throw tooLarge(name, bytes.length, e);
			throw new IngestError(
				name,
				'unreadable',
				`${name} could not be loaded (${firstLine(e)}). Check that it is a CSV export: open it in a spreadsheet, save it again as CSV (UTF-8) and drop the new file.`
			);
		}
		const previous = replaceId === undefined ? undefined : this.files.find((f) => f.id === replaceId);
		const files = previous ? this.files.map((f) => (f === previous ? loaded : f)) : [...this.files, loaded];
		try {
			this.meta = await rebuildCanonical(this.db, files);
		} catch (e) {
			// The rebuild rolled back: the canonical tables still hold the files loaded before this one.
			await dropFileTables(this.db, id);
			if (isOutOfMemory(e)) throw tooLarge(name, bytes.length, e);
			throw new IngestError(
				name,
				'unreadable',
				`${name} was read but could not be merged with the other files (${firstLine(e)}). The data loaded before it is unchanged; check the file's columns on the Data page.`
			);
		}
		this.files = files;
		if (previous) await dropFileTables(this.db, previous.id);
		return loaded;
	}

	remove(id: number): Promise<void> {
		return this.serial(async () => {
			const files = this.files.filter((f) => f.id !== id);
			this.meta = await rebuildCanonical(this.db, files);
			this.files = files;
			await dropFileTables(this.db, id);
		});
	}

	clear(): Promise<void> {
		return this.serial(async () => {
			this.meta = await rebuildCanonical(this.db, []);
			for (const f of this.files) await dropFileTables(this.db, f.id);
			this.files = [];
		});
	}
}
