/**
 * A file big enough for the off-thread path (over 1 MiB): a Shift_JIS export is decoded in the ingest
 * worker and its record scan runs there too, and the figures are the same as on the main thread.
 */
import { expect, test } from './fixtures';
import { encodeShiftJis } from '../../scripts/demo-data';

// 40,000 leads: every 4th (i = 4, 8, …, 40,000) has an MQL date, so 10,000 MQLs; owners alternate
// between 髙橋 (a CP932-only character) and 佐藤. ≈ 1.5 MB in Shift_JIS.
const N = 40_000;
const lines = ['リードID,作成日,流入経路,担当者,MQL日'];
for (let i = 1; i <= N; i++)
	lines.push(
		`L${String(i).padStart(6, '0')},2025/04/01,展示会,${i % 2 ? '髙橋' : '佐藤'},${i % 4 ? '' : '2025/04/02'}`
	);
const BIG_SJIS = encodeShiftJis(lines.join('\r\n') + '\r\n');

test('a Shift_JIS file over 1 MiB is decoded and scanned off the main thread, with the same figures', async ({
	page
}) => {
	expect(BIG_SJIS.length).toBeGreaterThan(1 << 20);
	const workerScripts: string[] = [];
	page.on('request', (r) => {
		if (/scan\.worker/.test(r.url())) workerScripts.push(r.url());
	});
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: '大きいリード.csv', mimeType: 'text/csv', buffer: Buffer.from(BIG_SJIS) });
	await expect(page.getByTestId('rows-大きいリード-csv')).toHaveText('40,000', { timeout: 80_000 });
	await expect(page.getByTestId('encoding-大きいリード-csv')).toHaveValue('shift_jis');
	expect(workerScripts.length).toBeGreaterThan(0);
	await page.getByTestId('nav-funnel').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', String(N));
	await expect(page.getByTestId('funnel-count-mql')).toHaveAttribute('data-value', String(N / 4));
	await page.getByTestId('breakdown-by').selectOption('owner');
	await expect(page.getByTestId('breakdown-bar-髙橋')).toBeAttached();
});
