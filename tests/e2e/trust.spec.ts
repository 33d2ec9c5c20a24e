/**
 * Numbers a manager can trust at a glance (issue 14): maturing periods are marked, per-year benchmarks
 * are scaled, changes against the previous period carry a direction, whole rows filter, the phone
 * layout is compact, and no figure on any page shows more digits than its formatter gives.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemo } from './helpers';

const PAGES = [
	'overview',
	'funnel',
	'marketing',
	'inside-sales',
	'field-sales',
	'customer-success',
	'plan',
	'data'
];

async function go(page: Page, nav: string) {
	await page.getByTestId(`nav-${nav}`).click();
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(/計算中|Computing/)).toHaveCount(0);
}

/** Every figure the page shows: table cells, tile values, chart labels and the opened data tables. */
async function figures(page: Page): Promise<string[]> {
	await page
		.locator('details.table:not([open]) > summary')
		.evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
	return page
		.locator('td, th, [data-testid^="kpi-"] .value, svg text, .figures, .bench, .prev')
		.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
}

/**
 * More than two decimals, an ungrouped number of five or more digits, or NaN. Digits that follow a
 * letter are part of an identifier (a deal id such as L003551), not a figure.
 */
const RAW = /\d[.]\d{3,}|(?<![\w,.])\d{5,}(?![\d,.])|NaN/;

/**
 * Columns (of a data table, or of one chart's value labels) whose figures of one unit (%, days, 万…)
 * are written with different decimals ("6.5% / 2% / 0.5%"), as "where: unit: decimals seen: cells".
 */
async function mixedDecimals(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const UNIT = /(\d+(?:\.(\d+))?)\s*(%|日|days?|万|億|[MK](?![a-z]))/g;
		const out: string[] = [];
		const check = (where: string, texts: string[]) => {
			const seen = new Map<string, Set<number>>();
			// Figures, not prose: a sentence quoting "10–20%" is not a column of rates.
			for (const t of texts.filter((t) => t.length <= 40))
				for (const m of t.matchAll(UNIT)) {
					const unit = m[3].replace(/s$/, '');
					if (!seen.has(unit)) seen.set(unit, new Set());
					seen.get(unit)!.add(m[2]?.length ?? 0);
				}
			for (const [unit, ds] of seen)
				if (ds.size > 1) out.push(`${where}: ${unit}: ${[...ds].join('/')}: ${texts.join(' | ')}`);
		};
		document.querySelectorAll('table').forEach((table, ti) => {
			const cols = new Map<number, string[]>();
			table.querySelectorAll('tbody tr, tfoot tr').forEach((tr) =>
				[...tr.children].forEach((cell, j) => {
					if (!cols.has(j)) cols.set(j, []);
					cols.get(j)!.push((cell.textContent ?? '').trim());
				})
			);
			const name = table.closest('[data-testid]')?.getAttribute('data-testid') ?? `table ${ti}`;
			for (const [j, texts] of cols) if (j > 0) check(`${name} column ${j}`, texts);
		});
		document.querySelectorAll('svg').forEach((svg, si) => {
			const name = svg.closest('[data-testid]')?.getAttribute('data-testid') ?? `chart ${si}`;
			for (const cls of ['value', 'tick']) {
				const texts = [...svg.querySelectorAll(`text.${cls}`)].map((e) => (e.textContent ?? '').trim());
				if (texts.length > 1) check(`${name} ${cls} labels`, texts);
			}
		});
		return out;
	});
}

for (const lang of ['ja', 'en'] as const) {
	test(`no figure shows more digits than its formatter, one number of decimals per column (${lang}, every page)`, async ({
		page
	}) => {
		test.setTimeout(240_000);
		await openDemo(page, `lang=${lang}`);
		for (const nav of PAGES) {
			await go(page, nav);
			const raw = (await figures(page)).filter((t) => RAW.test(t));
			expect(raw, `${nav}: raw numbers`).toEqual([]);
			// One column, one number of decimals: 6.5% / 2.0% / 0.5%, never 6.5% / 2% / 0.5%.
			expect(await mixedDecimals(page), `${nav}: mixed decimals in a column`).toEqual([]);
		}
	});
}

test('a money column is written in one style (JA: all 万 or none)', async ({ page }) => {
	await openDemo(page, 'lang=ja');
	await go(page, 'field-sales');
	await expect(page.getByTestId('table-people-field_sales')).toBeVisible();
	await expect(page.getByTestId('table-stale-deals')).toBeVisible();
	for (const [table, col] of [
		['people-field_sales', 'won_revenue'],
		['people-field_sales', 'avg_deal'],
		['pipeline-stages', 'amount'],
		['stale-deals', 'amount']
	]) {
		const cells = await page
			.locator(`[data-testid^="cell-${table}-"][data-testid$="-${col}"]`)
			.allTextContents();
		expect(cells.length, col).toBeGreaterThan(0);
		const compact = cells.filter((c) => c.includes('万') || c.includes('億')).length;
		expect([0, cells.length], `${col}: ${cells.join(' | ')}`).toContain(compact);
	}
});

test('maturing periods: shaded on the cohort heatmap and trend, noted on tiles and in the plan', async ({
	page
}) => {
	await openDemo(page, 'lang=ja');
	await go(page, 'funnel');
	const rows = page.getByTestId('maturing-row');
	await expect(rows.first()).toBeAttached();
	await expect(rows.first().locator('title')).toContainText('成約待ち');
	await expect(page.getByTestId('chart-cohorts')).toContainText('網掛け：成約待ちの期間');
	await go(page, 'field-sales');
	const buckets = page.getByTestId('chart-trend-win_rate').getByTestId('maturing-bucket');
	await expect(buckets.first()).toBeAttached();
	await expect(buckets.last().locator('title')).toContainText('まだ受注が出揃っていません');
	// The whole data ends today: its last months are maturing, and the win rate says so.
	await expect(page.getByTestId('kpi-win_rate-maturing')).toContainText('暫定値');
	// Averages and rates that do not wait on deals closing carry no note.
	await expect(page.getByTestId('kpi-mql_rate-maturing')).toHaveCount(0);
	// The plan's actual rates come from the same range: it says so.
	await go(page, 'plan');
	await page.getByTestId('plan-target').fill('1億');
	await page.getByTestId('plan-deal').fill('180万');
	await expect(page.getByTestId('plan-maturing')).toContainText('出そろっていない');
	// Call figures do not wait on deals closing.
	await go(page, 'inside-sales');
	await expect(page.getByTestId('kpi-contact_rate')).toBeVisible();
	await expect(page.getByTestId('kpi-contact_rate-maturing')).toHaveCount(0);
	// In English too.
	await page.getByRole('link', { name: 'English' }).click();
	await go(page, 'field-sales');
	await expect(page.getByTestId('kpi-win_rate-maturing')).toContainText('not yet closed');
});

test('period mode marks nothing maturing', async ({ page }) => {
	await openDemo(page, 'lang=en&mode=period');
	await go(page, 'field-sales');
	await expect(page.getByTestId('kpi-win_rate')).toBeVisible();
	await expect(page.getByTestId('maturing-bucket')).toHaveCount(0);
	await expect(page.getByTestId('kpi-win_rate-maturing')).toHaveCount(0);
	await go(page, 'funnel');
	await expect(page.getByTestId('velocity-period')).toContainText('cohort mode only');
});

test('per-year churn and upsell bands are scaled to the range', async ({ page }) => {
	await openDemo(page, 'lang=en&range=month');
	await go(page, 'customer-success');
	const churn = page.getByTestId('kpi-churn_rate');
	// A month of 28–31 days: 10% × d / 365.25 is 0.77%–0.85%, never the annual 10%.
	await expect(churn.locator('.bench')).toContainText(/0\.8%/);
	await expect(churn.locator('.bench')).not.toContainText('10%');
	await expect(churn.locator('.bench')).toContainText('per-year range scaled');
	await expect(page.getByTestId('chart-trend-upsell_rate')).toContainText('/ year');
});

for (const lang of ['ja', 'en'] as const) {
	test(`changes against the previous period: arrow, change and tone (${lang})`, async ({ page }) => {
		await openDemo(page, `lang=${lang}&range=fq`);
		const change = page.getByTestId('kpi-win_rate-change');
		await expect(change).toBeVisible();
		const direction = await change.getAttribute('data-direction');
		const tone = await change.getAttribute('data-tone');
		const text = (await change.textContent()) ?? '';
		if (direction === 'up') expect([text.includes('▲'), tone]).toEqual([true, 'good']);
		else if (direction === 'down') expect([text.includes('▼'), tone]).toEqual([true, 'bad']);
		else expect(text).toContain('±0');
		// A rate changes in points.
		if (direction !== 'same') expect(text).toContain(lang === 'ja' ? 'ポイント' : 'pt');
		await expect(change).toHaveAttribute(
			'aria-label',
			lang === 'ja' ? /前期間（.+）からの変化/ : /Change against the previous period/
		);
		// Churn going up is worse.
		const churn = page.getByTestId('kpi-churn_rate-change');
		if ((await churn.count()) && (await churn.getAttribute('data-direction')) === 'up')
			await expect(churn).toHaveAttribute('data-tone', 'bad');
	});
}

test('the whole channel row filters: label click, and Enter on the focused row', async ({ page }) => {
	await openDemo(page, 'lang=ja');
	const row = page.getByTestId('channel-bar-ウェビナー');
	await expect(row).toHaveAttribute('role', 'button');
	await expect(row).toHaveAttribute('aria-pressed', 'false');
	// The label text, not the coloured bar.
	await row.locator('text.label').click();
	await expect(page).toHaveURL(/ch=/);
	await expect(row).toHaveAttribute('aria-pressed', 'true');
	await row.focus();
	await page.keyboard.press('Enter');
	await expect(page).not.toHaveURL(/ch=/);
	await expect(row).toHaveAttribute('aria-pressed', 'false');
});

test('funnel options: the window counts from creation; breakdown bars scaled and said so', async ({
	page
}) => {
	await openDemo(page, 'lang=ja&win=30');
	await go(page, 'funnel');
	await expect(page.getByTestId('chart-funnel')).toContainText('リード作成日から 30 日以内');
	await expect(page.getByTestId('chart-funnel')).not.toContainText('到達時期は問わず');
	await expect(page.getByTestId('chart-breakdown')).toContainText('棒の長さ：0〜');
});

test('phone: two KPI tiles per row, compact chips, a plan amount typed as 1億', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await openDemo(page, 'lang=ja');
	await expect(
		page.getByTestId('dept-marketing').locator('article[data-testid^="kpi-"]').nth(1)
	).toBeVisible();
	const tiles = page.getByTestId('dept-marketing').locator('article[data-testid^="kpi-"]');
	await expect(tiles.first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(/計算中/)).toHaveCount(0);
	// Both tiles measured at the same moment (figures still arriving may move the page).
	const [a, b] = await tiles.evaluateAll((els) =>
		els.slice(0, 2).map((e) => {
			const r = e.getBoundingClientRect();
			return { x: r.left, y: r.top };
		})
	);
	expect(a.y).toBe(b.y);
	expect(b.x).toBeGreaterThan(a.x);
	// The funnel status chip stays on one line.
	const chip = page.locator('td.status .chip').first();
	await expect(chip).toBeVisible();
	const box = await chip.boundingBox();
	expect(box!.height).toBeLessThan(30);
	// The page does not scroll sideways; wide tables scroll inside their panel.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await go(page, 'plan');
	await page.getByTestId('plan-target').fill('1億');
	await expect(page.getByTestId('plan-target-unit')).toContainText('￥1億');
	await page.getByTestId('plan-target').blur();
	await expect(page.getByTestId('plan-target')).toHaveValue('100,000,000');
});
