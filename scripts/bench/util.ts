/**
 * Small helpers shared by the benchmark's parts (scripts/bench.ts): statistics, formatting, sizes, paths.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/bench/ → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const MiB = 1024 * 1024;

/** Median of the finite numbers in `xs`; null when there are none. */
export function median(xs: readonly (number | null | undefined)[]): number | null {
	const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return null;
	const mid = v.length >> 1;
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function ratio(num: number | null | undefined, den: number | null | undefined): number | null {
	if (num == null || den == null || !Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return null;
	return num / den;
}

/** 1234.5 ms → "1.23 s", 45.2 → "45 ms"; null → "–". */
export function fmtMs(ms: number | null | undefined): string {
	if (ms == null || !Number.isFinite(ms)) return '–';
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function fmtMiB(mib: number | null | undefined): string {
	return mib == null || !Number.isFinite(mib) ? '–' : `${Math.round(mib)} MiB`;
}

export function fmtBytes(bytes: number | null | undefined): string {
	if (bytes == null || !Number.isFinite(bytes)) return '–';
	if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
	return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function fmtRatio(r: number | null | undefined): string {
	return r == null || !Number.isFinite(r) ? '–' : `${r.toFixed(2)}×`;
}

/** "20k" → 20000, "1m" → 1000000, "1_000" / "1e6" → numbers. */
export function parseSize(text: string): number {
	const t = text.trim().toLowerCase().replaceAll('_', '');
	const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(t);
	const n = m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1) : Number(t);
	if (!Number.isInteger(n) || n < 10) throw new Error(`Not a row count: "${text}" (use e.g. 20k, 100k, 1m)`);
	return n;
}

/** 1000000 → "1m", 100000 → "100k", 12345 → "12345". */
export function sizeLabel(n: number): string {
	if (n % 1_000_000 === 0) return `${n / 1_000_000}m`;
	if (n % 1000 === 0) return `${n / 1000}k`;
	return String(n);
}

/** A memory line of a process's /proc status (`VmRSS`: resident now, `VmHWM`: peak), in MiB; null if unreadable. */
function procMiB(pid: number, line: 'VmRSS' | 'VmHWM'): number | null {
	try {
		const m = new RegExp(`^${line}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : null;
	} catch {
		return null;
	}
}

export const vmRssMiB = (pid: number) => procMiB(pid, 'VmRSS');
export const vmHwmMiB = (pid: number) => procMiB(pid, 'VmHWM');

export function packageVersion(name: string): string | null {
	try {
		const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
		return String(pkg.version);
	} catch {
		return null;
	}
}

/** Lines of a fixed-width table; the first row is the header. CJK-free input assumed. */
export function table(rows: string[][], alignRight: (col: number) => boolean = (c) => c > 0): string[] {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	const line = (r: string[]) =>
		r.map((cell, c) => (alignRight(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
	return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
