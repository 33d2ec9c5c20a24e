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

export function formatNumber(v: number | null | undefined, locale: Locale, digits = 1): string {
	return v === null || v === undefined || !Number.isFinite(v)
		? DASH
		: nf(locale, `num${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

export function formatPercent(v: number | null | undefined, locale: Locale, digits = 1): string {
	return v === null || v === undefined || !Number.isFinite(v)
		? DASH
		: nf(locale, `pct${digits}`, {
				style: 'percent',
				maximumFractionDigits: digits,
				minimumFractionDigits: 0
			}).format(v);
}

export function formatMoney(
	v: number | null | undefined,
	locale: Locale,
	currency = 'JPY',
	compact = true
): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
	const useCompact = compact && Math.abs(v) >= LOCALE_INFO[locale].compactFrom;
	// Compact: one decimal below 100 of the unit (￥11.5万, ¥7.4M), none above and digits grouped
	// (￥1,502万, not ￥1502.2万).
	const unit = locale === 'ja' ? 4 : 3;
	const mantissa = Math.abs(v) / 10 ** (Math.floor(Math.log10(Math.abs(v) || 1) / unit) * unit);
	const digits = useCompact && mantissa < 100 ? 1 : 0;
	return nf(locale, `money|${currency}|${useCompact}|${digits}`, {
		style: 'currency',
		currency,
		notation: useCompact ? 'compact' : 'standard',
		maximumFractionDigits: digits,
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
