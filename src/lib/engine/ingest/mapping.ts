/**
 * Step 3, detect kind and mapping: what the file is and which column feeds which canonical field.
 * Which mapping wins is decided in one place, `pickMapping`: the user's correction for this file, then
 * the mapping remembered for its headers (saved on the Data page, or `report --map`), then the
 * organisation's preset, then detection.
 */
import { guessKind } from './detect';
import { IngestError } from './errors';
import { datesById, FIELD_TYPES } from './fields';
import type { FileHeader } from './layout';
import { applyMappingFile } from './mapping-file';
import { headerSignature, normaliseHeader } from './normalise';
import { shown } from './quality';
import { withReachedDate, type Reached } from './file-reached';
import {
	REQUIRED_FIELDS,
	type ColumnMapping,
	type FileKind,
	type KindGuess,
	type MappingFile
} from './types';

export type MappingSource = 'detected' | 'stored' | 'user';

/** The user's correction for one file: kind and/or `canonical field → header text`. */
export interface UserMapping {
	kind?: FileKind;
	columns?: Record<string, string>;
	/** Every row of the file reached this stage (file-reached.ts). */
	reached?: Reached;
}

export interface MappingChoice {
	kind: FileKind;
	mapping: ColumnMapping[];
	source: MappingSource;
	reached?: Reached;
}

function mappingFromColumns(
	headers: string[],
	columns: Record<string, string>,
	kind: FileKind
): ColumnMapping[] {
	const byName = new Map(headers.map((h, i) => [normaliseHeader(h), i]));
	const fields = FIELD_TYPES[kind];
	const out: ColumnMapping[] = [];
	for (const [field, header] of Object.entries(columns)) {
		if (!(field in fields)) continue;
		const i = byName.get(normaliseHeader(header));
		if (i !== undefined) out.push({ field, column: i, header: headers[i], confidence: 1 });
	}
	return out;
}

/**
 * The mapping in force: user > remembered > organisation > detected. Of the stored mapping files, the
 * first holding an entry for these headers decides (its latest entry; if that names a header the file
 * lacks, detection decides).
 */
export function pickMapping(
	headers: string[],
	guess: Pick<KindGuess, 'kind' | 'mapping'>,
	from: { user?: UserMapping; remembered?: MappingFile; org?: MappingFile }
): MappingChoice {
	const { user } = from;
	if (user && (user.kind || user.columns || user.reached)) {
		// Stating a funnel stage says the file is a lead file; detection's fields that a lead file has too
		// (an id, an amount) are kept.
		const kind = user.kind ?? (user.reached ? 'leads' : guess.kind);
		const mapping = user.columns
			? mappingFromColumns(headers, user.columns, kind)
			: kind === guess.kind
				? guess.mapping
				: user.reached && !user.kind
					? guess.mapping.filter((m) => m.field in FIELD_TYPES[kind])
					: [];
		const reached = kind === 'leads' ? user.reached : undefined;
		return { kind, mapping: withReachedDate(headers, mapping, reached) ?? mapping, source: 'user', reached };
	}
	const signature = headerSignature(headers);
	const stored = [from.remembered, from.org].find((f) => f?.mappings.some((m) => m.signature === signature));
	const applied = stored ? applyMappingFile(headers, stored) : null;
	if (applied) return { ...applied, source: 'stored' };
	return { kind: guess.kind, mapping: guess.mapping, source: 'detected' };
}

/** Refuses a file whose mapping lacks a required field, or a detection too unsure to trust. */
function requireUsable(name: string, headers: string[], choice: MappingChoice, confidence: number): void {
	const mapped = new Set(choice.mapping.map((m) => m.field));
	// A stated stage is a status every row has.
	if (choice.reached) mapped.add('status');
	const missing =
		choice.kind === 'leads' && datesById(mapped)
			? []
			: REQUIRED_FIELDS[choice.kind].filter((f) => !mapped.has(f));
	if (missing.length === 0 && !(choice.source === 'detected' && confidence < 0.3)) return;
	const columns = `${headers.slice(0, 12).map(shown).join(', ')}${headers.length > 12 ? ', …' : ''}`;
	const kind = { key: `kind.${choice.kind}` as const };
	const refused = { headers, kind: choice.kind, mapping: choice.mapping };
	throw missing.length
		? new IngestError(
				name,
				'unrecognised',
				'unrecognised_missing',
				{ name, kind, missing: { fields: [...missing] }, columns },
				refused
			)
		: new IngestError(name, 'unrecognised', 'unrecognised_few', { name, kind, columns }, refused);
}

/** Detects the file's kind and mapping, applies the one in force, and checks it can be used. */
export function chooseMapping(
	name: string,
	header: FileHeader,
	from: { user?: UserMapping; remembered?: MappingFile; org?: MappingFile }
): { guess: KindGuess; choice: MappingChoice } {
	const guess = guessKind(header.headers, header.sample);
	const choice = pickMapping(header.headers, guess, from);
	requireUsable(name, header.headers, choice, guess.confidence);
	return { guess, choice };
}
