/**
 * Review packs of the pages the user picks, and packs dropped on the start page. A pack of three pages
 * opens from file:// with JavaScript disabled, fetches nothing, and every figure of each page equals the
 * live page's test hooks; dropped on a fresh start page it opens read-only as a snapshot (each of its
 * pages); a damaged, future or foreign file says so by name and loses nothing already loaded. Also
 * prints every page's snapshot link length, with and without the comparison.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemo } from './helpers';

/** Every figure a test hook exposes under `root`: `data-testid` → `data-value` and the text shown. */
async function figures(page: Page, root: string): Promise<Record<string, string>> {
	return page
		.locator(`${root} [data-testid][data-value]`)
		.evaluateAll((els) =>
			Object.fromEntries(
				els
					.filter((e) => !e.closest('[data-testid^="snapshot-"]'))
					.map((e) => [
						e.getAttribute('data-testid'),
						`${e.getAttribute('data-value')} | ${(e.textContent ?? '').trim()}`
					])
			)
		);
}
const withoutRows = (f: Record<string, string>) =>
	Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith('cell-stale-deals-')));
const values = (f: Record<string, string>) =>
	Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.split(' | ')[0]]));
/** A figure's text without blanks and without the definition's "i" button a pack drops. */
const text = (v: string) => v.replace(/\s+/g, '').replace(/(\|[^|]*?)i(?=[A-Z])/, '$1');

/** Makes a snapshot of page `p` on screen (that waits for every query) and returns its link's length. */
async function snapshotOf(page: Page, p: string): Promise<number> {
	await page.getByTestId('share-snapshot').click();
	const url = page.getByTestId('snapshot-url');
	await expect(url).toHaveValue(new RegExp(`/modelboard${p}[?#].*#s=`), { timeout: 60_000 });
	return (await url.inputValue()).length;
}

/** The figures of page `p` on screen, once a snapshot of it is made. */
async function settledFigures(page: Page, p: string): Promise<Record<string, string>> {
	await snapshotOf(page, p);
	return withoutRows(await figures(page, 'main'));
}

const PICKED = ['/funnel/', '/marketing/', '/field-sales/'];
const nav = (p: string) => `nav-${p.replaceAll('/', '')}`;
const box = (p: string) => `pack-page-${p.replaceAll('/', '')}`;

test.describe.serial('review pack of picked pages', () => {
	let packFile = '';
	const live: Record<string, Record<string, string>> = {};

	test('three pages in one file: same figures from file:// without JavaScript, no request', async ({
		page,
		browser
	}) => {
		await openDemo(page);
		for (const p of PICKED) {
			await page.getByTestId(nav(p)).click();
			await expect(page).toHaveURL(new RegExp(p));
			live[p] = await settledFigures(page, p);
			expect(Object.keys(live[p]).length).toBeGreaterThan(0);
		}
		// The funnel's breakdown says how to filter by a bar, on the live page only (see the pack below).
		await page.getByTestId(nav('/funnel/')).click();
		await expect(page.getByTestId('hint-breakdown')).toHaveText('Click a bar to filter every figure by it.');
		// The hint and the note read as one line: a space after the English sentence, none after 。.
		const noteOf = (hint: string) => page.locator('p.note', { has: page.getByTestId(hint) });
		expect(await noteOf('hint-breakdown').textContent()).toMatch(/by it\. \S/);
		await page.getByTestId('lang-switch').click();
		await expect(page.getByTestId('hint-breakdown')).toHaveText(
			'棒をクリックすると、すべての数値をその値で絞り込みます。'
		);
		expect(await noteOf('hint-breakdown').textContent()).toMatch(/絞り込みます。\S/);
		await page.getByTestId('lang-switch').click();
		await expect(page.getByTestId('hint-breakdown')).toHaveText('Click a bar to filter every figure by it.');
		await page.getByTestId(nav('/field-sales/')).click();
		await expect(page).toHaveURL(/field-sales/);
		// On field sales: its own page is ticked; tick the other two, untick nothing else.
		await expect(page.getByTestId(box('/field-sales/'))).toBeChecked();
		await page.getByTestId(box('/funnel/')).check();
		await page.getByTestId(box('/marketing/')).check();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 120_000 }),
			page.getByTestId('review-pack').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^modelboard-review-pages-\d{4}-\d{2}-\d{2}\.html$/);
		packFile = path.join(mkdtempSync(path.join(tmpdir(), 'mb-pack2-')), download.suggestedFilename());
		await download.saveAs(packFile);
		// The page on screen is untouched by the off-screen renders.
		expect(await figures(page, 'main').then(withoutRows)).toEqual(live['/field-sales/']);

		const ctx = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
		try {
			const p = await ctx.newPage();
			const requests: string[] = [];
			p.on('request', (r) => requests.push(r.url()));
			await p.goto(pathToFileURL(packFile).href);
			await expect(p.getByTestId('pack-head')).toContainText('no customer rows');
			await expect(p.getByTestId('pack-toc').locator('li')).toHaveText([
				'Funnel',
				'Marketing',
				'Field sales',
				'Benchmarks and their sources'
			]);
			for (const path of PICKED) {
				const packed = await figures(p, `[data-pack-page="${path}"]`);
				const original = live[path];
				// Every figure of the live page, equal; the pack may list more rows (tables whole).
				expect(values(packed)).toMatchObject(values(original));
				for (const k of Object.keys(original)) expect(text(packed[k]), k).toBe(text(original[k]));
			}
			// Tables are whole, with no "showing N of M" note; the chart tables are open.
			await expect(p.locator('[data-testid^="shown-"]')).toHaveCount(0);
			// Nothing in a pack is clickable, so it does not say to click.
			await expect(p.locator('[data-testid^="hint-"]')).toHaveCount(0);
			expect(await p.content()).not.toContain('Click a bar');
			expect(await p.locator('.chart-frame details[open] table tbody tr').count()).toBeGreaterThan(0);
			// Definitions of the KPIs shown, and the benchmark sources.
			await expect(p.locator('[data-pack-page="/marketing/"] .pack-defs')).toContainText('MQLs ÷ leads.');
			const bench = p.getByTestId('pack-benchmarks');
			await expect(bench).toContainText('Win rate (opportunity→won): 20–30%');
			await expect(bench).toContainText('Lead → MQL');
			// Printable: each page after the first starts on a new sheet.
			const breaks = await p
				.locator('.pack-page')
				.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
			expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
			await expect(p.locator('[data-testid^="cell-stale-deals-"]')).toHaveCount(0);
			await expect(p.locator('script, button, input, iframe')).toHaveCount(0);
			expect(await p.locator('svg').count()).toBeGreaterThan(3);
			expect(requests).toEqual([pathToFileURL(packFile).href]);
		} finally {
			await ctx.close();
		}
	});

	test('dropped on a fresh start page, the pack opens as a read-only snapshot of its pages', async ({
		browser
	}) => {
		expect(packFile).not.toBe('');
		const ctx = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
		try {
			const p = await ctx.newPage();
			await p.goto('./');
			await expect(p.getByTestId('drop-zone')).toBeVisible();
			// A real drop of the file on the drop zone.
			const bytes = [...readFileSync(packFile)];
			const dt = await p.evaluateHandle(
				({ bytes, name }) => {
					const t = new DataTransfer();
					t.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/html' }));
					return t;
				},
				{ bytes, name: path.basename(packFile) }
			);
			await p.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dt });
			const banner = p.getByTestId('snapshot-banner');
			await expect(banner).toBeVisible({ timeout: 60_000 });
			await expect(banner).toContainText('figures only, no customer rows');
			await expect(banner).toContainText('Funnel, Marketing, Field sales');
			await expect(p).toHaveURL(/\/field-sales\/\?/);
			await expect.poll(() => figures(p, 'main')).toEqual(live['/field-sales/']);
			for (const other of ['/funnel/', '/marketing/']) {
				await p.getByTestId(nav(other)).click();
				await expect.poll(() => figures(p, 'main')).toEqual(live[other]);
				await expect(p.getByTestId('snapshot-needs-data')).toHaveCount(0);
			}
			// A pack made from the snapshot view (no data here): only the pages it carries are offered,
			// and their figures are the same again.
			await p.getByTestId('share-snapshot').click();
			await expect(p.getByTestId('snapshot-url')).toHaveValue(/#s=/);
			await expect(p.getByTestId('pack-page-overview')).toHaveCount(0);
			await p.getByTestId(box('/funnel/')).check();
			const [again] = await Promise.all([
				p.waitForEvent('download', { timeout: 120_000 }),
				p.getByTestId('review-pack').click()
			]);
			const second = path.join(path.dirname(packFile), 'again.html');
			await again.saveAs(second);
			const reader = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
			try {
				const r = await reader.newPage();
				await r.goto(pathToFileURL(second).href);
				for (const pg of ['/funnel/', '/marketing/'])
					expect(values(await figures(r, `[data-pack-page="${pg}"]`))).toMatchObject(values(live[pg]));
			} finally {
				await reader.close();
			}
		} finally {
			await ctx.close();
		}
	});

	test('a damaged, future or foreign file is named in a message; data already loaded stays', async ({
		page
	}) => {
		expect(packFile).not.toBe('');
		const good = readFileSync(packFile, 'utf8');
		const payload = /<template id="modelboard-snapshot"[^>]*>([A-Za-z0-9_-]+)<\/template>/.exec(good)![1];
		const withPayload = (p: string) => Buffer.from(good.replace(payload, p));
		const files = [
			// A few characters of the snapshot changed (a hand-edited figure would do the same).
			{
				name: 'tampered.html',
				buffer: withPayload(payload.slice(0, 40) + 'AAAA' + payload.slice(44)),
				text: /damaged|incomplete/
			},
			// deflate-raw of {"v":99}
			{ name: 'future.html', buffer: withPayload('q1YqU7KytKwFAA'), text: /newer version/ },
			{
				name: 'notes.html',
				buffer: Buffer.from('<!doctype html><p>notes</p>'),
				text: /not a Modelboard review pack/
			}
		];
		await page.goto('./');
		for (const f of files) {
			await page
				.getByTestId('file-input')
				.setInputFiles({ name: f.name, mimeType: 'text/html', buffer: f.buffer });
			const problem = page.getByTestId('snapshot-problem');
			await expect(problem).toContainText(f.text);
			await expect(problem).toContainText(`“${f.name}”`);
			await expect(page.getByTestId('drop-zone')).toBeVisible();
			await expect(page.getByTestId('snapshot-banner')).toHaveCount(0);
		}
		// With the demo loaded, a bad pack on the Data page's drop zone leaves the data as it was.
		await openDemo(page);
		const before = await page.getByTestId('funnel-count-lead').getAttribute('data-value');
		await page.getByTestId('nav-data').click();
		await page
			.getByTestId('file-input')
			.first()
			.setInputFiles({ name: 'future.html', mimeType: 'text/html', buffer: files[1].buffer });
		await expect(page.getByTestId('snapshot-problem')).toContainText('future.html');
		await page.getByTestId('nav-overview').click();
		await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', before!);
		// And in Japanese.
		await page.getByTestId('lang-switch').click();
		await expect(page.getByTestId('snapshot-problem')).toContainText('新しいバージョン');
	});
});

test('snapshot link length of every page on the demo, default view and a quarter compared with the previous one', async ({
	page
}) => {
	test.setTimeout(300_000);
	const rows: string[] = [];
	const pages = ['/', '/funnel/', '/marketing/', '/inside-sales/', '/field-sales/', '/customer-success/'];
	const lengths: Record<string, [number, number]> = {};
	// The default view spans all the data, so its previous period lies before the data and is left out
	// (nothing to compare); this fiscal quarter compares with the previous one, which the data holds.
	for (const [i, q] of ['', 'range=fq'].entries()) {
		await openDemo(page, q);
		for (const p of pages) {
			await page.getByTestId(p === '/' ? 'nav-overview' : nav(p)).click();
			await expect(page).toHaveURL(new RegExp(`/modelboard${p}(\\?|$)`));
			(lengths[p] ??= [0, 0])[i] = await snapshotOf(page, p);
		}
		await page.goto(`./plan/?demo&target=30000000&deal=1500000${q ? '&' + q : ''}`);
		await expect(page.getByTestId('share-snapshot')).toBeVisible({ timeout: 60_000 });
		(lengths['/plan/ (target, deal)'] ??= [0, 0])[i] = await snapshotOf(page, '/plan/');
	}
	for (const [p, [on, off]] of Object.entries(lengths)) rows.push(`| ${p} | ${on} | ${off} |`);
	console.log(`\n| Page | default view | this fiscal quarter, compared |\n|---|--:|--:|\n${rows.join('\n')}`);
	for (const p of ['/', '/inside-sales/']) for (const n of lengths[p]) expect(n).toBeLessThan(8192);
});
