/**
 * The canonical tables of docs/metrics.md as they live in DuckDB. Ingestion fills them; metrics read only
 * them. Every table always exists (empty when no file gave it), and `DatasetMeta` says what was given.
 */

import { cubeReached, reachedSql, STAGES, statusReachesSql, type Stage } from './model/stages';

export { STAGES, STAGE_DATE, type Stage } from './model/stages';

export const TABLE_KINDS = ['leads', 'activities', 'customers', 'spend'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** Dimensions a view can filter or break down by. Closed set: these names are never user input. */
export const LEAD_DIMENSIONS = ['channel', 'owner', 'segment', 'deal_owner'] as const;
export type LeadDimension = (typeof LEAD_DIMENSIONS)[number];

/**
 * MQL triage (docs/metrics.md "Triage"): a disqualified or lost MQL. Nurture comes first: an MQL in
 * nurture is never counted as disqualified.
 */
export const TRIAGE_DISQUALIFIED_SQL = `(status_target IN ('disqualified', 'lost') OR lost_at IS NOT NULL OR (status_target IS NULL AND coalesce(lost, false)))`;
/** The cube's triage column: for an MQL that did not reach SQL, 1 = nurture, 2 = disqualified, else 0. */
export const CUBE_TRIAGE = 't';
export const TRIAGE_NURTURE = 1;
export const TRIAGE_DISQUALIFIED = 2;

/**
 * The cohort cube: leads pre-aggregated by creation day, the three dimensions and which stages they
 * reached (no window). Cohort funnels, revenue, channel tables and trends without a conversion window
 * read it instead of scanning every lead: at a million leads it holds a few tens of thousands of rows,
 * so a filter or brush recomputes in milliseconds (Mosaic's pre-aggregated cubes are the model).
 * It is a view over `leads` (always right, e.g. in tests that insert leads directly) until
 * `materialiseLeadCube` replaces it with a table after a load.
 * `r{i}`: reached stage i (its own date, a later stage's date, or a status implying it); `t`: the
 * triage class of an MQL that did not reach SQL (see CUBE_TRIAGE).
 */
export const LEAD_CUBE_SELECT = `SELECT created_at, channel, owner, segment, deal_owner,
	${STAGES.slice(1)
		.map((_, k) => `${reachedSql(k + 1)} AS ${cubeReached(k + 1)}`)
		.join(',\n\t')},
	CASE WHEN ${reachedSql(1)} AND NOT ${reachedSql(2)} THEN
		CASE WHEN status_target = 'nurture' THEN ${TRIAGE_NURTURE} WHEN ${TRIAGE_DISQUALIFIED_SQL} THEN ${TRIAGE_DISQUALIFIED} ELSE 0 END
	ELSE 0 END::UTINYINT AS ${CUBE_TRIAGE},
	count(*)::INTEGER AS n, coalesce(sum(amount), 0)::DOUBLE AS amount, count(amount)::INTEGER AS n_amount
FROM leads GROUP BY ALL`;

/**
 * The deals: leads that reached the opportunity stage, by a date (an opportunity or a won date: the
 * stage's reach date) or by a status alone. The open pipeline, "what changed" and the lost reasons only
 * ever look at deals, so they read these few per cent of the rows, not every lead; the pipeline and
 * "what changed" go by the reach date, which a deal known by its status alone does not have. A view
 * over `leads` until materialised, like the cube.
 */
export const DEALS_SELECT = `SELECT * FROM leads WHERE opportunity_at IS NOT NULL OR won_at IS NOT NULL OR ${statusReachesSql(STAGES.indexOf('opportunity'))}`;

/**
 * The leads with both an opportunity and a won date: the sales cycle (opportunity → won velocity, the
 * field-sales KPI every page shows) reads these few thousand rows, not every lead. A view over `leads`
 * until materialised, like the cube.
 */
export const SALES_CYCLE_SELECT = `SELECT created_at, channel, owner, segment, deal_owner, opportunity_at, won_at
FROM leads WHERE opportunity_at IS NOT NULL AND won_at IS NOT NULL`;

/**
 * Replaces the cube, deals and sales-cycle views by tables of the same rows (after the canonical tables
 * are rebuilt). The sales cycle's leads (an opportunity and a won date) are all deals: read from the
 * few deal rows, not every lead.
 */
export const MATERIALISE_LEAD_CUBE = `DROP TABLE IF EXISTS lead_cube_t;
CREATE TABLE lead_cube_t AS ${LEAD_CUBE_SELECT};
CREATE OR REPLACE VIEW lead_cube AS SELECT * FROM lead_cube_t;
DROP TABLE IF EXISTS deals_t;
CREATE TABLE deals_t AS ${DEALS_SELECT};
CREATE OR REPLACE VIEW deals AS SELECT * FROM deals_t;
DROP TABLE IF EXISTS sales_cycle_t;
CREATE TABLE sales_cycle_t AS ${SALES_CYCLE_SELECT.replace('FROM leads', 'FROM deals_t')};
CREATE OR REPLACE VIEW sales_cycle AS SELECT * FROM sales_cycle_t`;

export const CANONICAL_DDL = `
-- leads is always a view: over leads_t (merged files, or rows tests insert), or over a single lead
-- file's typed table (no copy; see ingest/merge.ts).
CREATE TABLE IF NOT EXISTS leads_t (
	lead_id VARCHAR, created_at DATE, channel VARCHAR, owner VARCHAR, segment VARCHAR,
	mql_at DATE, sql_at DATE, opportunity_at DATE, won_at DATE, lost_at DATE,
	amount DOUBLE, status VARCHAR,
	-- highest stage index (0 = lead … 4 = won) implied by a status alone, when no date says so
	status_rank INTEGER,
	lost BOOLEAN,
	-- v2: field-sales owner, the deal's own stage text and probability, currency, lost reason, lead
	-- score, last activity, and the status's vocabulary target (for MQL triage)
	deal_owner VARCHAR, deal_stage VARCHAR, probability DOUBLE, currency VARCHAR, lost_reason VARCHAR,
	score DOUBLE, last_activity_at DATE, status_target VARCHAR,
	-- the amount as written, in its currency; amount is in the organisation's currency (NULL without a rate)
	amount_raw DOUBLE
);
CREATE VIEW IF NOT EXISTS leads AS SELECT * FROM leads_t;
CREATE TABLE IF NOT EXISTS activities (
	activity_id VARCHAR, occurred_at DATE, rep VARCHAR, lead_id VARCHAR,
	type VARCHAR, is_call BOOLEAN, outcome VARCHAR
);
CREATE TABLE IF NOT EXISTS customers (
	account_id VARCHAR, start_date DATE, churned_at DATE, mrr DOUBLE, expansion_at DATE, nps INTEGER,
	expansion_mrr DOUBLE, churn_reason VARCHAR, nps_at DATE
);
CREATE TABLE IF NOT EXISTS spend (month DATE, channel VARCHAR, spend DOUBLE);
-- v2: the long-form stage changes of every history file, as written (what changed in the period)
CREATE TABLE IF NOT EXISTS stage_history (lead_id VARCHAR, changed_at DATE, stage VARCHAR);
CREATE OR REPLACE VIEW lead_cube AS ${LEAD_CUBE_SELECT};
CREATE OR REPLACE VIEW sales_cycle AS ${SALES_CYCLE_SELECT};
CREATE OR REPLACE VIEW deals AS ${DEALS_SELECT};
`;

/** What the loaded data holds: which tables were given and which funnel stages they describe. */
export interface DatasetMeta {
	tables: Record<TableKind, boolean>;
	/** Stages with a mapped date column or a status mapping, in stage order; always starts with `lead` when leads exist. */
	stages: Stage[];
}

export const emptyMeta = (): DatasetMeta => ({
	tables: { leads: false, activities: false, customers: false, spend: false },
	stages: []
});
