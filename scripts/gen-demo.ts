/**
 * Writes the Modelboard demo data set (see scripts/demo-data.ts for the story).
 *
 *   npx tsx scripts/gen-demo.ts [--out DIR] [--leads N] [--seed S]
 *                               [--no-activities] [--no-customers] [--no-verify]
 *
 * Defaults: --out static/demo --leads 6000 --seed 42. Same arguments, same bytes.
 * Files are written in chunks of CHUNK_ROWS rows with writeSync, so 10 million
 * leads never sit in memory as one string. Afterwards the files are read back
 * and checked, and the figures printed come from what was actually written.
 * The parts live in scripts/demo/cli/: args, sink and write, read and verify-*, print.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from './demo/context';
import { parseArgs } from './demo/cli/args';
import {
	printActivityReport,
	printCustomerReport,
	printLeadReport,
	printSpendReport,
	size
} from './demo/cli/print';
import { VerificationError } from './demo/cli/read';
import { FILES, type FileSpec, type Written } from './demo/cli/sink';
import { verifyActivities } from './demo/cli/verify-activities';
import { verifyCustomers } from './demo/cli/verify-customers';
import { STAGES, verifyLeads } from './demo/cli/verify-leads';
import { verifySpend } from './demo/cli/verify-spend';
import { writeCustomers, writeLeadsAndActivities, writeSpend } from './demo/cli/write';

function main(): void {
	const args = parseArgs(process.argv.slice(2));
	const ctx = createContext({ leads: args.leads, seed: args.seed });
	mkdirSync(args.out, { recursive: true });
	const written: Written = new Map();
	const started = performance.now();
	const drafts = writeLeadsAndActivities(ctx, args, written);
	if (args.customers) writeCustomers(ctx, args.out, drafts, written);
	writeSpend(ctx, args.out, written);
	const seconds = (performance.now() - started) / 1000;

	console.log(`Wrote ${args.out} (leads ${args.leads}, seed ${args.seed}) in ${seconds.toFixed(2)} s`);
	for (const spec of written.keys()) {
		console.log(
			`  ${spec.name.padEnd(15)} ${size(statSync(join(args.out, spec.name)).size).padStart(10)}  ${spec.encoding}${spec.bom ? ' + BOM' : ''}, ${spec.eol === '\r\n' ? 'CRLF' : 'LF'}`
		);
	}
	if (!args.verify) return;

	const verifyStarted = performance.now();
	const path = (spec: FileSpec): string => join(args.out, spec.name);
	const leads = verifyLeads(path(FILES.leads), FILES.leads, written, args.leads);
	printLeadReport(leads);
	if (args.activities)
		printActivityReport(verifyActivities(path(FILES.activities), FILES.activities, written, leads.facts));
	if (args.customers) {
		const wonLeads = leads.reached[0][STAGES.indexOf('won')];
		printCustomerReport(verifyCustomers(path(FILES.customers), FILES.customers, written, wonLeads));
	}
	printSpendReport(verifySpend(path(FILES.spend), FILES.spend, written), leads);
	console.log(
		`\nVerified in ${((performance.now() - verifyStarted) / 1000).toFixed(2)} s: headers, encodings (decoded text = intended text), line endings, stage order, statuses, activity ↔ lead consistency.`
	);
}

try {
	main();
} catch (error) {
	if (error instanceof VerificationError) {
		console.error(`Verification failed: ${error.message}`);
		process.exitCode = 1;
	} else {
		throw error;
	}
}
