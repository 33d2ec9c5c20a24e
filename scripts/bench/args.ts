/** Command-line options of `npm run bench` (scripts/bench.ts). */
import path from 'node:path';
import { parseSize, ROOT } from './util';

export interface BenchArgs {
	/** Lead counts, e.g. [100000, 1000000]. */
	sizes: number[];
	runs: number;
	/** Also try 10M rows once (load or clear failure, tab still usable). */
	tenM: boolean;
	seed: number;
	browser: boolean;
	native: boolean;
	papa: boolean;
	/** The Shift_JIS activities scenario (≈ as many activity rows as the size). */
	activities: boolean;
	/** A second visit with the network off (service worker cache). */
	secondVisit: boolean;
	/** Choose the file as soon as the engine is ready, without waiting for its warm-up. */
	coldDrop: boolean;
	/** The largest size ≤ 1M again with DuckDB's multi-threaded build (cross-origin isolated). */
	threads: boolean;
	buildDir: string;
	/** Rebuild the site first (`BASE_PATH=/modelboard vite build`). */
	buildSite: boolean;
	chromium: string | undefined;
	resultsDir: string;
	dataDir: string;
	help: boolean;
}

export const BENCH_USAGE = `npm run bench -- [options]

  --sizes LIST     lead counts to measure (default 100k,1m; e.g. 20k,100k,1m)
  --runs N         runs per measurement, median reported (default 3)
  --10m            also try 10M rows once: loads, or fails with a clear message
  --seed S         demo generator seed (default 42)
  --no-browser     skip headless Chromium      --no-native   skip native DuckDB
  --no-papa        skip papaparse              --no-activities  leads only
  --no-second-visit  skip the offline second visit
  --no-threads     skip the multi-threaded (cross-origin isolated) run
  --cold-drop      choose the file as soon as the engine is ready (default: after its warm-up)
  --build DIR      built site (default build/; built with BASE_PATH=/modelboard if missing)
  --build-site     rebuild the site first (BASE_PATH=/modelboard npx vite build)
  --chromium PATH  browser binary (default $CHROMIUM_PATH or /usr/bin/chromium)
  --results DIR    where the JSON goes (default bench/results/)
  --data DIR       generated CSV cache (default bench/data/)
`;

export class BenchUsageError extends Error {}

export function parseBenchArgs(argv: string[]): BenchArgs {
	const args: BenchArgs = {
		sizes: [100_000, 1_000_000],
		runs: 3,
		tenM: false,
		seed: 42,
		browser: true,
		native: true,
		papa: true,
		activities: true,
		secondVisit: true,
		coldDrop: false,
		threads: true,
		buildDir: path.join(ROOT, 'build'),
		buildSite: false,
		chromium: undefined,
		resultsDir: path.join(ROOT, 'bench', 'results'),
		dataDir: path.join(ROOT, 'bench', 'data'),
		help: false
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = (): string => {
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new BenchUsageError(`${flag} needs a value`);
			return v;
		};
		try {
			if (flag === '--sizes') args.sizes = value().split(',').filter(Boolean).map(parseSize);
			else if (flag === '--runs') {
				const n = Number(value());
				if (!Number.isInteger(n) || n < 1) throw new BenchUsageError('--runs must be a whole number ≥ 1');
				args.runs = n;
			} else if (flag === '--10m') args.tenM = true;
			else if (flag === '--seed') args.seed = Number(value());
			else if (flag === '--no-browser') args.browser = false;
			else if (flag === '--no-native') args.native = false;
			else if (flag === '--no-papa') args.papa = false;
			else if (flag === '--no-activities') args.activities = false;
			else if (flag === '--no-second-visit') args.secondVisit = false;
			else if (flag === '--cold-drop') args.coldDrop = true;
			else if (flag === '--no-threads') args.threads = false;
			else if (flag === '--build') args.buildDir = path.resolve(value());
			else if (flag === '--build-site') args.buildSite = true;
			else if (flag === '--chromium') args.chromium = value();
			else if (flag === '--results') args.resultsDir = path.resolve(value());
			else if (flag === '--data') args.dataDir = path.resolve(value());
			else if (flag === '--help' || flag === '-h') args.help = true;
			else throw new BenchUsageError(`unknown option ${flag}`);
		} catch (e) {
			if (e instanceof BenchUsageError) throw e;
			throw new BenchUsageError((e as Error).message);
		}
	}
	if (!Number.isInteger(args.seed)) throw new BenchUsageError('--seed must be an integer');
	if (args.sizes.length === 0) throw new BenchUsageError('--sizes needs at least one size');
	args.sizes = [...new Set(args.sizes)].sort((a, b) => a - b);
	if (args.tenM) args.sizes = args.sizes.filter((s) => s !== 10_000_000);
	return args;
}
