/**
 * Inputs and failures that used to leave the page stuck, silent or broken (issue 17): spend alone, a
 * lead dated 2100, a failed demo download, a full storage quota. Each ends in figures or a message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HOSTILE = path.resolve('tests/fixtures/hostile');
const drop = (page: Page, name: string, buffer = readFileSync(path.join(HOSTILE, name))) =>
	page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });

test('spend alone: every page finishes and says which file it misses', async ({ page }) => {
	await page.goto('./data/');
	await drop(page, 'spend-only.csv');
	await expect(page.getByTestId('kind-spend-only-csv')).toBeVisible({ timeout: 60_000 });
	for (const nav of ['nav-overview', 'nav-funnel', 'nav-marketing']) {
		await page.getByTestId(nav).click();
		await expect(page.getByText('Computing…')).toHaveCount(0, { timeout: 30_000 });
	}
	await page.getByTestId('nav-overview').click();
	await expect(page.getByTestId('missing-marketing')).toContainText('No leads file');
});

test('one lead dated 2100/12/31 does not hijack the presets', async ({ page }) => {
	await page.goto('./data/');
	await drop(page, 'future-lead.csv');
	await expect(page.getByTestId('issue-future_date')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('nav-overview').click();
	await page.getByTestId('preset-fy').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '2');
});

test('a failed demo download says so, and the retry works', async ({ page }) => {
	await page.route('**/demo/spend.csv', (route) => route.fulfill({ status: 503, body: 'down' }));
	await page.goto('./');
	await page.getByTestId('load-demo').click();
	await expect(page.getByTestId('load-errors')).toContainText('demo data could not be downloaded');
	await expect(page.getByTestId('load-errors')).toContainText('spend.csv: HTTP 503');
	await page.unroute('**/demo/spend.csv');
	await page.getByTestId('load-demo').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
});

test('a full storage quota: the same message twice, listed twice, and the page keeps up', async ({
	page,
	context
}) => {
	await page.goto('./data/');
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', {
		origin: new URL(page.url()).origin,
		quotaSize: 1
	});
	await page.getByTestId('remember').check();
	const leads = 'lead_id,created_at,channel\nL1,2025-04-01,Web\n';
	await drop(page, 'a.csv', Buffer.from(leads));
	await expect(page.getByTestId('file-a-csv')).toBeVisible({ timeout: 60_000 });
	await drop(page, 'b.csv', Buffer.from(leads.replace('L1', 'L2')));
	await expect(page.getByTestId('file-b-csv')).toBeVisible();
	const quota = page.getByTestId('load-errors').locator('.error', { hasText: 'no room left' });
	await expect.poll(() => quota.count()).toBeGreaterThanOrEqual(2);
	await expect(page.getByTestId('status')).toContainText('2 file');
	await page.getByTestId('remove-a-csv').click();
	await expect(page.getByTestId('file-a-csv')).toHaveCount(0);
	await expect(page.getByTestId('status')).toContainText('1 file');
});

test('5,000 channels and a 1 MB channel name: 15 bars, a searchable table, clipped cells', async ({
	page
}) => {
	const long = 'L'.repeat(1_000_000);
	const rows = Array.from({ length: 5000 }, (_, i) => `M${i},2025-04-01,ch-${i}`);
	rows.push(`BIG,2025-04-01,${long}`);
	await page.goto('./data/');
	await drop(page, 'channels.csv', Buffer.from(['lead_id,created_at,channel', ...rows].join('\n')));
	await expect(page.getByTestId('file-channels-csv')).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('nav-overview').click();
	const chart = page.getByTestId('chart-channels');
	await expect(chart.locator('rect.bar')).toHaveCount(15);
	await expect(chart.locator('svg')).toContainText('Others (4,987)');
	await chart.locator('summary').click();
	await expect(page.getByTestId('shown-channels')).toContainText('Showing 200 of 5,001 rows');
	expect(await chart.locator('tbody tr').count()).toBe(200);
	await page.getByTestId('search-channels').fill('ch-4321');
	await expect(chart.locator('tbody tr')).toHaveCount(1);
	await expect(chart.locator('tbody th')).toHaveText('ch-4321');
	await page.getByTestId('search-channels').fill('LLLL');
	const cell = chart.locator('tbody th');
	await expect(cell).toHaveCount(1);
	expect((await cell.textContent())!.length).toBeLessThan(200);
	expect((await cell.getAttribute('title'))!.length).toBeLessThan(2100);
	// The whole page stays small: no 1 MB text node anywhere.
	expect(await page.evaluate(() => document.body.innerHTML.length)).toBeLessThan(500_000);
	await page.getByTestId('nav-funnel').click();
	const breakdown = page.getByTestId('chart-breakdown');
	await expect(breakdown.locator('rect.bar')).toHaveCount(15, { timeout: 30_000 });
	await expect(breakdown.locator('tbody tr')).toHaveCount(15);
	expect(await page.evaluate(() => document.body.innerHTML.length)).toBeLessThan(500_000);
});

test('removing a file while another loads says so until it is done', async ({ page }) => {
	await page.goto('./data/');
	await drop(page, 'a.csv', Buffer.from('lead_id,created_at,channel\nA1,2025-04-01,Web\n'));
	await expect(page.getByTestId('file-a-csv')).toBeVisible({ timeout: 60_000 });
	const big = Array.from({ length: 400_000 }, (_, i) => `B${i},2025-04-01,ch-${i % 7}`);
	await drop(page, 'big.csv', Buffer.from(['lead_id,created_at,channel', ...big].join('\n')));
	await expect(page.getByTestId('status')).toContainText('big.csv');
	const remove = page.getByTestId('remove-a-csv');
	await remove.click();
	await expect(remove).toHaveText(/Removing…/);
	await expect(remove).toBeDisabled();
	await expect(page.getByTestId('file-big-csv')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('file-a-csv')).toHaveCount(0);
});
