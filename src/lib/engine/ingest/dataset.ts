/**
 * A dataset: the files loaded so far and the canonical tables built from them. Files are added one after
 * another, replaced, remapped or removed; a file that fails leaves everything loaded before it intact
 * (its own tables are dropped, the canonical tables are only rebuilt after a success, in a transaction).
 */
import { dataSize, type FileData } from './file-data';
import type { Db } from '../db/types';
import { CANONICAL_DDL, emptyMeta, type DatasetMeta } from '../schema';
import { asIngestError } from './errors';
import type { FileOverrides, IngestContext, LoadedFile } from './load';
import { dropFileTables, rebuildCanonical } from './merge';
import { datasetNotes, type DatasetNotes } from './dataset-notes';
import { loadFile } from './pipeline';
import type { OnProgress } from './progress';
import { VALUE_MACROS } from './values-sql';

export class Dataset {
	private nextId = 1;
	private ready: Promise<void>;
	/**
	 * The one queue: operations run one at a time. Two files dropped together would otherwise interleave
	 * their loads and rebuilds on the one connection (a rebuild's transaction cannot nest in another's),
	 * and the dashboard's queries (`run`) never see a half-loaded file.
	 */
	private queue: Promise<unknown> = Promise.resolve();
	/** Operations queued and not started yet (the warm-up gives way to them). */
	private waiting = 0;
	files: LoadedFile[] = [];
	meta: DatasetMeta = emptyMeta();
	/** What the merge found across files: undated records, currencies without a rate, linked deals. */
	notes: DatasetNotes = { undated: 0, missingRates: [] };

	constructor(
		readonly db: Db,
		public ctx: IngestContext
	) {
		this.ready = (async () => {
			await db.exec(VALUE_MACROS);
			await db.exec(CANONICAL_DDL);
		})();
	}

	/** Runs `op` on the queue: after every operation queued before it, before any queued after it. */
	run<T>(op: () => Promise<T>): Promise<T> {
		this.waiting++;
		const run = this.queue.then(async () => {
			this.waiting--;
			await this.ready;
			return op();
		});
		this.queue = run.catch(() => {});
		return run;
	}

	/**
	 * Loads one file and rebuilds the canonical tables; it replaces the file `replace` (an id, or
	 * 'same-name': a loaded file of the same name, decided when its turn in the queue comes). Throws
	 * `IngestError` (a message key and its parameters).
	 */
	add(
		name: string,
		bytes: FileData,
		overrides: FileOverrides = {},
		replace?: number | 'same-name',
		onProgress?: OnProgress
	): Promise<LoadedFile> {
		return this.run(() => {
			const replaceId = replace === 'same-name' ? this.files.find((f) => f.name === name)?.id : replace;
			return this.addNow(name, bytes, overrides, replaceId, onProgress);
		});
	}

	private get fx() {
		return { currency: this.ctx.currency ?? 'JPY', rates: this.ctx.fxRates ?? {} };
	}

	/** Rebuilds the canonical tables from `files` and describes them; throws (rolled back) on failure. */
	private async rebuild(files: LoadedFile[]): Promise<void> {
		this.meta = await rebuildCanonical(this.db, files, this.fx);
		this.notes = await datasetNotes(this.db, files, this.fx);
	}

	/** New exchange rates (or organisation currency): every amount is converted again. */
	setFx(currency: string, fxRates: Record<string, number>): Promise<void> {
		return this.run(async () => {
			this.ctx = { ...this.ctx, currency, fxRates };
			await this.rebuild(this.files);
		});
	}

	private async addNow(
		name: string,
		bytes: FileData,
		overrides: FileOverrides,
		replaceId?: number,
		onProgress?: OnProgress
	): Promise<LoadedFile> {
		const id = this.nextId++;
		let loaded: LoadedFile;
		try {
			loaded = await loadFile(this.db, id, name, bytes, this.ctx, overrides, onProgress);
		} catch (e) {
			await dropFileTables(this.db, id);
			throw asIngestError(e, name, dataSize(bytes), 'load');
		}
		const previous = replaceId === undefined ? undefined : this.files.find((f) => f.id === replaceId);
		const files = previous ? this.files.map((f) => (f === previous ? loaded : f)) : [...this.files, loaded];
		try {
			await this.rebuild(files);
		} catch (e) {
			// The rebuild rolled back: the canonical tables still hold the files loaded before this one.
			await dropFileTables(this.db, id);
			throw asIngestError(e, name, dataSize(bytes), 'merge');
		}
		this.files = files;
		if (previous) await dropFileTables(this.db, previous.id);
		onProgress?.('merged');
		return loaded;
	}

	/**
	 * Loads a throwaway file `id` while nothing is loaded, asks `ask` questions of it (`stop()` tells
	 * when an operation is waiting), then leaves the data as it was: empty. See `warmUp` (warm-up.ts).
	 * Resolves to false when it did not run to the end.
	 */
	warmUp(
		id: number,
		name: string,
		bytes: Uint8Array,
		ask: (db: Db, meta: DatasetMeta, stop: () => boolean) => Promise<boolean>
	): Promise<boolean> {
		const stop = () => this.waiting > 0;
		const gaveWay = new Error('warm-up gave way');
		return this.run(async () => {
			if (this.files.length > 0 || stop()) return false;
			try {
				// Between the file's steps too: a load queued meanwhile waits for one step, not the file.
				const file = await loadFile(this.db, id, name, bytes, this.ctx, {}, () => {
					if (stop()) throw gaveWay;
				});
				if (stop()) return false;
				const meta = await rebuildCanonical(this.db, [file], this.fx);
				return !stop() && (await ask(this.db, meta, stop));
			} catch (e) {
				if (e === gaveWay) return false;
				throw e;
			} finally {
				await rebuildCanonical(this.db, [], this.fx);
				await dropFileTables(this.db, id);
			}
		});
	}

	remove(id: number): Promise<void> {
		return this.run(async () => {
			const files = this.files.filter((f) => f.id !== id);
			await this.rebuild(files);
			this.files = files;
			await dropFileTables(this.db, id);
		});
	}

	clear(): Promise<void> {
		return this.run(async () => {
			await this.rebuild([]);
			for (const f of this.files) await dropFileTables(this.db, f.id);
			this.files = [];
		});
	}
}
