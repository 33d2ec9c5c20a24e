/**
 * Every view is a link: bookmarks reproduce the view with remembered data, tampered links degrade to a
 * sane view with a notice, a link made with other data warns, and a fork's config file takes effect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import config from '../../playwright.config';
import { DEMO_FILES, openDemo, reportFor } from './helpers';

const BASE = config.use!.baseURL!;
const launch = config.use!.launchOptions!;

async function figures(page: Page): Promise<string[]> {
	const out: string[] = [];
	for (const s of ['lead', 'mql', 'sql', 'opportunity', 'won'])
		out.push((await page.getByTestId(`funnel-count-${s}`).getAttribute('data-value')) ?? '');
	for (const k of ['contact_rate', 'win_rate', 'churn_rate'])
		out.push((await page.getByTestId(`kpi-${k}`).getAttribute('data-value')) ?? '');
	return out;
}

test('a copied link opens the same view, with remembered data, after a browser restart', async () => {
	const profile = mkdtempSync(path.join(tmpdir(), 'mb-profile-'));
	try {
		const first = await chromium.launchPersistentContext(profile, {
			...launch,
			baseURL: BASE,
			permissions: ['clipboard-read', 'clipboard-write']
		});
		const page = first.pages()[0] ?? (await first.newPage());
		await openDemo(page);
		await page.getByTestId('nav-data').click();
		await page.getByTestId('remember').check();
		await page.getByTestId('nav-overview').click();
		await page.getByTestId('channel-bar-ウェビナー').click();
		await page.getByTestId('preset-fy').click();
		await expect(page).toHaveURL(/range=fy/);
		await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute(
			'data-value',
			String((await reportFor(DEMO_FILES, ['--filter', 'channel=ウェビナー'])).funnel[0].count)
		);
		const before = await figures(page);
		await page.getByTestId('copy-link').click();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		// The view, the data's fingerprint and the names of its files (never their contents).
		expect(link).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/modelboard\/\?range=fy&ch=.+&fp=[0-9a-z]+(&file=[a-z]+\.csv){4}$/
		);
		await first.close();

		const second = await chromium.launchPersistentContext(profile, { ...launch, baseURL: BASE });
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto(link);
		await expect(again.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', before[0], {
			timeout: 60_000
		});
		await expect(again.getByTestId('kpi-win_rate')).toHaveAttribute('data-value', before[6]);
		expect(await figures(again)).toEqual(before);
		await expect(again.getByTestId('fingerprint-warning')).toHaveCount(0);
		await expect(again.getByTestId('chip-channel')).toContainText('ウェビナー');
		// "Forget all data" removes it from the device too.
		await again.getByTestId('nav-data').click();
		await again.getByTestId('forget-all').click();
		await expect(again.getByTestId('forgotten')).toBeVisible();
		await second.close();

		const third = await chromium.launchPersistentContext(profile, { ...launch, baseURL: BASE });
		const empty = third.pages()[0] ?? (await third.newPage());
		await empty.goto(link);
		await expect(empty.getByTestId('no-data').or(empty.getByTestId('drop-zone'))).toBeVisible();
		await third.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a tampered link shows what was ignored and a sane view', async ({ page }) => {
	await page.goto(
		'./?demo&mode=bogus&from=2025-02-30&win=-4&b.contact_rate=9:1&zzz=1&lang=%3Cscript%3Ealert(1)%3C/script%3E'
	);
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	const notice = page.getByTestId('url-notice');
	await expect(notice).toContainText('Ignored mode=bogus');
	await expect(notice).toContainText('Ignored from=2025-02-30');
	await expect(notice).toContainText('<script>');
	// Rendered as text, never as HTML.
	expect(await page.locator('main script').count()).toBe(0);
});

test('in Japanese, the notices about a tampered link and the skip link are Japanese', async ({ page }) => {
	await page.goto('./?demo&lang=ja&mode=bogus&zzz=1');
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	const notice = page.getByTestId('url-notice');
	await expect(notice).toContainText('mode=bogus を無視しました');
	await expect(notice).toContainText('不明なパラメータ「zzz」を無視しました');
	await expect(notice).not.toContainText('Ignored');
	await expect(page.locator('a.skip')).toHaveText('本文へ移動');
});

test('a link made with other data says so instead of silently showing other numbers', async ({ page }) => {
	await openDemo(page, 'fp=abc123');
	await expect(page.getByTestId('fingerprint-warning')).toBeVisible();
});

test('same-origin data sources load from the link; other origins are refused', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.goto('./?src=demo/leads.csv&src=https://evil.example/x.csv');
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	await expect(page.getByTestId('url-notice')).toContainText(
		'Refused data source "https://evil.example/x.csv"'
	);
	expect(requests.some((u) => new URL(u).hostname === 'evil.example')).toBe(false);
});

test.describe('organisation config', () => {
	const servers: ChildProcess[] = [];
	const serve = async (port: number, cfg: string) => {
		const child = spawn(
			'node',
			[
				'scripts/serve.mjs',
				'--dir',
				'build',
				'--base',
				'/modelboard',
				'--port',
				String(port),
				'--config',
				cfg
			],
			{ stdio: 'pipe' }
		);
		servers.push(child);
		await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
		return `http://127.0.0.1:${port}/modelboard/`;
	};
	test.afterAll(() => servers.forEach((s) => s.kill()));

	test('a fork’s config sets benchmarks, name and currency', async ({ page }) => {
		const url = await serve(4291, 'tests/fixtures/config/fork.json');
		await page.goto(url + '?demo');
		await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
			timeout: 60_000
		});
		await expect(page.locator('header.top')).toContainText('Berlin Sales');
		const tile = page.getByTestId('kpi-contact_rate');
		await expect(tile).toHaveAttribute('data-status', 'below');
		await expect(tile).toContainText('Benchmark 30% – 40%');
		await expect(page.getByTestId('kpi-won_revenue')).toContainText('€');
	});

	test('a team’s config publishes its exports: a first visit, and a shared link, open with the data', async ({
		page
	}) => {
		const url = await serve(4296, 'tests/fixtures/config/team-sources.json');
		const r = await reportFor(DEMO_FILES.slice(0, 2));
		await page.goto(url + 'funnel/?ch=' + encodeURIComponent('展示会'));
		const filtered = await reportFor(DEMO_FILES.slice(0, 2), ['--filter', 'channel=展示会']);
		await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute(
			'data-value',
			String(filtered.funnel[0].count),
			{
				timeout: 60_000
			}
		);
		await page.getByTestId('clear-all').click();
		await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute(
			'data-value',
			String(r.funnel[0].count)
		);
		await page.getByTestId('nav-data').click();
		await expect(page.getByTestId('rows-leads-csv')).toHaveText('6,000');
		await expect(page.getByTestId('rows-activities-csv')).toBeVisible();
	});

	test('a config naming another origin as a source is refused in the user’s language', async ({ page }) => {
		const url = await serve(4297, 'tests/fixtures/config/invalid-sources.json');
		await page.goto(url + '?lang=ja');
		await expect(page.getByTestId('config-error')).toContainText(
			'sources[0] は、このサイト上の .csv ファイル'
		);
	});

	test('an invalid config shows a clear error naming the problem', async ({ page }) => {
		const url = await serve(4292, 'tests/fixtures/config/invalid.json');
		await page.goto(url);
		await expect(page.getByTestId('config-error')).toContainText(
			'fiscalYearStartMonth must be a whole number from 1 to 12'
		);
	});
});
