/**
 * With the interface in Japanese, what ingestion says is Japanese: a broken file's error in the status
 * bar and a loaded file's quality issues on the Data page.
 */
import { expect, test } from './fixtures';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

test('a broken file dropped in Japanese gets a Japanese message', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	const errors = page.getByTestId('load-errors');
	await expect(errors).toContainText('leads.csv は空です（0 バイト）', { timeout: 60_000 });
	await expect(errors).not.toContainText('is empty');

	await page.getByTestId('file-input').setInputFiles({
		name: 'notes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('colour,taste\nred,sweet\n')
	});
	await expect(errors).toContainText('notes.csv：どのようなファイルか判別できませんでした');
	await expect(errors).not.toContainText('could not tell what this file is');
	// Both errors are listed, each once.
	await expect(errors.locator('.error')).toHaveCount(2);
});

test('quality issues on the Data page are worded in Japanese', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	await page.getByTestId('file-input').setInputFiles({
		name: 'leads.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('lead_id,created_at,memo\nL1,2025-04-01,a\nL2,2025-04-02,b\n')
	});
	const ignored = page.getByTestId('issue-ignored_column');
	await expect(ignored).toContainText('どの指標にも使わない列：memo', { timeout: 60_000 });
	await expect(ignored).not.toContainText('Columns not used');
	await expect(ignored.locator('p').first()).toHaveText(JAPANESE);
});

test('a mapping file that cannot be used is explained in Japanese, naming where', async ({ page }) => {
	await page.goto('./data/?lang=ja');
	const errors = page.getByTestId('load-errors');
	await page.getByTestId('import-mappings').setInputFiles({
		name: 'mapping.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ version: 2, mappings: [] }))
	});
	await expect(errors).toContainText('対応付けファイル：version は 1 にしてください（値：2）', {
		timeout: 60_000
	});
	await page.getByTestId('import-mappings').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{ not json')
	});
	await expect(errors).toContainText('JSON として読めません');
	await expect(errors).not.toContainText('must be');
	await expect(errors).not.toContainText('Unexpected token');
});
