/**
 * What the built site costs to download: the first page's JS and CSS (everything build/index.html
 * references: module preloads, `import("…")` in its inline start script, stylesheets), gzip-compressed
 * with zlib as a static host would serve them, and the DuckDB wasm files raw and gzip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

export interface AssetSize {
	/** Path relative to the build directory. */
	file: string;
	raw: number;
	gzip: number;
}

export interface TransferSizes {
	html: AssetSize;
	js: AssetSize[];
	css: AssetSize[];
	wasm: AssetSize[];
	/** The DuckDB worker scripts (loaded with the wasm, after the page is idle). */
	workers: AssetSize[];
	totals: { jsRaw: number; jsGzip: number; cssRaw: number; cssGzip: number };
}

/** gzip -9, what `gzip_static` or a CDN's maximum compression gives. */
export function gzipSize(bytes: Uint8Array): number {
	return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

function sizeOf(buildDir: string, rel: string): AssetSize {
	const bytes = readFileSync(path.join(buildDir, rel));
	return { file: rel, raw: bytes.length, gzip: gzipSize(bytes) };
}

/** `./_app/x.js`, `/modelboard/_app/x.js` or `_app/x.js` → `_app/x.js` relative to the build dir. */
function localPath(ref: string, base: string): string | null {
	if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) return null; // another origin
	let p = ref.split(/[?#]/)[0];
	if (base && p.startsWith(base + '/')) p = p.slice(base.length);
	return p.replace(/^\.?\//, '');
}

/** The JS and CSS files an HTML page references (first-page cost, without what loads later). */
export function referencedAssets(html: string, base = ''): { js: string[]; css: string[] } {
	const js = new Set<string>();
	const css = new Set<string>();
	const attr = (tag: string, name: string) =>
		new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
			.exec(tag)
			?.slice(1)
			.find(Boolean);
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attr(tag, 'href');
		if (!href) continue;
		const p = localPath(href, base);
		if (!p) continue;
		if (rel.includes('modulepreload') || (rel.includes('preload') && /\.m?js$/.test(p))) js.add(p);
		else if (rel.includes('stylesheet')) css.add(p);
	}
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attr(`<script ${m[1]}>`, 'src');
		if (src) {
			const p = localPath(src, base);
			if (p) js.add(p);
		}
		for (const im of m[2].matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
			const p = localPath(im[1], base);
			if (p) js.add(p);
		}
	}
	return { js: [...js], css: [...css] };
}

function listFiles(dir: string, test: (name: string) => boolean, rel = ''): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		const r = rel ? `${rel}/${name}` : name;
		if (statSync(full).isDirectory()) out.push(...listFiles(full, test, r));
		else if (test(name)) out.push(r);
	}
	return out.sort();
}

export function transferSizes(buildDir: string, base = ''): TransferSizes {
	const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8');
	const refs = referencedAssets(html, base);
	const exists = (p: string) => existsSync(path.join(buildDir, p));
	const js = refs.js.filter(exists).map((p) => sizeOf(buildDir, p));
	const css = refs.css.filter(exists).map((p) => sizeOf(buildDir, p));
	const wasm = listFiles(buildDir, (n) => n.endsWith('.wasm')).map((p) => sizeOf(buildDir, p));
	const workers = listFiles(buildDir, (n) => /duckdb.*worker.*\.js$/.test(n)).map((p) => sizeOf(buildDir, p));
	const sum = (xs: AssetSize[], k: 'raw' | 'gzip') => xs.reduce((a, x) => a + x[k], 0);
	return {
		html: { file: 'index.html', raw: Buffer.byteLength(html), gzip: gzipSize(Buffer.from(html)) },
		js,
		css,
		wasm,
		workers,
		totals: {
			jsRaw: sum(js, 'raw'),
			jsGzip: sum(js, 'gzip'),
			cssRaw: sum(css, 'raw'),
			cssGzip: sum(css, 'gzip')
		}
	};
}

/** Raw and gzip size of build files by path (for the JS the page actually fetched before a drop). */
export function sizesOf(buildDir: string, rels: string[]): AssetSize[] {
	return rels.filter((p) => existsSync(path.join(buildDir, p))).map((p) => sizeOf(buildDir, p));
}
