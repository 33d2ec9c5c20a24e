/**
 * The shape of the source tree: no import cycle anywhere in `src/`, and layers that point one way —
 * engine ← state ← components/charts ← routes (type-only imports count too).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const LIB = join(SRC, 'lib');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? walk(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
	});
}

function resolveImport(from: string, spec: string): string | null {
	const base = spec.startsWith('$lib/')
		? join(LIB, spec.slice(5))
		: spec.startsWith('.')
			? resolve(dirname(from), spec)
			: null;
	if (!base) return null;
	for (const c of [base, `${base}.ts`, `${base}/index.ts`])
		if (existsSync(c) && statSync(c).isFile()) return c;
	return null;
}

const IMPORT =
	/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const files = walk(SRC);
const graph = new Map(
	files.map((f) => {
		const text = readFileSync(f, 'utf8');
		const deps = [...text.matchAll(IMPORT)]
			.map((m) => resolveImport(f, m[1] ?? m[2] ?? m[3]))
			.filter((d): d is string => d !== null);
		return [f, [...new Set(deps)]];
	})
);
const rel = (f: string) => relative(SRC, f);

describe('source layout', () => {
	it('has no import cycle', () => {
		const state = new Map<string, 'open' | 'done'>();
		const cycles: string[] = [];
		const visit = (f: string, path: string[]) => {
			if (state.get(f) === 'done') return;
			if (state.get(f) === 'open') {
				cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
				return;
			}
			state.set(f, 'open');
			for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
			state.set(f, 'done');
		};
		for (const f of files) visit(f, []);
		expect(cycles).toEqual([]);
	});

	it('layers point one way', () => {
		const rules: [string, string[]][] = [
			['lib/engine/', ['lib/state/', 'lib/components/', 'lib/charts/', 'routes/', 'lib/i18n/']],
			['lib/state/', ['lib/components/', 'lib/charts/', 'routes/']],
			['lib/components/', ['routes/']],
			['lib/charts/', ['routes/']]
		];
		const wrong: string[] = [];
		for (const [f, deps] of graph) {
			for (const [layer, banned] of rules) {
				if (!rel(f).startsWith(layer)) continue;
				for (const d of deps)
					if (banned.some((b) => rel(d).startsWith(b))) wrong.push(`${rel(f)} → ${rel(d)}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('sees the imports it checks', () => {
		expect(graph.get(join(LIB, 'state/view.ts'))?.map(rel)).toContain('lib/state/view-schema.ts');
		expect(graph.get(join(SRC, 'routes/+layout.svelte'))?.map(rel)).toContain('lib/state/data.svelte.ts');
	});
});
