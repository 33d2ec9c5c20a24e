/**
 * The browser's dataset: DuckDB-wasm started lazily (one shared promise), files loaded through the same
 * ingestion as `npm run report`, metrics computed on demand. Operations run one at a time on the single
 * connection, so a slow load never interleaves with a query.
 */
import { getBrowserDb } from '$lib/engine/db/browser';
import type { Db } from '$lib/engine/db/types';
import { Dataset } from '$lib/engine/ingest/dataset';
import { IngestError, type FileOverrides, type LoadedFile } from '$lib/engine/ingest/load';
import { DEFAULT_VOCABULARIES, mergeVocabularies, type VocabularyOverride } from '$lib/engine/ingest/vocab';
import { DEFAULT_CONFIG, type OrgConfig } from '$lib/engine/config';
import { render, type Message } from '$lib/i18n/messages';
import type { MappingFile } from '$lib/engine/ingest/types';
import { computeReport, dataSpan, type Report, type ReportOptions } from '$lib/engine/metrics/report';
import type { MetricView } from '$lib/engine/metrics/view';
import { emptyMeta, type DatasetMeta } from '$lib/engine/schema';
import { todayIso } from '$lib/engine/metrics/plan';
import { browserPersistence, type PersistError, type Persistence, type StoredFile } from './persist';

export type Phase = 'idle' | 'starting' | 'loading' | 'ready';

export interface LoadError {
	file: string;
	message: string;
	/** The same as a `{ code, params }` message, for the interface language. */
	notice?: Message;
}

/** An error worded by the i18n catalogue; `message` keeps the English text. */
const noticeError = (file: string, notice: Message): LoadError => ({
	file,
	message: render('en', notice),
	notice
});
const persistError = (err: PersistError): LoadError => noticeError('', err);

export const DEMO_FILES = ['leads.csv', 'activities.csv', 'customers.csv', 'spend.csv'] as const;

export class DataStore {
	phase = $state<Phase>('idle');
	/** File currently being read, for the progress line. */
	current = $state<string | null>(null);
	files = $state.raw<LoadedFile[]>([]);
	meta = $state.raw<DatasetMeta>(emptyMeta());
	span = $state.raw<{ from: string; to: string } | null>(null);
	errors = $state.raw<LoadError[]>([]);
	/** Bumped whenever the data changes, so views recompute. */
	version = $state(0);
	remember = $state(false);
	/** The bytes and overrides behind each loaded file, to re-map, replace or remember it. */
	private sources = new Map<number, StoredFile>();

	private dataset: Promise<Dataset> | null = null;
	/** Mappings the user saved on the Data page, tried before the organisation's presets. */
	userMappings: MappingFile = { version: 1, mappings: [] };
	/** Vocabulary entries the user added on the Data page (on top of the defaults and the org config). */
	userVocab = $state.raw<VocabularyOverride>({});

	private context() {
		const mappings: MappingFile = {
			version: 1,
			mappings: [...(this.settings.config.mappings?.mappings ?? []), ...this.userMappings.mappings]
		};
		return {
			vocab: mergeVocabularies(
				mergeVocabularies(DEFAULT_VOCABULARIES, this.settings.config.vocabularies ?? {}),
				this.userVocab
			),
			mappings,
			today: todayIso()
		};
	}
	private queue: Promise<unknown> = Promise.resolve();

	/**
	 * `settings` holds the organisation's vocabularies and mapping presets (read at each load), and
	 * `persistence` remembers files and mappings on the device.
	 */
	constructor(
		private readonly settings: { readonly config: OrgConfig } = { config: DEFAULT_CONFIG },
		private readonly persistence: Persistence = browserPersistence
	) {
		this.remember = persistence.isRemembering();
		this.userMappings = persistence.loadMappings();
	}

	get hasData(): boolean {
		return this.files.length > 0;
	}

	/** Starts the wasm without waiting: called when the page is idle, long before a file is dropped. */
	warm(): void {
		void this.getDataset().catch((e) => {
			const reason = e instanceof Error ? e.message : String(e);
			this.errors = [
				...this.errors.filter((x) => x.file !== ''),
				noticeError('', { code: 'engine.startFailed', params: { reason } })
			];
		});
	}

	private getDataset(): Promise<Dataset> {
		this.dataset ??= (async () => {
			if (this.phase === 'idle') this.phase = 'starting';
			performance.mark('mb:wasm-start');
			const db: Db = await getBrowserDb();
			performance.mark('mb:wasm-ready');
			const ds = new Dataset(db, this.context());
			if (this.phase === 'starting') this.phase = 'idle';
			return ds;
		})().catch((e) => {
			this.dataset = null;
			if (this.phase === 'starting') this.phase = 'idle';
			throw e;
		});
		return this.dataset;
	}

	private run<T>(task: () => Promise<T>): Promise<T> {
		const next = this.queue.then(task, task);
		this.queue = next.catch(() => {});
		return next;
	}

	/** Loads files one after another; a failing file is reported and skipped, the others still load. */
	addFiles(
		inputs: { name: string; bytes: Uint8Array; overrides?: FileOverrides; replaceId?: number }[]
	): Promise<void> {
		return this.run(async () => {
			this.phase = 'loading';
			try {
				const ds = await this.getDataset();
				ds.ctx = this.context();
				performance.mark('mb:ingest-start');
				for (const given of inputs) {
					// Dropping a file with the name of a loaded one replaces it (a fresh export of the same report).
					const same =
						given.replaceId === undefined ? this.files.find((f) => f.name === given.name) : undefined;
					const input = same ? { ...given, replaceId: same.id } : given;
					this.current = input.name;
					try {
						const f = await ds.add(input.name, input.bytes, input.overrides, input.replaceId);
						if (input.replaceId !== undefined) this.sources.delete(input.replaceId);
						this.sources.set(f.id, { name: input.name, bytes: input.bytes, overrides: input.overrides });
						this.errors = this.errors.filter((e) => e.file !== input.name);
					} catch (e) {
						const message = e instanceof IngestError ? e.message : `${input.name}: ${(e as Error).message}`;
						this.errors = [
							...this.errors.filter((x) => x.file !== input.name),
							{ file: input.name, message }
						];
					}
				}
				await this.refresh(ds);
				performance.mark('mb:ingest-end');
			} catch (e) {
				this.errors = [
					...this.errors,
					noticeError('', { code: 'engine.failed', params: { reason: (e as Error).message } })
				];
			} finally {
				this.current = null;
				this.phase = 'ready';
			}
		});
	}

	removeFile(id: number): Promise<void> {
		return this.run(async () => {
			const ds = await this.getDataset();
			await ds.remove(id);
			this.sources.delete(id);
			await this.refresh(ds);
		});
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
				columns: overrides.columns
			});
		}
		return this.addFiles([
			{ name: src.name, bytes: src.bytes, overrides: { ...src.overrides, ...overrides }, replaceId: id }
		]);
	}

	/**
	 * Teaches the vocabulary a value (e.g. an org's own call outcome) and re-reads every loaded file, so
	 * the value counts everywhere it appears.
	 */
	addVocabulary(kind: keyof VocabularyOverride, raw: string, target: string): Promise<void> {
		const current = (this.userVocab[kind] ?? {}) as Record<string, string>;
		this.userVocab = { ...this.userVocab, [kind]: { ...current, [raw]: target } };
		const inputs = [...this.sources.entries()].map(([id, src]) => ({ ...src, replaceId: id }));
		return this.addFiles(inputs);
	}

	/** Adds or replaces the mapping for a header signature; kept in localStorage (header names, no data). */
	saveMapping(entry: MappingFile['mappings'][number]): void {
		const others = this.userMappings.mappings.filter((m) => m.signature !== entry.signature);
		this.userMappings = { version: 1, mappings: [...others, entry] };
		this.persistence.storeMappings(this.userMappings);
	}

	/** Forget all data: this page's tables and anything remembered on the device. */
	clear(): Promise<void> {
		return this.run(async () => {
			const ds = await this.getDataset();
			await ds.clear();
			this.sources.clear();
			this.errors = [];
			await this.persistence.forgetFiles();
			this.userMappings = { version: 1, mappings: [] };
			this.persistence.storeMappings(this.userMappings);
			await this.refresh(ds);
		});
	}

	async setRemember(on: boolean): Promise<void> {
		this.remember = on;
		const err = await this.persistence.setRemembering(on, [...this.sources.values()]);
		if (err) this.errors = [...this.errors, persistError(err)];
	}

	/** Same-origin data files named in the URL (`?src=data/2026-11.csv`), already checked by the view parser. */
	async loadSources(base: string, paths: string[]): Promise<void> {
		const inputs: { name: string; bytes: Uint8Array }[] = [];
		for (const p of paths) {
			const url = new URL(`${base}/${p}`, location.href);
			if (url.origin !== location.origin) continue;
			try {
				const res = await fetch(url, { credentials: 'same-origin' });
				if (!res.ok) throw new Error(`HTTP ${res.status}`);
				inputs.push({ name: p.split('/').pop() ?? p, bytes: new Uint8Array(await res.arrayBuffer()) });
			} catch (e) {
				this.errors = [
					...this.errors,
					noticeError(p, { code: 'source.fetchFailed', params: { path: p, reason: (e as Error).message } })
				];
			}
		}
		if (inputs.length) await this.addFiles(inputs);
	}

	/** A problem found outside loading (e.g. an imported mapping file that does not parse). */
	reportError(error: LoadError): void {
		this.errors = [...this.errors, error];
	}

	dismissError(file: string): void {
		this.errors = this.errors.filter((e) => e.file !== file);
	}

	/** Fetches the demo CSVs shipped with the site (same origin) and loads them as a user's drop would. */
	async loadDemo(base: string): Promise<void> {
		const inputs = await Promise.all(
			DEMO_FILES.map(async (name) => {
				const res = await fetch(`${base}/demo/${name}`);
				if (!res.ok) throw new Error(`demo file ${name}: HTTP ${res.status}`);
				return { name, bytes: new Uint8Array(await res.arrayBuffer()) };
			})
		);
		await this.addFiles(inputs);
	}

	report(view: MetricView, opts: ReportOptions = {}): Promise<Report> {
		return this.run(async () => {
			const ds = await this.getDataset();
			return computeReport(ds.db, ds.meta, view, opts);
		});
	}

	/** Runs any engine query against the current data (charts that need more than the report). */
	withDb<T>(fn: (db: Db, meta: DatasetMeta) => Promise<T>): Promise<T> {
		return this.run(async () => {
			const ds = await this.getDataset();
			return fn(ds.db, ds.meta);
		});
	}

	private async refresh(ds: Dataset): Promise<void> {
		this.files = [...ds.files];
		if (this.remember) {
			const err = await this.persistence.saveFiles([...this.sources.values()]);
			if (err) this.errors = [...this.errors, persistError(err)];
		}
		this.meta = ds.meta;
		this.span = ds.files.length ? await dataSpan(ds.db) : null;
		this.version++;
	}
}
