/**
 * Serves the built site with scripts/serve.mjs (GitHub-Pages-like, under a sub-path) on a free port of
 * 127.0.0.1, for the browser runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './util';

export interface Served {
	/** e.g. http://127.0.0.1:41234/modelboard/ */
	url: string;
	base: string;
	close(): Promise<void>;
}

/** The base path a build was made for, from SvelteKit's start script (`assets: "/modelboard"`). */
export function builtBase(buildDir: string): string {
	const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8');
	return /assets:\s*"([^"]*)"/.exec(html)?.[1] ?? '';
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

export async function serveBuild(buildDir: string, base = '/modelboard', port?: number): Promise<Served> {
	const p = port ?? (await freePort());
	const child: ChildProcess = spawn(
		process.execPath,
		[path.join(ROOT, 'scripts', 'serve.mjs'), '--dir', buildDir, '--base', base, '--port', String(p)],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let stderr = '';
	child.stderr?.on('data', (d) => (stderr += d));
	const url = `http://127.0.0.1:${p}${base}/`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`serve.mjs exited (${child.exitCode}): ${stderr}`);
		try {
			const res = await fetch(url);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`serve.mjs did not answer at ${url}: ${stderr}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		base,
		close: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill();
			})
	};
}
