/**
 * The browser's data store: the loaded files and their dataset (`DataFiles`), plus what the Data page
 * and the start page ask of them — the vocabulary editor, files refused for want of a mapping, "Forget
 * all data" and "Remember on this device", and files fetched from the site itself (the demo, `?src=`
 * links, the org config's `sources`).
 */
import type { FileKind } from '$lib/engine/ingest/types';
import type { Reached } from '$lib/engine/ingest/file-reached';
import { headerSignature } from '$lib/engine/ingest/normalise';
import {
	removeVocabEntry,
	setVocabEntry,
	vocabularyConfig,
	type VocabKind
} from '$lib/engine/ingest/vocab-edits';
import type { OrgConfig } from '$lib/engine/config';
import { DataFiles } from './data-files.svelte';
import type { Persistence } from './persist';
import { browserPersistence } from './persist';
import { restoreRemembered } from './restore';
import { fetchDemo, fetchSources } from './sources';

export { DEMO_FILES } from './sources';
export type { LoadError, Phase, RefusedFile } from './data-files.svelte';

export class DataStore extends DataFiles {
	constructor(settings?: { readonly config: OrgConfig }, persistence: Persistence = browserPersistence) {
		super(settings, persistence);
		persistence.onForgotten(() => this.forgottenElsewhere());
	}

	/**
	 * Teaches the vocabulary a value (e.g. an org's own call outcome) and re-reads every loaded file, so
	 * the value counts everywhere it appears.
	 */
	addVocabulary(kind: VocabKind, raw: string, target: string): Promise<void> {
		this.userVocab = setVocabEntry(this.userVocab, kind, raw, target);
		return this.rereadAll();
	}

	/** Forgets a word the user added (its default or organisation meaning applies again); re-reads. */
	removeVocabulary(kind: VocabKind, raw: string): Promise<void> {
		this.userVocab = removeVocabEntry(this.userVocab, kind, raw);
		return this.rereadAll();
	}

	/** The organisation's vocabularies (config) with the user's words over them, for the export. */
	vocabularyExport() {
		return vocabularyConfig(this.settings.config.vocabularies ?? {}, this.userVocab);
	}

	private rereadAll(): Promise<void> {
		const inputs = [...this.sources.entries()].map(([id, src]) => ({ ...src, replaceId: id }));
		return this.addFiles(inputs);
	}

	/** Loads a refused file with the mapping the user chose (remembered for files with its headers). */
	mapRefused(
		name: string,
		kind: FileKind,
		columns: Record<string, string>,
		reached?: Reached
	): Promise<void> {
		const r = this.refused.find((x) => x.name === name);
		if (!r) return Promise.resolve();
		this.saveMapping({
			signature: headerSignature(r.headers),
			file: name,
			kind,
			columns,
			...(reached ? { reached } : {})
		});
		return this.addFiles([{ name, bytes: r.bytes, overrides: { ...r.overrides, kind, columns, reached } }]);
	}

	dismissRefused(name: string): void {
		this.refused = this.refused.filter((r) => r.name !== name);
		this.errors = this.errors.filter((e) => e.file !== name);
	}

	/** Forget all data: this page's tables and anything remembered on the device. */
	async clear(): Promise<void> {
		const ds = await this.getDataset();
		await ds.clear();
		this.sources.clear();
		this.errors = [];
		this.refused = [];
		await this.persistence.forgetFiles();
		this.remember = false;
		this.userMappings = { version: 1, mappings: [] };
		this.persistence.storeMappings(this.userMappings);
		await this.refresh(ds);
	}

	async setRemember(on: boolean): Promise<void> {
		this.remember = on;
		const err = await this.persistence.setRemembering(on, [...this.sources.values()]);
		if (err) this.reportNotice('', err);
	}

	/** Same-origin data files named in the URL (`?src=data/2026-11.csv`), already checked by the view parser. */
	async loadSources(base: string, paths: string[]): Promise<void> {
		const { inputs, failures } = await fetchSources(base, paths);
		for (const f of failures)
			this.reportError(f.path, f.reason ? 'fetch_failed' : 'fetch_unreachable', {
				path: f.path,
				reason: f.reason ?? ''
			});
		if (inputs.length) await this.addFiles(inputs);
	}

	/** Fetches the demo CSVs shipped with the site (same origin) and loads them as a user's drop would. */
	async loadDemo(base: string): Promise<void> {
		const demo = await fetchDemo(base);
		if ('failed' in demo) {
			const { name, reason } = demo.failed;
			this.reportNotice('', {
				code: reason ? 'demo.failed' : 'demo.unreachable',
				params: { reason: reason ? `${name}: ${reason}` : name }
			});
		} else await this.addFiles(demo);
	}

	/** On start-up: reloads what was remembered, and says what could not be read back. */
	restore(): Promise<void> {
		return restoreRemembered(this.persistence, this);
	}

	/** Clears what is remembered on the device (the offer after a damaged record); loaded data stays. */
	async forgetRemembered(): Promise<void> {
		await this.persistence.forgetFiles();
		this.remember = false;
		this.errors = this.errors.filter((e) => !e.action);
	}
}
