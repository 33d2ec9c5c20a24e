/**
 * Rebuilds the canonical tables from every loaded file: several lead files (a lead export, a deal export,
 * a stage history) are merged by lead_id, each stage taking the earliest date any file gives it
 * (docs/metrics.md). Cheap enough to redo after every add/remove/remap, and it keeps the per-file tables as
 * the single source, so removing a file can never leave its rows behind.
 */
import type { Db } from '../db/types';
import { CANONICAL_DDL, MATERIALISE_LEAD_CUBE, type DatasetMeta } from '../schema';
import { rankCaseSql, STAGES, type Stage } from '../model/stages';
import type { LoadedFile } from './load';
import { srcTable } from './fields';

/** A lost or disqualified status (a status-only lost deal still ranks as an opportunity: rankCaseSql). */
const LOST = (col: string) => `${col} IN ('lost', 'disqualified')`;

/** The file has an opportunity date column: its dates, not a lost status, say who was an opportunity. */
function datesOpportunities(f: Pick<LoadedFile, 'mapping'>): boolean {
	return f.mapping.some((m) => m.field === 'opportunity_at');
}

/** One wide-lead SELECT per file, in canonical columns plus its file order `_f` and `_row`. */
function wideSelect(f: LoadedFile, order: number): string {
	const t = srcTable(f.id);
	if (f.kind === 'lead_history') return historySelect(t, order);
	// A deal export's row became an opportunity when it was created (see LoadedFile.deals).
	const opportunity = f.deals
		? `coalesce(opportunity_at, CASE WHEN status_target IN ('opportunity', 'won', 'lost') THEN created_at END)`
		: 'opportunity_at';
	// Without a close date column the stage dates are the file's own (and a view over this stays cheap).
	const closes = f.mapping.some((m) => m.field === 'closed_at');
	return `SELECT ${order} AS _f, _row, lead_id, created_at, channel, owner, segment, mql_at, sql_at,
		${opportunity} AS opportunity_at,
		${closes ? `coalesce(won_at, CASE WHEN status_target = 'won' THEN closed_at END)` : 'won_at'} AS won_at,
		${closes ? `coalesce(lost_at, CASE WHEN ${LOST('status_target')} THEN closed_at END)` : 'lost_at'} AS lost_at,
		amount, status, ${rankCaseSql('status_target', !datesOpportunities(f))} AS status_rank,
		coalesce(${LOST('status_target')}, false) AS lost
		FROM ${t}`;
}

/**
 * A long stage history pivoted to one wide row per lead: each stage's earliest date; the current
 * status, owner and amount from the latest change. Changes are ordered by date, then by file order
 * (histories list same-day changes in the order they happened). A lead is lost only if its latest
 * known stage is a lost one: a deal reopened after `Closed Lost` is open again, and its `lost_at` is
 * when the final lost run began.
 */
function historySelect(t: string, order: number): string {
	const first = (c: string) => `arg_min(${c}, _ord) FILTER (WHERE ${c} IS NOT NULL)`;
	const last = (c: string) => `arg_max(${c}, _ord) FILTER (WHERE ${c} IS NOT NULL)`;
	const at = (target: string) => `min(changed_at) FILTER (WHERE stage_target = '${target}')`;
	return `SELECT ${order} AS _f, _row, lead_id, created_at, channel, owner, segment, mql_at, sql_at, opportunity_at,
			won_at, CASE WHEN ${LOST('final_target')} THEN final_lost_at END AS lost_at, amount, status, status_rank,
			coalesce(${LOST('final_target')}, false) AS lost
		FROM (
			SELECT lead_id, min(_row) AS _row, min(changed_at) AS created_at,
				${first('channel')} AS channel, ${last('owner')} AS owner, ${first('segment')} AS segment,
				${at('mql')} AS mql_at, ${at('sql')} AS sql_at, ${at('opportunity')} AS opportunity_at, ${at('won')} AS won_at,
				min(changed_at) FILTER (WHERE _lost AND _ord > coalesce(_open_ord, -1)) AS final_lost_at,
				${last('amount')} AS amount, ${last('stage')} AS status, ${last('stage_target')} AS final_target,
				max(${rankCaseSql('stage_target')}) AS status_rank
			FROM (
				SELECT *, coalesce(${LOST('stage_target')}, false) AS _lost,
					max(CASE WHEN stage_target IS NOT NULL AND NOT ${LOST('stage_target')} THEN _ord END)
						OVER (PARTITION BY lead_id) AS _open_ord
				FROM (
					SELECT *, (changed_at - DATE '1970-01-01')::BIGINT * 10000000000 + _row AS _ord
					FROM ${t} WHERE lead_id IS NOT NULL AND changed_at IS NOT NULL
				)
			)
			GROUP BY lead_id
		)`;
}

/**
 * Rebuilds the four canonical tables in one transaction, sent as one batch: no other query on the
 * connection (the dashboard's) can run between its statements and see the tables half built, and if
 * any statement fails the tables stay as they were (a file that breaks the merge never leaves the
 * dashboard with half a dataset).
 */
export async function rebuildCanonical(db: Db, files: readonly LoadedFile[]): Promise<DatasetMeta> {
	try {
		await db.exec(['BEGIN TRANSACTION', ...canonicalSql(files), 'COMMIT'].join(';\n'));
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw e;
	}
	return datasetMeta(files);
}

/** The statements that rebuild the canonical tables from the files' `mb_src_*` tables. */
function canonicalSql(files: readonly LoadedFile[]): string[] {
	const sql = [
		'DROP VIEW IF EXISTS leads; DROP TABLE IF EXISTS leads_t; DROP TABLE IF EXISTS activities; DROP TABLE IF EXISTS customers; DROP TABLE IF EXISTS spend; DROP TABLE IF EXISTS lead_cube_t; DROP TABLE IF EXISTS sales_cycle_t',
		CANONICAL_DDL
	];
	const leadFiles = files.filter((f) => f.kind === 'leads' || f.kind === 'lead_history');
	const single = leadFiles.length === 1 ? leadFiles[0] : null;
	if (single && single.kind === 'leads' && !single.quality.issues.some((i) => i.code === 'duplicate_id')) {
		// One lead file with unique ids: merging would group each row with itself, and even a copy costs
		// a quarter of a second and its memory at a million rows. `leads` is a view over the file's typed
		// table instead (the file's tables are dropped only after the next rebuild replaced the view).
		sql.push(`CREATE OR REPLACE VIEW leads AS
			SELECT coalesce(lead_id, '(no id) ' || _f || ':' || _row) AS lead_id, created_at, channel, owner, segment,
				mql_at, sql_at, opportunity_at, won_at, lost_at, amount, status, status_rank, lost,
				NULL::VARCHAR AS deal_owner, NULL::VARCHAR AS deal_stage, NULL::DOUBLE AS probability,
				NULL::VARCHAR AS currency, NULL::VARCHAR AS lost_reason, NULL::DOUBLE AS score,
				NULL::DATE AS last_activity_at, NULL::VARCHAR AS status_target, amount AS amount_raw
			FROM (${wideSelect(single, 0)})`);
	} else if (leadFiles.length) {
		const union = leadFiles.map((f, i) => wideSelect(f, i)).join(' UNION ALL ');
		// Rows without an id cannot be matched across files: each stays a lead of its own.
		const key = `coalesce(lead_id, '(no id) ' || _f || ':' || _row)`;
		const pick = (c: string) => `arg_min(${c}, _f * 1e9 + _row) FILTER (WHERE ${c} IS NOT NULL)`;
		sql.push(`INSERT INTO leads_t (lead_id, created_at, channel, owner, segment, mql_at, sql_at, opportunity_at, won_at,
				lost_at, amount, status, status_rank, lost)
			SELECT ${key} AS lead_id, min(created_at), ${pick('channel')}, ${pick('owner')}, ${pick('segment')},
				min(mql_at), min(sql_at), min(opportunity_at), min(won_at), min(lost_at),
				${pick('amount')}, ${pick('status')}, max(status_rank), bool_or(lost)
			FROM (${union}) GROUP BY ${key}`);
	}
	sql.push(MATERIALISE_LEAD_CUBE);
	for (const f of files.filter((x) => x.kind === 'activities')) {
		// docs/metrics.md: with no type column every row is a call.
		const isCall = f.mapping.some((m) => m.field === 'type')
			? "coalesce(type_target = 'call', false)"
			: 'true';
		sql.push(`INSERT INTO activities
			SELECT activity_id, occurred_at, rep, lead_id, coalesce(type_target, type), ${isCall},
				CASE WHEN outcome IS NULL THEN NULL ELSE coalesce(outcome_target, 'other') END
			FROM ${srcTable(f.id)} WHERE occurred_at IS NOT NULL`);
	}
	for (const f of files.filter((x) => x.kind === 'customers')) {
		sql.push(`INSERT INTO customers (account_id, start_date, churned_at, mrr, expansion_at, nps) SELECT account_id, start_date, churned_at, mrr, expansion_at, nps
			FROM ${srcTable(f.id)} WHERE start_date IS NOT NULL`);
	}
	for (const f of files.filter((x) => x.kind === 'spend')) {
		sql.push(`INSERT INTO spend SELECT month, channel, spend FROM ${srcTable(f.id)}
			WHERE month IS NOT NULL AND spend IS NOT NULL`);
	}
	return sql;
}

function datasetMeta(files: readonly LoadedFile[]): DatasetMeta {
	const leadFiles = files.filter((f) => f.kind === 'leads' || f.kind === 'lead_history');
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
		`DROP TABLE IF EXISTS mb_raw_${id}; DROP TABLE IF EXISTS mb_src_${id}; DROP TABLE IF EXISTS mb_rej_${id}; DROP TABLE IF EXISTS mb_rejscan_${id};
		DROP TABLE IF EXISTS mb_raw_${id}_renumber;` +
			['status', 'stage', 'outcome', 'type'].map((f) => ` DROP TABLE IF EXISTS mb_voc_${id}_${f};`).join('')
	);
}
