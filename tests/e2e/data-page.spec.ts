/**
 * The Data page's file cards and vocabulary editor (issues 12 and 17): what each column gave, lines in
 * another encoding and implausible amounts reported per file, user words changed, removed and exported.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// Three leads; 作成日 dates all three, MQL日 two (L2's "soon" is no date), 失注日 none.
const LEADS = [
	'リードID,作成日,MQL日,失注日,流入経路',
	'L1,2025/04/01,2025/04/02,,展示会',
	'L2,2025/04/02,soon,,展示会',
	'L3,2025/04/03,2025/04/05,,紹介'
].join('\n');

test('a file card says what each column gave and flags a column that gave nothing, EN and JA', async ({
	page
}) => {
	await page.goto('./data/');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(LEADS) });
	await expect(page.getByTestId('contribution-leads-csv-created_at')).toHaveText(
		'3 row(s) reached Leads (column "作成日")'
	);
	await expect(page.getByTestId('contribution-leads-csv-mql_at')).toHaveText(
		'2 row(s) reached MQL (column "MQL日")'
	);
	await expect(page.getByTestId('contribution-leads-csv-lost_at')).toContainText(
		'"失注日" was recognised as Lost date, but no row has a readable value in it (0 rows)'
	);
	// Open by itself, since a column gave nothing.
	await expect(page.getByTestId('contributions-leads-csv')).toHaveAttribute('open', '');

	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(LEADS) });
	await expect(page.getByTestId('contribution-leads-csv-created_at')).toHaveText(
		'3 行がリードに到達（列「作成日」）'
	);
	await expect(page.getByTestId('contribution-leads-csv-lost_at')).toContainText(
		'読み取れる値のある行がありません'
	);
});

test('lines in another encoding and implausible amounts are reported on the card, with line and row numbers', async ({
	page
}) => {
	// CP932 展示会 on lines 2 and 4; line 3 is UTF-8 (pasted in from another file).
	const sjis = Buffer.from([0x93, 0x57, 0x8e, 0xa6, 0x89, 0xef]);
	const mixed = Buffer.concat([
		Buffer.from('lead_id,created_at,channel\nM1,2025-04-01,'),
		sjis,
		Buffer.from('\nM2,2025-04-02,ウェビナー\nM3,2025-04-03,'),
		sjis,
		Buffer.from('\n')
	]);
	const amounts =
		'lead_id,created_at,won_at,amount\nZ1,2025-04-01,2025-04-10,1e308\nZ2,2025-04-02,2025-04-10,-500\n';
	await page.goto('./data/');
	await page.getByTestId('file-input').setInputFiles([
		{ name: 'mixed.csv', mimeType: 'text/csv', buffer: mixed },
		{ name: 'amounts.csv', mimeType: 'text/csv', buffer: Buffer.from(amounts) }
	]);
	const mixedCard = page.getByTestId('file-mixed-csv');
	await expect(mixedCard.getByTestId('issue-mixed_encoding')).toContainText(
		'1 line(s) are in utf-8, unlike the rest of the file (shift_jis) (lines 3)'
	);
	const amountCard = page.getByTestId('file-amounts-csv');
	await expect(amountCard.getByTestId('issue-implausible_number')).toContainText(
		'"amount": 1 value(s) are larger than 10,000,000,000,000'
	);
	await expect(amountCard.getByTestId('issue-implausible_number')).toContainText('1e308');
	await expect(amountCard.getByTestId('issue-negative_amount')).toContainText('-500');
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveText('5');
});

test('a word added to the vocabulary can be changed, exported as config JSON and removed', async ({
	page
}) => {
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
	await page.getByTestId('vocab-ほぼ会話').selectOption('connected');
	await page.getByTestId('vocab-add-ほぼ会話').click();
	await expect(page.getByTestId('vocab-edit-ほぼ会話')).toHaveValue('connected');
	await page.getByTestId('nav-inside-sales').click();
	// Connected: A1 and A3 of 4 calls.
	await expect(page.getByTestId('kpi-contact_rate')).toHaveAttribute('data-value', '0.5');

	await page.getByTestId('nav-data').click();
	await page.getByTestId('vocab-edit-ほぼ会話').selectOption('no_answer');
	await expect(page.getByTestId('vocab-edit-ほぼ会話')).toHaveValue('no_answer');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('vocab-export').click()
	]);
	expect(download.suggestedFilename()).toBe('modelboard-vocabularies.json');
	expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual({
		vocabularies: { outcome: { ほぼ会話: 'no_answer' } }
	});
	await page.getByTestId('nav-inside-sales').click();
	// Connected: A1 alone of 4.
	await expect(page.getByTestId('kpi-contact_rate')).toHaveAttribute('data-value', '0.25');

	await page.getByTestId('nav-data').click();
	await page.getByTestId('vocab-remove-ほぼ会話').click();
	await expect(page.getByTestId('vocab-editor')).toHaveCount(0);
	await expect(page.getByTestId('issue-unknown_value')).toContainText('ほぼ会話');
});

test('a refused file stays on the Data page with its message and the mapping screen, and loads once mapped', async ({
	page
}) => {
	// No header names a field: refused. Mapped by hand (ref → lead_id, day → created_at, from → channel).
	const refs = 'ref,day,from\nR1,2025/04/01,Web\nR2,2025/04/02,Event\n';
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'refs.csv', mimeType: 'text/csv', buffer: Buffer.from(refs) });
	const card = page.getByTestId('refused-refs-csv');
	await expect(card.getByTestId('message-refused-refs-csv')).toContainText('refs.csv');
	await expect(card.getByTestId('message-refused-refs-csv')).not.toContainText('could not');
	await card.getByTestId('kind-select-refused-refs-csv').selectOption('leads');
	await card.getByTestId('map-refused-refs-csv-lead_id').selectOption('ref');
	await card.getByTestId('map-refused-refs-csv-created_at').selectOption('day');
	await card.getByTestId('map-refused-refs-csv-channel').selectOption('from');
	await card.getByTestId('apply-refused-refs-csv').click();
	await expect(page.getByTestId('rows-refs-csv')).toHaveText('2');
	await expect(card).toHaveCount(0);
	await expect(page.getByTestId('contribution-refs-csv-created_at')).toHaveText(
		'2 行がリードに到達（列「day」）'
	);
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveText('2');
});

test('a refused file can be dismissed; its message is in English on the English page', async ({ page }) => {
	await page.goto('./data/');
	await page.getByTestId('file-input').setInputFiles({
		name: 'notes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('colour,taste\nred,sweet\n')
	});
	const card = page.getByTestId('refused-notes-csv');
	await expect(card.getByTestId('message-refused-notes-csv')).toContainText(
		'notes.csv: could not tell what this file is'
	);
	await card.getByTestId('remove-refused-notes-csv').click();
	await expect(card).toHaveCount(0);
	await expect(page.getByTestId('load-errors')).toHaveCount(0);
});
