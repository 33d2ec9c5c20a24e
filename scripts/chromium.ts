import { existsSync } from 'node:fs';

/**
 * How this project starts Chromium everywhere (tests, screenshots, benchmark): Debian's browser
 * (CHROMIUM_PATH, default /usr/bin/chromium) with the flags that work on a closed network; on a machine
 * without it, Playwright's own Chromium if one is installed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
	return { executablePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined, args: CHROMIUM_ARGS };
}
