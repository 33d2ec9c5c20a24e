import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { runReport, type ReportJson } from '../../scripts/report-run';
import { parseReportArgs } from '../../scripts/report-args';

export const DEMO_DIR = path.resolve('static/demo');
export const DEMO_FILES = ['leads.csv', 'activities.csv', 'customers.csv', 'spend.csv'].map((f) =>
	path.join(DEMO_DIR, f)
);

/** The report command's JSON for the same files and arguments: the figures the page must show. */
export async function reportFor(files: string[], argv: string[] = []): Promise<ReportJson> {
	const r = await runReport(parseReportArgs([...argv, ...files]), {
		read: async (f) => new Uint8Array(await readFile(f)),
		name: (f) => path.basename(f),
		warn: () => {},
		today: '2026-11-24'
	});
	if ('error' in r) throw new Error(r.error);
	return r.report;
}

/** Records every request the page makes, so a test can prove none left the site's origin. */
export function trackRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (req) => urls.push(req.url()));
	return urls;
}

export async function openDemo(page: Page, query = ''): Promise<void> {
	await page.goto(`./?demo${query ? '&' + query : ''}`);
	await expect(page.getByTestId('funnel-count-lead')).toBeVisible({ timeout: 60_000 });
}
