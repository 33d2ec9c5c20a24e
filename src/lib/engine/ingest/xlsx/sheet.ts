/**
 * One worksheet's XML → CSV lines, read as the inflated bytes arrive so a 100k-row sheet never exists
 * as one string. Rows keep their sheet positions (row N of the sheet is line N of the CSV), which keeps
 * title rows above the header and empty rows in the middle where the user sees them.
 *
 * Rows and cells are found with indexOf rather than regular expressions: it is the hot loop (3M cells
 * for 100k × 30) and this halves its time and garbage.
 */
import type { DateKind } from './styles';
import { csvField, isoDateText, numberText, serialText } from './values';
import { stringItemText, unescapeXml } from './xml';

export interface SheetContext {
	strings: readonly string[];
	kinds: readonly DateKind[];
	date1904: boolean;
}

export interface SheetLines {
	/** One entry per sheet row from row 1, without trailing empty rows; '' is an empty row. */
	lines: string[];
	/** Fields in each line: up to the right-most column that holds a value. */
	widths: number[];
	width: number;
	nonEmptyRows: number;
}

/** An element `tag` starting at `at`: its attribute text, inner XML and where it ends; undefined if cut off. */
function element(xml: string, at: number, open: string, close: string) {
	const tagEnd = xml.indexOf('>', at);
	if (tagEnd < 0) return undefined;
	const selfClosing = xml.charCodeAt(tagEnd - 1) === 47; // '/'
	const attrs = xml.slice(at + open.length, selfClosing ? tagEnd - 1 : tagEnd);
	if (selfClosing) return { attrs, inner: '', end: tagEnd + 1 };
	const closeAt = xml.indexOf(close, tagEnd);
	if (closeAt < 0) return undefined;
	return { attrs, inner: xml.slice(tagEnd + 1, closeAt), end: closeAt + close.length };
}

/** `<c` must be followed by a space, `>` or `/` to be the cell element and not `<col…`. */
function isTagStart(xml: string, after: number): boolean {
	const c = xml.charCodeAt(after);
	return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** An attribute value (`r`, `s`, `t`) from attribute text normalised to `name="value"` pairs. */
function attrValue(attrs: string, name: string): string {
	const key = ` ${name}="`;
	const at = attrs.indexOf(key);
	return at < 0 ? '' : attrs.slice(at + key.length, attrs.indexOf('"', at + key.length));
}

/** Attribute text as ` a="v" b="v"`: whitespace, spacing around `=` and single quotes made plain. */
function normaliseAttrs(attrs: string): string {
	if (!/[\t\n\r']| =|= /.test(attrs)) return attrs;
	return attrs
		.replace(/\s+/g, ' ')
		.replace(/ ?= ?/g, '=')
		.replace(/='([^']*)'/g, '="$1"');
}

/** `AB12` → 27 (0-based column); -1 when the reference has no letters. */
function columnIndex(ref: string): number {
	let n = 0;
	let i = 0;
	for (; i < ref.length; i++) {
		const c = ref.charCodeAt(i);
		if (c < 65 || c > 90) break;
		n = n * 26 + (c - 64);
	}
	return i === 0 ? -1 : n - 1;
}

export class SheetReader {
	private prefix: string | undefined;
	private tags = { row: '<row', rowEnd: '</row>', c: '<c', cEnd: '</c>', v: '<v', vEnd: '</v>' };
	private pending = '';
	private readonly out: SheetLines = { lines: [], widths: [], width: 0, nonEmptyRows: 0 };

	constructor(private readonly ctx: SheetContext) {}

	/** Feed the next piece of sheet XML; whole rows are read, a partial one waits for the next piece. */
	push(text: string) {
		this.pending += text;
		if (this.prefix === undefined) {
			const m = /<([\w.-]+:)?sheetData\b/.exec(this.pending);
			if (!m) return;
			const p = (this.prefix = m[1] ?? '');
			this.tags = {
				row: `<${p}row`,
				rowEnd: `</${p}row>`,
				c: `<${p}c`,
				cEnd: `</${p}c>`,
				v: `<${p}v`,
				vEnd: `</${p}v>`
			};
		}
		const cut = this.pending.lastIndexOf(this.tags.rowEnd);
		if (cut < 0) return;
		const end = cut + this.tags.rowEnd.length;
		this.readRows(this.pending.slice(0, end));
		this.pending = this.pending.slice(end);
	}

	finish(): SheetLines {
		if (this.prefix !== undefined) this.readRows(this.pending);
		this.pending = '';
		const { lines, widths } = this.out;
		while (lines.length && lines[lines.length - 1] === '') {
			lines.pop();
			widths.pop();
		}
		return this.out;
	}

	private readRows(xml: string) {
		const { lines, widths } = this.out;
		const { row, rowEnd } = this.tags;
		for (let at = xml.indexOf(row); at >= 0; at = xml.indexOf(row, at)) {
			if (!isTagStart(xml, at + row.length)) {
				at += row.length;
				continue;
			}
			const el = element(xml, at, row, rowEnd);
			if (!el) break;
			at = el.end;
			const r = Number(attrValue(normaliseAttrs(el.attrs), 'r'));
			const index = r > 0 ? Math.max(r - 1, lines.length) : lines.length;
			while (lines.length < index) {
				lines.push('');
				widths.push(0);
			}
			const [line, width] = el.inner ? this.readCells(el.inner) : ['', 0];
			lines.push(line);
			widths.push(width);
			if (width > 0) this.out.nonEmptyRows++;
			if (width > this.out.width) this.out.width = width;
		}
	}

	/** A row's cells as one CSV line (without padding) and its field count. */
	private readCells(xml: string): [string, number] {
		const { c, cEnd } = this.tags;
		let line = '';
		let count = 0;
		let next = 0;
		for (let at = xml.indexOf(c); at >= 0; at = xml.indexOf(c, at)) {
			if (!isTagStart(xml, at + c.length)) {
				at += c.length;
				continue;
			}
			const el = element(xml, at, c, cEnd);
			if (!el) break;
			at = el.end;
			const attrs = normaliseAttrs(el.attrs);
			const ref = attrValue(attrs, 'r');
			const column = Math.max(ref ? columnIndex(ref) : -1, next);
			next = column + 1;
			const text = el.inner
				? this.cellText(el.inner, attrValue(attrs, 't'), Number(attrValue(attrs, 's')))
				: '';
			if (text === '') continue;
			line += ','.repeat(column - count + (count > 0 ? 1 : 0)) + csvField(text);
			count = column + 1;
		}
		return [line, count];
	}

	/** The `<v>` text of a cell, raw (entities still escaped); undefined when there is none. */
	private value(xml: string): string | undefined {
		const { v, vEnd } = this.tags;
		let at = xml.indexOf(v);
		while (at >= 0 && !isTagStart(xml, at + v.length)) at = xml.indexOf(v, at + v.length);
		if (at < 0) return undefined;
		const el = element(xml, at, v, vEnd);
		return el?.inner;
	}

	private cellText(xml: string, type: string, style: number): string {
		if (type === 'inlineStr') return stringItemText(xml);
		const raw = this.value(xml);
		if (raw === undefined) return '';
		switch (type) {
			case 's':
				return this.ctx.strings[Number(raw)] ?? '';
			case 'str':
				return stringItemText(`<t>${raw}</t>`);
			case 'b':
				return raw === '' ? '' : raw.trim() === '0' ? 'FALSE' : 'TRUE';
			case 'e':
				return unescapeXml(raw);
			case 'd':
				return isoDateText(raw, this.ctx.kinds[style]);
			default: {
				if (raw === '') return '';
				const kind = this.ctx.kinds[style];
				return (kind && serialText(Number(raw), kind, this.ctx.date1904)) || numberText(raw);
			}
		}
	}
}
