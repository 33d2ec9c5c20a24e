/** Exports: charts as SVG and PNG, tables as CSV with formula cells neutralised, the print sheet, JA/EN. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { openDemo } from './helpers';

test('a chart downloads as SVG and PNG, its data as CSV', async ({ page }) => {
	await openDemo(page);
	const [svg] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-svg-funnel').click()
	]);
	expect(svg.suggestedFilename()).toBe('Funnel.svg');
	const svgText = readFileSync(await svg.path(), 'utf8');
	expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	expect(svgText).toContain('6,000');
	expect(svgText).not.toContain('var(--');

	const [png] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-png-funnel').click()
	]);
	const bytes = readFileSync(await png.path());
	expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv-funnel').click()
	]);
	const text = readFileSync(await csv.path(), 'utf8');
	expect(text.split('\r\n')[1]).toBe('Leads,6000,,1');
});

test('CSV exports neutralise formula cells', async ({ page }) => {
	const leads =
		'lead_id,created_at,channel\n1,2025-04-01,=HYPERLINK("http://x")\n2,2025-04-02,@SUM(1)\n3,2025-04-03,+cmd\n4,2025-04-04,-2+3\n';
	await page.goto('./');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(leads) });
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '4', { timeout: 60_000 });
	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-csv-channels').click()
	]);
	const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
	expect(lines).toContain(`"'=HYPERLINK(""http://x"")",1,,`);
	expect(lines).toContain("'@SUM(1),1,,");
	expect(lines).toContain("'+cmd,1,,");
	expect(lines).toContain("'-2+3,1,,");
});

test('the print sheet hides the controls and fits A4 landscape', async ({ page }) => {
	await openDemo(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('filter-bar')).toBeHidden();
	await expect(page.getByRole('navigation')).toBeHidden();
	await expect(page.getByTestId('funnel-count-lead')).toBeVisible();
	const pdf = await page.pdf({ landscape: true, format: 'A4' }).catch(() => null);
	if (pdf) expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('the interface switches between Japanese and English and keeps the view', async ({ page }) => {
	await openDemo(page, 'mode=period');
	await expect(page.getByRole('link', { name: 'Funnel' })).toBeVisible();
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/mode=period.*lang=ja|lang=ja.*mode=period/);
	await expect(page.getByRole('link', { name: 'ファネル' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await expect(page.getByTestId('kpi-won_revenue')).toContainText('万');
});

test('brushing a trend chart sets the date range', async ({ page }) => {
	await openDemo(page);
	await page.getByTestId('nav-inside-sales').click();
	const chart = page.getByTestId('chart-trend-contact_rate').locator('rect.hit');
	await chart.waitFor();
	// The page's figures arrive after navigation and the charts lay out again: drag once the chart's
	// box has stopped moving.
	let box = (await chart.boundingBox())!;
	await expect
		.poll(async () => {
			const prev = box;
			await page.waitForTimeout(150);
			box = (await chart.boundingBox())!;
			return JSON.stringify(prev) === JSON.stringify(box);
		})
		.toBe(true);
	await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
	await page.mouse.up();
	await expect(page).toHaveURL(/from=2025-04-01&to=2025-0[67]-3[01]/);
	await expect(page.getByTestId('range-from')).toHaveValue('2025-04-01');
});
