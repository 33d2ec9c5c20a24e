/** The workbook's parts: which sheets there are, in order, where each one's XML is, and the date system. */
import { workbookError } from './errors';
import { attr, elements } from './xml';

export interface SheetRef {
	name: string;
	path: string;
}

export interface WorkbookParts {
	sheets: SheetRef[];
	date1904: boolean;
	sharedStrings?: string;
	styles?: string;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** `target` of a relationship, resolved against the folder of the part that owns it. */
function resolve(base: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = base.split('/').slice(0, -1);
	for (const seg of target.split('/')) {
		if (seg === '..') parts.pop();
		else if (seg !== '.') parts.push(seg);
	}
	return parts.join('/');
}

function relationships(xml: string, owner: string): Map<string, { type: string; path: string }> {
	const out = new Map<string, { type: string; path: string }>();
	for (const rel of elements(xml, 'Relationship')) {
		const id = attr(rel.attrs, 'Id');
		const target = attr(rel.attrs, 'Target');
		if (!id || !target || attr(rel.attrs, 'TargetMode') === 'External') continue;
		out.set(id, { type: attr(rel.attrs, 'Type') ?? '', path: resolve(owner, target) });
	}
	return out;
}

const relsOf = (part: string) => {
	const slash = part.lastIndexOf('/');
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Where the workbook part is: the package's officeDocument relationship, else the usual place. */
export function workbookPath(rootRels: string | undefined): string {
	if (rootRels) {
		for (const rel of relationships(rootRels, '').values()) {
			if (OFFICE_DOCUMENT.test(rel.type)) return rel.path;
		}
	}
	return 'xl/workbook.xml';
}

export function workbookRelsPath(workbook: string): string {
	return relsOf(workbook);
}

/** Visible worksheets in tab order (chart sheets and hidden sheets are not tables a user looks at). */
export function readWorkbook(workbookXml: string, relsXml: string, workbook: string): WorkbookParts {
	const rels = relationships(relsXml, workbook);
	const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
	const flag = pr ? attr(pr[1], 'date1904') : undefined;
	const sheets: SheetRef[] = [];
	for (const sheet of elements(workbookXml, 'sheet')) {
		const state = attr(sheet.attrs, 'state');
		if (state === 'hidden' || state === 'veryHidden') continue;
		const id = /(?:^|\s)[\w.-]+:id\s*=\s*"([^"]*)"/.exec(sheet.attrs)?.[1];
		const rel = id ? rels.get(id) : undefined;
		if (!rel || !/\/worksheet$/.test(rel.type)) continue;
		sheets.push({ name: attr(sheet.attrs, 'name') ?? `Sheet${sheets.length + 1}`, path: rel.path });
	}
	if (!/<(?:[\w.-]+:)?sheets\b/.test(workbookXml))
		throw workbookError('xlsx_corrupt', 'workbook lists no sheets');
	const partOf = (suffix: RegExp) => [...rels.values()].find((r) => suffix.test(r.type))?.path;
	return {
		sheets,
		date1904: flag === '1' || flag === 'true',
		sharedStrings: partOf(/\/sharedStrings$/),
		styles: partOf(/\/styles$/)
	};
}
