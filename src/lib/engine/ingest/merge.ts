/**
 * Rebuilds the canonical tables from every loaded file: several lead files (a lead export, a deal export,
 * a stage history) are merged by lead_id, each stage taking the earliest date any file gives it
 * (docs/metrics.md). Cheap enough to redo after every add/remove/remap, and it keeps the per-file tables as
 * the single source, so removing a file can never leave its rows behind.
 */
import type { Db } from '../db/types';
import { CANONICAL_DDL, MATERIALISE_LEAD_CUBE, type DatasetMeta } from '../schema';
import type { Fx } from '../metrics/money';
import { STAGES, type Stage } from '../model/stages';
import type { LoadedFile } from './load';
import { srcTable } from './fields';
import { mergedLeadsInsert, singleLeadView, USERS_TABLE, userKey, usersTable } from './merge-leads';

/**
 * Rebuilds the four canonical tables in one transaction, sent as one batch: no other query on the
 * connection (the dashboard's) can run between its statements and see the tables half built, and if
 * any statement fails the tables stay as they were (a file that breaks the merge never leaves the
 * dashboard with half a dataset).
 */
export async function rebuildCanonical(db: Db, files: readonly LoadedFile[], fx: Fx): Promise<DatasetMeta> {
	try {
		await db.exec(['BEGIN TRANSACTION', ...canonicalSql(files, fx), 'COMMIT'].join(';\n'));
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw e;
	}
	return datasetMeta(files);
}

/** The statements that rebuild the canonical tables from the files' `mb_src_*` tables. */
function canonicalSql(files: readonly LoadedFile[], fx: Fx): string[] {
	const sql = [
		'DROP VIEW IF EXISTS leads; DROP TABLE IF EXISTS leads_t; DROP TABLE IF EXISTS activities; DROP TABLE IF EXISTS customers; DROP TABLE IF EXISTS spend; DROP TABLE IF EXISTS stage_history; DROP TABLE IF EXISTS lead_cube_t; DROP TABLE IF EXISTS sales_cycle_t; DROP TABLE IF EXISTS deals_t',
		CANONICAL_DDL
	];
	const leadFiles = files.filter((f) => f.kind === 'leads' || f.kind === 'lead_history');
	const userFiles = files.filter((f) => f.kind === 'users');
	const users = userFiles.length > 0;
	sql.push(users ? usersTable(userFiles) : `DROP TABLE IF EXISTS ${USERS_TABLE}`);
	const single = leadFiles.length === 1 ? leadFiles[0] : null;
	if (single && single.kind === 'leads' && !single.quality.issues.some((i) => i.code === 'duplicate_id')) {
		// One lead file with unique ids: merging would group each row with itself, and even a copy costs
		// a quarter of a second and its memory at a million rows. `leads` is a view over the file's typed
		// table instead (the file's tables are dropped only after the next rebuild replaced the view).
		sql.push(singleLeadView(single, fx, users));
	} else if (leadFiles.length) {
		sql.push(mergedLeadsInsert(leadFiles, fx, users));
	}
	sql.push(MATERIALISE_LEAD_CUBE);
	for (const f of files.filter((x) => x.kind === 'activities')) {
		// docs/metrics.md: with no type column every row is a call.
		const isCall = f.mapping.some((m) => m.field === 'type')
			? "coalesce(type_target = 'call', false)"
			: 'true';
		sql.push(`INSERT INTO activities
			SELECT activity_id, occurred_at, ${users ? 'coalesce(u.name, rep)' : 'rep'}, lead_id, coalesce(type_target, type), ${isCall},
				CASE WHEN outcome IS NULL THEN NULL ELSE coalesce(outcome_target, 'other') END
			FROM ${srcTable(f.id)} ${users ? `LEFT JOIN ${USERS_TABLE} u ON u.k = ${userKey('rep')}` : ''}
			WHERE occurred_at IS NOT NULL`);
	}
	for (const f of files.filter((x) => x.kind === 'customers')) {
		sql.push(`INSERT INTO customers (account_id, start_date, churned_at, mrr, expansion_at, nps, expansion_mrr, churn_reason, nps_at)
			SELECT account_id, start_date, churned_at, mrr, expansion_at, nps, expansion_mrr, churn_reason, nps_at
			FROM ${srcTable(f.id)} WHERE start_date IS NOT NULL`);
	}
	for (const f of files.filter((x) => x.kind === 'lead_history')) {
		sql.push(`INSERT INTO stage_history SELECT lead_id, changed_at, stage FROM ${srcTable(f.id)}
			WHERE lead_id IS NOT NULL AND changed_at IS NOT NULL AND nullif(trim(stage), '') IS NOT NULL`);
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
