/**
 * A dataset: the files loaded so far and the canonical tables built from them. Files are added one after
 * another, replaced, remapped or removed; a file that fails leaves everything loaded before it intact
 * (its own tables are dropped, the canonical tables are only rebuilt after a success).
 */
import type { Db } from '../db/types';
import { CANONICAL_DDL, emptyMeta, type DatasetMeta } from '../schema';
import { IngestError, loadFile, type FileOverrides, type IngestContext, type LoadedFile } from './load';
import { dropFileTables, rebuildCanonical } from './merge';
import { VALUE_MACROS } from './values-sql';

export class Dataset {
	private nextId = 1;
	private ready: Promise<void>;
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

	/** Loads one file and rebuilds the canonical tables. Throws `IngestError` with a user-facing message. */
	async add(
		name: string,
		bytes: Uint8Array,
		overrides: FileOverrides = {},
		replaceId?: number
	): Promise<LoadedFile> {
		await this.ready;
		const id = this.nextId++;
		let loaded: LoadedFile;
		try {
			loaded = await loadFile(this.db, id, name, bytes, this.ctx, overrides);
		} catch (e) {
			await dropFileTables(this.db, id);
			if (e instanceof IngestError) throw e;
			throw new IngestError(
				name,
				'unreadable',
				`${name} could not be loaded: ${(e as Error).message.split('\n')[0]}`
			);
		}
		const previous = replaceId === undefined ? undefined : this.files.find((f) => f.id === replaceId);
		this.files = previous ? this.files.map((f) => (f === previous ? loaded : f)) : [...this.files, loaded];
		await this.rebuild();
		if (previous) await dropFileTables(this.db, previous.id);
		return loaded;
	}

	async remove(id: number): Promise<void> {
		this.files = this.files.filter((f) => f.id !== id);
		await dropFileTables(this.db, id);
		await this.rebuild();
	}

	async clear(): Promise<void> {
		for (const f of this.files) await dropFileTables(this.db, f.id);
		this.files = [];
		await this.rebuild();
	}

	private async rebuild(): Promise<void> {
		this.meta = await rebuildCanonical(this.db, this.files);
	}
}
