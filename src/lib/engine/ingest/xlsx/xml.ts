/**
 * The few XML chores an .xlsx needs, done with regular expressions over the text: the parts are
 * machine-written, flat and regular, and a DOM or SAX parser would cost more code and several times the
 * time on a 100k-row sheet. Element names may carry a namespace prefix (`x:row`), which some writers use.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Excel writes characters XML cannot carry (CR, other controls) as `_xHHHH_`, and a literal `_x` as `_x005F_x`. */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function unescapeXml(s: string): string {
	if (s.indexOf('&') >= 0) {
		s = s.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
			name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10))
		);
	}
	return s;
}

/** Text content of a string item (`<si>`, `<is>`): plain `<t>` or rich-text runs, phonetic guides left out. */
export function stringItemText(xml: string): string {
	if (xml.indexOf('<rPh') >= 0 || xml.indexOf(':rPh') >= 0) xml = xml.replace(RUBY, '');
	let out = '';
	T.lastIndex = 0;
	for (let m = T.exec(xml); m; m = T.exec(xml)) out += m[1];
	out = unescapeXml(out);
	return out.indexOf('_x') >= 0
		? out.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
		: out;
}
const T = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g;
const RUBY = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;

/** One attribute's raw value from an element's attribute text, or undefined. */
export function attr(attrs: string, name: string): string | undefined {
	const re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
	const m = re.exec(attrs);
	return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Every element named `tag` (any prefix) as its attribute text and inner XML. */
export function* elements(xml: string, tag: string): Generator<{ attrs: string; inner: string }> {
	const re = new RegExp(`<(?:[\\w.-]+:)?${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`, 'g');
	for (let m = re.exec(xml); m; m = re.exec(xml)) yield { attrs: m[1] ?? '', inner: m[2] ?? '' };
}
