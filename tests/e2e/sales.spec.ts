/**
 * The sales-side panels (open pipeline, stale deals, deal owners, lost reasons, hand-off per rep, MQL
 * triage) show the report command's figures for the same view: on the demo, with a target, after a
 * filter by deal owner, and on a small file of deals of our own. Each assertion holds whether the data
 * has the column behind a figure or not (the page then says why the section is empty).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_FILES, openDemo, reportFor } from './helpers';
import type { ReportJson } from '../../scripts/report-run';

const STALE_LIMIT = 200;

async function value(page: Page, testid: string): Promise<number | null> {
	const el = page.getByTestId(testid);
	await expect(el).toHaveAttribute('data-value', /.*/);
	const v = await el.getAttribute('data-value');
	return v === '' || v === null ? null : Number(v);
}

async function expectValue(page: Page, testid: string, want: number | null) {
	const got = await value(page, testid);
	if (want === null) expect(got, testid).toBeNull();
	else expect(got, testid).toBeCloseTo(want, 6);
}

async function go(page: Page, testid: string) {
	await page.getByTestId(testid).click();
	await page.waitForLoadState('networkidle');
}

async function expectFieldSales(page: Page, r: ReportJson) {
	await go(page, 'nav-field-sales');
	const p = r.pipeline;
	if (!p) await expect(page.getByTestId('pipeline-none')).toBeVisible();
	else {
		await expect(page.getByTestId('pipeline-as-of')).toHaveAttribute('data-value', p.as_of);
		for (const k of ['open_deals', 'open_amount', 'weighted_amount', 'median_age_days', 'coverage'] as const)
			await expectValue(page, `pipeline-${k}`, p[k]);
		for (const s of p.by_stage) {
			const key = s.stage ?? '_unknown';
			for (const k of ['deals', 'amount', 'weighted_amount', 'median_age_days'] as const)
				await expectValue(page, `cell-pipeline-stages-${key}-${k}`, s[k]);
		}
		await expect(page.getByTestId('table-pipeline-stages').locator('tbody tr')).toHaveCount(
			p.by_stage.length
		);
		if (p.stale_deals === null) await expect(page.getByTestId('stale-unknown')).toBeVisible();
		else if (p.stale_deals === 0) await expect(page.getByTestId('stale-none')).toBeVisible();
		else
			await expect(page.getByTestId('table-stale-deals').locator('tbody tr')).toHaveCount(
				Math.min(p.stale_deals, STALE_LIMIT)
			);
	}
	await expectChanges(page, r, 'changes');
	const fs = r.kpis.field_sales;
	const owners = fs?.by_owner ?? null;
	if (fs && owners === null) await expect(page.getByTestId('people-field_sales-none')).toBeVisible();
	for (const o of owners ?? [])
		for (const k of [
			'opportunities',
			'won',
			'win_rate',
			'won_revenue',
			'avg_deal',
			'median_days_to_win'
		] as const)
			await expectValue(page, `cell-people-field_sales-${o.owner}-${k}`, o[k]);
	const lost = fs?.lost_reasons ?? null;
	if (fs && lost === null) await expect(page.getByTestId('lost-none')).toBeVisible();
	else if (lost && lost.length === 0) await expect(page.getByTestId('lost-empty')).toBeVisible();
	for (const l of lost ?? []) await expectValue(page, `lost-reasons-${l.reason ?? '_blank'}`, l.deals);
}

async function expectTriage(page: Page, r: ReportJson) {
	// The report carries the triage in its inside-sales section, absent without an activity file.
	if (!r.kpis.inside_sales) return;
	const t = r.kpis.inside_sales.triage;
	if (!t) {
		await expect(page.getByTestId('triage-none')).toBeVisible();
		return;
	}
	await expectValue(page, 'triage-mqls', t.mqls);
	for (const k of ['to_sql', 'nurture', 'disqualified', 'open'] as const)
		await expectValue(page, `triage-${k}`, t[k]);
}

async function expectInsideSales(page: Page, r: ReportJson) {
	await go(page, 'nav-inside-sales');
	const reps = r.kpis.inside_sales?.by_rep ?? [];
	for (const rep of reps)
		for (const k of ['calls', 'sqls', 'accepted', 'acceptance_rate', 'won', 'handoff_win_rate'] as const)
			await expectValue(page, `cell-people-inside_sales-${rep.rep}-${k}`, rep[k]);
	await expectTriage(page, r);
	// The triage per creation month: each month's parts add up to its MQLs, the months to the total.
	const t = r.kpis.inside_sales?.triage;
	const rows = page.locator('[data-testid^="triage-trend-"][data-mqls]');
	if (t && (await rows.count()) > 0) {
		let sum = 0;
		for (const row of await rows.all()) {
			const n = (k: string) => row.getAttribute(`data-${k}`).then(Number);
			const parts =
				(await n('to_sql')) + (await n('nurture')) + (await n('disqualified')) + (await n('open'));
			expect(parts).toBe(await n('mqls'));
			sum += await n('mqls');
		}
		expect(sum).toBe(t.mqls);
	}
}

/** What changed in the period: new, won and lost deals with amounts (advanced/slipped need a history). */
async function expectChanges(page: Page, r: ReportJson, id: string) {
	const c = r.changes;
	if (!c) return;
	for (const k of ['new', 'won', 'lost', 'advanced', 'slipped'] as const) {
		const row = page.getByTestId(`${id}-${k}`);
		const want = c[k];
		if (!want) {
			await expect(row).toHaveCount(0);
			continue;
		}
		await expect(row).toHaveAttribute('data-deals', String(want.deals));
		expect(Number(await row.getAttribute('data-amount')), `${id} ${k} amount`).toBeCloseTo(want.amount, 6);
	}
	if (!c.advanced) await expect(page.getByTestId(id)).toContainText(/OpportunityHistory/);
}

async function expectOverview(page: Page, r: ReportJson) {
	await go(page, 'nav-overview');
	const p = r.pipeline;
	if (p)
		for (const k of ['open_deals', 'open_amount', 'weighted_amount', 'coverage'] as const)
			await expectValue(page, `overview-pipeline-${k}`, p[k]);
	await expectChanges(page, r, 'overview-changes');
	await expectTriage(page, r);
}

test('demo: pipeline, stale deals, deal owners, lost reasons, hand-off and triage equal the report JSON', async ({
	page
}) => {
	const r = await reportFor(DEMO_FILES);
	await openDemo(page);
	await expectOverview(page, r);
	await expectFieldSales(page, r);
	await expectInsideSales(page, r);
	// The demo's twelve months of MQLs: the triage trend is drawn, one row per month.
	await expect(page.getByTestId('chart-triage-trend')).toBeVisible();
	await expect(page.locator('[data-testid^="triage-trend-"][data-mqls]')).toHaveCount(12);
	await expectInsideSales(page, r);
	// The acceptance rate is coloured against its benchmark (40–70% by default).
	const first = r.kpis.inside_sales?.by_rep?.find((x) => x.acceptance_rate !== null);
	if (first) {
		const cell = page.getByTestId(`cell-people-inside_sales-${first.rep}-acceptance_rate`);
		await expect(cell).toHaveClass(first.acceptance_rate! < 0.4 ? /tone-bad/ : /tone-good/);
	}
});

test('demo with a plan target: the coverage equals the report’s', async ({ page }) => {
	const r = await reportFor(DEMO_FILES, ['--target', '100000000', '--deal', '1800000']);
	await openDemo(page, 'target=100000000&deal=1800000');
	await expectOverview(page, r);
	await expectFieldSales(page, r);
});

test('after a filter by deal owner, every sales figure equals the report’s for that owner', async ({
	page
}) => {
	const all = await reportFor(DEMO_FILES);
	const owner = all.kpis.field_sales?.by_owner?.[0]?.owner;
	test.skip(!owner, 'the demo data has no deal owner the ingestion reads yet');
	const r = await reportFor(DEMO_FILES, ['--filter', `deal_owner=${owner}`]);
	await openDemo(page, `down=${encodeURIComponent(owner!)}`);
	await expectOverview(page, r);
	await expectFieldSales(page, r);
	await expectInsideSales(page, r);
});

test('a small deal export of our own: the sales panels equal the report JSON', async ({ page }) => {
	const csv = [
		'Lead ID,Created Date,Lead Source,Lead Owner,Deal Owner,MQL Date,SQL Date,Opportunity Date,Won Date,Lost Date,Amount,Stage,Probability,Loss Reason,Last Activity Date',
		'L1,2025-04-01,Web,Sato,Kato,2025-04-02,2025-04-05,2025-04-10,2025-05-01,,1000000,Closed Won,100,,2025-05-01',
		'L2,2025-04-02,Web,Sato,Kato,2025-04-03,2025-04-06,2025-04-12,,2025-05-10,800000,Closed Lost,0,Price,2025-05-10',
		'L3,2025-04-03,Ads,Tanaka,Ito,2025-04-04,2025-04-08,2025-04-15,,,500000,Proposal,60,,2025-06-20',
		'L4,2025-04-04,Ads,Tanaka,Ito,2025-04-05,2025-04-09,2025-04-16,,,300000,Qualification,20,,2025-04-20',
		'L5,2025-04-05,Web,Sato,,2025-04-06,,,,,,,,,',
		'L6,2025-06-30,Web,Tanaka,,,,,,,,,,,'
	].join('\n');
	const dir = mkdtempSync(path.join(tmpdir(), 'mb-sales-'));
	try {
		const file = path.join(dir, 'deals.csv');
		writeFileSync(file, csv);
		const r = await reportFor([file]);
		await page.goto('./data/');
		await page
			.getByTestId('file-input')
			.setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await expect(page.getByTestId('funnel-count-lead').or(page.getByTestId('nav-overview'))).toBeVisible();
		await expectOverview(page, r);
		await expectFieldSales(page, r);
		await expectInsideSales(page, r);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('with a stage history, what changed lists deals that advanced and slipped back', async ({ page }) => {
	const deals = [
		'Lead ID,Created Date,Lead Source,Deal Owner,Opportunity Date,Won Date,Lost Date,Amount,Stage,Probability',
		'L1,2025-04-01,Web,Kato,2025-04-10,2025-05-01,,1000000,Closed Won,100',
		'L2,2025-04-02,Web,Kato,2025-04-12,,2025-05-10,800000,Closed Lost,0',
		'L3,2025-04-03,Ads,Ito,2025-04-15,,,500000,Proposal,60',
		'L4,2025-04-04,Ads,Ito,2025-04-16,,,300000,Qualification,20',
		'L5,2025-06-30,Web,,,,,,,'
	].join('\n');
	// Stage order by probability: Closed Lost 0 < Qualification 20 < Proposal 60 < Closed Won 100.
	// From 05-01: L1 Proposal → Closed Won, L3 Qualification → Proposal (advanced: 2, ¥1.5M);
	// L4 Proposal → Qualification (slipped: 1, ¥300k).
	const history = [
		'OpportunityId,StageName,CreatedDate',
		'L1,Proposal,2025-04-10',
		'L1,Closed Won,2025-05-01',
		'L3,Qualification,2025-04-15',
		'L3,Proposal,2025-05-20',
		'L4,Proposal,2025-04-16',
		'L4,Qualification,2025-06-01'
	].join('\n');
	const dir = mkdtempSync(path.join(tmpdir(), 'mb-history-'));
	try {
		writeFileSync(path.join(dir, 'deals.csv'), deals);
		writeFileSync(path.join(dir, 'history.csv'), history);
		const r = await reportFor(
			[path.join(dir, 'deals.csv'), path.join(dir, 'history.csv')],
			['--from', '2025-05-01', '--to', '2025-06-30']
		);
		expect(r.changes!.advanced).toEqual({ deals: 2, amount: 1500000 });
		expect(r.changes!.slipped).toEqual({ deals: 1, amount: 300000 });
		await page.goto('./data/?from=2025-05-01&to=2025-06-30');
		await page.getByTestId('file-input').setInputFiles([
			{ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(deals) },
			{ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(history) }
		]);
		await expect(page.getByTestId('rows-history-csv')).toBeVisible({ timeout: 60_000 });
		await go(page, 'nav-overview');
		await expect(page).toHaveURL(/from=2025-05-01/);
		await expectChanges(page, r, 'overview-changes');
		await expect(page.getByTestId('overview-changes-advanced')).toHaveAttribute('data-deals', '2');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
