/**
 * The lead files' share of the merge: each file as wide lead rows in the canonical columns
 * (docs/metrics.md "Canonical data", "Deal exports and linked records", "Money and currencies"), and
 * the SQL that merges them by lead_id, a lead row's converted-opportunity id linking it to its deal.
 */
import { convertedAmountSql, type Fx } from '../metrics/money';
import { rankCaseSql, stageRank } from '../model/stages';
import { srcTable } from './fields';
import { hasDealColumns } from './file-stages';
import type { LoadedFile } from './load';

/** A lost or disqualified status (a status-only lost deal still ranks as an opportunity: rankCaseSql). */
export const LOST = (col: string) => `${col} IN ('lost', 'disqualified')`;

/** The v2 columns, in the order of the canonical INSERT (after the v1 ones). */
export const V2_COLUMNS = [
	'deal_owner',
	'deal_stage',
	'probability',
	'currency',
	'lost_reason',
	'score',
	'last_activity_at',
	'status_target',
	'amount_raw'
] as const;

/**
 * The amount in the organisation's currency. convertedAmountSql writes `CASE c ELSE NULL END` when no
 * rate is usable, which DuckDB cannot parse; without rates only a blank or the own currency counts.
 */
function amountSql(fx: Fx, currency: string): string {
	const usable = Object.entries(fx.rates).some(([code, rate]) => code !== fx.currency && rate > 0);
	if (usable) return convertedAmountSql(fx, 'amount', currency);
	const c = `upper(trim(${currency}))`;
	const own = /^[A-Z]{3}$/.test(fx.currency) ? fx.currency : 'JPY';
	return `CASE WHEN nullif(${c}, '') IS NULL OR ${c} = '${own}' THEN amount END`;
}

/** A yes/no flag as exports write it (IsWon `true`, 成立 `1`, `はい`). */
const flag = (c: string) =>
	`coalesce(lower(trim(${c})) IN ('true', '1', 'yes', 'y', 'はい', '✓', '○'), false)`;

const has = (f: LoadedFile, field: string) => f.mapping.some((m) => m.field === field);

/** One wide-lead SELECT per file: the canonical columns plus its file order `_f`, `_row` and `_link`. */
export function wideSelect(f: LoadedFile, order: number, fx: Fx): string {
	const t = srcTable(f.id);
	if (f.kind === 'lead_history') return historySelect(t, order);
	const deal = f.deals;
	// A deal export's flags: won when IsWon, lost when IsClosed without IsWon.
	const wonFlag = deal && has(f, 'is_won') ? flag('is_won') : 'false';
	const closedFlag = deal && has(f, 'is_closed') ? flag('is_closed') : 'false';
	const isWon = `(status_target = 'won' OR ${wonFlag})`;
	const isLost = `(${LOST('status_target')} OR (${closedFlag} AND NOT ${wonFlag} AND coalesce(status_target, '') <> 'won'))`;
	// Every row of a deal export reached `opportunity` when it was created, whatever its stage is called.
	const opportunity = deal ? 'coalesce(opportunity_at, created_at)' : 'opportunity_at';
	const closes = has(f, 'closed_at');
	const rank = rankCaseSql('status_target', !has(f, 'opportunity_at'));
	// The single owner column of a deal export is the deal's owner (field sales).
	const ownerIsDeal = deal && hasDealColumns(f.mapping) && !has(f, 'deal_owner');
	const converted = has(f, 'amount_converted');
	return `SELECT ${order} AS _f, _row, lead_id, created_at, channel,
		${ownerIsDeal ? 'NULL::VARCHAR' : 'owner'} AS owner, segment, mql_at, sql_at,
		${opportunity} AS opportunity_at,
		${closes ? `coalesce(won_at, CASE WHEN ${isWon} THEN closed_at END)` : 'won_at'} AS won_at,
		${closes ? `coalesce(lost_at, CASE WHEN ${isLost} THEN closed_at END)` : 'lost_at'} AS lost_at,
		${converted ? 'amount_converted' : amountSql(fx, 'currency')} AS amount, status,
		${wonFlag === 'false' ? rank : `CASE WHEN ${wonFlag} THEN ${stageRank('won')} ELSE ${rank} END`} AS status_rank,
		coalesce(${isLost}, false) AS lost,
		${ownerIsDeal ? 'owner' : 'deal_owner'} AS deal_owner,
		${has(f, 'deal_stage') ? 'deal_stage' : deal ? 'status' : 'NULL::VARCHAR'} AS deal_stage,
		probability, currency, lost_reason, score, last_activity_at, status_target,
		${converted && has(f, 'amount') ? 'amount' : converted ? 'amount_converted' : 'amount'} AS amount_raw,
		converted_id AS _link
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
			won_at, CASE WHEN ${LOST('final_target')} THEN final_lost_at END AS lost_at,
			${'amount'} AS amount, status, status_rank,
			coalesce(${LOST('final_target')}, false) AS lost,
			NULL::VARCHAR AS deal_owner, NULL::VARCHAR AS deal_stage, NULL::DOUBLE AS probability,
			NULL::VARCHAR AS currency, NULL::VARCHAR AS lost_reason, NULL::DOUBLE AS score,
			NULL::DATE AS last_activity_at, final_target AS status_target, amount AS amount_raw, NULL::VARCHAR AS _link
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

/** The user list's table (built by the merge when a users file is loaded). */
export const USERS_TABLE = 'mb_users';

/** Salesforce ids compare by their case-sensitive 15-character form (an 18-character id adds a checksum). */
export const userKey = (c: string) => `left(${c}, 15)`;

/** The user list from every users file: id → the first name given. */
export function usersTable(files: readonly LoadedFile[]): string {
	const union = files
		.map((f, i) => `SELECT ${i} AS _f, _row, user_id, name FROM ${srcTable(f.id)}`)
		.join(' UNION ALL ');
	return `CREATE OR REPLACE TABLE ${USERS_TABLE} AS SELECT ${userKey('user_id')} AS k, arg_min(name, _f * 1e9 + _row) AS name
		FROM (${union}) WHERE user_id IS NOT NULL AND name IS NOT NULL GROUP BY 1`;
}

/** A select's owner ids replaced by the names the user list gives (others unchanged). */
function named(select: string, users: boolean): string {
	if (!users) return select;
	return `SELECT s.* REPLACE (coalesce(uo.name, s.owner) AS owner, coalesce(ud.name, s.deal_owner) AS deal_owner)
		FROM (${select}) s LEFT JOIN ${USERS_TABLE} uo ON uo.k = ${userKey('s.owner')}
		LEFT JOIN ${USERS_TABLE} ud ON ud.k = ${userKey('s.deal_owner')}`;
}

/** Rows without an id cannot be matched across files: each stays a lead of its own. */
const OWN_KEY = `coalesce(lead_id, '(no id) ' || _f || ':' || _row)`;

/** The single lead file with unique ids: `leads` is a view over its typed table (no copy). */
export function singleLeadView(f: LoadedFile, fx: Fx, users = false): string {
	return `CREATE OR REPLACE VIEW leads AS
		SELECT ${OWN_KEY} AS lead_id, created_at, channel, owner, segment,
			mql_at, sql_at, opportunity_at, won_at, lost_at, amount, status, status_rank, lost,
			${V2_COLUMNS.join(', ')}
		FROM (${named(wideSelect(f, 0, fx), users)})`;
}

/**
 * The merged leads: every file's rows, a deal row named by a lead's converted-opportunity id taking
 * that lead's key; grouped by key, each stage its earliest date, the rest the first non-empty value in
 * load order.
 */
export function mergedLeadsInsert(files: readonly LoadedFile[], fx: Fx, users = false): string {
	const union = files.map((f, i) => named(wideSelect(f, i, fx), users)).join(' UNION ALL ');
	const pick = (c: string) => `arg_min(${c}, _f * 1e9 + _row) FILTER (WHERE ${c} IS NOT NULL)`;
	return `INSERT INTO leads_t (lead_id, created_at, channel, owner, segment, mql_at, sql_at, opportunity_at, won_at,
			lost_at, amount, status, status_rank, lost, ${V2_COLUMNS.join(', ')})
		WITH u AS (${union}),
		links AS (
			SELECT _link AS deal_id, arg_min(${OWN_KEY}, _f * 1e9 + _row) AS to_id
			FROM u WHERE _link IS NOT NULL GROUP BY _link
		),
		keyed AS (
			SELECT u.*, coalesce(CASE WHEN u._link IS NULL THEN links.to_id END, coalesce(u.lead_id, '(no id) ' || u._f || ':' || u._row)) AS _key
			FROM u LEFT JOIN links ON links.deal_id = u.lead_id
		)
		SELECT _key, min(created_at), ${pick('channel')}, ${pick('owner')}, ${pick('segment')},
			min(mql_at), min(sql_at), min(opportunity_at), min(won_at), min(lost_at),
			${pick('amount')}, ${pick('status')}, max(status_rank), bool_or(lost),
			${V2_COLUMNS.map((c) => (c === 'last_activity_at' ? 'max(last_activity_at)' : pick(c))).join(', ')}
		FROM keyed GROUP BY _key`;
}
