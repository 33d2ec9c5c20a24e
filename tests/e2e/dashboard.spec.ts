/**
 * Every page on the demo data shows the same figures as the report command's JSON for the same view.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_FILES, openDemo, reportFor } from './helpers';
import type { ReportJson } from '../../scripts/report-run';

const KPI_SECTIONS = ['marketing', 'inside_sales', 'field_sales', 'customer_success'] as const;

async function expectFunnel(page: Page, r: ReportJson) {
	for (const s of r.funnel)
		await expect(page.getByTestId(`funnel-count-${s.stage}`)).toHaveAttribute('data-value', String(s.count));
}

async function expectKpis(page: Page, r: ReportJson, sections: readonly (typeof KPI_SECTIONS)[number][]) {
	let checked = 0;
	for (const section of sections) {
		if (r.kpis[section])
			await page.getByTestId(`dept-${section}`).locator('[data-testid^="kpi-"]').first().waitFor();
	}
	for (const section of sections) {
		const values = r.kpis[section] as Record<string, unknown> | null;
		if (!values) continue;
		for (const [key, v] of Object.entries(values)) {
			if (typeof v !== 'number') continue;
			const tile = page.getByTestId(`kpi-${key}`);
			if ((await tile.count()) === 0) continue;
			// A tile keeps its last figure while the next one computes: wait for the one of this view.
			await expect
				.poll(async () => Number((await tile.getAttribute('data-value')) || NaN), { message: key })
				.toBeCloseTo(v, 9);
			checked++;
		}
	}
	return checked;
}

async function go(page: Page, testid: string) {
	await page.getByTestId(testid).click();
	await page.waitForLoadState('networkidle');
}

test('overview: funnel, bottleneck and every department KPI equal the report JSON', async ({ page }) => {
	const r = await reportFor(DEMO_FILES);
	await openDemo(page);
	await expectFunnel(page, r);
	if (r.bottleneck) await expect(page.getByTestId('bottleneck-step')).toHaveText(r.bottleneck.step);
	else await expect(page.getByTestId('bottleneck-none')).toBeVisible();
	const n = await expectKpis(page, r, KPI_SECTIONS);
	expect(n).toBeGreaterThanOrEqual(20);
});

test('every page shows the report’s figures for the same view', async ({ page }) => {
	const r = await reportFor(DEMO_FILES);
	await openDemo(page);

	await go(page, 'nav-funnel');
	await expect(page).toHaveURL(/\/funnel\//);
	await expectFunnel(page, r);
	// The medians are one column: one number of decimals for all (1 when any median needs it).
	const digits = r.velocity.some((v) => Math.round(v.median_days! * 10) % 10 !== 0) ? 1 : 0;
	for (const v of r.velocity) {
		await expect(page.getByTestId(`velocity-median-${v.to}`)).toHaveText(
			new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
				v.median_days!
			)
		);
	}

	for (const [nav, section] of [
		['nav-marketing', 'marketing'],
		['nav-inside-sales', 'inside_sales'],
		['nav-field-sales', 'field_sales'],
		['nav-customer-success', 'customer_success']
	] as const) {
		await go(page, nav);
		expect(await expectKpis(page, r, [section])).toBeGreaterThanOrEqual(5);
	}

	await go(page, 'nav-plan');
	await expect(page.getByTestId('plan-empty')).toBeVisible();
	await page.getByTestId('plan-target').fill('100000000');
	await page.getByTestId('plan-deal').fill('1800000');
	const planned = await reportFor(DEMO_FILES, ['--target', '100000000', '--deal', '1800000']);
	for (const line of planned.plan!) {
		await expect(page.getByTestId(`plan-${line.key}-required`)).toHaveAttribute(
			'data-value',
			String(line.required ?? '')
		);
	}
	expect(planned.plan!.find((l) => l.key === 'won')!.required).toBe(56);
	// Typed inputs are continuous: they replace the history entry instead of adding one per keystroke.
	await expect(page).toHaveURL(/target=100000000&deal=1800000/);

	await go(page, 'nav-data');
	await expect(page.getByTestId('kind-leads-csv')).toContainText('Leads');
	await expect(page.getByTestId('kind-activities-csv')).toContainText('Activities');
	await expect(page.getByTestId('rows-leads-csv')).toHaveText('6,000');
});

test('clicking a channel bar filters everything; the URL and the figures change; Back restores', async ({
	page
}) => {
	await openDemo(page);
	const channel = '展示会';
	const filtered = await reportFor(DEMO_FILES, ['--filter', `channel=${channel}`]);
	await page.getByTestId(`channel-bar-${channel}`).click();
	await expect(page).toHaveURL(new RegExp(`ch=${encodeURIComponent(channel)}`));
	await expectFunnel(page, filtered);
	await expect(page.getByTestId('chip-channel')).toContainText(channel);
	await expectKpis(page, filtered, ['marketing', 'field_sales']);

	await page.goBack();
	await expect(page).not.toHaveURL(/ch=/);
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000');
	await page.goForward();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute(
		'data-value',
		String(filtered.funnel[0].count)
	);
	await page.getByTestId('clear-all').click();
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000');
});

test('period mode and a conversion window on the funnel page match the report', async ({ page }) => {
	await openDemo(page);
	await go(page, 'nav-funnel');
	await page.getByTestId('mode-period').check();
	await expect(page).toHaveURL(/mode=period/);
	await expectFunnel(page, await reportFor(DEMO_FILES, ['--mode', 'period']));
	await page.getByTestId('mode-cohort').check();
	await page.getByTestId('window').fill('30');
	await expect(page).toHaveURL(/win=30/);
	await expectFunnel(page, await reportFor(DEMO_FILES, ['--window', '30']));
});

test('a date range preset narrows every figure', async ({ page }) => {
	await openDemo(page);
	await page.getByTestId('preset-fq').click();
	await expect(page).toHaveURL(/range=fq/);
	// The demo's data ends on 2026-03-31: its fiscal quarter is January–March 2026.
	await expect(page.getByTestId('range-from')).toHaveValue('2026-01-01');
	await expectFunnel(page, await reportFor(DEMO_FILES, ['--from', '2026-01-01', '--to', '2026-03-31']));
});
