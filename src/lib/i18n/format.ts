/**
 * Numbers, money and dates through Intl, formatters cached per locale (Intl constructors are slow).
 * In Japanese, large yen amounts read better as 万/億 (compact), so money uses compact notation there.
 */
export type Locale = 'ja' | 'en';

/** What differs per language besides wording: Intl tags, where money turns compact, the other language. */
export const LOCALE_INFO: Record<
	Locale,
	{ numberTag: string; dateTag: string; compactFrom: number; other: Locale }
> = {
	ja: { numberTag: 'ja-JP', dateTag: 'ja-JP', compactFrom: 100_000, other: 'en' },
	en: { numberTag: 'en-US', dateTag: 'en-GB', compactFrom: 1_000_000, other: 'ja' }
};

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function nf(locale: Locale, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
	const k = `${locale}|n|${key}`;
	let f = cache.get(k) as Intl.NumberFormat | undefined;
	if (!f) {
		f = new Intl.NumberFormat(LOCALE_INFO[locale].numberTag, opts);
		cache.set(k, f);
	}
	return f;
}

export const DASH = '–';

export function formatInt(v: number | null | undefined, locale: Locale): string {
	return v === null || v === undefined || !Number.isFinite(v)
		? DASH
		: nf(locale, 'int', { maximumFractionDigits: 0 }).format(v);
}

/** `digits` at most; `minDigits` at least (a column passes the same for both: one number of decimals). */
export function formatNumber(
	v: number | null | undefined,
	locale: Locale,
	digits = 1,
	minDigits = 0
): string {
	return v === null || v === undefined || !Number.isFinite(v)
		? DASH
		: nf(locale, `num${digits}|${minDigits}`, {
				maximumFractionDigits: digits,
				minimumFractionDigits: Math.min(minDigits, digits)
			}).format(v);
}

export function formatPercent(
	v: number | null | undefined,
	locale: Locale,
	digits = 1,
	minDigits = 0
): string {
	return v === null || v === undefined || !Number.isFinite(v)
		? DASH
		: nf(locale, `pct${digits}|${minDigits}`, {
				style: 'percent',
				maximumFractionDigits: digits,
				minimumFractionDigits: Math.min(minDigits, digits)
			}).format(v);
}

/** The fewest decimals (at most `max`) at which `v` reads as it does with `max` (2.0 needs 0, 6.5 needs 1). */
export function decimalsNeeded(v: number, max: number): number {
	const full = Number(v.toFixed(max));
	for (let d = 0; d < max; d++) if (Number(v.toFixed(d)) === full) return d;
	return max;
}

/**
 * One number of decimals for a column of numbers, so its values compare at a glance (6.5% / 2.0% /
 * 0.5%, never 6.5% / 2% / 0.5%): the most any value needs, at most `max`. `scale` is what the formatter
 * multiplies by (100 for a percent). Non-numbers are ignored; an empty column needs none.
 */
export function columnDecimals(values: readonly unknown[], max: number, scale = 1): number {
	let d = 0;
	for (const v of values)
		if (typeof v === 'number' && Number.isFinite(v)) d = Math.max(d, decimalsNeeded(v * scale, max));
	return d;
}

/** The compact unit's mantissa: 115,000 → 11.5 (万) in Japanese, 115 (K) in English. */
function mantissa(v: number, locale: Locale): number {
	const unit = locale === 'ja' ? 4 : 3;
	const a = Math.abs(v);
	return a / 10 ** (Math.floor(Math.log10(a || 1) / unit) * unit);
}

/**
 * The decimals of a column of compact amounts: one when every amount is below 100 of its unit and one
 * of them needs it (￥11.5万 / ￥2.0万), none as soon as one amount has three digits (￥1,352万 / ￥12万:
 * beside a thousand, the tenth of a 万 does not count).
 */
export function moneyColumnDecimals(values: readonly unknown[], locale: Locale): number {
	const ms = values
		.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v !== 0)
		.map((v) => mantissa(v, locale));
	return ms.some((m) => Number(m.toFixed(1)) >= 100) ? 0 : columnDecimals(ms, 1);
}

/**
 * `columnDigits` (from `moneyColumnDecimals`) writes every compact amount of a column with the same
 * decimals; without it a single amount gets one decimal below 100 of its unit.
 */
export function formatMoney(
	v: number | null | undefined,
	locale: Locale,
	currency = 'JPY',
	compact = true,
	columnDigits: number | null = null
): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	const useCompact = compact && Math.abs(v) >= LOCALE_INFO[locale].compactFrom;
	// Compact: one decimal below 100 of the unit (￥11.5万, ¥7.4M), none above and digits grouped
	// (￥1,502万, not ￥1502.2万).
	const digits = !useCompact ? 0 : (columnDigits ?? (mantissa(v, locale) < 100 ? 1 : 0));
	return nf(locale, `money|${currency}|${useCompact}|${digits}|${columnDigits !== null}`, {
		style: 'currency',
		currency,
		notation: useCompact ? 'compact' : 'standard',
		maximumFractionDigits: digits,
		// A column's decimals are fixed (￥2.0万 beside ￥11.5万); a lone amount drops a zero (￥1億).
		minimumFractionDigits: useCompact && columnDigits !== null ? digits : undefined,
		useGrouping: true
	}).format(v);
}

/**
 * An amount as a person types it: full-width digits, separators (`,` `，` spaces), a currency sign and
 * the Japanese units 千 / 万 / 億 (`1億`, `1,500万`, `12.5万`) are read; anything else is `null`.
 */
export function parseAmount(text: string): number | null {
	const s = text
		.normalize('NFKC')
		.replace(/[,\s¥￥$円]/g, '')
		.trim();
	const m = /^(\d+(?:\.\d+)?)(千|万|億)?$/.exec(s);
	if (!m) return null;
	const unit = m[2] === '億' ? 1e8 : m[2] === '万' ? 1e4 : m[2] === '千' ? 1e3 : 1;
	return Math.round(Number(m[1]) * unit * 100) / 100;
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
	if (!iso) return DASH;
	const k = `${locale}|d`;
	let f = cache.get(k) as Intl.DateTimeFormat | undefined;
	if (!f) {
		f = new Intl.DateTimeFormat(LOCALE_INFO[locale].dateTag, {
			year: 'numeric',
			month: 'short',
			day: 'numeric',
			timeZone: 'UTC'
		});
		cache.set(k, f);
	}
	return f.format(new Date(iso + 'T00:00:00Z'));
}

/** The reader's own time zone (its IANA name), UTC when the runtime does not say. */
export function localZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A moment (ISO timestamp) to the minute, in `timeZone` — by default the reader's own — with the zone
 * named both ways (`GMT+9`, `JST`, and `Asia/Tokyo`), so "when was this made" is never read as UTC by
 * mistake (when a snapshot or review pack was made).
 */
export function formatMoment(iso: string | null | undefined, locale: Locale, timeZone = localZone()): string {
	const ms = iso ? Date.parse(iso) : NaN;
	if (Number.isNaN(ms)) return DASH;
	const k = `${locale}|dt|${timeZone}`;
	let f = cache.get(k) as Intl.DateTimeFormat | undefined;
	if (!f) {
		const opts: Intl.DateTimeFormatOptions = {
			year: 'numeric',
			month: 'short',
			day: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			timeZoneName: 'short'
		};
		try {
			f = new Intl.DateTimeFormat(LOCALE_INFO[locale].dateTag, { ...opts, timeZone });
		} catch {
			return formatMoment(iso, locale, 'UTC'); // a zone this runtime does not know
		}
		cache.set(k, f);
	}
	const text = f.format(ms);
	const short = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
	if (short === timeZone) return text;
	return locale === 'ja' ? `${text}（${timeZone}）` : `${text} (${timeZone})`;
}
