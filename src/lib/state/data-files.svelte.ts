/**
 * The browser's dataset, part one: DuckDB-wasm started lazily (one shared promise), files loaded through
 * the same ingestion as `npm run report`, re-mapped, replaced and removed, and the query executor. Loads
 * and queries go through the Dataset's one queue, so a slow load never interleaves with a query on the
 * single connection. `DataStore` (data.svelte.ts) adds the vocabulary editor, refused files, remembering
 * and the files fetched from the site.
 */
import { getBrowserDb } from '$lib/engine/db/browser';
import type { Db } from '$lib/engine/db/types';
import { Dataset } from '$lib/engine/ingest/dataset';
import { warmUp } from '$lib/engine/warm-up';
import { IngestError } from '$lib/engine/ingest/errors';
import { dataSize, type FileData } from '$lib/engine/ingest/file-data';
import type { FileOverrides, LoadedFile } from '$lib/engine/ingest/load';
import type { IngestMessageKey, MessageParams } from '$lib/engine/ingest/messages';
import { DEFAULT_VOCABULARIES, mergeVocabularies, type VocabularyOverride } from '$lib/engine/ingest/vocab';
import { DEFAULT_CONFIG, type OrgConfig } from '$lib/engine/config';
import type { Message } from '$lib/i18n/messages';
import type { MappingFile } from '$lib/engine/ingest/types';
import { dataSpan } from '$lib/engine/queries';
import { emptyMeta, type DatasetMeta } from '$lib/engine/schema';
import { todayIso } from '$lib/engine/metrics/plan';
import { browserPersistence, type Persistence, type StoredFile } from './persist';
import type { DatasetNotes } from '$lib/engine/ingest/dataset-notes';
import { expandWorkbooks } from '$lib/engine/ingest/workbook-files';
import { readWorkbook } from '$lib/engine/ingest/xlsx/browser';
import { stepDone, type LoadStep } from '$lib/engine/ingest/progress';
import { LoadProgress } from './load-progress';

/**
 * A file to load: its bytes (or, a big dropped file, its File on disk), the user's overrides, and the
 * loaded file it replaces (if any).
 */
type AddInput = { name: string; bytes: FileData; overrides?: FileOverrides; replaceId?: number };

import type { LoadError, Phase, RefusedFile } from './data-types';

export type { LoadError, Phase, RefusedFile } from './data-types';

/** The loaded files and their dataset: loading, re-mapping, removing, rates, and the query executor. */
export class DataFiles {
	phase = $state<Phase>('idle');
	/** File currently being read, for the progress line. */
	current = $state<string | null>(null);
	/** Share of the files being loaded that is done (0..1), by size; null when nothing loads. */
	progress = $state<number | null>(null);
	private tracker = new LoadProgress();
	files = $state.raw<LoadedFile[]>([]);
	meta = $state.raw<DatasetMeta>(emptyMeta());
	/** Undated records, currencies without a rate, linked deals (the merged files' notes). */
	notes = $state.raw<DatasetNotes>({ undated: 0, missingRates: [] });
	/** Exchange rates the user set on the Data page, over the organisation's `fxRates`. */
	userFx = $state.raw<Record<string, number>>({});
	span = $state.raw<{ from: string; to: string } | null>(null);
	errors = $state.raw<LoadError[]>([]);
	/** Files refused for want of a usable mapping, shown on the Data page with the mapping screen. */
	refused = $state.raw<RefusedFile[]>([]);
	protected errorId = 0;
	/** Batches of files being loaded (the phase is 'loading' while any runs). */
	private loads = 0;
	/** Bumped whenever the data changes, so views recompute. */
	version = $state(0);
	remember = $state(false);
	/** The bytes and overrides behind each loaded file, to re-map, replace or remember it. */
	protected sources = new Map<number, StoredFile>();

	private dataset: Promise<Dataset> | null = null;
	/** Mappings the user saved on the Data page, tried before the organisation's presets. */
	userMappings: MappingFile = { version: 1, mappings: [] };
	/** Vocabulary entries the user added on the Data page (on top of the defaults and the org config). */
	userVocab = $state.raw<VocabularyOverride>({});

	private context() {
		// Precedence (pickMapping): the user's saved mappings, then the organisation's presets.
		const mappings: MappingFile = { version: 1, mappings: this.userMappings.mappings };
		return {
			vocab: mergeVocabularies(
				mergeVocabularies(DEFAULT_VOCABULARIES, this.settings.config.vocabularies ?? {}),
				this.userVocab
			),
			mappings,
			orgMappings: this.settings.config.mappings ?? undefined,
			today: todayIso(),
			currency: this.settings.config.currency,
			fxRates: { ...this.settings.config.fxRates, ...this.userFx }
		};
	}
	/** `settings`: the org's vocabularies and mapping presets (read at each load); `persistence`: the device. */
	constructor(
		protected readonly settings: { readonly config: OrgConfig } = { config: DEFAULT_CONFIG },
		protected readonly persistence: Persistence = browserPersistence
	) {
		this.remember = persistence.isRemembering();
		this.userMappings = persistence.loadMappings();
	}

	/** The organisation's currency (amounts are converted to it). */
	get currency(): string {
		return this.settings.config.currency;
	}

	get hasData(): boolean {
		return this.files.length > 0;
	}

	/** Starts the wasm when the page is idle, long before a file is dropped. */
	warm(): void {
		void this.getDataset().catch((e) => {
			this.errors = this.errors.filter((x) => x.file !== '');
			this.reportError('', 'engine_start', {}, e instanceof Error ? e.message : String(e));
		});
	}

	protected getDataset(): Promise<Dataset> {
		this.dataset ??= (async () => {
			if (this.phase === 'idle') this.phase = 'starting';
			performance.mark('mb:wasm-start');
			const db: Db = await getBrowserDb();
			performance.mark('mb:wasm-ready');
			const ds = new Dataset(db, this.context());
			// Compile the engine's code on a small made-up file while the user picks theirs (warm-up.ts);
			// queued first, it gives way to any load queued meanwhile.
			void warmUp(ds).then((done) => performance.mark('mb:engine-warm', { detail: { done } }));
			if (this.phase === 'starting') this.phase = 'idle';
			return ds;
		})().catch((e) => {
			this.dataset = null;
			if (this.phase === 'starting') this.phase = 'idle';
			throw e;
		});
		return this.dataset;
	}

	/** Runs a task on the Dataset's queue (the one queue: loads and queries never interleave). */
	private async run<T>(task: (ds: Dataset) => Promise<T>): Promise<T> {
		const ds = await this.getDataset();
		return ds.run(() => task(ds));
	}

	/** Shows a problem (in the interface language); `file` '' for the engine or the device. */
	reportError(file: string, key: IngestMessageKey, params: MessageParams, detail?: string): void {
		this.errors = [...this.errors, { id: ++this.errorId, file, key, params, detail }];
	}

	/**
	 * Loads files one after another; a failing file is reported and skipped, the others still load.
	 * Dropping a file with the name of a loaded one replaces it (a fresh export of the same report).
	 */
	async addFiles(inputs: AddInput[]): Promise<void> {
		if (this.loads++ === 0) {
			this.tracker = new LoadProgress();
			this.progress = 0;
		}
		this.phase = 'loading';
		try {
			const ds = await this.getDataset();
			ds.ctx = this.context();
			performance.mark('mb:ingest-start');
			// Each workbook as one input per table-like sheet, read in a worker (given a copy: it takes the buffer).
			const readable = await expandWorkbooks(
				inputs,
				(b) => readWorkbook(b.slice()),
				(e) => this.reportError(e.file, e.key, e.params)
			);
			const shares = readable.map((input) => this.tracker.track(dataSize(input.bytes)));
			for (const [i, input] of readable.entries()) {
				this.current = input.name;
				const onProgress = (step: LoadStep) => {
					shares[i](stepDone(step));
					this.progress = this.tracker.value;
				};
				try {
					await this.addOne(ds, input, onProgress);
				} finally {
					// A failed file's work is over too.
					onProgress('merged');
				}
			}
			await this.refresh(ds);
			// 100% only now: every file merged and the data described.
			this.progress = this.tracker.finish();
			performance.mark('mb:ingest-end');
		} catch (e) {
			this.reportError('', 'engine_start', {}, (e as Error).message);
		} finally {
			if (--this.loads === 0) {
				this.current = null;
				this.progress = null;
				this.phase = 'ready';
			}
		}
	}

	/** Loads one file (replacing its namesake); a failure is reported, the file kept if it can be mapped. */
	private async addOne(ds: Dataset, input: AddInput, onProgress: (step: LoadStep) => void): Promise<void> {
		try {
			const f = await ds.add(
				input.name,
				input.bytes,
				input.overrides,
				input.replaceId ?? 'same-name',
				onProgress
			);
			this.sources.set(f.id, { name: input.name, bytes: input.bytes, overrides: input.overrides });
			for (const id of this.sources.keys()) if (!ds.files.some((x) => x.id === id)) this.sources.delete(id);
			this.errors = this.errors.filter((e) => e.file !== input.name);
			this.refused = this.refused.filter((r) => r.name !== input.name);
		} catch (e) {
			this.errors = this.errors.filter((x) => x.file !== input.name);
			this.refused = this.refused.filter((r) => r.name !== input.name);
			if (e instanceof IngestError && e.refused)
				this.refused = [
					...this.refused,
					{ ...input, ...e.refused, message: { key: e.key, params: e.params } }
				];
			if (e instanceof IngestError) this.reportError(input.name, e.key, e.params, e.detail);
			else this.reportError(input.name, 'load_failed', { name: input.name }, String(e));
		}
	}

	/** New exchange rates: every amount is converted again (the canonical tables are rebuilt). */
	async setFxRates(rates: Record<string, number>): Promise<void> {
		this.userFx = rates;
		const ds = await this.getDataset();
		const ctx = this.context();
		await ds.setFx(ctx.currency, ctx.fxRates);
		await this.refresh(ds);
	}

	/** Ids being removed: a removal waits for a load in progress, and the card says so meanwhile. */
	removing = $state.raw<number[]>([]);

	async removeFile(id: number): Promise<void> {
		this.removing = [...this.removing, id];
		try {
			const ds = await this.getDataset();
			await ds.remove(id);
			this.sources.delete(id);
			await this.refresh(ds);
		} finally {
			this.removing = this.removing.filter((x) => x !== id);
		}
	}

	/** Re-reads a loaded file with another kind, mapping or encoding (the Data page's corrections). */
	remap(id: number, overrides: FileOverrides): Promise<void> {
		const src = this.sources.get(id);
		if (!src) return Promise.resolve();
		const file = this.files.find((f) => f.id === id);
		if (file && overrides.kind && overrides.columns) {
			// Remembered for the next file with the same headers (this session and, on this device, later).
			this.saveMapping({
				signature: file.signature,
				file: file.name,
				kind: overrides.kind,
				columns: overrides.columns,
				...(overrides.reached ? { reached: overrides.reached } : {})
			});
		}
		return this.addFiles([
			{ name: src.name, bytes: src.bytes, overrides: { ...src.overrides, ...overrides }, replaceId: id }
		]);
	}

	/** Adds or replaces the mapping for a header signature; kept in localStorage (header names, no data). */
	saveMapping(entry: MappingFile['mappings'][number]): void {
		const others = this.userMappings.mappings.filter((m) => m.signature !== entry.signature);
		this.userMappings = { version: 1, mappings: [...others, entry] };
		this.persistence.storeMappings(this.userMappings);
	}

	dismissError(id: number): void {
		this.errors = this.errors.filter((e) => e.id !== id);
	}

	/** A problem worded by the interface catalogue (device storage, a refused setting). */
	reportNotice(file: string, notice: Message, action?: LoadError['action']): void {
		this.errors = [...this.errors, { id: ++this.errorId, file, notice, action }];
	}

	/** Another tab chose "Forget all data": this tab stops remembering (its data stays on screen). */
	protected forgottenElsewhere(): void {
		if (!this.remember) return;
		this.remember = false;
		this.reportNotice('', { code: 'persist.forgottenElsewhere' });
	}

	/** Runs an engine task against the current data, on the one queue (the query client's executor). */
	withDb<T>(fn: (db: Db, meta: DatasetMeta) => Promise<T>): Promise<T> {
		return this.run((ds) => fn(ds.db, ds.meta));
	}

	protected async refresh(ds: Dataset): Promise<void> {
		this.files = [...ds.files];
		if (this.remember) {
			const err = await this.persistence.saveFiles([...this.sources.values()]);
			if (err?.code === 'persist.forgottenElsewhere') this.forgottenElsewhere();
			else if (err) this.reportNotice('', err);
		}
		const { meta, span } = await ds.run(async () => ({
			meta: ds.meta,
			span: ds.files.length ? await dataSpan(ds.db, todayIso()) : null
		}));
		this.meta = meta;
		this.notes = ds.notes;
		this.span = span;
		this.version++;
	}
}
