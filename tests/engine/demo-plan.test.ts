/**
 * The number chain's staffing advice on the demo (docs/metrics.md, "Number chain"): with every rate
 * taken from the data, the plan's calls per SQL comes within 20% of the data's calls per appointment,
 * and a target above what the data reaches never asks for fewer reps than the data has.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../scripts/report-args';
import { runReport } from '../../scripts/report-run';

const DEMO = ['leads.csv', 'activities.csv', 'customers.csv', 'spend.csv'].map((f) =>
	path.resolve('static/demo', f)
);

async function demoReport(argv: string[]) {
	const r = await runReport(parseReportArgs([...argv, ...DEMO]), {
		read: async (f) => new Uint8Array(await readFile(f)),
		name: (f) => path.basename(f),
		warn: () => {},
		today: '2026-11-24'
	});
	if ('error' in r) throw new Error(r.error);
	return r.report;
}

describe('number chain on the demo', () => {
	it('calls per SQL planned ≈ calls per appointment made; more reps when SQLs fall short', async () => {
		const r = await demoReport(['--target', '100000000', '--deal', '1800000']);
		const line = (k: string) => r.plan!.find((l) => l.key === k)!;
		const plannedCallsPerSql = line('calls').required! / line('sqls').required!;
		const is = r.kpis.inside_sales!;
		const actualCallsPerAppointment = is.calls / is.appointments;
		console.log(
			`plan: ${plannedCallsPerSql.toFixed(1)} calls per SQL; data: ${actualCallsPerAppointment.toFixed(1)} calls per appointment`
		);
		expect(Math.abs(plannedCallsPerSql / actualCallsPerAppointment - 1)).toBeLessThan(0.2);
		expect(line('sqls').gap!).toBeGreaterThan(0); // the target needs more SQLs than the data has…
		expect(line('reps').required!).toBeGreaterThanOrEqual(line('reps').actual!); // …so never fewer reps
		expect(r.plan_inputs!.rates.connects_per_lead).toBeCloseTo(is.connects_per_lead!, 12);
	}, 60_000);
});
