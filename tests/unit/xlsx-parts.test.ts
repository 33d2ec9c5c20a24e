/** The reader against parts written by hand the way Excel writes them (xlsx-build.ts zips them). */
import { describe, expect, test } from 'vitest';
import { workbookToCsv, type WorkbookSheet } from '../../src/lib/engine/ingest/xlsx/index';
import { SheetReader } from '../../src/lib/engine/ingest/xlsx/sheet';
import { book, zip } from './xlsx-build';

const text = (s: WorkbookSheet) => new TextDecoder().decode(s.csv);
const codeOf = (p: Promise<unknown>) =>
	p.then(
		() => 'resolved',
		(e: { code?: string }) => e.code
	);

/** Japanese shared strings with phonetic guides (rPh), as Excel ja-JP saves them. */
const STRINGS = [
	'<t>リードID</t>',
	'<t>作成日</t>',
	'<t>流入経路</t>',
	'<t>商談金額</t>',
	'<t>展示会</t><rPh sb="0" eb="3"><t>テンジカイ</t></rPh><phoneticPr fontId="1"/>',
	'<r><rPr><b/></rPr><t>株式会社</t></r><r><t xml:space="preserve"> 山田</t></r>',
	'<t>line one_x000D_\nline two</t>',
	'<t>A &amp; B, "quoted"</t>'
];

describe('workbookToCsv on hand-built parts', () => {
	test('shared strings, rich text, phonetic guides left out, dates by style, numbers as written', async () => {
		const bytes = book({
			strings: STRINGS,
			styles: [0, 14, 22, 176],
			numFmts: '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>',
			sheets: [
				{
					name: 'リード',
					rows:
						'<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
						'<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" s="1"><v>45383</v></c><c r="C2" t="s"><v>4</v></c><c r="D2"><v>1500000</v></c></row>' +
						'<row r="3"><c r="A3" t="inlineStr"><is><t>L-3</t></is></c><c r="B3" s="2"><v>45383.604166666664</v></c><c r="C3" t="s"><v>6</v></c><c r="D3"><v>0.30000000000000004</v></c></row>' +
						'<row r="4"><c r="A4" t="str"><f>"L-"&amp;4</f><v>L-4</v></c><c r="B4" s="3"><v>45400</v></c><c r="C4" t="s"><v>7</v></c><c r="D4" t="e"><v>#N/A</v></c></row>' +
						'<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" s="1"/><c r="D5" t="n"><v>0.25</v></c></row>'
				}
			]
		});
		const [sheet] = await workbookToCsv(bytes);
		expect(sheet.name).toBe('リード');
		expect(sheet.rows).toBe(5);
		expect(text(sheet)).toBe(
			'リードID,作成日,流入経路,商談金額\n' +
				'株式会社 山田,2024-04-01,展示会,1500000\n' +
				'L-3,2024-04-01 14:30:00,"line one\r\nline two",0.3\n' +
				'L-4,2024-04-18,"A & B, ""quoted""",#N/A\n' +
				'TRUE,FALSE,,0.25\n'
		);
	});

	test('the 1904 date system (Mac workbooks) shifts serials by 1462 days', async () => {
		const rows =
			'<row r="1"><c r="A1" t="inlineStr"><is><t>作成日</t></is></c></row><row r="2"><c r="A2" s="1"><v>43921</v></c></row>';
		const sheets = (date1904: boolean) =>
			workbookToCsv(book({ styles: [0, 14], date1904, sheets: [{ name: 'S', rows }] }));
		expect(text((await sheets(true))[0])).toBe('作成日\n2024-04-01\n');
		expect(text((await sheets(false))[0])).toBe('作成日\n2020-03-31\n');
	});

	test('rows keep their positions: title rows, a blank row in the middle, cells without references', async () => {
		const bytes = book({
			stored: true,
			sheets: [
				{
					name: 'Report',
					rows:
						'<row r="1"><c r="A1" t="inlineStr"><is><t>商談レポート</t></is></c><c r="B1" s="0"/></row>' +
						'<row r="3"><c r="A3" t="inlineStr"><is><t>ID</t></is></c><c r="C3" t="inlineStr"><is><t>金額</t></is></c></row>' +
						'<row r="4"><c t="inlineStr"><is><t>D1</t></is></c><c><v>10</v></c><c><v>20</v></c></row>' +
						'<row r="5" ht="20" customHeight="1"/>' +
						'<row r="6"><c r="B6"><v>7</v></c></row>' +
						'<row r="9"><c r="A9" s="0"/></row>'
				}
			]
		});
		const [sheet] = await workbookToCsv(bytes);
		expect(text(sheet)).toBe('商談レポート,,\n\nID,,金額\nD1,10,20\n\n,7,\n');
		expect(sheet.rows).toBe(6);
	});

	test('namespace-prefixed elements (x:row, x:c) read the same', async () => {
		const doc =
			'<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
			'<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row>' +
			'<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
		const [sheet] = await workbookToCsv(book({ sheets: [{ name: 'P', rows: doc }] }));
		expect(text(sheet)).toBe('a,b\n1,2\n');
	});

	test('hidden sheets, empty sheets and one-row sheets are left out; order is the workbook order', async () => {
		const table = (v: string) =>
			`<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${v}</t></is></c></row>`;
		const sheets = await workbookToCsv(
			book({
				sheets: [
					{ name: 'Notes', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>read me</t></is></c></row>' },
					{ name: 'B', rows: table('b') },
					{ name: 'Empty', rows: '' },
					{ name: 'Lists', rows: table('hidden'), state: 'hidden' },
					{ name: 'A', rows: table('a') }
				]
			})
		);
		expect(sheets.map((s) => [s.name, text(s)])).toEqual([
			['B', 'h\nb\n'],
			['A', 'h\na\n']
		]);
	});

	test('a sheet read in pieces split anywhere gives the same lines', () => {
		const xml =
			'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x&gt;y</t></is></c><c r="B1"><v>1.5</v></c></row>' +
			'<row r="2"><c r="A2" t="inlineStr"><is><t>row&lt;/row&gt;</t></is></c></row></sheetData></worksheet>';
		const whole = new SheetReader({ strings: [], kinds: [], date1904: false });
		whole.push(xml);
		const expected = whole.finish();
		expect(expected.lines).toEqual(['x>y,1.5', 'row</row>']);
		for (let cut = 1; cut < xml.length; cut++) {
			const r = new SheetReader({ strings: [], kinds: [], date1904: false });
			r.push(xml.slice(0, cut));
			r.push(xml.slice(cut));
			expect(r.finish()).toEqual(expected);
		}
	});
});

describe('workbookToCsv errors carry a code', () => {
	test('no sheet with a table → xlsx_empty', async () => {
		const bytes = book({ sheets: [{ name: 'Empty', rows: '' }] });
		expect(await codeOf(workbookToCsv(bytes))).toBe('xlsx_empty');
	});

	test('a ZIP that is not a workbook → xlsx_corrupt', async () => {
		expect(await codeOf(workbookToCsv(zip({ 'word/document.xml': '<w:document/>' })))).toBe('xlsx_corrupt');
	});

	test('a cut-off file and random bytes → xlsx_corrupt', async () => {
		const bytes = book({ sheets: [{ name: 'S', rows: '<row r="1"/>' }] });
		expect(await codeOf(workbookToCsv(bytes.subarray(0, bytes.length - 40)))).toBe('xlsx_corrupt');
		expect(await codeOf(workbookToCsv(new TextEncoder().encode('id,name\n1,a\n')))).toBe('xlsx_corrupt');
	});

	test('a damaged sheet stream → xlsx_corrupt naming the sheet', async () => {
		const bytes = book({
			sheets: [{ name: '商談', rows: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50) }]
		});
		const at = new TextDecoder('latin1').decode(bytes).indexOf('xl/worksheets/sheet1.xml') + 30;
		const broken = bytes.slice();
		broken.fill(0xff, at, at + 40);
		const err = (await workbookToCsv(broken).catch((e) => e)) as { code: string; params: { name?: string } };
		expect(err.code).toBe('xlsx_corrupt');
		expect(err.params.name).toBe('商談');
	});
});
