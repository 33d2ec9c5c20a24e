import { test as base, expect } from '@playwright/test';

/**
 * Every e2e test fails on an uncaught exception in any page of its browser context (later tabs too):
 * a problem must reach the user as a message, never only the console. One exception: DuckDB's own
 * worker rejects uncaught inside itself when its wasm download fails (out of the page's reach); the page
 * reports that failure itself (skeleton.spec.ts), so errors thrown in that worker's script are not counted.
 */
const inEngineWorker = (stack: string) =>
	/\/duckdb-browser-[^/]*\.worker\.[^/]*\.js/.test(stack.split('\n')[1] ?? '');
export const test = base.extend<{ noPageErrors: void }>({
	noPageErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			const watch = (p: import('@playwright/test').Page) =>
				p.on('pageerror', (e) => {
					if (!inEngineWorker(e.stack ?? '')) errors.push(`${p.url()}: ${e.stack ?? e.message}`);
				});
			context.pages().forEach(watch);
			context.on('page', watch);
			await use();
			expect(errors, 'uncaught page errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
