import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * e2e tests run against the built static site served under a sub-path, as on GitHub Pages.
 * Browser: Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); on a machine without it,
 * Playwright's own Chromium if installed.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_BASE = '/modelboard';
const PORT = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 90_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}${E2E_BASE}/`,
		locale: 'en-US',
		timezoneId: 'Asia/Tokyo',
		viewport: { width: 1440, height: 900 },
		launchOptions: {
			executablePath: existsSync(chromium) ? chromium : undefined,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: `node scripts/serve.mjs --dir build --base ${E2E_BASE} --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}${E2E_BASE}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
