import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { openDemo } from './helpers';

const PAGES = [
	'nav-overview',
	'nav-funnel',
	'nav-marketing',
	'nav-inside-sales',
	'nav-field-sales',
	'nav-customer-success',
	'nav-plan',
	'nav-data'
];

async function serious(page: import('@playwright/test').Page) {
	const r = await new AxeBuilder({ page }).analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(' | ')}`
		);
}

test('the landing page has no serious or critical axe violation', async ({ page }) => {
	await page.goto('./');
	expect(await serious(page)).toEqual([]);
});

for (const lang of ['en', 'ja']) {
	test(`every page in ${lang} has no serious or critical axe violation`, async ({ page }) => {
		await openDemo(page, `lang=${lang}&target=100000000&deal=1800000`);
		for (const nav of PAGES) {
			await page.getByTestId(nav).click();
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(500);
			expect(await serious(page), `${nav} (${lang})`).toEqual([]);
		}
	});
}
