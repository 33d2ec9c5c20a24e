/**
 * Issue 12 through the file input: an .xlsx with Japanese headers loads like the same data as CSV, and
 * a Japanese lead report + 商談 report pair linked by 取引開始済み商談 ID says how many deals linked.
 */
import * as XLSX from '@e965/xlsx';
import { expect, test } from '@playwright/test';

const ROWS = [
	['リードID', '作成日', '流入経路', '担当者', 'ステータス'],
	['X1', '2025/04/01', '広告', '高橋', '新規'],
	['X2', '2025/04/02', 'ウェビナー', '佐藤', 'MQL'],
	['X3', '2025/04/03', '広告', '高橋', '受注']
];

function workbook(): Buffer {
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(ROWS), 'リード');
	return Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('an .xlsx with Japanese headers gives the lead count of the same data as CSV', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	await page.getByTestId('file-input').setInputFiles({
		name: 'leads.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(ROWS.map((r) => r.join(',')).join('\n'))
	});
	await expect(page.getByTestId('rows-leads-csv')).toHaveText('3', { timeout: 60_000 });
	await page.getByTestId('file-input').setInputFiles({
		name: 'leads.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: workbook()
	});
	await expect(page.getByTestId('rows-leads-xlsx')).toHaveText('3', { timeout: 60_000 });
	await expect(page.getByTestId('kind-leads-xlsx')).toContainText('リード');
});

test('a Japanese lead report and 商談 report link by 取引開始済み商談 ID', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	await page.getByTestId('file-input').setInputFiles([
		{
			name: 'リード.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'リード ID,作成日,リードソース,リード所有者,リード状況,取引開始済み商談 ID\n' +
					'L1,2025/04/01,Web,佐藤,取引開始済み,006A\nL2,2025/04/02,展示会,鈴木,未対応,\n' +
					'L3,2025/04/03,Web,佐藤,取引開始済み,006B\n'
			)
		},
		{
			name: '商談.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'商談 ID,商談名,フェーズ,金額,商談所有者,作成日,完了予定日,成立,完了\n' +
					'006A,A社案件,交渉,100000,田中,2025/04/10,2025/05/31,0,0\n' +
					'006B,B社案件,受注,200000,山本,2025/04/12,2025/05/20,1,1\n' +
					'006C,C社案件,失注,50000,田中,2025/04/15,2025/05/25,0,1\n'
			)
		}
	]);
	await expect(page.getByTestId('links-商談-csv')).toHaveText(
		'リードにつながった商談 2 件、単独の商談 1 件',
		{ timeout: 60_000 }
	);
});
