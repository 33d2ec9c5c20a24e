/**
 * Which cell styles show a number as a date. A date in a workbook is only a number (days since 1900 or
 * 1904) with a date number format, so the format is what tells "2024-04-01" from 45383.
 */
import { attr, elements } from './xml';

/** How a style shows a number: as a date, a date and time, a time of day, or as a number. */
export type DateKind = 'date' | 'datetime' | 'time' | undefined;

/**
 * Built-in format ids that are dates or times. 14–22 and 45–47 are universal; 27–36 and 50–58 are the
 * East Asian built-ins (ja-JP: `yyyy"年"m"月"d"日"`, `ggge"年"m"月"d"日"`, …), written by id only.
 */
const BUILTIN: Record<number, DateKind> = {
	14: 'date',
	15: 'date',
	16: 'date',
	17: 'date',
	18: 'time',
	19: 'time',
	20: 'time',
	21: 'time',
	22: 'datetime',
	27: 'date',
	28: 'date',
	29: 'date',
	30: 'date',
	31: 'date',
	32: 'time',
	33: 'time',
	34: 'time',
	35: 'time',
	36: 'date',
	45: 'time',
	46: undefined, // [h]:mm:ss is a duration, kept as a number
	47: 'time',
	50: 'date',
	51: 'date',
	52: 'date',
	53: 'date',
	54: 'date',
	55: 'date',
	56: 'date',
	57: 'date',
	58: 'date'
};

/** What a format code shows, read from its tokens outside quotes, escapes and brackets. */
export function formatKind(code: string): DateKind {
	const section = code.split(';')[0];
	if (/\[(h+|m+|s+)\]/i.test(section)) return undefined; // elapsed time: a duration
	const bare = section
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/[_*]./g, '')
		.replace(/\[[^\]]*\]/g, '')
		.toLowerCase();
	if (bare.includes('general')) return undefined;
	const tokens = bare.replace(/am\/pm|a\/p/g, 'h').replace(/s\.0+/g, 's');
	if (/[0#?]/.test(tokens)) return undefined; // a number format (scientific `E+` included)
	const time = /[hs]/.test(tokens);
	// `m` is minutes next to h or s and a month otherwise; y, d and the Japanese era (g, e) are dates.
	const date = /[ydge]/.test(tokens) || (!time && tokens.includes('m'));
	if (date && time) return 'datetime';
	if (date) return 'date';
	return time ? 'time' : undefined;
}

/** The date kind of every cell style (`s` attribute index into `cellXfs`). */
export function styleDateKinds(stylesXml: string): DateKind[] {
	const custom = new Map<number, string>();
	for (const f of elements(stylesXml, 'numFmt')) {
		const id = Number(attr(f.attrs, 'numFmtId'));
		const code = attr(f.attrs, 'formatCode');
		if (code !== undefined) custom.set(id, code);
	}
	const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml);
	if (!xfs) return [];
	const kinds: DateKind[] = [];
	for (const xf of elements(xfs[1], 'xf')) {
		const id = Number(attr(xf.attrs, 'numFmtId') ?? 0);
		const code = custom.get(id);
		kinds.push(code !== undefined ? formatKind(code) : BUILTIN[id]);
	}
	return kinds;
}
