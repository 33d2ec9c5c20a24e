import { describe, expect, test } from 'vitest';
import {
	isSummaryRow,
	parseRecords,
	sniffDialect,
	SUMMARY_LABELS,
	trailingColumns
} from '../../src/lib/engine/ingest/sniff';

describe('sniffDialect: delimiter and newline', () => {
	const cases = [
		{ name: 'comma, LF', text: 'id,name,amount\n1,A,100\n2,B,200\n', delimiter: ',', newline: '\n' },
		{
			name: 'comma, CRLF',
			text: 'id,name,amount\r\n1,A,100\r\n2,B,200\r\n',
			delimiter: ',',
			newline: '\r\n'
		},
		{
			name: 'comma, CR (old Mac Excel)',
			text: 'id,name,amount\r1,A,100\r2,B,200\r',
			delimiter: ',',
			newline: '\r'
		},
		{ name: 'tab', text: 'id\tname\tamount\n1\tA, Inc.\t1,000\n2\tB\t200\n', delimiter: '\t', newline: '\n' },
		{
			name: 'semicolon with decimal commas (European Excel)',
			text: 'id;name;amount\n1;A;1,5\n2;B;2,25\n3;C;3\n',
			delimiter: ';',
			newline: '\n'
		},
		{ name: 'pipe', text: 'id|name|amount\n1|A|100\n2|B|200\n', delimiter: '|', newline: '\n' },
		{
			name: 'quoted fields holding commas and line breaks',
			text: 'id,memo,amount\r\n1,"called, no answer\nretry",100\r\n2,"said ""later""",200\r\n3,"a,b,c,d,e",300\r\n',
			delimiter: ',',
			newline: '\r\n'
		},
		{
			name: 'every field quoted (Salesforce API export)',
			text: '"ID","STATUS","LEADSOURCE"\r\n"00Q1","Working - Contacted","Web"\r\n"00Q2","Closed - Converted",""\r\n',
			delimiter: ',',
			newline: '\r\n'
		},
		{ name: 'single column', text: 'id\n1\n2\n', delimiter: ',', newline: '\n' },
		{ name: 'empty text', text: '', delimiter: ',', newline: '\n' }
	] as const;

	test.each(cases)('$name', ({ text, delimiter, newline }) => {
		const dialect = sniffDialect(text);
		expect(dialect.delimiter).toBe(delimiter);
		expect(dialect.newline).toBe(newline);
	});

	test('line breaks inside quotes do not decide the newline style', () => {
		const text = 'id,memo\r\n1,"a\nb\nc\nd"\r\n2,x\r\n';
		expect(sniffDialect(text).newline).toBe('\r\n');
	});

	test('a sample cut mid-record (files over 64 KB) still sniffs', () => {
		const row = '1,"long memo with, commas",100\n';
		const text = 'id,memo,amount\n' + row.repeat(5000);
		expect(text.length).toBeGreaterThan(64 * 1024);
		expect(sniffDialect(text)).toEqual({ delimiter: ',', newline: '\n', headerRow: 0 });
	});
});

describe('parseRecords', () => {
	test('quote-aware: delimiters, embedded newlines and doubled quotes stay inside fields', () => {
		const text = 'id,memo,amount\r\n1,"called, no answer\nretry",100\r\n2,"said ""later""",200\r\n';
		expect(parseRecords(text, sniffDialect(text), 10)).toEqual([
			['id', 'memo', 'amount'],
			['1', 'called, no answer\nretry', '100'],
			['2', 'said "later"', '200']
		]);
	});

	test('CR-only files split into records', () => {
		const text = 'a,b\r1,2\r3,4\r';
		expect(parseRecords(text, sniffDialect(text), 10)).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
	});

	test('maxRecords counts the header; no phantom record after the final newline', () => {
		const text = 'a,b\n1,2\n3,4\n5,6\n';
		const dialect = sniffDialect(text);
		expect(parseRecords(text, dialect, 2)).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(parseRecords(text, dialect, 100)).toHaveLength(4);
	});

	test('a leading BOM does not stick to the first header', () => {
		const text = '\uFEFFid,name\n1,x\n';
		expect(parseRecords(text, sniffDialect(text), 5)[0]).toEqual(['id', 'name']);
	});

	test('tab-separated records', () => {
		const text = 'id\tname\n1\tA, Inc.\n';
		expect(parseRecords(text, sniffDialect(text), 5)).toEqual([
			['id', 'name'],
			['1', 'A, Inc.']
		]);
	});
});

describe('header row below report titles and filters', () => {
	test('Japanese Salesforce formatted report: title, filter line, blank line, header', () => {
		const text = [
			'商談レポート',
			'フィルタ: 完了予定日 = 今期',
			'',
			'商談名,フェーズ,金額,完了予定日,商談所有者',
			'ABC商事 追加案件,受注,"1,200,000",2025/04/10,佐藤',
			'XYZ工業 新規,提案/見積,800000,2025/05/20,鈴木',
			''
		].join('\r\n');
		const dialect = sniffDialect(text);
		expect(dialect).toEqual({ delimiter: ',', newline: '\r\n', headerRow: 3 });
		const records = parseRecords(text, dialect, 10);
		expect(records[0]).toEqual(['商談名', 'フェーズ', '金額', '完了予定日', '商談所有者']);
		expect(records[1]).toEqual(['ABC商事 追加案件', '受注', '1,200,000', '2025/04/10', '佐藤']);
		expect(records).toHaveLength(3);
	});

	test('English report with Excel padding: title and filter rows as wide as the table', () => {
		const text = [
			'Opportunity Report,,,',
			'"Filtered By: Stage equals Closed Won, Closed Lost",,,',
			',,,',
			'Opportunity Name,Stage,Amount,Close Date',
			'Acme - 200 Widgets,Closed Won,12000,4/10/2025',
			'Globex renewal,Closed Lost,5000,4/12/2025'
		].join('\n');
		expect(sniffDialect(text).headerRow).toBe(3);
	});

	test('a filter line split over two cells of a narrow table is not the header', () => {
		const text = [
			'Filtered By:,Stage equals Closed Won',
			'',
			'Stage,Amount',
			'Closed Won,100',
			'Closed Won,200'
		].join('\n');
		expect(sniffDialect(text).headerRow).toBe(2);
	});

	test('a plain export: the first record is the header', () => {
		expect(sniffDialect('リードID,作成日\nL1,2025/04/01\n').headerRow).toBe(0);
	});

	test('a header-only file', () => {
		expect(sniffDialect('id,created_at,channel\n').headerRow).toBe(0);
	});

	test('a file without a header (numbers first) falls back to the first record', () => {
		expect(sniffDialect('1,2,3\n4,5,6\n').headerRow).toBe(0);
	});
});

describe('trailingColumns', () => {
	test.each([
		{ header: ['a', 'b', 'c'], expected: 0 },
		{ header: ['a', 'b', 'c', '', ''], expected: 2 },
		{ header: ['a', '', 'c', ' '], expected: 1 },
		{ header: ['', ''], expected: 2 },
		{ header: [], expected: 0 }
	])('$header → $expected', ({ header, expected }) => {
		expect(trailingColumns(header)).toBe(expected);
	});
});

describe('isSummaryRow', () => {
	test.each([
		{ cells: ['合計', '', '1200000'], expected: true },
		{ cells: ['総計', '', '3000000'], expected: true },
		{ cells: ['', '小計', '500'], expected: true },
		{ cells: ['件数', '42'], expected: true },
		{ cells: ['Total', '', '1200'], expected: true },
		{ cells: ['TOTAL:', '1200'], expected: true },
		{ cells: ['Grand Total', '1200'], expected: true },
		{ cells: ['Grand Totals (22 records)', '', '1200'], expected: true },
		{ cells: ['総計 (22 件のレコード)', '', '1200'], expected: true },
		{ cells: ['Subtotal', '1'], expected: true },
		{ cells: ['Sum', '1'], expected: true },
		{ cells: ['Count', '12'], expected: true },
		{ cells: ['ＴＯＴＡＬ', '1'], expected: true },
		{ cells: ['合 計', '1'], expected: false },
		{ cells: ['Confidential Information - Do Not Distribute'], expected: true },
		{ cells: ['Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.'], expected: true },
		{ cells: ['Generated By:  Taro Yamada  2025/04/01 10:00'], expected: true },
		{ cells: ['作成者: 山田 太郎 2025/04/01 10:00'], expected: true },
		{ cells: ['機密情報 - 配布禁止'], expected: true },
		{ cells: ['Total Foods Inc.', 'Closed Won', '1200'], expected: false },
		{ cells: ['L001', '2025/04/01', 'Web'], expected: false },
		{ cells: ['', '', ''], expected: false },
		{ cells: [], expected: false }
	])('$cells → $expected', ({ cells, expected }) => {
		expect(isSummaryRow(cells)).toBe(expected);
	});

	test('SUMMARY_LABELS are normalised (lower-case, half-width) for SQL', () => {
		for (const label of SUMMARY_LABELS) expect(label).toBe(label.normalize('NFKC').toLowerCase().trim());
		expect(SUMMARY_LABELS).toEqual(
			expect.arrayContaining(['合計', '総計', '小計', '件数', 'total', 'grand total', 'sum', 'count'])
		);
	});
});
