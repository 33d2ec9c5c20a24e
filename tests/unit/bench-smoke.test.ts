/**
 * A tiny run of the benchmark harness (scripts/bench/, issue #7): its Node parts produce figures of the
 * right shape. Only that figures exist (finite, > 0) is asserted, never how fast anything is.
 * The browser part runs too with BENCH_SMOKE_BROWSER=1 when build/ exists (`npm run bench -- --sizes 20k
 * --runs 1` exercises it in full).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBrowser } from '../../scripts/bench/browser';
import { ensureDataset } from '../../scripts/bench/data';
import { measureSize, type SizeResult } from '../../scripts/bench/measure';
import { runPapaInBrowser } from '../../scripts/bench/papa';
import { computeBudgets, printReport, summariseShell, type BenchDocument } from '../../scripts/bench/report';
import { builtBase, serveBuild } from '../../scripts/bench/server';
import { referencedAssets, transferSizes } from '../../scripts/bench/transfer';
import { ROOT } from '../../scripts/bench/util';

const positive = (x: unknown) => {
	expect(typeof x).toBe('number');
	expect(Number.isFinite(x)).toBe(true);
	expect(x as number).toBeGreaterThan(0);
};

let tmp: string;
let size: SizeResult;

beforeAll(async () => {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'mb-bench-smoke-'));
	size = await measureSize({
		leads: 20_000,
		runs: 1,
		seed: 42,
		dataDir: path.join(tmp, 'data'),
		url: null,
		native: true,
		papa: true,
		activities: true,
		threads: [1],
		inProcess: true
	});
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bench harness, Node parts (20k leads)', () => {
	it('generates the files with the demo generator and caches them', () => {
		const f = size.leadsScenario.file;
		expect(f.rows).toBe(20_000);
		positive(f.bytes);
		const again = ensureDataset({
			leads: 20_000,
			seed: 42,
			activities: false,
			dataDir: path.join(tmp, 'data')
		});
		expect(again.generatedSeconds).toBe(0);
		expect(size.activitiesScenario?.file.encoding).toBe('Shift_JIS');
		positive(size.activitiesScenario?.file.rows);
	});

	it('runs the native DuckDB path: engine ingest, bare and typed loads, funnel and overview queries', () => {
		for (const sc of [size.leadsScenario, size.activitiesScenario!]) {
			const n = sc.native[0];
			expect(n.errors).toEqual([]);
			expect(n.threads).toBe(1);
			expect(n.duckdbVersion).toMatch(/^v\d/);
			for (const k of [
				'startupMs',
				'ingestMs',
				'overviewMs',
				'brushMs',
				'bareLoadMs',
				'bareConvertMs',
				'typedReadMs'
			] as const)
				positive(n[k]);
		}
		const n = size.leadsScenario.native[0];
		positive(n.funnelColdMs);
		positive(n.funnelWarmMs);
		positive(n.filterMs);
		expect(Object.keys(size.funnelCheck.native ?? {})).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
	});

	it('runs the papaparse path: decode, parse to objects, funnel in JS loops', () => {
		const p = size.leadsScenario.papa!;
		expect(p.errors).toEqual([]);
		expect(p.rows).toBe(20_000);
		for (const k of ['decodeMs', 'parseMs', 'aggregateMs', 'totalMs'] as const) positive(p[k]);
		expect(Object.keys(size.funnelCheck.papa ?? {})).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
		positive(size.activitiesScenario?.papa?.totalMs);
	});

	it('builds the JSON document, budget lines and the printed table', () => {
		const doc: BenchDocument = {
			schema: 'modelboard-bench/1',
			startedAt: new Date().toISOString(),
			finishedAt: new Date().toISOString(),
			argv: [],
			machine: {
				cores: os.cpus().length,
				cpuModel: 'test',
				memoryGiB: os.totalmem() / 1024 ** 3,
				platform: os.platform(),
				loadAverageStart: os.loadavg(),
				loadAverageEnd: os.loadavg()
			},
			versions: {
				node: process.version,
				chromium: null,
				duckdbWasm: null,
				duckdbWasmEngine: null,
				nodeApi: null,
				nodeApiEngine: null,
				papaparse: null,
				playwrightCore: null
			},
			transfer: null,
			shell: summariseShell([size], []),
			sizes: [size],
			tenM: null,
			secondVisit: null,
			threads: null,
			budgets: computeBudgets([size], null),
			ratios: { [size.label]: size.leadsScenario.ratios },
			notes: []
		};
		const parsed = JSON.parse(JSON.stringify(doc)) as BenchDocument;
		expect(parsed.sizes[0].label).toBe('20k');
		expect(parsed.budgets.length).toBeGreaterThanOrEqual(6);
		for (const b of parsed.budgets) expect(b.pass).toBeNull(); // 1m not measured here
		expect(Object.keys(parsed.ratios['20k'])).toContain('papaparse_over_ours_to_funnel');
		const lines: string[] = [];
		printReport(parsed, (l) => lines.push(l));
		expect(lines.some((l) => l.includes('engine ingest, 1 thread'))).toBe(true);
		expect(lines.some((l) => l.includes('papaparse → objects + JS loops (Chromium main thread)'))).toBe(true);
		expect(lines.some((l) => l.includes('Budgets (informational'))).toBe(true);
	});
});

describe('bench transfer sizes', () => {
	it('gzips what a fake build’s index.html references, and the wasm files', () => {
		const dir = path.join(tmp, 'build');
		const put = (rel: string, text: string) => {
			mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
			writeFileSync(path.join(dir, rel), text);
		};
		const js = 'export const x = [' + '1, 2, 3, '.repeat(2000) + '];\n';
		put('_app/immutable/entry/start.A1.js', js);
		put('_app/immutable/entry/app.B2.js', js);
		put('_app/immutable/chunks/c3.js', js);
		put('_app/immutable/assets/0.css', 'body { color: red; }\n'.repeat(100));
		put('_app/immutable/assets/duckdb-eh.X.wasm', 'wasm'.repeat(10_000));
		put('_app/immutable/assets/duckdb-browser-eh.worker.Y.js', js);
		put(
			'index.html',
			`<!doctype html><html><head>
			<link href="./_app/immutable/entry/start.A1.js" rel="modulepreload">
			<link href="./_app/immutable/chunks/c3.js" rel="modulepreload">
			<link href="./_app/immutable/assets/0.css" rel="stylesheet">
			<link href="https://cdn.example.com/x.js" rel="modulepreload">
			</head><body><script>
			Promise.all([import("./_app/immutable/entry/start.A1.js"), import("./_app/immutable/entry/app.B2.js")]);
			</script></body></html>`
		);
		const refs = referencedAssets(readFileSync(path.join(dir, 'index.html'), 'utf8'));
		expect(refs.js.sort()).toEqual([
			'_app/immutable/chunks/c3.js',
			'_app/immutable/entry/app.B2.js',
			'_app/immutable/entry/start.A1.js'
		]);
		const t = transferSizes(dir);
		expect(t.js).toHaveLength(3);
		expect(t.css).toHaveLength(1);
		expect(t.wasm).toHaveLength(1);
		expect(t.workers).toHaveLength(1);
		for (const a of [...t.js, ...t.css, ...t.wasm, t.html]) {
			positive(a.raw);
			positive(a.gzip);
			expect(a.gzip).toBeLessThan(a.raw);
		}
		positive(t.totals.jsGzip);
		expect(t.totals.jsRaw).toBe(3 * Buffer.byteLength(js));
	});
});

const BUILD = path.join(ROOT, 'build');
describe.skipIf(!process.env.BENCH_SMOKE_BROWSER || !existsSync(path.join(BUILD, 'index.html')))(
	'bench browser part (BENCH_SMOKE_BROWSER=1)',
	() => {
		it('loads 20k leads in headless Chromium and measures every figure once', async () => {
			const served = await serveBuild(BUILD, builtBase(BUILD));
			try {
				const [run] = await runBrowser({
					url: served.url,
					files: [size.leadsScenario.file.path],
					interactions: true,
					runs: 1,
					samples: 1
				});
				expect(run.error).toBeNull();
				expect(run.outcome).toBe('dashboard');
				for (const k of ['ingestMs', 'dashboardMs', 'wasmStartupMs', 'peakMemoryMiB'] as const)
					positive(run[k]);
				positive(run.shell.interactiveMs);
				expect(run.filterMs).toHaveLength(1);
				expect(run.brushMs).toHaveLength(1);
				expect(run.funnel?.lead).toBe(20_000);
				const papa = await runPapaInBrowser(
					{ kind: 'papa', file: size.leadsScenario.file.path, scenario: 'leads' },
					undefined
				);
				expect(papa.rows).toBe(20_000);
				positive(papa.totalMs);
				expect(papa.funnel).toEqual(run.funnel);
			} finally {
				await served.close();
			}
		}, 120_000);
	}
);
