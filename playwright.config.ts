import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';

/**
 * e2e tests run against the built static site served under a sub-path, as on GitHub Pages.
 * Browser: Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); on a machine without it,
 * Playwright's own Chromium if installed.
 */
export const E2E_BASE = '/modelboard';
const PORT = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL: `http://127.0.0.1:${PORT}${E2E_BASE}/`,
		locale: 'en-US',
		timezoneId: 'Asia/Tokyo',
		viewport: { width: 1440, height: 900 },
		launchOptions: chromiumLaunchOptions()
	},
	webServer: {
		command: `node scripts/serve.mjs --dir build --base ${E2E_BASE} --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}${E2E_BASE}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
