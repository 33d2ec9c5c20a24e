/**
 * Issue 12's last items and issue 11's messages, in a real browser: progress while loading, an
 * activity file with no call explaining itself, "every row reached a stage", one column for two
 * fields, field names in Japanese, and a DuckDB failure worded in Japanese.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const TASK = readFileSync('tests/fixtures/ingest/salesforce-task/Task.csv');

/** A lead file of `n` rows (ids, dates over a year, channels): a few MB, seconds to load. */
function bigLeads(n: number): Buffer {
	const rows = ['lead_id,created_at,channel,owner,mql_at,sql_at,amount'];
	for (let i = 0; i < n; i++) {
		const d = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
		rows.push(`L${i},${d},ch${i % 7},rep${i % 13},${i % 3 ? d : ''},${i % 5 ? '' : d},${(i % 97) * 1000}`);
	}
	return Buffer.from(rows.join('\n'));
}

test('a big file shows a percentage that only grows while it loads', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	// Every value the progress bar shows, in order, recorded as the page changes it (no timing involved).
	await page.evaluate(() => {
		const seen: number[] = [];
		(window as unknown as { seen: number[] }).seen = seen;
		new MutationObserver(() => {
			const bar = document.querySelector('[data-testid="load-progress"]');
			const v = bar ? Number(bar.getAttribute('data-value')) : NaN;
			if (!Number.isNaN(v) && seen[seen.length - 1] !== v) seen.push(v);
		}).observe(document.body, { subtree: true, childList: true, attributes: true });
	});
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: bigLeads(150_000) });
	await expect(page.getByTestId('load-pct')).toContainText('%');
	await expect(page.getByTestId('rows-big-csv')).toHaveText('150,000');
	const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
	expect(seen.length).toBeGreaterThanOrEqual(2);
	for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
	for (const v of seen) expect(v).toBeLessThanOrEqual(1);
	await expect(page.getByTestId('load-progress')).toHaveCount(0);
});

test('an activity file with no call says why on the inside-sales page and the Data page, and is fixed there', async ({
	page
}) => {
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'Task.csv', mimeType: 'text/csv', buffer: TASK });
	const why = page.getByTestId('call-types-why');
	// 480 blank Type cells and 27 "Other" (counted in tests/engine/ingest-task-types.test.ts).
	await expect(why).toContainText('活動種別として読んだ列は「Type」');
	await expect(why).toContainText('（空欄） 480 件、Other 27 件');
	await page.getByTestId('nav-inside-sales').click();
	await expect(page.getByTestId('no-calls')).toContainText(
		'507 件の活動のうち、架電として読めたものが 1 件もありません'
	);
	await page.getByTestId('no-calls-fix').click();
	await expect(page.getByTestId('call-types')).toBeVisible();
	// Subject holds "Call" on 169 rows: read it as the type.
	await page.getByTestId('call-column-Subject').click();
	await expect(page.getByTestId('call-types')).toHaveCount(0);
	await page.getByTestId('nav-inside-sales').click();
	await expect(page.getByTestId('no-calls')).toHaveCount(0);
});

test('every row reached MQL on 作成日, which is also the created date; field names in Japanese', async ({
	page
}) => {
	// 作成日 is detected as the created date; the user adds that every row is an MQL dated by it too.
	const mqls = 'ref,作成日,from\nM1,2025-04-03,Web\nM2,2025-04-10,展示会\n';
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'mql.csv', mimeType: 'text/csv', buffer: Buffer.from(mqls) });
	await expect(page.getByTestId('rows-mql-csv')).toHaveText('2');
	const card = page.getByTestId('file-mql-csv');
	await card.getByText('列の対応付け').click();
	await expect(card).toContainText('リード／レコード ID');
	await expect(card.locator('table.data').first()).not.toContainText('lead_id');
	await card.getByTestId('reached-stage-mql-csv').selectOption('mql');
	await card.getByTestId('reached-date-mql-csv').selectOption('作成日');
	await card.getByTestId('apply-mql-csv').click();
	await expect(page.getByTestId('contribution-mql-csv-mql_at')).toHaveText('2 行がMQLに到達（列「作成日」）');
	await expect(page.getByTestId('contribution-mql-csv-created_at')).toHaveText(
		'2 行がリードに到達（列「作成日」）'
	);
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('funnel-count-mql')).toHaveText('2');
});

test('a mapping file that is not JSON is worded in Japanese with its line and column', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	await page.getByTestId('import-mappings').setInputFiles({
		name: 'mapping.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{\n  "version": 1\n  "mappings": []\n}')
	});
	await expect(page.getByTestId('load-errors')).toContainText('3 行目 3 文字目');
	await expect(page.getByTestId('load-errors')).not.toContainText('Unexpected');
});
