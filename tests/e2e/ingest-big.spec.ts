/**
 * A file big enough for the off-thread path (over 1 MiB): a Shift_JIS export is decoded in the ingest
 * worker and its record scan runs there too, and the figures are the same as on the main thread. A
 * file over 16 MiB stays on disk (file-data.ts): the page never reads it whole, the worker scans (or
 * decodes, a part at a time) it from the File, DuckDB reads it from disk (or the decoded UTF-8's Blob).
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

// 420,000 leads in UTF-8 (≈ 19 MiB, over KEEP_ON_DISK_BYTES): every 3rd has an MQL date (140,000),
// every 30th is won (14,000).
const M = 420_000;
function bigLines(count = M): string[] {
	const out = ['リードID,作成日,流入経路,担当者,MQL日,受注日'];
	for (let i = 1; i <= count; i++)
		out.push(
			`L${String(i).padStart(7, '0')},2025/04/01,展示会,${i % 2 ? '髙橋' : '佐藤'},${i % 3 ? '' : '2025/04/02'},${i % 30 ? '' : '2025/05/01'}`
		);
	return out;
}
const bigUtf8 = () => Buffer.from('\uFEFF' + bigLines().join('\n') + '\n', 'utf8');

test('a UTF-8 file over 16 MiB stays on disk: the page reads only its first MiB, the figures are whole', async ({
	page
}) => {
	const big = bigUtf8();
	expect(big.length).toBeGreaterThan(16 << 20);
	// Every read of a Blob's bytes on the page (not in a worker), by size.
	await page.addInitScript(() => {
		const reads: number[] = ((window as unknown as { __mbReads: number[] }).__mbReads = []);
		const original = Blob.prototype.arrayBuffer;
		Blob.prototype.arrayBuffer = function () {
			reads.push(this.size);
			return original.call(this);
		};
	});
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'big-utf8.csv', mimeType: 'text/csv', buffer: big });
	await expect(page.getByTestId('rows-big-utf8-csv')).toHaveText('420,000', { timeout: 80_000 });
	const reads = await page.evaluate(() => (window as unknown as { __mbReads: number[] }).__mbReads);
	expect(reads.length).toBeGreaterThan(0);
	expect(Math.max(...reads)).toBeLessThanOrEqual((1 << 20) + 3);
	await page.getByTestId('nav-funnel').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', String(M));
	await expect(page.getByTestId('funnel-count-mql')).toHaveAttribute('data-value', String(M / 3));
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', String(M / 30));
});

test('a very big file is read in parts, each compressed once in: the figures are whole', async ({ page }) => {
	// Read parts of 2 MiB (files over 256 MiB are read in parts of 128 MiB): the 17 MiB file in nine.
	await page.addInitScript(() => {
		(globalThis as { __mbReadPartBytes?: number }).__mbReadPartBytes = 2 << 20;
	});
	await page.goto('./data/?lang=en');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'big-parts.csv', mimeType: 'text/csv', buffer: bigUtf8() });
	await expect(page.getByTestId('rows-big-parts-csv')).toHaveText('420,000', { timeout: 80_000 });
	const parts = await page.evaluate(() =>
		performance.getEntriesByName('mb:read-part').map((m) => (m as PerformanceMark).detail)
	);
	// The warm-up's made-up file is one part; this file is read in nine.
	const ofThis = parts.filter((p) => p.of > 1);
	expect(ofThis.map((p) => p.part)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
	await page.getByTestId('nav-funnel').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', String(M));
	await expect(page.getByTestId('funnel-count-mql')).toHaveAttribute('data-value', String(M / 3));
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', String(M / 30));
});

test('a Shift_JIS file over 16 MiB is decoded by the worker from disk, a part at a time', async ({
	page
}) => {
	// 510,000 leads: Shift_JIS takes 2 bytes a kanji where UTF-8 takes 3.
	const big = Buffer.from(encodeShiftJis(bigLines(510_000).join('\r\n') + '\r\n'));
	expect(big.length).toBeGreaterThan(16 << 20);
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'big-sjis.csv', mimeType: 'text/csv', buffer: big });
	await expect(page.getByTestId('rows-big-sjis-csv')).toHaveText('510,000', { timeout: 80_000 });
	await expect(page.getByTestId('encoding-big-sjis-csv')).toHaveValue('shift_jis');
	await page.getByTestId('nav-funnel').click();
	await expect(page.getByTestId('funnel-count-mql')).toHaveAttribute('data-value', '170000');
	await page.getByTestId('breakdown-by').selectOption('owner');
	await expect(page.getByTestId('breakdown-bar-髙橋')).toBeAttached();
});
