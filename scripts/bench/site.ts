/** The built site the benchmark serves: is it current, (re)building it, and the wasm engine's version. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './util';

const log = (m: string) => process.stderr.write(m + '\n');

export function newestMtime(dir: string): number {
	let newest = 0;
	for (const name of readdirSync(dir)) {
		const p = path.join(dir, name);
		const st = statSync(p);
		newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
	}
	return newest;
}

export function buildSite(buildDir: string): void {
	log('building the site: BASE_PATH=/modelboard npx vite build …');
	const r = spawnSync('npx', ['vite', 'build'], {
		cwd: ROOT,
		env: { ...process.env, BASE_PATH: '/modelboard' },
		stdio: ['ignore', 'ignore', 'pipe'],
		encoding: 'utf8'
	});
	if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr.slice(-2000)}`);
	if (!existsSync(path.join(buildDir, 'index.html')))
		throw new Error(`vite build did not write ${buildDir}/index.html (is --build the adapter's output?)`);
}

export async function wasmEngineVersion(): Promise<string | null> {
	try {
		const { createNodeDb } = await import('../../src/lib/engine/db/node');
		const db = await createNodeDb();
		const [r] = await db.query('SELECT version() AS v');
		return String(r.v);
	} catch {
		return null;
	}
}
