/**
 * How far one file's load is, told at the pipeline's step boundaries: each step, once finished, stands
 * for the share of the work the steps up to it take. The shares were measured on the bench's 1M-lead
 * file (1 thread, bench/README.md "Where the time goes", 2026-11-30, 8.9 s in all): decode and sniff
 * 1.36 s, read 2.28 s, row count (blank, summary and rejected rows) 0.71 s, typing with its probes
 * 3.97 s, value and quality checks with the column contributions 0.43 s, merge and data span 0.68 s.
 * So a step's figure is when it is done, never a guess made in the middle of a DuckDB statement: the bar
 * moves in steps, monotonically, and reaches 1 only once the merge is done.
 */
export type LoadStep = 'decoded' | 'read' | 'counted' | 'typed' | 'checked' | 'merged';

const SECONDS: Record<LoadStep, number> = {
	decoded: 1.36,
	read: 2.28,
	counted: 0.71,
	typed: 3.97,
	checked: 0.43,
	merged: 0.68
};
const ORDER: LoadStep[] = ['decoded', 'read', 'counted', 'typed', 'checked', 'merged'];
const TOTAL = ORDER.reduce((s, k) => s + SECONDS[k], 0);

/** Share of one file's load done once `step` is finished (0..1, 1 after the merge). */
export function stepDone(step: LoadStep): number {
	const upTo = ORDER.slice(0, ORDER.indexOf(step) + 1).reduce((s, k) => s + SECONDS[k], 0);
	return step === 'merged' ? 1 : upTo / TOTAL;
}

/** Told after each step of one file's load. */
export type OnProgress = (step: LoadStep) => void;
