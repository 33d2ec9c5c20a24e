/**
 * The benchmark's input files, made with the seeded demo generator (scripts/gen-demo.ts) and cached
 * under bench/data/ keyed by lead count and seed (same arguments, same bytes). A `.complete` marker is
 * written last, so an interrupted generation is redone rather than half-used; it records the leads
 * header, so a cache from a generator with other columns is made again.
 */
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { LEADS_HEADER } from '../demo-data';
import { ROOT } from './util';

export const DEFAULT_DATA_DIR = path.join(ROOT, 'bench', 'data');

export interface DataSet {
	dir: string;
	leads: number;
	seed: number;
	/** leads.csv: UTF-8 with BOM, Japanese headers, `2025/04/01` dates. */
	leadsCsv: string;
	/** activities.csv (Shift_JIS), when generated with activities. */
	activitiesCsv: string | null;
	bytes: { leads: number; activities: number | null };
	/** Data rows (lines minus the header). */
	rows: { leads: number; activities: number | null };
	/** Seconds the generator took; 0 when the files came from the cache. */
	generatedSeconds: number;
}

interface Marker {
	leads: number;
	seed: number;
	activities: boolean;
	rows: { leads: number; activities: number | null };
	/** The generator's leads header: a cache written with other columns is made again. */
	header?: string;
}

function isCurrent(markerFile: string): boolean {
	if (!existsSync(markerFile)) return false;
	return (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker).header === LEADS_HEADER;
}

/** Counts line breaks (every row ends with one), in 4 MiB chunks. */
export function countLines(file: string): number {
	const fd = openSync(file, 'r');
	const buf = Buffer.alloc(4 << 20);
	let n = 0;
	try {
		for (let got; (got = readSync(fd, buf, 0, buf.length, null)) > 0;) {
			for (let i = buf.indexOf(10); i !== -1 && i < got; i = buf.indexOf(10, i + 1)) n++;
		}
	} finally {
		closeSync(fd);
	}
	return n;
}

/**
 * The data set for `leads` leads (generating it if it is not cached). `activities: false` passes
 * `--no-activities` (leads.csv only, much faster); customers are never generated (not benchmarked).
 */
export function ensureDataset(opts: {
	leads: number;
	seed: number;
	activities: boolean;
	dataDir?: string;
	log?: (m: string) => void;
}): DataSet {
	const { leads, seed, activities } = opts;
	const dir = path.join(
		opts.dataDir ?? DEFAULT_DATA_DIR,
		`${activities ? 'full' : 'leads'}-${leads}-seed${seed}`
	);
	const markerFile = path.join(dir, '.complete');
	let generatedSeconds = 0;
	if (!isCurrent(markerFile)) {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		opts.log?.(
			`generating ${leads} leads${activities ? ' with activities' : ''} (seed ${seed}) into ${path.relative(ROOT, dir) || dir} …`
		);
		const started = performance.now();
		const args = [
			'--import',
			'tsx',
			path.join(ROOT, 'scripts', 'gen-demo.ts'),
			'--leads',
			String(leads),
			'--seed',
			String(seed),
			'--out',
			dir,
			'--no-customers',
			'--no-verify',
			...(activities ? [] : ['--no-activities'])
		];
		const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
		if (r.status !== 0)
			throw new Error(`gen-demo failed (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(0, 2000)}`);
		generatedSeconds = (performance.now() - started) / 1000;
		const marker: Marker = {
			leads,
			seed,
			activities,
			rows: {
				leads: countLines(path.join(dir, 'leads.csv')) - 1,
				activities: activities ? countLines(path.join(dir, 'activities.csv')) - 1 : null
			},
			header: LEADS_HEADER
		};
		writeFileSync(markerFile, JSON.stringify(marker) + '\n');
	}
	const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
	const leadsCsv = path.join(dir, 'leads.csv');
	const activitiesCsv = activities ? path.join(dir, 'activities.csv') : null;
	return {
		dir,
		leads,
		seed,
		leadsCsv,
		activitiesCsv,
		bytes: {
			leads: statSync(leadsCsv).size,
			activities: activitiesCsv ? statSync(activitiesCsv).size : null
		},
		rows: marker.rows,
		generatedSeconds
	};
}
