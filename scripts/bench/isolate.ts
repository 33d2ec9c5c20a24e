/**
 * Runs a native or papaparse job in a child process (scripts/bench/child.ts) and returns its result
 * with the child's peak memory. A crash (out of memory, killed on timeout) becomes `{ error }`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { NativeJob, NativeResult } from './native';
import type { PapaJob, PapaResult } from './papa';
import { ROOT } from './util';

export const RESULT_MARKER = '__MB_BENCH_RESULT__';

export interface Isolated<T> {
	result: T | null;
	error: string | null;
	maxRssMiB: number | null;
}

export function runIsolated(job: NativeJob, timeoutMs?: number): Promise<Isolated<NativeResult>>;
export function runIsolated(job: PapaJob, timeoutMs?: number): Promise<Isolated<PapaResult>>;
export function runIsolated(
	job: NativeJob | PapaJob,
	timeoutMs = 15 * 60_000
): Promise<Isolated<NativeResult | PapaResult>> {
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'child.ts'), JSON.stringify(job)],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
			if (line) {
				const out = JSON.parse(line.slice(RESULT_MARKER.length));
				resolve({ result: out.result ?? null, error: out.error ?? null, maxRssMiB: out.maxRssMiB ?? null });
				return;
			}
			const oom = /heap out of memory|Allocation failed/i.test(stderr);
			const why = oom
				? 'JavaScript heap out of memory'
				: signal
					? `killed (${signal}${signal === 'SIGKILL' ? ', timeout or out of memory' : ''})`
					: `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
			resolve({ result: null, error: why, maxRssMiB: null });
		});
	});
}
