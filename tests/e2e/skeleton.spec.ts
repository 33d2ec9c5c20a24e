import { expect, test } from './fixtures';
import { DEMO_FILES, openDemo, reportFor, trackRequests } from './helpers';

test('the landing page works before the engine arrives: drop zone, file picker, demo, templates', async ({
	page
}) => {
	await page.goto('./');
	await expect(page.getByTestId('drop-zone')).toBeVisible();
	await expect(page.getByText('Choose CSV files')).toBeVisible();
	await expect(page.getByTestId('load-demo')).toBeEnabled();
	const template = page.getByRole('link', { name: 'leads.csv' });
	await expect(template).toHaveAttribute('href', /\/modelboard\/templates\/leads\.csv$/);
	const res = await page.request.get(
		await template.getAttribute('href').then((h) => new URL(h!, page.url()).href)
	);
	expect(res.ok()).toBe(true);
	expect(await res.text()).toMatch(/^lead_id,created_at,channel/);
});

test('?demo under the sub-path loads the demo and shows the report command’s funnel', async ({ page }) => {
	const requests = trackRequests(page);
	const expected = await reportFor(DEMO_FILES);
	await openDemo(page);
	for (const step of expected.funnel) {
		await expect(page.getByTestId(`funnel-count-${step.stage}`)).toHaveAttribute(
			'data-value',
			String(step.count)
		);
	}
	expect(expected.funnel.map((s) => s.count)).toEqual([6000, 2061, 388, 122, 30]);
	// Privacy by construction: every request stayed on the site's own origin.
	const origin = new URL(page.url()).origin;
	const foreign = requests.filter(
		(u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')
	);
	expect(foreign).toEqual([]);
	expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
});

test('the demo button loads the same data as ?demo', async ({ page }) => {
	await page.goto('./');
	await page.getByTestId('load-demo').click();
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', '30', { timeout: 60_000 });
});

test('a dropped file is loaded through the file picker', async ({ page }) => {
	await page.goto('./');
	await page.waitForFunction(() => document.querySelector('[data-testid="file-input"]') !== null);
	await page.getByTestId('file-input').setInputFiles(DEMO_FILES[0]);
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
});

test('an engine that cannot be downloaded ends in a clear message, not an endless "starting"', async ({
	page,
	context
}) => {
	await context.route('**/*.wasm', (route) => route.abort('failed'));
	// The page waits 2 minutes for a real network; 5 s here.
	await page.addInitScript(() => {
		(globalThis as { __mbEngineTimeoutMs?: number }).__mbEngineTimeoutMs = 5000;
	});
	await page.goto('./');
	const alert = page.getByTestId('load-errors');
	await expect(alert).toContainText('The analysis engine could not start', { timeout: 60_000 });
	await expect(page.getByTestId('status')).not.toContainText('Starting the analysis engine');
	// The page stays usable: the message can be dismissed.
	await alert.getByRole('button').click();
	await expect(alert).toBeHidden();
});
