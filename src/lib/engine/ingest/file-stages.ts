/**
 * Step 7a: which funnel stages a file describes, and whether it is a deal export (see LoadedFile.deals).
 */
import { stageRank, type Stage } from '../model/stages';
import type { FileKind } from './types';

export function fileStages(
	kind: FileKind,
	mapped: Set<string>,
	/** Per status field: the vocabulary targets its values map to. */
	targets: Record<string, Set<string>>,
	/** Stages whose date column is mapped. */
	datedStages: Stage[]
): { stages: Stage[]; deals: boolean } {
	const stages = new Set<Stage>(datedStages);
	// The statuses a file holds tell which stages it describes (a status alone implies its stage).
	for (const t of [...(targets.status ?? []), ...(targets.stage ?? [])]) {
		if (stageRank(t) !== undefined) stages.add(t as Stage);
		// A lost deal was an opportunity, unless the file dates its opportunities (see rankCaseSql).
		if (t === 'lost' && !(kind === 'leads' && mapped.has('opportunity_at'))) stages.add('opportunity');
	}
	if (kind === 'leads' || kind === 'lead_history') stages.add('lead');
	if (mapped.has('closed_at') && targets.status?.has('won')) stages.add('won');
	const statuses = [...(targets.status ?? [])];
	const deals =
		kind === 'leads' &&
		!mapped.has('opportunity_at') &&
		statuses.length > 0 &&
		statuses.every((t) => t === 'opportunity' || t === 'won' || t === 'lost');
	return { stages: [...stages], deals };
}
