#!/usr/bin/env node
/**
 * A tiny static server that behaves like GitHub Pages: serves a folder under a sub-path, `dir/` →
 * `dir/index.html`, 404 otherwise. Used by the e2e tests and the benchmark (127.0.0.1 only).
 *   node scripts/serve.mjs [--dir build] [--base /modelboard] [--port 4173] [--config other-config.json]
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : dflt;
};
const dir = path.resolve(opt('dir', 'build'));
const base = opt('base', process.env.BASE_PATH ?? '');
const port = Number(opt('port', '4173'));
// Serve another organisation config in place of the built one (tests of a fork's config).
const configOverride = opt('config', null);
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.csv': 'text/csv; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

function resolve(urlPath) {
	if (!urlPath.startsWith(base + '/') && urlPath !== base) return null;
	let rel = decodeURIComponent(urlPath.slice(base.length)) || '/';
	const file = path.normalize(path.join(dir, rel));
	if (!file.startsWith(dir)) return null;
	try {
		const st = statSync(file);
		if (st.isDirectory()) {
			const index = path.join(file, 'index.html');
			statSync(index);
			return index;
		}
		return file;
	} catch {
		try {
			statSync(file + '.html');
			return file + '.html';
		} catch {
			return null;
		}
	}
}

createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const file =
		configOverride && url.pathname === `${base}/modelboard.config.json`
			? path.resolve(configOverride)
			: resolve(url.pathname);
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		return;
	}
	const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
	const immutable = file.includes(`${path.sep}immutable${path.sep}`);
	res.writeHead(200, {
		'content-type': type,
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
	});
	createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => {
	console.log(`serving ${dir} at http://127.0.0.1:${port}${base}/`);
});
