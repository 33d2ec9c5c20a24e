/**
 * "Every row of this file reached stage X (on date column Y)": what a user states on the mapping screen
 * for an MQL list, a won list, a list of opportunities. Each row then counts as having reached X
 * whatever its own status says below X (docs/metrics.md: a status implies its stage and every earlier
 * one); with a date column, that column is also the stage's date (and may feed another field too, as a
 * single 作成日 that is both created_at and the MQL date of an MQL list). Without one, the rows reached
 * X undated: they count for X in cohort mode (from their creation date, if any file gives one) and not
 * in period mode, which counts dated stages only.
 */
import type { Db } from '../db/types';
import { literal } from '../db/sql';
import { STAGE_DATE, STAGES, type Stage } from '../model/stages';
import { srcTable } from './fields';
import { normaliseHeader } from './normalise';
import type { ColumnMapping, FileKind } from './types';

export interface Reached {
	stage: Stage;
	/** Header of the column that dates it; absent: the rows reached it undated. */
	column?: string;
}

export const isStage = (s: unknown): s is Stage => (STAGES as readonly unknown[]).includes(s);

/**
 * The mapping with the stage's date column added (replacing whatever fed that date field); null when
 * the file has no column of that header (a stored choice made for other headers).
 */
export function withReachedDate(
	headers: readonly string[],
	mapping: ColumnMapping[],
	reached: Reached | undefined
): ColumnMapping[] | null {
	if (!reached?.column) return mapping;
	const column = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(reached.column ?? ''));
	if (column < 0) return null;
	const field = STAGE_DATE[reached.stage];
	return [
		...mapping.filter((m) => m.field !== field),
		{ field, column, header: headers[column], confidence: 1 }
	].sort((a, b) => a.column - b.column);
}

/** Status targets a row may hold that say less than `stage` (they are raised to it). */
function below(stage: Stage): string[] {
	const i = STAGES.indexOf(stage);
	return [...STAGES.slice(0, i), ...(i > 0 ? ['nurture'] : [])];
}

/**
 * Raises every row's status target to `stage` where it says less (blank, or an earlier stage); a lost
 * or disqualified row keeps its status (it reached the stage and then ended). Lead files only.
 */
export async function markReached(db: Db, id: number, kind: FileKind, stage: Stage): Promise<void> {
	if (kind !== 'leads') return;
	const lower = below(stage).map(literal);
	const raise = lower.length
		? `status_target IS NULL OR status_target IN (${lower.join(', ')})`
		: 'status_target IS NULL';
	await db.exec(`UPDATE ${srcTable(id)} SET status_target = ${literal(stage)} WHERE ${raise}`);
}
