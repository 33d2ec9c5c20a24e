/**
 * What a reviewer saw at 390 px (issue 14): stage names and amounts broken inside ("見積提 / 示",
 * "￥1,352 / 万"), score-band labels and heatmap headers cut short, and panels titled twice.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemo } from './helpers';

const PAGES = ['overview', 'funnel', 'marketing', 'inside-sales', 'field-sales', 'customer-success', 'plan'];

async function go(page: Page, nav: string) {
	await page.getByTestId(`nav-${nav}`).click();
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(/計算中|Computing/)).toHaveCount(0);
}

/** Short table cells (numbers, stage names, owners, dates) whose text runs over more than one line. */
async function brokenCells(page: Page): Promise<string[]> {
	await page
		.locator('details.table:not([open]) > summary')
		.evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
	return page.evaluate(() => {
		const out: string[] = [];
		document.querySelectorAll('table.data td, table.data th').forEach((cell) => {
			const text = (cell.textContent ?? '').trim();
			if (!text || text.length > 24) return;
			// A piece of text (a stage name, an amount as Intl writes it) running over two lines; a cell
			// laid out as two blocks on purpose (a chip over its range) is not broken.
			const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let n = walk.nextNode(); n; n = walk.nextNode()) {
				if (!n.textContent?.trim() || n.parentElement?.closest('.sr-only')) continue;
				const range = document.createRange();
				range.selectNodeContents(n);
				const rects = [...range.getClientRects()];
				const bottoms = rects.map((r) => r.bottom);
				const lineH = Math.max(0, ...rects.map((r) => r.height));
				if (rects.length > 1 && Math.max(...bottoms) - Math.min(...bottoms) > lineH * 0.6) {
					out.push(text);
					break;
				}
			}
		});
		return out;
	});
}

/** Chart labels (in `scope`) cut short with an ellipsis; a label's tooltip is not what is drawn. */
async function cutLabels(page: Page, scope: string): Promise<string[]> {
	return page
		.getByTestId(scope)
		.locator('svg text')
		.evaluateAll((els) =>
			els
				.map((e) => {
					const c = e.cloneNode(true) as Element;
					c.querySelectorAll('title').forEach((t) => t.remove());
					return c.textContent ?? '';
				})
				.filter((t) => t.includes('…'))
		);
}

for (const lang of ['ja', 'en'] as const) {
	test(`phone: numbers and short labels never break inside; labels shown whole (${lang})`, async ({
		page
	}) => {
		test.setTimeout(300_000);
		await page.setViewportSize({ width: 390, height: 844 });
		await openDemo(page, `lang=${lang}`);
		for (const nav of PAGES) {
			await go(page, nav);
			expect(await brokenCells(page), `${nav}: cells broken over lines`).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), nav).toBeLessThanOrEqual(390);
		}
		await go(page, 'funnel');
		await expect(page.getByTestId('chart-cohorts')).toBeVisible();
		expect(await cutLabels(page, 'chart-cohorts'), 'heatmap headers').toEqual([]);
		// Every stage header of the heatmap is there in full.
		const heads = await page.getByTestId('heatmap-head').evaluateAll((els) =>
			els.map((e) =>
				[...e.querySelectorAll('tspan')]
					.map((t) => t.textContent)
					.join(' ')
					.trim()
			)
		);
		const titles = await page
			.getByTestId('heatmap-head')
			.evaluateAll((els) => els.map((e) => e.querySelector('title')?.textContent ?? ''));
		expect(heads.length).toBeGreaterThan(2);
		expect(heads).toEqual(titles);
		await go(page, 'marketing');
		await expect(page.getByTestId('score-bands')).toBeVisible();
		expect(await cutLabels(page, 'score-bands'), 'score-band labels').toEqual([]);
	});
}

test('one title per panel: score bands and churn reasons are not titled twice', async ({ page }) => {
	await openDemo(page, 'lang=ja');
	for (const [nav, scope] of [
		['marketing', 'score-bands'],
		['customer-success', 'churn-reasons']
	] as const) {
		await go(page, nav);
		const panel = page.getByTestId(scope);
		await expect(panel.locator('h2')).toHaveCount(1);
		// Nor anywhere on the page: no two headings say the same.
		const headings = await page.locator('main h2, main h3').allTextContents();
		const texts = headings.map((h) => h.trim()).filter(Boolean);
		expect(
			texts.filter((t, i) => texts.indexOf(t) !== i),
			`${nav}: repeated headings`
		).toEqual([]);
	}
});
