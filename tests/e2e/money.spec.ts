/**
 * The plan and money side of the dashboard equals the report JSON for the same view, in JA and EN: the
 * number chain per month, a monthly target typed on the Plan page (the link and a tile's attainment),
 * the marketing cost columns, score bands and the customer figures (with and without a lead filter).
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_FILES, openDemo, reportFor } from './helpers';

const PLAN = ['--target', '100000000', '--deal', '1800000'];
const LANGS = ['en', 'ja'] as const;
const AHEAD = { en: 'The actual is ahead of the requirement', ja: '実績が必要数を上回っています' };
/** The spend line is an amount: 必要額, where the counts say 必要数. */
const AHEAD_AMOUNT = { en: 'The actual is ahead of the requirement', ja: '実績が必要額を上回っています' };
const REQUIRED = { en: 'Required', ja: '必要数' };
const REQUIRED_AMOUNT = { en: 'Required', ja: '必要額' };
const UNFILTERED = { en: /Customer figures are not filtered/, ja: /顧客の数値は絞り込まれていません/ };

async function go(page: Page, testid: string) {
	await page.getByTestId(testid).click();
	await page.waitForLoadState('networkidle');
}

/** A figure's `data-value`: the plain number, or null when it shows none. */
async function valueOf(page: Page, testid: string, attr = 'data-value'): Promise<number | null> {
	const v = await page.getByTestId(testid).getAttribute(attr);
	return v === null || v === '' ? null : Number(v);
}

function expectSame(shown: number | null, want: number | null | undefined, what: string) {
	if (want === null || want === undefined) expect(shown, what).toBeNull();
	else expect(shown, what).toBeCloseTo(want, 6);
}

for (const lang of LANGS) {
	test(`plan: each line per month beside the actual, and a target reaching the link and a tile (${lang})`, async ({
		page
	}) => {
		const r = await reportFor(DEMO_FILES, [...PLAN, '--goal', 'sqls=40']);
		await openDemo(page, `lang=${lang}&target=100000000&deal=1800000`);
		await go(page, 'nav-plan');
		await expect(page.getByTestId('plan-chain')).toBeVisible();
		const days = (Date.parse(r.range.to) - Date.parse(r.range.from)) / 86_400_000 + 1;
		const months = days / 30.4375;
		expect(await valueOf(page, 'plan-months')).toBeCloseTo(months, 9);
		for (const line of r.plan!) {
			await expect(page.getByTestId(`plan-${line.key}-required`)).toHaveAttribute(
				'data-value',
				String(line.required ?? '')
			);
			if (line.key === 'reps') {
				// A headcount, not a monthly flow: no per-month figures.
				await expect(page.getByTestId('plan-reps-required-month')).toHaveCount(0);
			} else {
				expectSame(
					await valueOf(page, `plan-${line.key}-required-month`),
					line.required === null ? null : line.required / months,
					`${line.key} required per month`
				);
				expectSame(
					await valueOf(page, `plan-${line.key}-actual-month`),
					line.actual === null ? null : line.actual / months,
					`${line.key} actual per month`
				);
			}
			const amount = line.key === 'spend';
			await expect(page.getByTestId(`plan-line-${line.key}`).locator('.req .lbl')).toHaveText(
				(amount ? REQUIRED_AMOUNT : REQUIRED)[lang]
			);
			if (line.gap !== null && line.gap <= 0)
				await expect(page.getByTestId(`plan-${line.key}-ahead`)).toHaveText(
					(amount ? AHEAD_AMOUNT : AHEAD)[lang]
				);
			else await expect(page.getByTestId(`plan-${line.key}-ahead`)).toHaveCount(0);
			if (line.required === null) await expect(page.getByTestId(`plan-${line.key}-why`)).toBeVisible();
		}
		// On the demo SQLs fall short of the plan, and the plan asks for more reps, not fewer.
		const reps = r.plan!.find((l) => l.key === 'reps')!;
		expect(reps.required!).toBeGreaterThan(reps.actual!);

		await page.getByTestId('plan-goal-sqls').fill('40');
		await expect(page).toHaveURL(/g\.sqls=40/);
		const target = r.targets.find((t) => t.key === 'sqls')!;
		expect(target.target).toBeCloseTo(480, 9);
		await go(page, 'nav-inside-sales');
		await expect(page).toHaveURL(/g\.sqls=40/);
		const tile = page.getByTestId('kpi-sqls-attainment');
		await expect(tile).toHaveAttribute('data-value', /.+/);
		expectSame(await valueOf(page, 'kpi-sqls-attainment'), target.attainment, 'sqls attainment');
		await expect(tile).toContainText(lang === 'ja' ? '達成率' : 'attained');
	});

	test(`marketing: cost per SQL / opportunity / CAC / ROI per channel and score bands equal the report (${lang})`, async ({
		page
	}) => {
		const r = await reportFor(DEMO_FILES, [...PLAN, '--goal', 'sqls=40']);
		const m = r.kpis.marketing!;
		await openDemo(page, `lang=${lang}`);
		await go(page, 'nav-marketing');
		await expect(page.getByTestId('money-channels')).toBeVisible();
		const cols = [
			'spend',
			'sqls',
			'cost_per_sql',
			'opportunities',
			'cost_per_opportunity',
			'won',
			'cac',
			'won_revenue',
			'roi'
		] as const;
		for (const c of m.by_channel) {
			for (const col of cols) {
				const id = `money-${c.channel}-${col}`;
				expectSame(await valueOf(page, id), c[col], id);
				if (c[col] === null) await expect(page.getByTestId(id)).toHaveText('–');
			}
		}
		for (const col of cols) expectSame(await valueOf(page, `money-total-${col}`), m[col], `total ${col}`);
		// The demo has one channel without spend: its costs show "–", never ¥0.
		const unpaid = m.by_channel.filter((c) => c.spend === null);
		for (const c of unpaid) await expect(page.getByTestId(`money-${c.channel}-cost_per_sql`)).toHaveText('–');
		// Cost per lead and per SQL by month; spend is monthly, so by week the page says so instead.
		await expect(page.getByTestId('chart-trend-cpl')).toBeVisible();
		await expect(page.getByTestId('chart-trend-cost_per_sql')).toBeVisible();
		await page.getByTestId('grain-week').click();
		await expect(page.getByTestId('trend-spend-weekly')).toBeVisible();
		await expect(page.getByTestId('chart-trend-cpl')).toHaveCount(0);
		await page.getByTestId('grain-month').click();
		if (m.by_score_band === null) await expect(page.getByTestId('score-bands-empty')).toBeVisible();
		else
			for (const b of m.by_score_band) {
				expectSame(await valueOf(page, `score-band-${b.band}-sql_rate`), b.sql_rate, `band ${b.band}`);
				expectSame(await valueOf(page, `score-band-${b.band}-won`), b.won, `band ${b.band} won`);
			}
	});

	test(`customer success: MRR figures and churn reasons equal the report; a lead filter is said not to apply (${lang})`, async ({
		page
	}) => {
		const r = await reportFor(DEMO_FILES, [...PLAN, '--goal', 'sqls=40']);
		const cs = r.kpis.customer_success!;
		await openDemo(page, `lang=${lang}`);
		await go(page, 'nav-customer-success');
		const keys = ['start_mrr', 'churned_mrr', 'expansion_mrr', 'grr', 'nrr', 'arpa', 'ltv'] as const;
		await expect(page.getByTestId('kpi-start_mrr')).toHaveAttribute('data-value', /.+/);
		for (const k of keys) expectSame(await valueOf(page, `kpi-${k}`), cs[k], k);
		await expect(page.getByTestId('cs-unfiltered')).toHaveCount(0);
		// The demo's NPS answers are dated: their monthly trend is charted.
		await expect(page.getByTestId('chart-trend-nps')).toBeVisible();
		if (cs.churn_reasons === null) await expect(page.getByTestId('churn-reasons-empty')).toBeVisible();
		else {
			const ranked = [...cs.churn_reasons].sort((a, b) => b.mrr - a.mrr || b.accounts - a.accounts);
			for (const [i, c] of ranked.entries())
				expectSame(await valueOf(page, `churn-reason-${i}`, 'data-mrr'), c.mrr, `churn ${i}`);
		}

		const channel = '展示会';
		const filtered = await reportFor(DEMO_FILES, ['--filter', `channel=${channel}`]);
		await openDemo(page, `lang=${lang}&ch=${encodeURIComponent(channel)}`);
		// The overview's customer tiles say the same.
		await expect(page.getByTestId('overview-cs-unfiltered')).toHaveText(UNFILTERED[lang]);
		await go(page, 'nav-customer-success');
		await expect(page.getByTestId('cs-unfiltered')).toHaveText(UNFILTERED[lang]);
		await expect(page.getByTestId('kpi-start_mrr')).toHaveAttribute('data-value', /.+/);
		for (const k of keys) {
			expectSame(await valueOf(page, `kpi-${k}`), filtered.kpis.customer_success![k], k);
			expectSame(filtered.kpis.customer_success![k], cs[k], `${k} is unfiltered`);
		}
	});
}
