/** The reader on workbooks written by another program (SheetJS), as a user's export would arrive. */
import { describe, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { workbookToCsv, type WorkbookSheet } from '../../src/lib/engine/ingest/xlsx/index';

const text = (s: WorkbookSheet) => new TextDecoder().decode(s.csv);
const date = (serial: number, z = 'yyyy-mm-dd'): XLSX.CellObject => ({ t: 'n', v: serial, z });
const str = (v: string): XLSX.CellObject => ({ t: 's', v });

function write(sheets: [string, XLSX.WorkSheet][], opts: { date1904?: boolean; bookSST?: boolean } = {}) {
	const wb = XLSX.utils.book_new();
	for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
	if (opts.date1904) wb.Workbook = { ...wb.Workbook, WBProps: { date1904: true } };
	const out = XLSX.write(wb, {
		type: 'array',
		bookType: 'xlsx',
		bookSST: opts.bookSST ?? true,
		compression: true
	});
	return new Uint8Array(out as ArrayBuffer);
}

/** A Japanese lead report as Salesforce's "Export to Excel" shapes it: a merged title row, then the table. */
function leadReport(): XLSX.WorkSheet {
	const ws = XLSX.utils.aoa_to_sheet([
		[str('リード一覧 (2024年4月)')],
		[str('リードID'), str('作成日'), str('流入経路'), str('商談金額')],
		[str('00123'), date(45383), str('展示会'), 1500000],
		[str('00124'), date(45384.375, 'yyyy/m/d h:mm'), str('Web, 広告'), 0.1 + 0.2],
		[],
		[str('00125'), date(45400), str('紹介 "A社"'), { t: 'n', v: 2500000.5, z: '#,##0.00' }],
		[str('00126'), null, str('セミナー\n東京'), { t: 'b', v: true }]
	]);
	ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }];
	return ws;
}

const EXPECTED_LEADS =
	'リード一覧 (2024年4月),,,\n' +
	'リードID,作成日,流入経路,商談金額\n' +
	'00123,2024-04-01,展示会,1500000\n' +
	'00124,2024-04-02 09:00:00,"Web, 広告",0.3\n' +
	'\n' +
	'00125,2024-04-18,"紹介 ""A社""",2500000.5\n' +
	'00126,,"セミナー\n東京",TRUE\n';

describe('workbookToCsv on SheetJS-written workbooks', () => {
	test('a Japanese lead report equals the hand-written CSV', async () => {
		const sheets = await workbookToCsv(write([['リード', leadReport()]]));
		expect(sheets).toHaveLength(1);
		expect(sheets[0].name).toBe('リード');
		expect(sheets[0].rows).toBe(7);
		expect(text(sheets[0])).toBe(EXPECTED_LEADS);
	});

	test('inline strings (no shared-string table) read the same', async () => {
		const [sheet] = await workbookToCsv(write([['リード', leadReport()]], { bookSST: false }));
		expect(text(sheet)).toBe(EXPECTED_LEADS);
	});

	test('two sheets, one empty: only the table comes back', async () => {
		const empty = XLSX.utils.aoa_to_sheet([]);
		const deals = XLSX.utils.aoa_to_sheet([
			[str('商談ID'), str('完了予定日'), str('金額')],
			[str('O-1'), date(45500), 120000]
		]);
		const sheets = await workbookToCsv(
			write([
				['空', empty],
				['商談', deals]
			])
		);
		expect(sheets.map((s) => [s.name, text(s)])).toEqual([
			['商談', '商談ID,完了予定日,金額\nO-1,2024-07-27,120000\n']
		]);
	});

	test('1904 date system', async () => {
		const ws = XLSX.utils.aoa_to_sheet([
			[str('作成日')],
			[date(43921)],
			[date(43921.5, 'yyyy-mm-dd hh:mm:ss')]
		]);
		const [sheet] = await workbookToCsv(write([['S', ws]], { date1904: true }));
		expect(text(sheet)).toBe('作成日\n2024-04-01\n2024-04-01 12:00:00\n');
	});

	test('gives the same table SheetJS itself reads', async () => {
		const bytes = write([['リード', leadReport()]]);
		const wb = XLSX.read(bytes, { type: 'array' });
		const theirs = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['リード'], {
			header: 1,
			raw: false,
			blankrows: true
		});
		const ours = text((await workbookToCsv(bytes))[0]).split('\n');
		expect(ours[1].split(',')).toEqual(theirs[1]);
		expect(ours[2].split(',')).toEqual(theirs[2]);
	});
});

describe('workbooks that cannot be read', () => {
	test('a password-protected workbook → xlsx_encrypted', async () => {
		// What Excel saves with a password: an OLE compound file holding EncryptionInfo + EncryptedPackage.
		const cfb = XLSX.CFB.utils.cfb_new();
		XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
		XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(600).fill(7));
		const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
		const err = (await workbookToCsv(bytes).catch((e) => e)) as Error & { code: string; params: object };
		expect(err).toBeInstanceOf(Error);
		expect(err.code).toBe('xlsx_encrypted');
		expect(err.params).toEqual({});
	});

	test('a legacy .xls (compound file, not encrypted) → xlsx_corrupt', async () => {
		const ws = XLSX.utils.aoa_to_sheet([['id'], [1]]);
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, 'S');
		const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
		const err = (await workbookToCsv(bytes).catch((e) => e)) as { code: string; message: string };
		expect(err.code).toBe('xlsx_corrupt');
		expect(err.message).toMatch(/\.xls/);
	});
});
