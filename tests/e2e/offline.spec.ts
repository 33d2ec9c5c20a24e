import { expect, test } from './fixtures';

/**
 * The second visit starts offline: the service worker caches the app shell when installed and the
 * engine and demo files when the page first fetches them; every response it serves makes the page
 * cross-origin isolated.
 */
test('a second visit works with the network off: shell, engine and demo data from the cache', async ({
	page,
	context
}) => {
	await page.goto('./');
	// First visit: the service worker installs; the pages loaded after it are served through it.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.goto('./?demo');
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', '30', { timeout: 60_000 });
	await page.waitForFunction(
		async () => {
			const cache = await caches.open('mb-immutable');
			return (await cache.keys()).some((r) => r.url.endsWith('.wasm'));
		},
		null,
		{ timeout: 30_000 }
	);
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

	await context.setOffline(true);
	const failed: string[] = [];
	page.on('requestfailed', (r) => failed.push(r.url()));
	await page.goto('./?demo');
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', '30');
	await page.goto('./funnel/?demo');
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', '30', { timeout: 60_000 });
	expect(failed).toEqual([]);
});

test('a new deployment keeps the cached demo: offline demo after the old shell is gone', async ({
	page,
	context
}) => {
	await page.goto('./');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.goto('./?demo');
	await expect(page.getByTestId('funnel-count-won')).toHaveAttribute('data-value', '30', { timeout: 60_000 });
	await page.waitForFunction(
		async () => {
			const names = (
				await Promise.all((await caches.keys()).map((k) => caches.open(k).then((c) => c.keys())))
			)
				.flat()
				.map((r) => r.url);
			return (
				['leads', 'activities', 'customers', 'spend'].every((n) =>
					names.some((u) => u.endsWith(`/demo/${n}.csv`))
				) && names.some((u) => u.endsWith('.wasm'))
			);
		},
		null,
		{ timeout: 30_000 }
	);
	// What a new version's install + activate does: a fresh shell (no demo files), the old one deleted.
	await page.evaluate(async () => {
		for (const key of await caches.keys()) {
			if (!key.startsWith('mb-shell-')) continue;
			const old = await caches.open(key);
			const next = await caches.open('mb-shell-next');
			for (const req of await old.keys())
				if (!req.url.includes('/demo/')) await next.put(req, (await old.match(req))!);
			await caches.delete(key);
		}
	});
	await context.setOffline(true);
	await page.goto('./?demo');
	await expect(page.getByTestId('funnel-count-lead')).toHaveAttribute('data-value', '6000', {
		timeout: 60_000
	});
	await expect(page.getByTestId('load-errors')).toHaveCount(0);
});
