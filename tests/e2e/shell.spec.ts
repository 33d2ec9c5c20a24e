/** The page shell against other sites and history: no foreign framing, a favicon that never 404s. */
import { expect, test } from './fixtures';

test('another site framing the page gets a way out, not the app (first visit, no service worker yet)', async ({
	page,
	baseURL
}) => {
	// Another origin on the same machine (Chromium refuses a public site framing a local one anyway): the
	// server's plain 404 page under localhost, with an iframe added.
	await page.goto(new URL('/framer', baseURL!.replace('127.0.0.1', 'localhost')).href);
	await page.evaluate((src) => {
		const frame = document.createElement('iframe');
		Object.assign(frame, { src, width: 1000, height: 700 });
		document.body.append(frame);
	}, `${baseURL}?demo`);
	const frame = page.frameLocator('iframe');
	await expect(frame.getByTestId('framed')).toContainText('does not run inside another site');
	await expect(frame.getByTestId('funnel-count-lead')).toHaveCount(0);
	await expect(frame.getByTestId('load-demo')).toHaveCount(0);
});

test('with the service worker, every response refuses foreign framing', async ({ page, baseURL }) => {
	await page.goto('./');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	const res = await page.goto('./data/');
	const headers = (await res?.allHeaders()) ?? {};
	expect(headers['x-frame-options']).toBe('SAMEORIGIN');
	expect(headers['content-security-policy']).toBe("frame-ancestors 'self'");
	expect(baseURL).toBeTruthy();
});

test('the favicon URL stays absolute after navigation and history traversal', async ({ page, baseURL }) => {
	await page.goto('./funnel/');
	const href = () => page.locator('link[rel~="icon"]').getAttribute('href');
	await expect.poll(href).toBe(`${baseURL}favicon.svg`);
	await page.getByTestId('nav-data').click();
	await expect(page).toHaveURL(/\/data\/$/);
	await page.getByTestId('nav-marketing').click();
	await expect(page).toHaveURL(/\/marketing\/$/);
	// Back and forth within the app, each step waiting for its URL. (Going back past the first page, to
	// the tab's blank start, made Chromium swap the page out under Playwright now and then: "Not
	// attached to an active page", a flake that says nothing about the favicon.)
	await page.goBack({ waitUntil: 'commit' });
	await expect(page).toHaveURL(/\/data\/$/);
	await page.goBack({ waitUntil: 'commit' });
	await expect(page).toHaveURL(/\/funnel\/$/);
	await page.goForward({ waitUntil: 'commit' });
	await expect(page).toHaveURL(/\/data\/$/);
	await expect.poll(href).toBe(`${baseURL}favicon.svg`);
	const res = await page.request.get((await href())!);
	expect(res.status()).toBe(200);
});
