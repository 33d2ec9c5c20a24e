/**
 * Rebuilds the canonical tables from every loaded file: several lead files (a lead export, a deal export,
 * a stage history) are merged by lead_id, each stage taking the earliest date any file gives it
 * (METRICS.md). Cheap enough to redo after every add/remove/remap, and it keeps the per-file tables as
 * the single source, so removing a file can never leave its rows behind.
 */
import type { Db } from '../db/types';

import { CANONICAL_DDL, STAGES, type DatasetMeta, type Stage } from '../schema';
import type { LoadedFile } from './load';
import { srcTable } from './load';

const RANK_CASE = (col: string) =>
	`CASE ${col} WHEN 'lead' THEN 0 WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 WHEN 'opportunity' THEN 3 WHEN 'won' THEN 4 END`;
const LOST = (col: string) => `${col} IN ('lost', 'disqualified')`;

/** One wide-lead SELECT per file, in canonical columns plus its file order `_f` and `_row`. */
function wideSelect(f: LoadedFile, order: number): string {
	const t = srcTable(f.id);
	if (f.kind === 'lead_history') {
		const first = (c: string) => `arg_min(${c}, changed_at) FILTER (WHERE ${c} IS NOT NULL)`;
		const last = (c: string) => `arg_max(${c}, changed_at) FILTER (WHERE ${c} IS NOT NULL)`;
		const at = (target: string) => `min(changed_at) FILTER (WHERE stage_target = '${target}')`;
		return `SELECT ${order} AS _f, min(_row) AS _row, lead_id, min(changed_at) AS created_at,
			${first('channel')} AS channel, ${last('owner')} AS owner, ${first('segment')} AS segment,
			${at('mql')} AS mql_at, ${at('sql')} AS sql_at, ${at('opportunity')} AS opportunity_at, ${at('won')} AS won_at,
			min(changed_at) FILTER (WHERE ${LOST('stage_target')}) AS lost_at,
			${last('amount')} AS amount, ${last('stage')} AS status,
			NULL::INTEGER AS status_rank, bool_or(${LOST('stage_target')}) AS lost
			FROM ${t} WHERE lead_id IS NOT NULL AND changed_at IS NOT NULL GROUP BY lead_id`;
	}
	return `SELECT ${order} AS _f, _row, lead_id, created_at, channel, owner, segment, mql_at, sql_at, opportunity_at,
		coalesce(won_at, CASE WHEN status_target = 'won' THEN closed_at END) AS won_at,
		coalesce(lost_at, CASE WHEN ${LOST('status_target')} THEN closed_at END) AS lost_at,
		amount, status, ${RANK_CASE('status_target')} AS status_rank, coalesce(${LOST('status_target')}, false) AS lost
		FROM ${t}`;
}

export async function rebuildCanonical(db: Db, files: readonly LoadedFile[]): Promise<DatasetMeta> {
	await db.exec(
		'DROP TABLE IF EXISTS leads; DROP TABLE IF EXISTS activities; DROP TABLE IF EXISTS customers; DROP TABLE IF EXISTS spend;'
	);
	await db.exec(CANONICAL_DDL);
	const leadFiles = files.filter((f) => f.kind === 'leads' || f.kind === 'lead_history');
	if (leadFiles.length) {
		const union = leadFiles.map((f, i) => wideSelect(f, i)).join(' UNION ALL ');
		// Rows without an id cannot be matched across files: each stays a lead of its own.
		const key = `coalesce(lead_id, '(no id) ' || _f || ':' || _row)`;
		const pick = (c: string) => `arg_min(${c}, _f * 1e9 + _row) FILTER (WHERE ${c} IS NOT NULL)`;
		await db.exec(`INSERT INTO leads
			SELECT ${key} AS lead_id, min(created_at), ${pick('channel')}, ${pick('owner')}, ${pick('segment')},
				min(mql_at), min(sql_at), min(opportunity_at), min(won_at), min(lost_at),
				${pick('amount')}, ${pick('status')}, max(status_rank), bool_or(lost)
			FROM (${union}) GROUP BY ${key}`);
	}
	for (const f of files.filter((x) => x.kind === 'activities')) {
		await db.exec(`INSERT INTO activities
			SELECT activity_id, occurred_at, rep, lead_id, coalesce(type_target, type),
				-- METRICS.md: with no type column every row is a call
				${f.mapping.some((m) => m.field === 'type') ? "coalesce(type_target = 'call', false)" : 'true'},
				CASE WHEN outcome IS NULL THEN NULL ELSE coalesce(outcome_target, 'other') END
			FROM ${srcTable(f.id)} WHERE occurred_at IS NOT NULL`);
	}
	for (const f of files.filter((x) => x.kind === 'customers')) {
		await db.exec(`INSERT INTO customers SELECT account_id, start_date, churned_at, mrr, expansion_at, nps
			FROM ${srcTable(f.id)} WHERE start_date IS NOT NULL`);
	}
	for (const f of files.filter((x) => x.kind === 'spend')) {
		await db.exec(`INSERT INTO spend SELECT month, channel, spend FROM ${srcTable(f.id)}
			WHERE month IS NOT NULL AND spend IS NOT NULL`);
	}
	const stageSet = new Set<Stage>(leadFiles.flatMap((f) => f.stages));
	return {
		tables: {
			leads: leadFiles.length > 0,
			activities: files.some((f) => f.kind === 'activities'),
			customers: files.some((f) => f.kind === 'customers'),
			spend: files.some((f) => f.kind === 'spend')
		},
		stages: STAGES.filter((s) => stageSet.has(s))
	};
}

/** Drops a file's tables (when it is removed or replaced). */
export async function dropFileTables(db: Db, id: number): Promise<void> {
	await db.exec(
		`DROP TABLE IF EXISTS mb_raw_${id}; DROP TABLE IF EXISTS mb_src_${id}; DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};`
	);
}
