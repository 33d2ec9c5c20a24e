/**
 * Step 7a: which funnel stages a file describes, and whether it is a deal export (see LoadedFile.deals).
 */
import { stageRank, type Stage } from '../model/stages';
import { normaliseHeader } from './normalise';
import type { ColumnMapping, FileKind } from './types';

/** Id headers that name a deal, not a lead: the file's rows are deals. */
const DEAL_ID_HEADERS = new Set(
	['Opportunity ID', 'OpportunityId', '商談 ID', '商談ID', 'Deal ID', '取引ID', 'opportunity_id'].map(
		normaliseHeader
	)
);
/** Columns only a deal has. */
const DEAL_ONLY_FIELDS = ['is_won', 'is_closed', 'probability'];

/** The file is a deal export (see LoadedFile.deals). */
export function isDealExport(kind: FileKind, mapping: ColumnMapping[], statuses: Set<string>): boolean {
	if (kind !== 'leads' || mapping.some((m) => m.field === 'opportunity_at')) return false;
	const dealStatuses =
		statuses.size > 0 && [...statuses].every((t) => t === 'opportunity' || t === 'won' || t === 'lost');
	return dealStatuses || hasDealColumns(mapping);
}

/**
 * Columns only a deal record has (IsWon, IsClosed, a probability, a deal id header): the file is a
 * Salesforce Opportunity / 商談 or HubSpot deals export, whose single owner is the deal's owner. A file
 * recognised by its statuses alone (won and lost leads) keeps its owner as the lead's.
 */
export function hasDealColumns(mapping: ColumnMapping[]): boolean {
	return mapping.some(
		(m) =>
			DEAL_ONLY_FIELDS.includes(m.field) ||
			(m.field === 'lead_id' && DEAL_ID_HEADERS.has(normaliseHeader(m.header)))
	);
}

export function fileStages(
	kind: FileKind,
	mapping: ColumnMapping[],
	/** Per status field: the vocabulary targets its values map to. */
	targets: Record<string, Set<string>>,
	/** Stages whose date column is mapped. */
	datedStages: Stage[]
): { stages: Stage[]; deals: boolean } {
	const mapped = new Set(mapping.map((m) => m.field));
	const stages = new Set<Stage>(datedStages);
	// The statuses a file holds tell which stages it describes (a status alone implies its stage).
	for (const t of [...(targets.status ?? []), ...(targets.stage ?? [])]) {
		if (stageRank(t) !== undefined) stages.add(t as Stage);
		// A lost deal was an opportunity, unless the file dates its opportunities (see rankCaseSql).
		if (t === 'lost' && !(kind === 'leads' && mapped.has('opportunity_at'))) stages.add('opportunity');
	}
	if (kind === 'leads' || kind === 'lead_history') stages.add('lead');
	if (mapped.has('closed_at') && targets.status?.has('won')) stages.add('won');
	const deals = isDealExport(kind, mapping, targets.status ?? new Set());
	// Every row of a deal export is an opportunity, and a won flag says which were won.
	if (deals) stages.add('opportunity');
	if (deals && mapped.has('is_won') && mapped.has('closed_at')) stages.add('won');
	return { stages: [...stages], deals };
}
