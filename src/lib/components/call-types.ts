/**
 * Why an activity file gives no call, worded: the values of its type column with their counts
 * (「（空欄）480 件、Other 27 件」 / "(blank) 480, Other 27"), and what would read calls instead.
 */
import type { ActivityTypes } from '$lib/engine/ingest/activity-types';
import type { LoadedFile } from '$lib/engine/ingest/load';
import { formatInt, type Locale } from '$lib/i18n/format';
import { translate } from '$lib/i18n/messages';

/** "(blank) 480, Other 27" in the locale's words and number format. */
export function typeValuesText(types: ActivityTypes, locale: Locale): string {
	const parts = types.values.map((v) =>
		translate(locale, 'calls.value', {
			value: v.value ?? translate(locale, 'calls.blank'),
			count: formatInt(v.count, locale)
		})
	);
	const listed = types.values.reduce((s, v) => s + v.count, 0);
	if (listed < types.rows)
		parts.push(translate(locale, 'calls.others', { count: formatInt(types.rows - listed, locale) }));
	return parts.join(locale === 'ja' ? '、' : ', ');
}

/** The sentence: which file and column, and the values found. */
export function noCallsText(file: string, types: ActivityTypes, locale: Locale): string {
	return translate(locale, 'calls.none', {
		file,
		column: types.header,
		rows: formatInt(types.rows, locale),
		values: typeValuesText(types, locale)
	});
}

/** The loaded activity files that give no call (each with its explanation). */
export function filesWithoutCalls(
	files: readonly LoadedFile[]
): (LoadedFile & { activityTypes: ActivityTypes })[] {
	return files.filter((f): f is LoadedFile & { activityTypes: ActivityTypes } => !!f.activityTypes);
}

/** The id a file's explanation has on the Data page (the inside-sales note links to it). */
export const callTypesAnchor = (name: string) => `call-types-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
