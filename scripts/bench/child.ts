/**
 * One measurement in a fresh Node process, so its peak memory (maxRSS) and garbage belong to it alone:
 *   node --import tsx scripts/bench/child.ts '<job JSON>'
 * Prints one line `RESULT_MARKER{…}` with the result, or with `error` when the job failed.
 */
import type { NativeJob } from './native';
import { runNative } from './native-run';
import { runPapa, type PapaJob } from './papa';
import { RESULT_MARKER } from './isolate';

async function main(): Promise<void> {
	const job = JSON.parse(process.argv[2] ?? '{}') as NativeJob | PapaJob;
	let out: Record<string, unknown>;
	try {
		const result = job.kind === 'native' ? await runNative(job) : runPapa(job);
		out = { result };
	} catch (e) {
		out = { error: (e as Error).message?.split('\n')[0] ?? String(e) };
	}
	// resourceUsage().maxRSS is in KiB: the peak resident set of this process (Node + DuckDB).
	out.maxRssMiB = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(out)}\n`);
}

main().then(
	() => process.exit(0),
	(e) => {
		process.stderr.write(String((e as Error).stack ?? e));
		process.exit(1);
	}
);
