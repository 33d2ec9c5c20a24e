/**
 * Which kind of table a file is, and which column feeds which canonical field: scored from header
 * synonyms first and sample values second (header-candidates.ts), each kind weighed by kind-score.ts.
 * The mapping file a user saves lives in mapping-file.ts.
 */
import { dataRows, profileColumns, round2 } from './column-profile';
import { candidatesFor, resolve, stageAsStatus } from './header-candidates';
import { scoreKind } from './kind-score';
import { KIND_FIELDS, type ColumnMapping, type FileKind, type KindGuess } from './types';

/** Below this, the guess is a suggestion: the mapping screen should ask rather than load. */
export const MIN_KIND_CONFIDENCE = 0.5;

const KINDS = Object.keys(KIND_FIELDS) as FileKind[];

/**
 * Score every kind and map the best one. `sample` holds data records below the header (not the header
 * itself), e.g. `parseRecords(...).slice(1)`; summary and blank rows in it are ignored.
 */
export function guessKind(headers: string[], sample: string[][]): KindGuess {
	const rows = dataRows(sample);
	const columns = profileColumns(headers, rows);
	const mappings = new Map<FileKind, ColumnMapping[]>();
	for (const kind of KINDS) {
		const mapping = resolve(candidatesFor(kind, columns, rows.length), columns);
		mappings.set(kind, kind === 'leads' ? stageAsStatus(mapping) : mapping);
	}
	const leads = mappings.get('leads') ?? [];
	const scored = KINDS.map((kind) => ({
		kind,
		confidence: round2(scoreKind(kind, mappings.get(kind) ?? [], columns, rows.length, leads))
	}));
	// Stable sort: on equal scores the earlier kind (leads first) wins.
	const [best, ...others] = [...scored].sort((a, b) => b.confidence - a.confidence);
	const mapping = mappings.get(best.kind) ?? [];
	const mapped = new Set(mapping.map((m) => m.column));
	return {
		kind: best.kind,
		confidence: best.confidence,
		mapping,
		unmapped: columns.filter((c) => !mapped.has(c.index)).map((c) => ({ column: c.index, header: c.header })),
		alternatives: others
	};
}
