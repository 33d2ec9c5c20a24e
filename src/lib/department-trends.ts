import { translate } from './i18n/messages';
import type { Locale } from './i18n/format';
import type { Department, KpiKey } from './kpi-catalog';
import type { SeriesKpi } from './kpi-series';
import { daysInclusive, scaledBand } from './engine/benchmarks/defaults';

/** The KPIs each department page charts over time (the rest are tiles only): its own, with a series. */
export const TREND_KPIS: { [D in Department]: Extract<KpiKey<D>, SeriesKpi>[] } = {
	marketing: ['leads', 'mql_rate', 'cpl', 'cost_per_sql'],
	inside_sales: ['calls_per_rep_day', 'contact_rate', 'meeting_rate'],
	field_sales: ['opportunities', 'win_rate'],
	customer_success: ['churn_rate', 'upsell_rate', 'nps']
};

/** Last day of a bucket that starts on `bucket`. */
export function bucketEnd(bucket: string, grain: 'week' | 'month' | 'quarter'): string {
	const d = new Date(bucket + 'T00:00:00Z');
	if (grain === 'week') d.setUTCDate(d.getUTCDate() + 6);
	else {
		d.setUTCMonth(d.getUTCMonth() + (grain === 'month' ? 1 : 3));
		d.setUTCDate(d.getUTCDate() - 1);
	}
	return d.toISOString().slice(0, 10);
}

export function formatBucket(
	bucket: string,
	grain: 'week' | 'month' | 'quarter',
	locale: Locale,
	fyStart = 4
): string {
	const y = Number(bucket.slice(0, 4));
	const m = Number(bucket.slice(5, 7));
	if (grain === 'quarter') {
		const fyYear = m >= fyStart ? y : y - 1;
		const q = Math.floor(((m - fyStart + 12) % 12) / 3) + 1;
		return translate(locale, 'bucket.quarter', { year: fyYear, q });
	}
	if (grain === 'month')
		return translate(locale, 'bucket.month', { year: y, month: m, month2: String(m).padStart(2, '0') });
	return `${m}/${Number(bucket.slice(8, 10))}`;
}

/**
 * The band a trend bucket is read against: a per-year range (churn, upsell) scaled to the bucket's days
 * within the range (the first and last buckets may be partial; docs/metrics.md v2), else the range.
 */
export function bucketBand(
	bench: { low: number; high: number; perYear?: true },
	bucket: string,
	grain: 'week' | 'month' | 'quarter',
	range: { from: string; to: string } | null
): { low: number; high: number } {
	if (!bench.perYear) return { low: bench.low, high: bench.high };
	const from = range && range.from > bucket ? range.from : bucket;
	const end = bucketEnd(bucket, grain);
	const to = range && range.to < end ? range.to : end;
	return scaledBand(bench, daysInclusive(from, to));
}
