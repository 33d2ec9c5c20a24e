import type { KpiFormat } from '$lib/kpi-catalog';
import { columnDecimals, formatInt, formatMoney, formatNumber, formatPercent, type Locale } from './format';
import { translate } from './messages';

export function formatKpi(v: number | null, format: KpiFormat, locale: Locale, currency = 'JPY'): string {
	switch (format) {
		case 'int':
			return formatInt(v, locale);
		case 'rate':
			return formatPercent(v, locale);
		case 'money':
			return formatMoney(v, locale, currency);
		case 'days':
			return v === null
				? formatNumber(v, locale)
				: translate(locale, 'unit.days', { value: formatNumber(v, locale, 1) });
		case 'points':
			return v === null ? formatNumber(v, locale) : (v > 0 ? '+' : '') + formatNumber(v, locale, 1);
		default:
			return formatNumber(v, locale, 1);
	}
}

/**
 * A formatter for figures read together (a benchmark's low and high, a target beside its actual): rates,
 * days and decimals with one number of decimals for all of them (0.8%–2.0%, never 0.8%–2%).
 */
export function kpiGroupFormatter(
	values: readonly (number | null)[],
	format: KpiFormat,
	locale: Locale,
	currency = 'JPY'
): (v: number | null) => string {
	if (format === 'rate') {
		const d = columnDecimals(values, 1, 100);
		return (v) => formatPercent(v, locale, d, d);
	}
	if (format === 'days' || format === 'decimal') {
		const d = columnDecimals(values, 1);
		return (v) =>
			v === null
				? formatNumber(v, locale)
				: format === 'days'
					? translate(locale, 'unit.days', { value: formatNumber(v, locale, d, d) })
					: formatNumber(v, locale, d, d);
	}
	return (v) => formatKpi(v, format, locale, currency);
}
