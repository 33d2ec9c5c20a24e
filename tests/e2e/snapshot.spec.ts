/**
 * Snapshot links: a snapshot of each page on the demo opens in a fresh browser context (no data, no
 * service worker) with every figure the test hooks expose equal to the original; loading the demo there
 * makes it live. Damaged links show a message and the start page. Prints each page's link length.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_FILES, openDemo } from './helpers';

const PAGES: { path: string; query?: string }[] = [
	{ path: '' },
	{ path: 'funnel/' },
	{ path: 'marketing/' },
	{ path: 'inside-sales/' },
	{ path: 'field-sales/' },
	{ path: 'customer-success/' },
	{ path: 'plan/', query: 'target=30000000&deal=1500000' }
];

/** Every figure a test hook exposes on the page: `data-testid` → `data-value` and the text shown. */
async function figures(page: Page, root = 'main'): Promise<Record<string, string>> {
	return page
		.locator(`${root} [data-testid][data-value]`)
		.evaluateAll((els) =>
			Object.fromEntries(
				els
					.filter((e) => !e.closest('[data-testid^="snapshot-"]'))
					.map((e) => [
						e.getAttribute('data-testid'),
						`${e.getAttribute('data-value')} | ${(e.textContent ?? '').trim()}`
					])
			)
		);
}

const withoutRows = (f: Record<string, string>) =>
	Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith('cell-stale-deals-')));

async function makeSnapshot(page: Page): Promise<string> {
	await page.getByTestId('share-snapshot').click();
	const field = page.getByTestId('snapshot-url');
	await expect(field).toHaveValue(/#s=/);
	return field.inputValue();
}

async function openFresh(browser: Browser, url: string) {
	const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(url);
	return { context, page, errors };
}

const sizes: Record<string, number> = {};

test.afterAll(() => {
	console.log('\nsnapshot URL length per page (demo, default view)');
	for (const [p, n] of Object.entries(sizes)) console.log(`${p.padEnd(20)} ${String(n).padStart(6)}`);
});

for (const { path, query } of PAGES) {
	test(`a snapshot of /${path} shows the same figures without the data, then goes live`, async ({
		page,
		browser
	}) => {
		await openDemo(page, query);
		if (path) await page.goto(`./${path}?demo${query ? '&' + query : ''}`);
		await expect(page.locator('main [data-testid][data-value]').first()).toBeVisible({ timeout: 60_000 });
		const url = await makeSnapshot(page);
		sizes[`/${path}`] = url.length;
		// Individual stale deals are row-level: left out unless the author ticks the opt-in (below).
		const original = withoutRows(await figures(page));
		expect(Object.keys(original).length).toBeGreaterThan(0);

		const fresh = await openFresh(browser, url);
		try {
			const banner = fresh.page.getByTestId('snapshot-banner');
			await expect(banner).toBeVisible();
			await expect(banner).toContainText('leads.csv');
			await expect(banner).toContainText('figures only, no customer rows');
			await expect.poll(() => figures(fresh.page)).toEqual(original);
			await expect(fresh.page.getByTestId('snapshot-needs-data')).toHaveCount(0);
			await expect(fresh.page.locator('[data-testid^="cell-stale-deals-"]')).toHaveCount(0);

			// The demo's files make it live: same figures, computed, and the banner gives way.
			await fresh.page.getByTestId('snapshot-banner').getByTestId('file-input').setInputFiles(DEMO_FILES);
			await expect(fresh.page.getByTestId('snapshot-live')).toBeVisible({ timeout: 60_000 });
			await expect(fresh.page.getByTestId('snapshot-banner')).toHaveCount(0);
			await expect(fresh.page.getByTestId('fingerprint-warning')).toHaveCount(0);
			await expect
				.poll(async () => withoutRows(await figures(fresh.page)), { timeout: 60_000 })
				.toEqual(original);
			expect(fresh.errors).toEqual([]);
		} finally {
			await fresh.context.close();
		}
	});
}

test('individual stale deals travel only when the author ticks the opt-in', async ({ page, browser }) => {
	await openDemo(page);
	await page.goto('./field-sales/?demo');
	await expect(page.locator('[data-testid^="cell-stale-deals-"]').first()).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('share-snapshot').click();
	await page.getByTestId('snapshot-rows').check();
	const field = page.getByTestId('snapshot-url');
	await expect(field).toHaveValue(/#s=/);
	const url = await field.inputValue();
	const original = Object.fromEntries(
		Object.entries(await figures(page)).filter(([k]) => k.startsWith('cell-stale-deals-'))
	);
	expect(Object.keys(original).length).toBeGreaterThan(0);
	const fresh = await openFresh(browser, url);
	try {
		await expect(fresh.page.getByTestId('snapshot-banner')).toContainText('Includes individual stale deals');
		await expect
			.poll(async () =>
				Object.fromEntries(
					Object.entries(await figures(fresh.page)).filter(([k]) => k.startsWith('cell-stale-deals-'))
				)
			)
			.toEqual(original);
	} finally {
		await fresh.context.close();
	}
});

test('another page or filter in a snapshot says it needs the data', async ({ page, browser }) => {
	await openDemo(page);
	const url = await makeSnapshot(page);
	const fresh = await openFresh(browser, url);
	try {
		await expect(fresh.page.getByTestId('funnel-count-lead')).toBeVisible();
		await fresh.page.getByTestId('nav-funnel').click();
		await expect(fresh.page.getByTestId('snapshot-needs-data')).toBeVisible();
		// The page itself says so too, instead of "computing" forever.
		await expect(fresh.page.getByTestId('snapshot-page-needs-data')).toBeVisible();
		await fresh.page.getByTestId('nav-overview').click();
		await expect(fresh.page.getByTestId('snapshot-page-needs-data')).toHaveCount(0);
		await expect(fresh.page.getByTestId('snapshot-needs-data')).toHaveCount(0);
	} finally {
		await fresh.context.close();
	}
});

test('a truncated, tampered or future snapshot shows a message and the start page', async ({ page }) => {
	await openDemo(page);
	await page.goto('./funnel/?demo');
	const url = await makeSnapshot(page);
	const [head, payload] = url.split('#s=');
	const cases = [
		{ hash: payload.slice(0, payload.length >> 1), text: /incomplete/ },
		{ hash: 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg', text: /damaged|incomplete/ },
		// deflate-raw of {"v":99}
		{ hash: 'q1YqU7KytKwFAA', text: /newer version/ }
	];
	for (const c of cases) {
		const fresh = await page.context().browser()!.newContext({ serviceWorkers: 'block' });
		const p = await fresh.newPage();
		await p.goto(`${head.replace('?demo&', '?').replace('?demo', '')}#s=${c.hash}`);
		await expect(p.getByTestId('snapshot-problem')).toContainText(c.text);
		await expect(p.getByTestId('drop-zone')).toBeVisible();
		await expect(p.locator('script[src*="alert"], img[onerror]')).toHaveCount(0);
		await fresh.close();
	}
});

test('a plain link opened without the data names its files; loading them keeps the page and view', async ({
	page,
	browser
}) => {
	await openDemo(page, 'range=fq');
	await page.goto('./funnel/?demo&range=fq');
	await expect(page.getByTestId('funnel-count-lead')).toBeVisible({ timeout: 60_000 });
	const link = page.url().replace('demo&', '');
	const fresh = await browser.newContext({ serviceWorkers: 'block', locale: 'ja-JP' });
	try {
		const p = await fresh.newPage();
		// As the filter bar's "copy link" writes it: the view, the fingerprint and the file names.
		const url = new URL(link);
		url.searchParams.set('fp', 'anything');
		for (const f of ['activities.csv', 'customers.csv', 'leads.csv', 'spend.csv'])
			url.searchParams.append('file', f);
		url.searchParams.set('lang', 'ja');
		await p.goto(url.href);
		await expect(p.getByTestId('link-files')).toContainText(
			'作成時のファイル：activities.csv, customers.csv, leads.csv, spend.csv'
		);
		await p.getByTestId('no-data').getByTestId('file-input').setInputFiles(DEMO_FILES);
		await expect(p.getByTestId('funnel-count-lead')).toBeVisible({ timeout: 60_000 });
		expect(new URL(p.url()).pathname).toMatch(/\/funnel\/$/);
		expect(new URL(p.url()).searchParams.get('range')).toBe('fq');
	} finally {
		await fresh.close();
	}
});

test('review presets: last week runs Monday to Sunday, and each preset is in the link', async ({ page }) => {
	await openDemo(page);
	for (const p of ['lw', 'lm', 'fqtd']) {
		await page.getByTestId(`preset-${p}`).click();
		await expect(page).toHaveURL(new RegExp(`range=${p}`));
		await expect(page.getByTestId(`preset-${p}`)).toHaveAttribute('aria-pressed', 'true');
	}
	await page.getByTestId('preset-lw').click();
	const from = await page.getByTestId('range-from').inputValue();
	const to = await page.getByTestId('range-to').inputValue();
	expect(new Date(from + 'T00:00:00Z').getUTCDay()).toBe(1);
	expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
	await page.getByTestId('lang-switch').click();
	await expect(page.getByTestId('preset-lw')).toHaveText('先週');
	await expect(page.getByTestId('preset-fqtd')).toHaveText('今四半期（累計）');
});

test('the review pack opens from file:// without JavaScript, shows the same figures and fetches nothing', async ({
	page,
	browser
}) => {
	await openDemo(page);
	await page.goto('./field-sales/?demo');
	await expect(page.locator('[data-testid^="cell-stale-deals-"]').first()).toBeVisible({ timeout: 60_000 });
	await page.getByTestId('share-snapshot').click();
	await expect(page.getByTestId('snapshot-url')).toHaveValue(/#s=/);
	const original = withoutRows(await figures(page));
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('review-pack').click()
	]);
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'mb-pack-')), download.suggestedFilename());
	await download.saveAs(file);
	expect(download.suggestedFilename()).toMatch(/^modelboard-review-field-sales-\d{4}-\d{2}-\d{2}\.html$/);

	const ctx = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
	try {
		const p = await ctx.newPage();
		const requests: string[] = [];
		p.on('request', (r) => requests.push(r.url()));
		await p.goto(pathToFileURL(file).href);
		await expect(p.getByTestId('pack-head')).toContainText('no customer rows');
		// The values exactly; the texts without the controls a pack drops (the definitions' "i" button).
		const values = (f: Record<string, string>) =>
			Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.split(' | ')[0]]));
		const packed = await figures(p, 'body');
		expect(values(packed)).toEqual(values(original));
		for (const k of Object.keys(original))
			expect(packed[k].replace(/\s+/g, '')).toBe(
				original[k].replace(/\s+/g, '').replace(/(\|[^|]*?)i(?=[A-Z])/, '$1')
			);
		// Individual stale deals stay out unless the author ticked the opt-in.
		await expect(p.locator('[data-testid^="cell-stale-deals-"]')).toHaveCount(0);
		await expect(p.locator('script, button, input')).toHaveCount(0);
		expect(await p.locator('svg').count()).toBeGreaterThan(0);
		expect(requests).toEqual([pathToFileURL(file).href]);
	} finally {
		await ctx.close();
	}
});
