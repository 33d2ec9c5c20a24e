/**
 * What each mapped column gave: how many rows have a readable value in it, and the funnel stage it
 * dates (`SQL日` → sql). The Data page says "1,102 rows reached SQL (column SQL日)", and that a column
 * recognised but empty or unreadable throughout gave 0 rows.
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { STAGE_OF_FIELD, type Stage } from '../model/stages';
import { FIELD_TYPES, srcTable } from './fields';
import type { ColumnMapping, FileKind } from './types';

export interface ColumnContribution {
	field: string;
	header: string;
	/** The stage the column dates, if it dates one. */
	stage: Stage | null;
	/** Rows with a readable value (for a status, outcome or type: one the vocabulary knows). */
	rows: number;
}

export async function columnContributions(
	db: Db,
	id: number,
	kind: FileKind,
	mapping: ColumnMapping[],
	deals: boolean
): Promise<ColumnContribution[]> {
	const types = FIELD_TYPES[kind];
	const mapped = mapping.filter((m) => types[m.field] !== undefined);
	if (!mapped.length) return [];
	const counted = (field: string) => {
		const t = types[field];
		return t === 'status' || t === 'outcome' || t === 'type' ? `${field}_target` : field;
	};
	const [row] = await db.query(
		`SELECT ${mapped.map((m, i) => `count(${ident(counted(m.field))})::INTEGER AS c${i}`).join(', ')} FROM ${srcTable(id)}`
	);
	return mapped.map((m, i) => ({
		field: m.field,
		header: m.header,
		stage: stageOf(kind, m.field, deals),
		rows: Number(row[`c${i}`])
	}));
}

/** A lead file's stage dates; a deal export's creation date is the day it became an opportunity. */
function stageOf(kind: FileKind, field: string, deals: boolean): Stage | null {
	if (kind !== 'leads') return null;
	if (deals && field === 'created_at') return 'opportunity';
	return STAGE_OF_FIELD[field] ?? null;
}
