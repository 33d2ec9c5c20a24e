/**
 * The vocabulary a user edits on the Data page: words added, changed or removed over the defaults and
 * the organisation's config, and the export as the config's `vocabularies` section (the same shape
 * `parseOrgConfig` reads), so an admin can make them the organisation's.
 */
import type { VocabularyOverride } from './vocab';

export type VocabKind = keyof VocabularyOverride;

/** What a value of each kind can mean (the vocabulary's targets). */
export const VOCAB_TARGETS = {
	status: ['lead', 'nurture', 'mql', 'sql', 'opportunity', 'won', 'lost', 'disqualified'],
	outcome: ['no_answer', 'connected', 'meeting_set', 'other'],
	type: ['call', 'email', 'meeting', 'other']
} as const;

export interface VocabEntry {
	kind: VocabKind;
	raw: string;
	/** null: a default the user switched off. */
	target: string | null;
}

const KINDS: VocabKind[] = ['status', 'outcome', 'type'];

/** The user's entries, kind by kind, in the order they were added. */
export function vocabEntries(user: VocabularyOverride): VocabEntry[] {
	return KINDS.flatMap((kind) =>
		Object.entries((user[kind] ?? {}) as Record<string, string | null>).map(([raw, target]) => ({
			kind,
			raw,
			target
		}))
	);
}

/** `user` with `raw` meaning `target` (added or changed). */
export function setVocabEntry(
	user: VocabularyOverride,
	kind: VocabKind,
	raw: string,
	target: string
): VocabularyOverride {
	return { ...user, [kind]: { ...(user[kind] ?? {}), [raw]: target } };
}

/** `user` without its entry for `raw` (the default or the organisation's meaning applies again). */
export function removeVocabEntry(user: VocabularyOverride, kind: VocabKind, raw: string): VocabularyOverride {
	const rest = { ...((user[kind] ?? {}) as Record<string, string | null>) };
	delete rest[raw];
	const out: VocabularyOverride = { ...user, [kind]: rest };
	if (Object.keys(rest).length === 0) delete out[kind];
	return out;
}

/** The organisation's vocabularies with the user's entries over them, as a config file section. */
export function vocabularyConfig(
	org: VocabularyOverride,
	user: VocabularyOverride
): { vocabularies: VocabularyOverride } {
	const vocabularies: Record<string, Record<string, string | null>> = {};
	for (const kind of KINDS) {
		const merged = { ...(org[kind] ?? {}), ...(user[kind] ?? {}) } as Record<string, string | null>;
		if (Object.keys(merged).length) vocabularies[kind] = merged;
	}
	return { vocabularies: vocabularies as VocabularyOverride };
}
