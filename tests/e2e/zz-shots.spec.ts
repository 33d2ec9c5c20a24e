import { expect, test } from './fixtures';
import { openDemo } from './helpers';

test('snapshot screenshots', async ({ page, browser }) => {
	await openDemo(page);
	await page.getByTestId('share-snapshot').click();
	await expect(page.getByTestId('snapshot-url')).toHaveValue(/#s=/);
	await page.screenshot({ path: '/tmp/shots-snapshot/share-panel-en-1440.png' });
	const url = await page.getByTestId('snapshot-url').inputValue();
	for (const lang of ['ja', 'en'])
		for (const width of [1440, 390]) {
			const ctx = await browser.newContext({ serviceWorkers: 'block', locale: lang === 'ja' ? 'ja-JP' : 'en-US', viewport: { width, height: 900 } });
			const p = await ctx.newPage();
			await p.goto(url);
			await expect(p.getByTestId('snapshot-banner')).toBeVisible();
			await expect(p.getByTestId('funnel-count-lead')).toBeVisible();
			await p.screenshot({ path: `/tmp/shots-snapshot/snapshot-${lang}-${width}.png`, fullPage: width === 390 ? false : false });
			if (width === 390) await p.screenshot({ path: `/tmp/shots-snapshot/snapshot-${lang}-${width}-full.png`, fullPage: true });
			await ctx.close();
		}
	const ctx = await browser.newContext({ serviceWorkers: 'block', locale: 'ja-JP' });
	const p = await ctx.newPage();
	await p.goto(url.slice(0, url.length - 200));
	await expect(p.getByTestId('snapshot-problem')).toBeVisible();
	await p.screenshot({ path: '/tmp/shots-snapshot/problem-ja-1440.png' });
	await ctx.close();
});
