/**
 * `npm run bench -- [--sizes 100k,1m] [--runs 3] [--10m]`: how fast Modelboard is on this machine
 * (issue #7; bench/README.md explains every figure).
 *
 * For each size the seeded demo generator writes leads.csv (and a Shift_JIS activities.csv of about
 * as many rows), cached under bench/data/. Then:
 *  - the built site in headless Chromium (scripts/bench/browser.ts): wasm start-up, ingest, file →
 *    full dashboard, filter and brush latency, peak renderer memory;
 *  - the same ingestion and queries on native DuckDB with 1 and 2 threads (the hardware reference);
 *  - papaparse to JS objects + the funnel in JS loops (the path a typical peer takes);
 * each in a fresh process or browser, medians of --runs. Prints a table and budget lines, and writes
 * bench/results/<timestamp>.json. Not part of `npm test` (tests/unit/bench-smoke.test.ts is).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchArgs } from './bench/args';
import { runBrowser } from './bench/browser';
import { measureSize, summariseBrowser, type SizeResult } from './bench/measure';
import {
	computeBudgets,
	printReport,
	summariseShell,
	type BenchDocument,
	type SecondVisit,
	type TenMResult,
	type ThreadsResult,
	type Versions
} from './bench/report';
import { builtBase, serveBuild, type Served } from './bench/server';
import { buildSite, newestMtime, wasmEngineVersion } from './bench/site';
import { tenMSummary } from './bench/ten-m';
import { sizesOf, transferSizes, type TransferSizes } from './bench/transfer';
import { median, packageVersion, ROOT } from './bench/util';

const log = (m: string) => process.stderr.write(m + '\n');

async function main(argv: string[]): Promise<number> {
	let args: BenchArgs;
	try {
		args = parseBenchArgs(argv);
	} catch (e) {
		if (e instanceof BenchUsageError) {
			process.stderr.write(`bench: ${e.message}\n\n${BENCH_USAGE}`);
			return 2;
		}
		throw e;
	}
	if (args.help) {
		process.stdout.write(BENCH_USAGE);
		return 0;
	}
	const startedAt = new Date();
	const cleanup: (() => void)[] = [];
	process.on('exit', () => cleanup.forEach((f) => f()));
	const loadAverageStart = os.loadavg();
	const notes: string[] = [];

	let transfer: TransferSizes | null = null;
	let served: Served | null = null;
	let indexHtml = path.join(args.buildDir, 'index.html');
	if (args.buildSite || (!existsSync(indexHtml) && args.buildDir === path.join(ROOT, 'build')))
		buildSite(args.buildDir);
	if (existsSync(indexHtml)) {
		const src = path.join(ROOT, 'src');
		if (existsSync(src) && newestMtime(src) > statSync(indexHtml).mtimeMs) {
			const msg =
				'build/ is older than src/: the browser figures are for the last build (pass --build-site to rebuild)';
			log(`warning: ${msg}`);
			notes.push(msg);
		}
		// A private copy: other work may rebuild build/ while the browser runs are being served from it.
		const snapshot = mkdtempSync(path.join(os.tmpdir(), 'mb-bench-site-'));
		cpSync(args.buildDir, snapshot, { recursive: true });
		cleanup.push(() => rmSync(snapshot, { recursive: true, force: true }));
		args.buildDir = snapshot;
		indexHtml = path.join(snapshot, 'index.html');
		log('transfer sizes: gzip of the first page and the wasm files …');
		transfer = transferSizes(args.buildDir, builtBase(args.buildDir));
	} else if (args.browser) {
		process.stderr.write(
			`bench: ${indexHtml} not found; build the site (BASE_PATH=/modelboard npx vite build) or pass --no-browser\n`
		);
		return 2;
	}

	const versions: Versions = {
		node: process.version,
		chromium: null,
		duckdbWasm: packageVersion('@duckdb/duckdb-wasm'),
		duckdbWasmEngine: await wasmEngineVersion(),
		nodeApi: packageVersion('@duckdb/node-api'),
		nodeApiEngine: null,
		papaparse: packageVersion('papaparse'),
		playwrightCore: packageVersion('playwright-core')
	};

	const sizes: SizeResult[] = [];
	let tenM: TenMResult | null = null;
	let secondVisit: SecondVisit | null = null;
	let threads: ThreadsResult | null = null;
	try {
		if (args.browser) {
			served = await serveBuild(args.buildDir, builtBase(args.buildDir));
			log(`serving ${args.buildDir} at ${served.url}`);
		}
		const common = {
			runs: args.runs,
			seed: args.seed,
			dataDir: args.dataDir,
			url: served?.url ?? null,
			chromium: args.chromium,
			native: args.native,
			papa: args.papa,
			activities: args.activities,
			coldDrop: args.coldDrop,
			log
		};
		for (const leads of args.sizes) sizes.push(await measureSize({ ...common, leads }));
		if (served && args.secondVisit) {
			log('\nsecond visit, offline (service worker cache)');
			const runs = await runBrowser({
				url: served.url,
				files: [],
				interactions: false,
				runs: args.runs,
				chromiumPath: args.chromium,
				log,
				secondVisit: { offline: true, engine: 'eh' },
				shellOnly: true
			});
			const ok = runs.filter((r) => r.shell.wasmReadyMs !== null);
			secondVisit = {
				runs: runs.length,
				offlineOk: ok.length,
				interactiveMs: median(ok.map((r) => r.shell.interactiveMs)),
				wasmStartupMs: median(ok.map((r) => r.wasmStartupMs)),
				wasmReadyMs: median(ok.map((r) => r.shell.wasmReadyMs)),
				errors: runs.filter((r) => r.error).map((r) => r.error as string)
			};
		}
		const big = [...sizes].reverse().find((s) => s.leads <= 1_000_000);
		if (served && args.threads && big) {
			log(`\nthreads: ${big.label} leads, second visit, coi build`);
			const runs = await runBrowser({
				url: served.url,
				files: [big.leadsScenario.file.path],
				interactions: true,
				runs: args.runs,
				chromiumPath: args.chromium,
				log,
				secondVisit: { offline: false, engine: 'coi' }
			});
			threads = {
				leads: big.leads,
				label: big.label,
				engine: runs.find((r) => r.engine)?.engine ?? null,
				browser: summariseBrowser(runs),
				single: big.leadsScenario.browser
			};
		}
		if (args.tenM) {
			log('\n--10m: one run, native with 2 threads only; a failure is a result, not an error');
			const size = await measureSize({
				...common,
				leads: 10_000_000,
				runs: 1,
				threads: [2],
				browserTimeoutMs: 15 * 60_000
			});
			tenM = tenMSummary(size);
		}
	} finally {
		await served?.close();
	}
	const base = existsSync(indexHtml) ? builtBase(args.buildDir) : '';

	const allBrowserRuns = [...sizes, ...(tenM?.size ? [tenM.size] : [])].flatMap((s) => [
		...s.leadsScenario.raw.browser,
		...(s.activitiesScenario?.raw.browser ?? [])
	]);
	versions.chromium = allBrowserRuns[0]?.chromiumVersion ?? null;
	versions.nodeApiEngine =
		sizes.flatMap((s) => s.leadsScenario.native).find((n) => n.duckdbVersion)?.duckdbVersion ?? null;

	const fetchedPaths = [
		...new Set(
			(allBrowserRuns[0]?.fetched ?? [])
				.map((f) => f.path)
				.filter((p) => p.endsWith('.js'))
				.map((p) => (base && p.startsWith(base + '/') ? p.slice(base.length + 1) : p.replace(/^\//, '')))
		)
	];
	const shell = summariseShell(sizes, existsSync(indexHtml) ? sizesOf(args.buildDir, fetchedPaths) : []);

	const cpus = os.cpus();
	const doc: BenchDocument = {
		schema: 'modelboard-bench/1',
		startedAt: startedAt.toISOString(),
		finishedAt: new Date().toISOString(),
		argv,
		machine: {
			cores: cpus.length,
			cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
			memoryGiB: os.totalmem() / 1024 ** 3,
			platform: `${os.platform()} ${os.release()} ${os.arch()}`,
			loadAverageStart,
			loadAverageEnd: os.loadavg()
		},
		versions,
		transfer,
		shell,
		sizes,
		tenM,
		secondVisit,
		threads,
		budgets: computeBudgets(sizes, transfer, secondVisit),
		ratios: Object.fromEntries(
			sizes.map((s) => [
				s.label,
				{
					...s.leadsScenario.ratios,
					...Object.fromEntries(
						Object.entries(s.activitiesScenario?.ratios ?? {}).map(([k, v]) => [`activities_${k}`, v])
					)
				}
			])
		),
		notes: [
			...notes,
			'native DuckDB (@duckdb/node-api) is a newer engine than duckdb-wasm: a speed reference only',
			'native engine ingest runs the same JS + SQL as the page; registerFile writes the bytes to tmpfs (/dev/shm) inside the timing',
			'bare native load: Shift_JIS decoded to UTF-8 in Node before the timing (DuckDB encodings extension not assumed offline)',
			'browser: one fresh Chromium (cold profile) per run; the file is chosen after mb:wasm-ready',
			'brush = changing the overview date input range-from (fires change), the overview stand-in for the trend-chart brush',
			...(loadAverageStart[0] > os.cpus().length * 0.75
				? [
						`the machine was busy when the run started (load average ${loadAverageStart[0].toFixed(2)}): figures may be inflated`
					]
				: [])
		]
	};
	printReport(doc);
	mkdirSync(args.resultsDir, { recursive: true });
	const file = path.join(args.resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(file, JSON.stringify(doc, null, '\t') + '\n');
	const minutes = (Date.now() - startedAt.getTime()) / 60_000;
	console.log(`\nwrote ${path.relative(process.cwd(), file) || file} (${minutes.toFixed(1)} min)`);
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e) => {
		process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
		process.exit(1);
	}
);
