/**
 * The one stage model: the funnel's stage order, each stage's date column, the rank a status implies,
 * and the SQL that says "reached stage i". Ingestion, the merge, the lead cube and the metrics all read
 * it from here (docs/metrics.md's stage definitions), so adding or reordering a stage is one edit.
 */

export const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;
export type Stage = (typeof STAGES)[number];

/** The column holding a stage's own date. */
export const STAGE_DATE: Record<Stage, string> = {
	lead: 'created_at',
	mql: 'mql_at',
	sql: 'sql_at',
	opportunity: 'opportunity_at',
	won: 'won_at'
};

/** Date column → the stage it dates (the reverse of STAGE_DATE). */
export const STAGE_OF_FIELD: Readonly<Record<string, Stage>> = Object.fromEntries(
	STAGES.map((s) => [STAGE_DATE[s], s])
);

/** The wide lead form's stage dates in stage order (created_at first), for the order check. */
export const STAGE_DATE_ORDER: readonly string[] = STAGES.map((s) => STAGE_DATE[s]);

/** Dates only a wide lead file has (every stage after `lead`, and the lost date): not a stage history. */
export const WIDE_STAGE_DATES: ReadonlySet<string> = new Set([...STAGE_DATE_ORDER.slice(1), 'lost_at']);

/** The index of a stage (0 = lead … 4 = won), or undefined for a status that is no stage (lost, disqualified). */
export function stageRank(status: string): number | undefined {
	const i = (STAGES as readonly string[]).indexOf(status);
	return i < 0 ? undefined : i;
}

/**
 * SQL: the highest stage rank a status target implies. A lost deal (`Closed Lost`, 失注, Maven's
 * `Lost`) was an opportunity before it was lost, so in a file without opportunity dates (a deal export,
 * a status-only file) it ranks as `opportunity` (and, skipped, every earlier stage): otherwise a deal
 * export's win rate would leave its lost deals out of the denominator. Where the file dates its
 * opportunities, the dates decide (`lostIsOpportunity` false): teams also mark meetings that never
 * became a deal 失注. A disqualified lead (`Closed - Not Converted`, 対象外) ranks NULL: no stage
 * beyond `lead`.
 */
export function rankCaseSql(col: string, lostIsOpportunity = true): string {
	const whens = STAGES.flatMap((s, i) => {
		// A lead handed back to nurturing is still a lead.
		const own = s === 'lead' ? `WHEN 'lead' THEN 0 WHEN 'nurture' THEN 0 ` : `WHEN '${s}' THEN ${i} `;
		return s === 'opportunity' && lostIsOpportunity ? [own, `WHEN 'lost' THEN ${i} `] : [own];
	});
	return `CASE ${col} ${whens.join('')}END`;
}

/** SQL on `leads`: the lead's status alone implies it reached stage index `i`. */
export function statusReachesSql(i: number): string {
	return `coalesce(status_rank, -1) >= ${i}`;
}

/**
 * SQL on `leads`: the lead reached stage index `i` (i ≥ 1): its own date, a later stage's date, or a
 * status implying it (docs/metrics.md: skipped stages count as passed).
 */
export function reachedSql(i: number): string {
	const dates = STAGES.slice(i).map((s) => `${STAGE_DATE[s]} IS NOT NULL`);
	return `(${[...dates, statusReachesSql(i)].join(' OR ')})`;
}

/** The lead cube's boolean column "reached stage index i" (i ≥ 1). */
export const cubeReached = (i: number) => `r${i}`;
