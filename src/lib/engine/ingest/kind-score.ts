/**
 * How convincing a mapping is for a kind (0..1): required and optional coverage, distinctive fields,
 * and what the sample adds (history headers, repeated ids, month and number columns, user headers).
 */
import { WIDE_STAGE_DATES } from '../model/stages';
import type { Column } from './column-profile';
import { datesById } from './fields';
import { normaliseHeader } from './normalise';
import { REQUIRED_FIELDS, type ColumnMapping, type FileKind } from './types';
import { duplicateShare, looksLikeMonthColumn, looksLikeNumberColumn } from './value-shapes';
import { looksLikeOutcomeColumn } from './vocab';

/**
 * How many optional fields make a kind's optional coverage complete: a lead export with an id, a
 * source and a status is as convincing as one with every stage date.
 */
const OPTIONAL_TARGET: Record<FileKind, number> = {
	leads: 3,
	lead_history: 1,
	activities: 3,
	customers: 2,
	spend: 1,
	users: 1
};

/**
 * Headers (normalised) found only in history tables: Salesforce field history and OpportunityHistory,
 * generic before/after exports.
 */
const HISTORY_HEADERS = new Set(
	[
		'OldValue',
		'NewValue',
		'FromOpportunityStageName',
		'FromForecastCategory',
		'PrevAmount',
		'PrevCloseDate',
		'ValidThroughDate',
		'CreatedDateForInsert',
		'From Stage',
		'To Stage',
		'Previous Stage',
		'changed_at',
		'変更日',
		'変更日時',
		'変更前',
		'変更後',
		'旧値',
		'新しい値',
		// Salesforce field history names the changed field in a column of its own.
		'Field'
	].map(normaliseHeader)
);

/** Headers only a user list has (Salesforce User). */
const USER_HEADERS = new Set(
	[
		'Username',
		'ProfileId',
		'UserRoleId',
		'IsActive',
		'LastLoginDate',
		'UserType',
		'ユーザー名',
		'プロファイル',
		'ロール'
	].map(normaliseHeader)
);

/**
 * Fields that set a kind apart from the others. Every kind has an id, a date and a person; a file with
 * none of its kind's distinctive fields only resembles it.
 */
const DISTINCTIVE_FIELDS: Record<FileKind, readonly string[]> = {
	leads: [
		'channel',
		'status',
		'segment',
		'amount',
		'mql_at',
		'sql_at',
		'opportunity_at',
		'won_at',
		'lost_at',
		'closed_at'
	],
	lead_history: ['stage'],
	activities: ['type', 'outcome'],
	customers: ['mrr', 'churned_at', 'expansion_at', 'nps'],
	spend: ['spend'],
	users: ['name']
};

/**
 * 0..1: required fields weigh most (a kind missing one is at most half-convincing), optional fields
 * add up to a kind-specific target, a kind with none of its distinctive fields is discounted, and
 * sample evidence adjusts: repeated ids and history-only headers point to a long stage history, wide
 * stage-date columns away from it, outcome values to activities, month values next to numbers to spend.
 */
export function scoreKind(
	kind: FileKind,
	mapping: ColumnMapping[],
	columns: Column[],
	sampleRows: number,
	leadsMapping: ColumnMapping[]
): number {
	const conf = new Map(mapping.map((m) => [m.field, m.confidence]));
	// A lead file without created_at still counts as whole when an id carries its stage dates or status.
	const byId = kind === 'leads' && !conf.has('created_at') && datesById(new Set(conf.keys()));
	const required = byId ? ['lead_id'] : REQUIRED_FIELDS[kind];
	const requiredCoverage =
		(byId ? 0.8 : 1) * (required.reduce((sum, f) => sum + (conf.get(f) ?? 0), 0) / required.length);
	const optional = mapping
		.filter((m) => !required.includes(m.field))
		.reduce((sum, m) => sum + m.confidence, 0);
	const optionalCoverage = Math.min(1, optional / OPTIONAL_TARGET[kind]);
	let score = 0.6 * requiredCoverage + 0.4 * optionalCoverage;
	if (required.some((f) => !conf.has(f))) score *= 0.5;
	if (!DISTINCTIVE_FIELDS[kind].some((f) => (conf.get(f) ?? 0) >= 0.5)) score *= 0.7;
	score += evidence(kind, mapping, columns, sampleRows, leadsMapping);
	return Math.max(0, Math.min(1, score));
}

function evidence(
	kind: FileKind,
	mapping: ColumnMapping[],
	columns: Column[],
	sampleRows: number,
	leadsMapping: ColumnMapping[]
): number {
	const historyHeaders = Math.min(
		3,
		columns.filter((c) => HISTORY_HEADERS.has(normaliseHeader(c.header))).length
	);
	const idColumn = mapping.find((m) => m.field === 'lead_id');
	const ids = idColumn ? columns[idColumn.column].values : [];
	// Repeated, not constant: a placeholder in every row says nothing about a history.
	const repeatedIds = ids.length >= 3 && new Set(ids).size >= 2 && duplicateShare(ids) >= 0.2;
	switch (kind) {
		case 'leads': {
			// Repeated ids point to a history only where the columns could be one: a lead export with
			// stage-date columns and repeated ids is a lead export with duplicates (reported on load).
			const stageDates = mapping.some((m) => WIDE_STAGE_DATES.has(m.field) && m.confidence >= 0.9);
			return -0.15 * historyHeaders - (repeatedIds && !stageDates ? 0.3 : 0);
		}
		case 'lead_history': {
			const stageDates = Math.min(3, leadsMapping.filter((m) => WIDE_STAGE_DATES.has(m.field)).length);
			// A stage history repeats its ids; a sample of several rows that does not is most likely wide.
			const idEvidence = repeatedIds ? 0.2 : sampleRows >= 3 ? -0.15 : 0;
			return 0.1 * historyHeaders + idEvidence - 0.1 * stageDates;
		}
		case 'activities':
			return columns.some((c) => c.values.length > 0 && looksLikeOutcomeColumn(c.values) >= 0.6) ? 0.1 : 0;
		case 'spend': {
			// Only columns whose header leaves them open (or names a spend field) count as evidence.
			const open = columns.filter(
				(c) => c.values.length > 0 && (c.namedBy.length === 0 || c.namedBy.includes('spend'))
			);
			const month = open.some((c) => looksLikeMonthColumn(c.values) >= 0.8);
			const number = open.some((c) => looksLikeNumberColumn(c.values) >= 0.9);
			return month && number ? 0.1 : 0;
		}
		case 'customers':
			return 0;
		case 'users':
			return 0.15 * Math.min(3, columns.filter((c) => USER_HEADERS.has(normaliseHeader(c.header))).length);
	}
}
