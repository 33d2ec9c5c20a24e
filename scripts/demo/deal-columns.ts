/**
 * A lead's version 2 columns, drawn after its version 1 fields are settled and
 * each from its own PRNG stream, so they never shift another draw: the triage
 * of stalled MQLs (ナーチャリング), and for opportunities the deal owner, stage,
 * lost reason and last activity (stale open deals included); then the lead score.
 */
import { FY_END, randomWorkday, type Day } from './calendar';
import type { DemoContext } from './context';
import type { Lead } from './lead-record';
import { MODEL } from './model';
import { Rng, Stream } from './rng';
import { OPEN_DEAL_STAGES, type DealStage, type Status } from './vocabulary';

/**
 * The version 2 columns: each drawn from its own stream after every version 1
 * field is settled, so they read the lead but never shift its other draws.
 * ステータス is the one version 1 column that changes: some stalled MQLs move
 * from MQL to ナーチャリング, which implies no stage either way.
 */
export function addDealColumns(ctx: DemoContext, lead: Lead): void {
	if (lead.status === 'MQL') lead.status = triageStatus(new Rng(ctx.seed, Stream.Triage, lead.index), lead);
	if (lead.opportunity !== null) {
		lead.dealOwner = drawDealOwner(new Rng(ctx.seed, Stream.DealOwner, lead.index), lead);
		lead.dealStage = drawDealStage(new Rng(ctx.seed, Stream.DealStage, lead.index), lead);
		if (lead.dealStage === '失注')
			lead.lostReason = drawLostReason(new Rng(ctx.seed, Stream.LostReason, lead.index));
		lead.lastActivity = drawLastActivity(new Rng(ctx.seed, Stream.LastActivity, lead.index), lead);
	}
	lead.score = drawScore(new Rng(ctx.seed, Stream.LeadScore, lead.index), lead);
}

/** An MQL with no later stage: nurtured once the rep has worked it for a while, else still MQL. */
function triageStatus(rng: Rng, lead: Lead): Status {
	const n = MODEL.nurture;
	const worked = FY_END - (lead.mql as Day) > n.afterDays;
	return rng.chance(worked ? n.rate : n.recentRate) ? 'ナーチャリング' : 'MQL';
}

function drawDealOwner(rng: Rng, lead: Lead): number {
	const d = MODEL.deals;
	const outcome =
		lead.won !== null ? d.ownerWonMultiplier : lead.lost !== null ? d.ownerLostMultiplier : null;
	const weights = d.ownerWeights[lead.segment].map((w, i) => w * (outcome?.[i] ?? 1));
	return rng.weighted(weights);
}

/** Won and lost deals carry their closed stage; an open one is further along the older it is. */
function drawDealStage(rng: Rng, lead: Lead): DealStage {
	if (lead.won !== null) return '受注';
	if (lead.lost !== null) return '失注';
	const age = FY_END - (lead.opportunity as Day);
	const band =
		MODEL.deals.openStageWeights.find((b) => age <= b.maxAgeDays) ?? MODEL.deals.openStageWeights[2];
	return OPEN_DEAL_STAGES[rng.weighted(band.weights)];
}

function drawLostReason(rng: Rng): number | null {
	const d = MODEL.deals;
	return rng.chance(d.lostReasonBlank) ? null : rng.weighted(d.lostReasonWeights);
}

/**
 * Closed deals: their close date. Open deals older than staleDays went quiet
 * with a chance that grows with age (last touch before FY_END − staleDays);
 * the rest were touched within the last staleDays.
 */
function drawLastActivity(rng: Rng, lead: Lead): Day {
	if (lead.won !== null) return lead.won;
	if (lead.lost !== null) return lead.lost;
	const d = MODEL.deals;
	const opportunity = lead.opportunity as Day;
	const quietFrom = FY_END - d.staleDays; // a last touch before this day is stale
	const age = FY_END - opportunity;
	const [lo, hi] = d.staleChance;
	const stale =
		opportunity < quietFrom &&
		rng.chance(lo + (hi - lo) * Math.min(1, (age - d.staleDays) / (d.staleChanceFullAgeDays - d.staleDays)));
	return stale
		? randomWorkday(rng, opportunity, quietFrom - 1)
		: randomWorkday(rng, Math.max(opportunity, quietFrom), FY_END);
}

/** Stage-driven mean, channel and disqualification shifts, roughly normal noise (sum of three uniforms); 0–100. */
function drawScore(rng: Rng, lead: Lead): number {
	const s = MODEL.leadScore;
	const stage =
		lead.won !== null ? 4 : lead.opportunity !== null ? 3 : lead.sql !== null ? 2 : lead.mql !== null ? 1 : 0;
	const noise = (rng.float() + rng.float() + rng.float() - 1.5) * 2 * s.noiseSd;
	const mean =
		s.stageMean[stage] + s.channelShift[lead.channel] + (lead.status === '対象外' ? s.disqualifiedShift : 0);
	return Math.min(100, Math.max(0, Math.round(mean + noise)));
}
