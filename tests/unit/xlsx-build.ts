/**
 * Hand-built .xlsx packages for the workbook reader's tests: the XML parts are written out as Excel
 * writes them, zipped here (stored or deflated, with real CRCs), so each test shows exactly what the
 * reader sees.
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive of `files` (name → text), deflated unless `stored`. */
export function zip(files: Record<string, string>, stored = false): Uint8Array {
	const enc = new TextEncoder();
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const [name, text] of Object.entries(files)) {
		const nameBytes = enc.encode(name);
		const raw = enc.encode(text);
		const data = stored ? raw : new Uint8Array(deflateRawSync(raw));
		const common = (v: DataView, at: number) => {
			v.setUint16(at, 20, true); // version needed
			v.setUint16(at + 2, 0x0800, true); // UTF-8 names
			v.setUint16(at + 4, stored ? 0 : 8, true);
			v.setUint32(at + 10, crc32(raw), true);
			v.setUint32(at + 14, data.length, true);
			v.setUint32(at + 18, raw.length, true);
			v.setUint16(at + 22, nameBytes.length, true);
		};
		const local = new Uint8Array(30 + nameBytes.length + data.length);
		const lv = new DataView(local.buffer);
		lv.setUint32(0, 0x04034b50, true);
		common(lv, 4);
		local.set(nameBytes, 30);
		local.set(data, 30 + nameBytes.length);
		const central = new Uint8Array(46 + nameBytes.length);
		const cv = new DataView(central.buffer);
		cv.setUint32(0, 0x02014b50, true);
		cv.setUint16(4, 20, true);
		common(cv, 6);
		cv.setUint32(42, offset, true);
		central.set(nameBytes, 46);
		locals.push(local);
		centrals.push(central);
		offset += local.length;
	}
	const dirSize = centrals.reduce((n, c) => n + c.length, 0);
	const end = new Uint8Array(22);
	const ev = new DataView(end.buffer);
	ev.setUint32(0, 0x06054b50, true);
	ev.setUint16(8, centrals.length, true);
	ev.setUint16(10, centrals.length, true);
	ev.setUint32(12, dirSize, true);
	ev.setUint32(16, offset, true);
	const out = new Uint8Array(offset + dirSize + 22);
	let at = 0;
	for (const part of [...locals, ...centrals, end]) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
	name: string;
	/** The `<sheetData>` content (rows), or a whole worksheet document when it starts with `<?xml`. */
	rows: string;
	state?: 'hidden' | 'veryHidden';
}

export interface BookSpec {
	sheets: SheetSpec[];
	/** `<si>` items, written as given. */
	strings?: string[];
	/** `<numFmts>` content and the `numFmtId` of each cell style (`s` index). */
	numFmts?: string;
	styles?: number[];
	date1904?: boolean;
	stored?: boolean;
}

/** A workbook package laid out the way Excel lays it out. */
export function book(spec: BookSpec): Uint8Array {
	const sheetXml = (s: SheetSpec) =>
		s.rows.startsWith('<?xml')
			? s.rows
			: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.rows}</sheetData></worksheet>`;
	const files: Record<string, string> = {
		'[Content_Types].xml': '<?xml version="1.0"?><Types/>',
		'_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${spec.sheets
			.map(
				(s, i) =>
					`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`
			)
			.join('')}</sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${PKG}">${spec.sheets
			.map(
				(_, i) =>
					`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
			)
			.join(
				''
			)}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
		'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${MAIN}">${(spec.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
		'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${spec.numFmts ? `<numFmts>${spec.numFmts}</numFmts>` : ''}<cellXfs>${(
			spec.styles ?? [0]
		)
			.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
			.join('')}</cellXfs></styleSheet>`
	};
	spec.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s)));
	return zip(files, spec.stored);
}
