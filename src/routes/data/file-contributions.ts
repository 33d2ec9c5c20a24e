/**
 * The file card's "what each column gave" lines, worded: stage columns first (in funnel order), then
 * the other fields; a column that gave no row is a warning.
 */
import type { ColumnContribution } from '$lib/engine/ingest/contributions';
import { STAGES } from '$lib/engine/model/stages';
import { formatInt } from '$lib/i18n/format';
import { formatMessage } from '$lib/i18n/ingest-messages';
import { fieldLabel } from '$lib/i18n/messages';
import type { Locale } from '$lib/i18n/format';

export interface ContributionLine {
	field: string;
	text: string;
	zero: boolean;
}

export function contributionLines(
	list: readonly ColumnContribution[],
	locale: Locale,
	stageName: (stage: string) => string
): ContributionLine[] {
	const order = (c: ColumnContribution) => (c.stage ? STAGES.indexOf(c.stage) : STAGES.length);
	return [...list]
		.sort((a, b) => order(a) - order(b))
		.map((c) => {
			const params = {
				column: c.header,
				field: fieldLabel(locale, c.field),
				rows: formatInt(c.rows, locale)
			};
			if (c.rows === 0)
				return { field: c.field, text: formatMessage(locale, 'contribution_zero', params), zero: true };
			const text = c.stage
				? formatMessage(locale, 'contribution_stage', { ...params, stage: stageName(c.stage) })
				: formatMessage(locale, 'contribution_field', params);
			return { field: c.field, text, zero: false };
		});
}
