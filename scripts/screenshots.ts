/**
 * Screenshots of every page in JA and EN at 1440 px and 390 px, for looking at what we built.
 *   npx tsx scripts/screenshots.ts [--url http://127.0.0.1:4300/modelboard] [--out screens] [--pages overview,funnel]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
const url = opt('url', 'http://127.0.0.1:4300/modelboard');
const out = opt('out', 'screens');
const only = opt('pages', '');
const PAGES: [string, string][] = [
	['overview', '/'],
	['funnel', '/funnel/'],
	['marketing', '/marketing/'],
	['inside-sales', '/inside-sales/'],
	['field-sales', '/field-sales/'],
	['customer-success', '/customer-success/'],
	['plan', '/plan/?target=100000000&deal=1800000'],
	['data', '/data/']
];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
for (const lang of ['en', 'ja']) {
	for (const width of [1440, 390]) {
		const ctx = await browser.newContext({
			viewport: { width, height: 900 },
			locale: lang === 'ja' ? 'ja-JP' : 'en-US'
		});
		const page = await ctx.newPage();
		page.on('pageerror', (e) => console.error('pageerror', e.message));
		await page.goto(`${url}/?demo&lang=${lang}`);
		await page.getByTestId('funnel-count-lead').waitFor({ timeout: 60_000 });
		for (const [name, path] of PAGES) {
			if (only && !only.split(',').includes(name)) continue;
			const sep = path.includes('?') ? '&' : '?';
			await page.evaluate((href) => {
				const a = document.createElement('a');
				a.href = href;
				document.body.append(a);
				a.click();
			}, `${url}${path}${sep}lang=${lang}`);
			await page.waitForTimeout(1500);
			const file = `${out}/${name}-${lang}-${width}.png`;
			await page.screenshot({ path: file, fullPage: true });
			console.log(file);
		}
		await ctx.close();
	}
}
await browser.close();
