/**
 * "Remember on this device" under faults: a damaged record is reported in the user's language and
 * cleared on request; "Forget all data" in one tab wins over another tab's later saves.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemo } from './helpers';

/** The record as IndexedDB holds it, and the flag, read from the page. */
function stored(page: Page): Promise<{ flag: string | null; record: unknown }> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const req = indexedDB.open('modelboard', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('files');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const get = req.result.transaction('files').objectStore('files').get('all');
					get.onsuccess = () => {
						const r = get.result as { files?: { name: string }[] } | undefined;
						const record = r?.files ? { ...r, files: r.files.map((f) => f?.name ?? null) } : r;
						req.result.close();
						resolve({ flag: localStorage.getItem('modelboard.remember'), record });
					};
				};
			})
	);
}

/** Overwrites the record, as a damaged disk, an old version or devtools would. */
function corrupt(page: Page, how: 'garbage' | 'damaged-entries'): Promise<void> {
	return page.evaluate(
		(how) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('modelboard', 1);
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const t = req.result.transaction('files', 'readwrite');
					const s = t.objectStore('files');
					if (how === 'garbage') s.put('{"not": "a record"', 'all');
					else
						s.get('all').onsuccess = (e) => {
							const r = (e.target as IDBRequest).result;
							s.put({ ...r, files: [r.files[0], null, { name: 'x.csv' }, { bytes: 1 }] }, 'all');
						};
					t.oncomplete = () => {
						req.result.close();
						resolve();
					};
				};
			}),
		how
	);
}

async function rememberDemo(page: Page): Promise<void> {
	await openDemo(page);
	await page.getByTestId('nav-data').click();
	await page.getByTestId('remember').check();
	await expect
		.poll(async () => ((await stored(page)).record as { files?: unknown[] })?.files?.length)
		.toBe(4);
}

test('a damaged record: a message in Japanese, nothing internal, the record cleared on request', async ({
	page
}) => {
	await rememberDemo(page);
	await corrupt(page, 'garbage');
	await page.goto('./data/?lang=ja');
	const alert = page.getByTestId('load-errors');
	await expect(alert).toContainText('この端末に保存されたデータが壊れています');
	await expect(alert).not.toContainText('undefined');
	await expect(alert).not.toContainText('分析エンジン');
	await page.getByTestId('forget-remembered').click();
	await expect(page.getByTestId('load-errors')).toHaveCount(0);
	await expect(page.getByTestId('remember')).not.toBeChecked();
	expect(await stored(page)).toEqual({ flag: null, record: undefined });
	// The app is usable: the demo loads as on a first visit.
	await openDemo(page, 'lang=ja');
});

test('damaged entries are set aside, the readable file is restored and the loss is counted', async ({
	page
}) => {
	await rememberDemo(page);
	await corrupt(page, 'damaged-entries');
	await page.goto('./data/');
	await expect(page.getByTestId('load-errors')).toContainText('3 file(s) could not be read back');
	await expect(page.getByTestId('file-leads-csv')).toBeVisible();
	await expect(page.getByTestId('status')).toContainText('1 file');
	await expect(page.getByTestId('remember')).toBeChecked();
});

test('two tabs: "Forget all data" in one wins over a later change in the other', async ({ context }) => {
	const one = await context.newPage();
	await rememberDemo(one);
	const two = await context.newPage();
	await two.goto('./data/');
	await expect(two.getByTestId('file-spend-csv')).toBeVisible({ timeout: 60_000 });
	await expect(two.getByTestId('remember')).toBeChecked();

	await one.getByTestId('forget-all').click();
	await expect(one.getByTestId('forgotten')).toBeVisible();
	await expect(one.getByTestId('remember')).not.toBeChecked();
	await expect(two.getByTestId('remember')).not.toBeChecked();
	await expect(two.getByTestId('load-errors')).toContainText('forgotten in another tab');
	await two.getByTestId('remove-spend-csv').click();
	await expect(two.getByTestId('file-spend-csv')).toHaveCount(0);

	const three = await context.newPage();
	await three.goto('./data/');
	await expect(three.getByTestId('drop-zone')).toBeVisible();
	await expect(three.getByTestId('file-leads-csv')).toHaveCount(0);
	expect(await stored(three)).toEqual({ flag: null, record: undefined });
});
