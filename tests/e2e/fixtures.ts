import { test as base, expect } from '@playwright/test';

/**
 * Every e2e test fails on an uncaught exception in any page of its browser context (tabs included):
 * a problem must reach the user as a message, never only the console.
 */
export const test = base.extend<{ noPageErrors: void }>({
	noPageErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			context.on('weberror', (e) => errors.push(e.error().stack ?? e.error().message));
			await use();
			expect(errors, 'uncaught page errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
