/**
 * Dropping real-world files: a Shift_JIS Japanese report export is recognised, one mapping is fixed in
 * the UI and the funnel changes; a broken file gets a clear message and the earlier data stays.
 */
import { expect, test } from './fixtures';
import { encodeShiftJis } from '../../scripts/demo-data';

// A formatted Salesforce (JA) report: title and filter lines above the header, CP932-only characters
// (㈱ ① 髙), 2025/04/01 dates, a total row. "ホットリード日" is this org's MQL date: no synonym knows it.
const ROWS = [
	[
		'L-001',
		'2025/04/01',
		'展示会',
		'髙橋',
		'2025/04/03',
		'2025/04/10',
		'2025/04/15',
		'2025/05/20',
		'1,200,000',
		'㈱アルファ①'
	],
	['L-002', '2025/04/02', 'ウェビナー', '佐藤', '2025/04/05', '', '', '', '', '㈱ベータ'],
	['L-003', '2025/04/03', 'ウェビナー', '佐藤', '', '', '', '', '', '有限会社ガンマ'],
	[
		'L-004',
		'2025/04/10',
		'紹介',
		'髙橋',
		'2025/04/11',
		'2025/04/12',
		'2025/04/20',
		'',
		'800,000',
		'㈱デルタ'
	],
	['L-005', '2025/04/11', '展示会', '鈴木', '', '', '', '', '', '㈱イプシロン']
];
const SJIS_REPORT = encodeShiftJis(
	[
		'リードレポート',
		'フィルタ条件: 作成日 = 今年度',
		'',
		'リードID,作成日,リードソース,リード所有者,ホットリード日,商談化日,商談作成日,受注日,金額,会社名',
		...ROWS.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')),
		'合計,,,,,,,,"2,000,000",'
	].join('\r\n') + '\r\n'
);

test('a Shift_JIS Japanese export is recognised; fixing one mapping changes the funnel', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'リード一覧.csv', mimeType: 'text/csv', buffer: Buffer.from(SJIS_REPORT) });
	// 6 rows read: 5 leads and the total row, which is set aside and reported.
	await expect(page.getByTestId('rows-リード一覧-csv')).toHaveText('6', { timeout: 60_000 });
	await expect(page.getByTestId('kind-リード一覧-csv')).toContainText('リード');
	await expect(page.getByTestId('encoding-リード一覧-csv')).toHaveValue('shift_jis');
	await expect(page.getByTestId('issue-summary_row')).toBeAttached();

	// Without the MQL column the funnel skips MQL (and says so).
	await page.getByTestId('nav-funnel').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '5');
	await expect(page.getByTestId('funnel-count-mql')).toHaveCount(0);
	await expect(page.getByTestId('missing-stages')).toContainText('MQL');
	await expect(page.getByTestId('funnel-count-sql')).toHaveAttribute('data-value', '2');

	// Map the org's own column to mql_at on the Data page.
	await page.getByTestId('nav-data').click();
	await page.getByText('列の対応付け').click();
	await page.getByTestId('map-リード一覧-csv-mql_at').selectOption('ホットリード日');
	await page.getByTestId('apply-リード一覧-csv').click();
	await page.getByTestId('nav-funnel').click();
	// L-001, L-002, L-004 have MQL dates; skipped-stage rule keeps SQLs (L-001, L-004) counted as MQLs too.
	await expect(page.getByTestId('funnel-count-mql')).toHaveAttribute('data-value', '3');
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', '1');
	// The correction is remembered for files with the same headers: a fresh export maps itself.
	await page.getByTestId('nav-data').click();
	await page.getByTestId('remove-リード一覧-csv').click();
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: '来月のリード.csv', mimeType: 'text/csv', buffer: Buffer.from(SJIS_REPORT) });
	await expect(page.getByTestId('rows-来月のリード-csv')).toHaveText('6');
	await page.getByTestId('nav-funnel').click();
	await expect(page.getByTestId('funnel-count-mql')).toHaveAttribute('data-value', '3');
	// CP932-only characters survived decoding: the lead owner 髙橋 is in the breakdown by owner (field
	// sales lists deal owners only, and this export has none).
	await page.getByTestId('breakdown-by').selectOption('owner');
	await expect(page.getByTestId('breakdown-bar-髙橋')).toBeAttached();
});

test('a broken file gets a clear message and the earlier data is still shown', async ({ page }) => {
	await page.goto('./?demo');
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	const png = Buffer.from([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
	]);
	await page.getByTestId('nav-data').click();
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: png });
	await expect(page.getByTestId('load-errors')).toContainText('broken.csv is a PNG image, not a CSV file');
	await expect(page.getByTestId('load-errors')).toContainText('Everything loaded before it is still here.');
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000');

	await page.getByTestId('nav-data').click();
	await page.getByTestId('file-input').setInputFiles({
		name: 'notes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('colour,taste\nred,sweet\n')
	});
	await expect(page.getByTestId('load-errors')).toContainText('notes.csv: could not tell what this file is');
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000');
});

test('an unknown call outcome is added to the vocabulary on the Data page and counts', async ({ page }) => {
	const calls = [
		'活動ID,日時,担当者,リードID,種別,結果',
		'A1,2025/04/01 10:00,佐藤,L1,電話,接続',
		'A2,2025/04/01 10:05,佐藤,L2,電話,不在',
		'A3,2025/04/01 10:10,佐藤,L3,電話,ほぼ会話',
		'A4,2025/04/01 10:15,佐藤,L4,電話,不在'
	].join('\n');
	await page.goto('./data/');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(calls) });
	await expect(page.getByTestId('issue-unknown_value')).toContainText('ほぼ会話');
	await page.getByTestId('nav-inside-sales').click();
	await expect(page.getByTestId('kpi-contact_rate')).toHaveAttribute('data-value', '0.25');
	await page.getByTestId('nav-data').click();
	await page.getByTestId('vocab-ほぼ会話').selectOption('connected');
	await page.getByTestId('vocab-add-ほぼ会話').click();
	await expect(page.getByTestId('issue-unknown_value')).toHaveCount(0);
	await page.getByTestId('nav-inside-sales').click();
	await expect(page.getByTestId('kpi-contact_rate')).toHaveAttribute('data-value', '0.5');
});

test('dropping a new export with the same name replaces the loaded file; removing one updates the dashboard', async ({
	page
}) => {
	await page.goto('./?demo');
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	await page.getByTestId('nav-data').click();
	const fresh = 'リードID,作成日,流入経路\nX1,2025/04/01,展示会\nX2,2025/04/02,紹介\n';
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(fresh) });
	await expect(page.getByTestId('rows-leads-csv')).toHaveText('2');
	await expect(page.locator('[data-testid^="remove-"]')).toHaveCount(4);
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '2');
	await page.getByTestId('nav-data').click();
	await page.getByTestId('remove-customers-csv').click();
	await expect(page.locator('[data-testid^="remove-"]')).toHaveCount(3);
	await page.getByTestId('nav-customer-success').click();
	await expect(page.getByTestId('missing-customer_success')).toBeVisible();
});
