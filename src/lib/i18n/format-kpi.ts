import type { KpiFormat } from '$lib/kpi-catalog';
import { formatInt, formatMoney, formatNumber, formatPercent, type Locale } from './format';
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
