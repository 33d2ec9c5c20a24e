/**
 * What loading one file takes (bytes, overrides, context) and yields (a LoadedFile). The steps are in
 * pipeline.ts; failures are `IngestError` (errors.ts).
 */
import type { ActivityTypes } from './activity-types';
import type { ColumnContribution } from './contributions';
import type { Stage } from '../model/stages';
import type { MappingSource } from './mapping';
import type { Reached } from './file-reached';
import type { FileQuality } from './quality';
import type {
	ColumnMapping,
	Dialect,
	Encoding,
	EncodingGuess,
	FileKind,
	KindGuess,
	MappingFile,
	Vocabularies
} from './types';

export interface FileOverrides {
	encoding?: Encoding;
	kind?: FileKind;
	/** canonical field → header text, as in a mapping file; replaces detection for this file. */
	columns?: Record<string, string>;
	/** Every row of the file reached this stage (file-reached.ts). */
	reached?: Reached;
}

export interface IngestContext {
	vocab: Vocabularies;
	/** Remembered mappings (the user's saved corrections, or `report --map`), matched by header signature. */
	mappings?: MappingFile;
	/** The organisation's mapping presets (its config): tried after the remembered ones. */
	orgMappings?: MappingFile;
	/** ISO date used for "date in the future" checks; passed in so results are reproducible. */
	today: string;
	/** The organisation's currency (ISO code; JPY when not given): amounts are converted to it. */
	currency?: string;
	/** Units of `currency` per one unit of each other currency (config `fxRates`, `--fx`). */
	fxRates?: Record<string, number>;
	/** Bytes of a read part, for a file read in parts (read.ts; READ_PART_BYTES unless a test sets it). */
	readPartBytes?: number;
}

export interface LoadedFile {
	id: number;
	name: string;
	size: number;
	encoding: EncodingGuess;
	dialect: Dialect;
	headers: string[];
	signature: string;
	/** What detection proposed; `kind` and `mapping` are what is in force (after overrides). */
	guess: KindGuess;
	kind: FileKind;
	mapping: ColumnMapping[];
	mappingSource: MappingSource;
	/** The stage the user said every row reached, if any. */
	reached?: Reached;
	/** Stages this file gives a date or a status for. */
	stages: Stage[];
	/**
	 * A deal export: a lead file without an opportunity date column whose statuses are all deal stages
	 * (opportunity, won, lost), or which has deal-only columns (IsWon, IsClosed, a deal owner, a
	 * probability, a deal id header). Each row is an opportunity, so its created date is the date it became
	 * one (merge.ts uses it as `opportunity_at`; Maven's `engage_date`, Salesforce's Opportunity
	 * `CreatedDate`).
	 */
	deals: boolean;
	/** What each mapped column gave: rows with a readable value, and the stage it dates. */
	contributions: ColumnContribution[];
	/** An activity file that gives no call: why (activity-types.ts); null otherwise. */
	activityTypes?: ActivityTypes | null;
	quality: FileQuality;
}
