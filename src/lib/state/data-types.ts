/** What the browser's data store shows besides the loaded files: load problems and refused files. */
import type { FileData } from '$lib/engine/ingest/file-data';
import type { FileOverrides } from '$lib/engine/ingest/load';
import type { IngestMessage } from '$lib/engine/ingest/messages';
import type { ColumnMapping, FileKind } from '$lib/engine/ingest/types';
import type { Message } from '$lib/i18n/messages';

export type Phase = 'idle' | 'starting' | 'loading' | 'ready';

/**
 * A load problem to show, keyed by a unique id (two files can fail with the same message): either what
 * ingestion said (a message key and its parameters, worded by `formatIngestMessage`) or a notice of the
 * interface catalogue (device storage, settings). `file` is '' for the engine or the device.
 */
export type LoadError = {
	id: number;
	file: string;
	action?: 'forget-remembered';
	/** The engine's own text (English), shown only in a collapsed "technical details". */
	detail?: string;
} & ((IngestMessage & { notice?: undefined }) | { notice: Message; key?: undefined });

/** A file read but not recognised: kept (bytes and headers) so the user can map it by hand. */
export interface RefusedFile {
	name: string;
	bytes: FileData;
	overrides?: FileOverrides;
	headers: string[];
	kind: FileKind;
	mapping: ColumnMapping[];
	message: IngestMessage;
}
