import { ident, type Sql } from '../db/sql';
import { LEAD_DIMENSIONS } from '../schema';
import { assertView, type MetricView } from './view';

/**
 * The dimension filters of a view as a WHERE fragment over `leads` (alias given). Values are bound
 * parameters; column names come from the closed `LEAD_DIMENSIONS` list and still go through `ident`.
 * A missing value matches the filter value '': breakdowns group NULL and '' together as '' (see
 * `funnelCountsSql`), so filtering by a breakdown's group always selects exactly that group's leads.
 */
export function dimensionFilter(view: MetricView, alias = ''): Sql {
	assertView(view); // every lead and activity builder passes here before any SQL runs
	const prefix = alias ? `${ident(alias)}.` : '';
	const parts: string[] = [];
	const params: string[] = [];
	for (const dim of LEAD_DIMENSIONS) {
		const values = view.filters[dim];
		if (!values || values.length === 0) continue;
		parts.push(`coalesce(${prefix}${ident(dim)}, '') IN (${values.map(() => '?').join(', ')})`);
		params.push(...values);
	}
	return { text: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** `col BETWEEN from AND to` with bound dates. */
export function inRange(column: string, view: MetricView, alias = ''): Sql {
	const prefix = alias ? `${ident(alias)}.` : '';
	return { text: `${prefix}${ident(column)} BETWEEN ?::DATE AND ?::DATE`, params: [view.from, view.to] };
}

export function and(...parts: Sql[]): Sql {
	return { text: parts.map((p) => `(${p.text})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}
