/**
 * `npm run report -- [options] FILE...`: the dashboard's engine in Node (docs/report.md). JSON on stdout,
 * warnings on stderr, exit 2 with a clear message when nothing usable was given.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runReport } from './report-run';
import { parseReportArgs, USAGE, UsageError } from './report-args';

async function main(): Promise<number> {
	let args;
	try {
		args = parseReportArgs(process.argv.slice(2));
	} catch (e) {
		if (e instanceof UsageError) {
			process.stderr.write(`report: ${e.message}\n\n${USAGE}`);
			return 2;
		}
		throw e;
	}
	if (args.help) {
		process.stdout.write(USAGE);
		return 0;
	}
	const warn = (m: string) => process.stderr.write(`warning: ${m}\n`);
	const result = await runReport(args, {
		read: async (f) => new Uint8Array(await readFile(f)),
		name: (f) => path.basename(f),
		warn,
		today: new Date().toISOString().slice(0, 10)
	});
	if ('error' in result) {
		process.stderr.write(`report: ${result.error}\n`);
		return 2;
	}
	process.stdout.write(JSON.stringify(result.report, null, 2) + '\n');
	return 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		process.stderr.write(`report: unexpected error: ${(e as Error).stack ?? e}\n`);
		process.exit(1);
	}
);
