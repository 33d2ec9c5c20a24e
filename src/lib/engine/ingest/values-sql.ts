/**
 * Value parsing in SQL, so a million rows are cleaned inside DuckDB rather than in JS loops. Defined once
 * per database as macros; the same definitions run in the browser and in Node.
 *
 * Dates follow docs/metrics.md: a calendar date as written (no time-zone shift: the date part of a timestamp
 * is kept even when a zone follows), `2025-04-01`, `2025/4/1`, `2025年4月1日`, with or without a time;
 * `M/D/YYYY` or `D/M/YYYY` decided per column (the caller passes `dmy`); `D.M.YYYY` (German) always
 * day-first; Excel serial numbers.
 */

/** Values that mean "missing" in exports: empty, a dash, N/A variants. Compared after lower/trim. */
export const MISSING_MARKERS = [
	'',
	'-',
	'–',
	'—',
	'n/a',
	'#n/a',
	'na',
	'null',
	'none',
	'(blank)',
	'(空白)',
	'なし'
];

/** The span of dates `mb_plausible` accepts (and the plain-column check in load.ts). */
export const PLAUSIBLE_FROM = '1900-01-02';
export const PLAUSIBLE_TO = '2199-12-31';
/** The same span, as messages describe it. */
export const PLAUSIBLE_YEARS = `${PLAUSIBLE_FROM} – ${PLAUSIBLE_TO}`;

/**
 * The largest amount (in absolute value) read as a number: 10 trillion, beyond any deal, MRR or
 * campaign in any currency (even ₫ or Rp). Larger values (`1e308`) are typos or placeholders: set
 * aside and reported. Amounts stay DOUBLE: with every value below this bound, a sum over millions of
 * rows stays finite (two `1e308` once overflowed to Infinity and showed as ¥0).
 */
export const MAX_PLAUSIBLE_NUMBER = 1e13;

const missingList = `[${MISSING_MARKERS.map((m) => `'${m}'`).join(', ')}]`;
/** First code points (either case) a missing marker can start with; `unicode('')` is -1. */
const markerStarts = [
	-1,
	...new Set(MISSING_MARKERS.filter(Boolean).flatMap((m) => [m[0].toLowerCase(), m[0].toUpperCase()]))
].map((ch) => (typeof ch === 'number' ? ch : ch.codePointAt(0)));
/** The characters DuckDB's trim() removes: Unicode space separators (Zs), not tabs or line breaks. */
const SPACE_SEPARATORS = [
	0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
	0x202f, 0x205f, 0x3000
].join(', ');

/**
 * Date formats read without the general parser: a column whose every cell matches one of them (and lies in
 * the plausible span) is typed by `try_strptime` with that one format (see load.ts). Only formats whose
 * reading equals `mb_date`'s: year first, the date as written, no zone. Each with a pattern that picks
 * it from a sample cell: a format tried and failed costs far more than one that matches (an exception
 * inside DuckDB, slow in wasm), so a column is never parsed with a list of formats.
 */
export const FAST_DATE_FORMATS: { format: string; pattern: RegExp }[] = [
	{ format: '%Y/%m/%d', pattern: /^\d{4}\/\d{1,2}\/\d{1,2}$/ },
	{ format: '%Y-%m-%d', pattern: /^\d{4}-\d{1,2}-\d{1,2}$/ },
	{ format: '%Y/%m/%d %H:%M', pattern: /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/ },
	{ format: '%Y/%m/%d %H:%M:%S', pattern: /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/ },
	{ format: '%Y-%m-%d %H:%M:%S', pattern: /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}$/ },
	{ format: '%Y-%m-%dT%H:%M:%S', pattern: /^\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{2}:\d{2}$/ }
];

export const VALUE_MACROS = `
-- Trimmed text, or NULL for a missing marker (case-insensitive). Equivalent to
-- CASE WHEN s IS NULL OR lower(trim(s)) IN (markers) THEN NULL ELSE trim(s) END, but a cell that neither
-- starts nor ends with a space and does not start like a marker (nearly every cell) costs a few integer
-- tests, not a trimmed and a lower-cased copy. lower/trim appear once per branch: DuckDB hoists an
-- expression repeated in a CASE out of it and computes it for every row.
CREATE OR REPLACE MACRO mb_blank(s) AS (
	CASE
		WHEN s IS NULL THEN NULL
		WHEN unicode(s) IN (${SPACE_SEPARATORS}) OR unicode(s[-1]) IN (${SPACE_SEPARATORS}) THEN
			list_transform([trim(s)], lambda t: CASE WHEN list_contains(${missingList}, lower(t)) THEN NULL ELSE t END)[1]
		WHEN unicode(s) IN (${markerStarts.join(', ')}) AND list_contains(${missingList}, lower(s)) THEN NULL
		ELSE s
	END
);
CREATE OR REPLACE MACRO mb_ymd(y, m, d) AS (
	try_cast(printf('%04d-%02d-%02d', try_cast(y AS INTEGER), try_cast(m AS INTEGER), try_cast(d AS INTEGER)) AS DATE)
);
CREATE OR REPLACE MACRO mb_date_any(raw, dmy) AS (
	CASE
		WHEN mb_blank(raw) IS NULL THEN NULL
		-- Fast path for ISO dates and timestamps (most exports): DuckDB's own date cast of the first 10
		-- characters, several times cheaper than the regular expressions below.
		WHEN substr(trim(raw), 5, 1) = '-' AND substr(trim(raw), 8, 1) = '-'
			AND (length(trim(raw)) = 10 OR substr(trim(raw), 11, 1) IN ('T', ' '))
			THEN try_cast(left(trim(raw), 10) AS DATE)
		WHEN regexp_matches(trim(raw), '^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\D|$)') THEN mb_ymd(
			regexp_extract(trim(raw), '^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})', 1),
			regexp_extract(trim(raw), '^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})', 2),
			regexp_extract(trim(raw), '^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})', 3))
		WHEN regexp_matches(trim(raw), '^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日') THEN mb_ymd(
			regexp_extract(trim(raw), '^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})', 1),
			regexp_extract(trim(raw), '^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})', 2),
			regexp_extract(trim(raw), '^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})', 3))
		WHEN regexp_matches(trim(raw), '^\\d{1,2}\\.\\d{1,2}\\.\\d{4}(\\D|$)') THEN mb_ymd(
			regexp_extract(trim(raw), '^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', 3),
			regexp_extract(trim(raw), '^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', 2),
			regexp_extract(trim(raw), '^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', 1))
		WHEN regexp_matches(trim(raw), '^\\d{1,2}[/-]\\d{1,2}[/-]\\d{4}(\\D|$)') THEN mb_ymd(
			regexp_extract(trim(raw), '^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})', 3),
			regexp_extract(trim(raw), '^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})', CASE WHEN dmy THEN 2 ELSE 1 END),
			regexp_extract(trim(raw), '^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})', CASE WHEN dmy THEN 1 ELSE 2 END))
		-- Excel serial day numbers (1954–2119): days since 1899-12-30, the fraction being the time of day
		WHEN regexp_matches(trim(raw), '^\\d{5}(\\.\\d+)?$') AND try_cast(trim(raw) AS DOUBLE) BETWEEN 20000 AND 80000
			THEN DATE '1899-12-30' + floor(try_cast(trim(raw) AS DOUBLE))::INTEGER
		ELSE NULL
	END
);
-- A month for spend: 2025-04, 2025/4, 2025年4月, 2025.04, or any full date (its month).
CREATE OR REPLACE MACRO mb_month_any(raw, dmy) AS (
	CASE
		WHEN mb_blank(raw) IS NULL THEN NULL
		WHEN regexp_matches(trim(raw), '^\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*月?\\s*$') THEN mb_ymd(
			regexp_extract(trim(raw), '^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})', 1),
			regexp_extract(trim(raw), '^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})', 2), 1)
		ELSE date_trunc('month', mb_date_any(raw, dmy))::DATE
	END
);
-- Dates a sales record can hold. Outside them are placeholders (9999-12-31 "never", 0001-01-01 or
-- 1900-01-01 "unset") that would stretch every range across millennia: read as empty, and reported.
-- The lambda binds the parsed date once (see mb_num).
CREATE OR REPLACE MACRO mb_plausible(d) AS (
	list_transform([d], lambda x: CASE WHEN x >= DATE '${PLAUSIBLE_FROM}' AND x <= DATE '${PLAUSIBLE_TO}' THEN x END)[1]
);
CREATE OR REPLACE MACRO mb_date(raw, dmy) AS (mb_plausible(mb_date_any(raw, dmy)));
-- The date part of a cell: the text before a time ("2025/04/01 13:05", "2025-04-01T09:30:00+09:00",
-- "2025年4月1日 9:05" → the date as written). Dates are parsed once per distinct key (a dictionary
-- joined back), not once per row: a million rows hold a few hundred distinct dates. Plain string
-- functions, no regular expression, since this runs on every row.
CREATE OR REPLACE MACRO mb_date_key(raw) AS (
	list_transform([trim(raw)], lambda t: nullif(CASE WHEN strpos(t, ':') > 3 THEN rtrim(left(t, strpos(t, ':') - 3), ' T') ELSE t END, ''))[1]
);
CREATE OR REPLACE MACRO mb_month(raw, dmy) AS (mb_plausible(mb_month_any(raw, dmy)));
-- Amounts: ¥ ￥ 円 $ € and spaces dropped; (1,234) and △1,234 (Japanese accounting) negative;
-- 1,234,567 thousands; 1.234,56 or 1234,56 decimal comma (German exports).
CREATE OR REPLACE MACRO mb_num_clean(s) AS (
	regexp_replace(regexp_replace(translate(s, '０１２３４５６７８９，．－（）＋', '0123456789,.-()+'),
		'[¥￥円$€£\\s\u3000]|JPY|USD|EUR', '', 'g'), '^[+]', '')
);
CREATE OR REPLACE MACRO mb_num_signed(s) AS (
	CASE
		WHEN regexp_matches(s, '^\\(.*\\)$') THEN '-' || substr(s, 2, length(s) - 2)
		WHEN starts_with(s, '△') OR starts_with(s, '▲') THEN '-' || substr(s, 2)
		ELSE s
	END
);
CREATE OR REPLACE MACRO mb_num_text(s) AS (
	CASE
		WHEN regexp_matches(s, '^-?\\d{1,3}(\\.\\d{3})+,\\d+$') THEN replace(replace(s, '.', ''), ',', '.')
		WHEN regexp_matches(s, '^-?\\d+,\\d{1,2}$') THEN replace(s, ',', '.')
		ELSE replace(s, ',', '')
	END
);
-- The lambda binds the cleaned text once: nesting the macros directly repeats the argument in every
-- branch, and DuckDB then spends ~250 ms binding one call site.
-- Only finite numbers: DuckDB reads 'NaN', 'Infinity' and overflowing '1e309' as doubles, which would
-- poison every sum they reach. A plain number (most cells) takes DuckDB's own cast; only the rest goes
-- through the cleaning above.
CREATE OR REPLACE MACRO mb_num_formatted(raw) AS (
	list_transform([mb_num_clean(mb_blank(raw))], lambda s: list_transform(
		[try_cast(mb_num_text(mb_num_signed(s)) AS DOUBLE)], lambda x: CASE WHEN abs(x) <= ${MAX_PLAUSIBLE_NUMBER} THEN x END)[1])[1]
);
-- Within the plausible bound only (MAX_PLAUSIBLE_NUMBER; abs() of NaN or Infinity fails it too). The
-- bound sits in the existing lambdas: one more macro layer around this doubled the binding time.
CREATE OR REPLACE MACRO mb_num(raw) AS (
	list_transform([try_cast(trim(raw) AS DOUBLE)],
		lambda x: CASE WHEN x IS NULL THEN mb_num_formatted(raw) WHEN abs(x) <= ${MAX_PLAUSIBLE_NUMBER} THEN x END)[1]
);
-- Any finite number, however large: the checks use it on the few cells mb_num left empty, to tell an
-- implausible number from text.
CREATE OR REPLACE MACRO mb_num_finite(raw) AS (
	list_transform([try_cast(trim(raw) AS DOUBLE)], lambda x: CASE WHEN isfinite(x) THEN x WHEN x IS NULL THEN
		list_transform([mb_num_clean(mb_blank(raw))], lambda s: list_transform(
			[try_cast(mb_num_text(mb_num_signed(s)) AS DOUBLE)], lambda y: CASE WHEN isfinite(y) THEN y END)[1])[1]
	END)[1]
);
CREATE OR REPLACE MACRO mb_score(raw) AS (
	list_transform([mb_num(raw)], lambda x: CASE WHEN x BETWEEN 0 AND 10 THEN round(x)::INTEGER END)[1]
);
`;

/**
 * A query telling, for each VARCHAR column given, whether the slash dates in it are day-first (see
 * docs/metrics.md): one row with `p<i>_first_gt12`, `p<i>_second_gt12` and `p<i>_slash_dates` for column i.
 * One scan decides every date column; the regular expression runs only on values whose second or third
 * character is a separator (never on ISO dates).
 */
export function dayFirstProbe(cols: string[], table: string): string {
	const re = `'^\\s*(\\d{1,2})[/-](\\d{1,2})[/-]\\d{4}'`;
	const parts = cols.map((c, i) => {
		const maybe = `(substr(ltrim(${c}), 2, 1) IN ('/', '-') OR substr(ltrim(${c}), 3, 1) IN ('/', '-'))`;
		return `CASE WHEN ${maybe} THEN regexp_extract(${c}, ${re}, ['a', 'b']) END AS s${i}`;
	});
	const counts = cols.map(
		(_, i) => `count(*) FILTER (WHERE try_cast(s${i}.a AS INTEGER) > 12)::INTEGER AS p${i}_first_gt12,
		count(*) FILTER (WHERE try_cast(s${i}.b AS INTEGER) > 12)::INTEGER AS p${i}_second_gt12,
		count(*) FILTER (WHERE s${i}.a <> '')::INTEGER AS p${i}_slash_dates`
	);
	return `SELECT ${counts.join(', ')} FROM (SELECT ${parts.join(', ')} FROM ${table})`;
}
