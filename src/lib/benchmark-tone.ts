/** The good / bad colour of a value against its benchmark range, as the KPI tiles read it. */
import { status, type BenchmarkDef } from '$lib/engine/benchmarks/defaults';

export function benchTone(value: unknown, def: BenchmarkDef): 'good' | 'bad' | null {
	const s = status(typeof value === 'number' ? value : null, def);
	if (s === null) return null;
	if (s === 'within') return 'good';
	return (s === 'below') === (def.better === 'higher') ? 'bad' : 'good';
}
