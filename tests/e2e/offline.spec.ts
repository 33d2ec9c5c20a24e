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
	await expect(page.getByTestId('funnel-count-won')).toHaveText('30', { timeout: 60_000 });
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
	await expect(page.getByTestId('funnel-count-lead')).toHaveText('6000', { timeout: 60_000 });
	await expect(page.getByTestId('funnel-count-won')).toHaveText('30');
	await page.goto('./funnel/?demo');
	await expect(page.getByTestId('funnel-count-won')).toHaveText('30', { timeout: 60_000 });
	expect(failed).toEqual([]);
});
