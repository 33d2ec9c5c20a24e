/**
 * Golden JSON snapshots of the report command's output for named inputs: the demo, the real
 * Salesforce dev-org export, a formatted Japanese Salesforce report, and a small deal export. They
 * protect the *shape* and every figure of the report against a refactoring that changes either; the
 * figures themselves are checked by hand-computed tests elsewhere (metrics.test.ts, ingest-real.test.ts…).
 *
 * Numbers are rounded to 9 significant digits before comparing (as Observable Plot's snapshot tests
 * do), so a change in the last bit of a float sum does not fail the test, while any real change does.
 * Files live in tests/golden/; after an intended change, review the diff and rerun with `-u`.
 * In CI (`CI=true`) a missing snapshot fails instead of being written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../scripts/report-args';
import { runReport } from '../../scripts/report-run';

const ROOT = path.resolve(__dirname, '../..');
const DEMO = ['leads.csv', 'activities.csv', 'customers.csv', 'spend.csv'].map((f) => `static/demo/${f}`);
const SF = 'tests/fixtures/ingest/salesforce-devorg';

/** Rounds every number to 9 significant digits, recursively. */
export function rounded(v: unknown): unknown {
	if (typeof v === 'number') return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(9)) : v;
	if (Array.isArray(v)) return v.map(rounded);
	if (v && typeof v === 'object')
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
	return v;
}

async function reportJson(argv: string[]): Promise<unknown> {
	const args = parseReportArgs(argv);
	const out = await runReport(args, {
		read: async (f) => new Uint8Array(readFileSync(path.resolve(ROOT, f))),
		name: (f) => path.basename(f),
		warn: () => {},
		today: '2026-11-30'
	});
	if ('error' in out) throw new Error(out.error);
	return rounded(JSON.parse(JSON.stringify(out.report)));
}

const CASES: [name: string, argv: string[]][] = [
	['demo', DEMO],
	['demo-plan-goal', [...DEMO, '--target', '100000000', '--deal', '1800000', '--goal', 'sqls=40']],
	['demo-filter-channel', [...DEMO, '--filter', 'channel=展示会', '--mode', 'period']],
	['demo-quarter-window', [...DEMO, '--from', '2026-01-01', '--to', '2026-03-31', '--window', '30']],
	['salesforce-devorg', [`${SF}/Lead.csv`, `${SF}/Opportunity.csv`, `${SF}/OpportunityHistory.csv`]],
	['sf-formatted-ja', ['tests/fixtures/ingest/sf-formatted-ja.csv']],
	['sf-formatted-en', ['tests/fixtures/ingest/sf-formatted-en.csv']]
];

describe('report golden snapshots', () => {
	for (const [name, argv] of CASES) {
		it(name, { timeout: 60_000 }, async () => {
			const json = await reportJson(argv);
			await expect(JSON.stringify(json, null, 1) + '\n').toMatchFileSnapshot(`../golden/${name}.json`);
		});
	}

	it('rounds to 9 significant digits and leaves the rest alone', () => {
		expect(rounded({ a: 0.19050673508659396, b: [18.783132530120483, 'x', null], c: 0, d: 6000 })).toEqual({
			a: 0.190506735,
			b: [18.7831325, 'x', null],
			c: 0,
			d: 6000
		});
	});
});
