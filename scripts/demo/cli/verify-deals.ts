/**
 * Verifies a lead's deal-export columns and lead score (商談所有者, フェーズ,
 * 確度 (%), 失注理由, リードスコア, 最終活動日): set exactly for opportunities,
 * consistent with the stage dates; gathers open deals by stage, stale deals,
 * win rates per deal owner, lost reasons and the lead score by outcome.
 */
import { FY_END } from '../calendar';
import { DEAL_STAGE_PROBABILITY, FIELD_REPS, LOST_REASONS, OPEN_DEAL_STAGES, REPS } from '../vocabulary';
import { add, check, indexOf, parseDay } from './read';

/** The deal-export columns (商談所有者 … 最終活動日) and the lead score, as of FY_END. */
export interface DealStats {
	openByStage: Map<string, number>;
	open: number;
	openStale: number;
	byOwner: Map<string, { deals: number; won: number; lost: number }>;
	lostReasons: Map<string, number>;
	/** Σ and count of リードスコア for leads that reached SQL and for the rest. */
	score: { sqlSum: number; sqlCount: number; otherSum: number; otherCount: number };
	/** ステータス of leads that stopped at MQL (MQL date, no later date). */
	mqlTriage: Map<string, number>;
}

/**
 * 商談所有者, フェーズ, 確度 (%), 失注理由, リードスコア, 最終活動日 (fields 12–17):
 * deal columns exactly for opportunities, consistent with the stage dates.
 * Returns the 最終活動日.
 */
export function checkDealColumns(
	f: string[],
	where: string,
	d: { sql: number | null; opp: number | null; won: number | null; lost: number | null },
	stats: DealStats
): number | null {
	const [dealOwner, stage, probability, lostReason, score, lastText] = f.slice(12);
	const isDeal = d.opp !== null;
	check(/^(100|[1-9]?\d)$/.test(score), () => `${where}: bad リードスコア "${score}"`);
	const s = stats.score;
	if (d.sql !== null || d.opp !== null || d.won !== null) {
		s.sqlSum += Number(score);
		s.sqlCount++;
	} else {
		s.otherSum += Number(score);
		s.otherCount++;
	}
	check(
		(dealOwner !== '') === isDeal && (stage !== '') === isDeal && (lastText !== '') === isDeal,
		() => `${where}: 商談所有者, フェーズ and 最終活動日 must be set exactly for opportunities`
	);
	const expectedStage = !isDeal ? '' : d.won !== null ? '受注' : d.lost !== null ? '失注' : null;
	if (expectedStage === null) indexOf(OPEN_DEAL_STAGES, stage, where);
	else check(stage === expectedStage, () => `${where}: フェーズ ${stage}, expected "${expectedStage}"`);
	check(
		probability ===
			(stage === '' ? '' : String(DEAL_STAGE_PROBABILITY[stage as keyof typeof DEAL_STAGE_PROBABILITY])),
		() => `${where}: 確度 ${probability} for フェーズ ${stage}`
	);
	check(lostReason === '' || stage === '失注', () => `${where}: 失注理由 on a deal that is not lost`);
	if (lostReason !== '') indexOf(LOST_REASONS, lostReason, where);
	if (!isDeal) return null;

	indexOf(FIELD_REPS, dealOwner, where);
	check(
		!(REPS as readonly string[]).includes(dealOwner),
		() => `${where}: 商談所有者 is an inside-sales rep`
	);
	const last = parseDay(lastText, where) as number;
	const close = d.won ?? d.lost;
	if (close !== null)
		check(last === close, () => `${where}: 最終活動日 of a closed deal is not its close date`);
	else
		check(
			last >= (d.opp as number) && last <= FY_END,
			() => `${where}: 最終活動日 outside the open deal's life`
		);
	const owner = stats.byOwner.get(dealOwner) as { deals: number; won: number; lost: number };
	owner.deals++;
	if (d.won !== null) owner.won++;
	if (d.lost !== null) {
		owner.lost++;
		add(stats.lostReasons, lostReason === '' ? '(blank)' : lostReason);
	}
	if (close === null) {
		stats.open++;
		add(stats.openByStage, stage);
		if (last < FY_END - STALE_DAYS) stats.openStale++;
	}
	return last;
}

/** docs/metrics.md's stale deal: no activity in the 30 days before the as-of date. */
export const STALE_DAYS = 30;
