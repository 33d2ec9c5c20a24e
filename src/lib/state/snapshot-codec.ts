/**
 * The snapshot format: what a page showed (its named queries' results, keyed as the query client keys
 * them), the view and where it came from, written as JSON, compressed with deflate-raw and base64url'd
 * into a link's fragment (`#s=…`, never sent to a server). Decoding never throws: a damaged, truncated
 * or future-version snapshot comes back as a problem code. Framework-free, so Node tests run it as is.
 */

/** The format this code writes; a snapshot with a higher number was made by a newer Modelboard. */
export const SNAPSHOT_VERSION = 1;
/** A link longer than this is cut by common chat tools: offer the review pack instead. */
export const SNAPSHOT_URL_CAP = 32_768;
/** Decoding limits: the fragment's length and the decompressed JSON's (a deflate bomb stops here). */
const MAX_FRAGMENT = 4 * SNAPSHOT_URL_CAP;
const MAX_JSON = 8_000_000;

export interface Snapshot {
	v: number;
	/** When it was made (ISO 8601 timestamp). */
	made: string;
	/** The interface language it was made in. */
	lang: 'ja' | 'en';
	/** The page, relative to the site's base (`/`, `/funnel/`, …), and the view's query string. */
	path: string;
	query: string;
	/** The dataset's fingerprint and the names of its files (never their contents). */
	fp: string | null;
	files: string[];
	/** The dataset's date span (presets such as "this quarter" resolve against it). */
	span: { from: string; to: string };
	/** Row-level results the author chose to include (by query name), and those left out. */
	rows: string[];
	omitted: string[];
	/** Query key → result, as shown on the page. */
	results: Record<string, unknown>;
	/**
	 * The pages whose results it carries, when more than `path` (a review pack's). Optional: a version-1
	 * reader that predates it keeps the snapshot's `path` page and ignores the rest.
	 */
	pages?: string[];
}

export type SnapshotProblem =
	'snapshot.truncated' | 'snapshot.invalid' | 'snapshot.future' | 'snapshot.fileNotPack';

// ---- values: JSON plus what JSON cannot carry (NaN, ±Infinity, -0, undefined, bigint) -------------
// Marked strings start with U+0000, which no figure, label or filter value here contains; a string that
// does start with it is escaped, so every value survives the round trip exactly.
const MARK = '\u0000';

function pack(v: unknown): unknown {
	if (typeof v === 'number') {
		if (Number.isNaN(v)) return `${MARK}n`;
		if (v === Infinity) return `${MARK}+`;
		if (v === -Infinity) return `${MARK}-`;
		if (Object.is(v, -0)) return `${MARK}0`;
		return v;
	}
	if (v === undefined) return `${MARK}u`;
	if (typeof v === 'bigint') return `${MARK}b${v}`;
	if (typeof v === 'string') return v.startsWith(MARK) ? `${MARK}s${v}` : v;
	if (v === null || typeof v !== 'object') return v ?? null;
	if (Array.isArray(v)) return v.map(pack);
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(v)) out[k] = pack(x);
	return out;
}

function unpack(v: unknown): unknown {
	if (typeof v === 'string') {
		if (!v.startsWith(MARK)) return v;
		const tag = v.slice(1, 2);
		if (tag === 'n') return NaN;
		if (tag === '+') return Infinity;
		if (tag === '-') return -Infinity;
		if (tag === '0') return -0;
		if (tag === 'u') return undefined;
		if (tag === 'b' && /^-?\d{1,400}$/.test(v.slice(2))) return BigInt(v.slice(2));
		if (tag === 's') return v.slice(2);
		throw new SyntaxError('bad mark');
	}
	if (v === null || typeof v !== 'object') return v;
	if (Array.isArray(v)) return v.map(unpack);
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(v)) {
		// A plain data object: no prototype tricks from a crafted snapshot.
		if (k === '__proto__') continue;
		out[k] = unpack(x);
	}
	return out;
}

// ---- bytes ------------------------------------------------------------------------------------------
async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, cap: number) {
	const writer = stream.writable.getWriter();
	// Errors surface on the reading side; the writer's own promises are not awaited.
	writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
	writer.close().catch(() => {});
	const reader = stream.readable.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > cap) {
			await reader.cancel().catch(() => {});
			throw new RangeError('too large');
		}
		parts.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

export function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

/** The fragment's payload (without `#s=`). */
export async function encodeSnapshot(s: Snapshot): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(pack(s)));
	return toBase64Url(await through(json, new CompressionStream('deflate-raw'), Infinity));
}

// ---- checking what came in ---------------------------------------------------------------------------
const isObj = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isPath = (v: unknown): v is string => isText(v, 40) && /^\/([a-z-]+\/)?$/.test(v);
const isTexts = (v: unknown, max: number): v is string[] =>
	Array.isArray(v) && v.length <= 200 && v.every((x) => isText(x, max));

/** A snapshot's fields, checked one by one; anything unexpected makes the whole snapshot invalid. */
export function checkSnapshot(raw: unknown): Snapshot | SnapshotProblem {
	if (!isObj(raw) || typeof raw.v !== 'number') return 'snapshot.invalid';
	if (raw.v > SNAPSHOT_VERSION) return 'snapshot.future';
	if (raw.v !== SNAPSHOT_VERSION) return 'snapshot.invalid';
	const { made, lang, path, query, fp, files, span, rows, omitted, results, pages } = raw;
	const ok =
		isText(made, 40) &&
		!Number.isNaN(Date.parse(made)) &&
		(lang === 'ja' || lang === 'en') &&
		isPath(path) &&
		(pages === undefined || (Array.isArray(pages) && pages.length <= 20 && pages.every(isPath))) &&
		isText(query, 8000) &&
		(fp === null || (isText(fp, 16) && /^[0-9a-z]+$/.test(fp))) &&
		isTexts(files, 300) &&
		isObj(span) &&
		isIso(span.from) &&
		isIso(span.to) &&
		isTexts(rows, 40) &&
		isTexts(omitted, 40) &&
		isObj(results);
	if (!ok) return 'snapshot.invalid';
	const dates = span as { from: string; to: string };
	return {
		v: raw.v,
		made,
		lang,
		path,
		query,
		fp,
		files,
		span: { from: dates.from, to: dates.to },
		rows,
		omitted,
		results,
		...(pages === undefined ? {} : { pages: [...new Set(pages as string[])] })
	};
}

/**
 * The snapshot in a fragment payload, or what is wrong with it. Never throws. `maxLength`: a link's
 * fragment is bounded by what a URL can carry; a pack file's block may be longer.
 */
export async function decodeSnapshot(
	payload: string,
	maxLength = MAX_FRAGMENT
): Promise<Snapshot | SnapshotProblem> {
	try {
		if (payload.length === 0 || payload.length > maxLength) return 'snapshot.truncated';
		// No base64 text has this length: the link was cut one character into a group.
		if (/^[A-Za-z0-9_-]*$/.test(payload) && payload.length % 4 === 1) return 'snapshot.truncated';
		const bytes = fromBase64Url(payload);
		if (!bytes) return 'snapshot.invalid';
		let json: Uint8Array;
		try {
			json = await through(bytes, new DecompressionStream('deflate-raw'), MAX_JSON);
		} catch {
			return 'snapshot.truncated';
		}
		const text = new TextDecoder('utf-8', { fatal: true }).decode(json);
		return checkSnapshot(unpack(JSON.parse(text)));
	} catch {
		return 'snapshot.invalid';
	}
}

/** The payload of a location hash (`#s=…`), or null when the hash carries no snapshot. */
export function snapshotPayload(hash: string): string | null {
	return hash.startsWith('#s=') ? hash.slice(3) : null;
}

// ---- snapshot files: a review pack carries its snapshot in a data block --------------------------------
/**
 * The element a review pack keeps its snapshot in: a `<template>` (inert, never executed or rendered)
 * holding the same base64url payload a link's fragment does.
 */
export const PACK_BLOCK_ID = 'modelboard-snapshot';

/** The data block of a pack for `payload` (base64url only, so nothing in it can be markup). */
export function packBlock(payload: string): string {
	return `<template id="${PACK_BLOCK_ID}" data-format="deflate-raw+base64url">${payload}</template>`;
}

/** Files up to this size are read as possible packs; a larger one is no pack this code writes. */
export const MAX_PACK_BYTES = 64_000_000;
/** A pack's snapshot block may be longer than a link's fragment (several pages, long tables). */
const MAX_PACK_PAYLOAD = 8_000_000;

/** The file looks like a page (a review pack, or another HTML file), not a table export. */
export function looksLikeHtml(name: string, head: string): boolean {
	return /\.html?$/i.test(name) || /^\uFEFF?\s*<(!doctype\s+html|html)[\s>]/i.test(head);
}

/** The snapshot payload a pack's text carries, or null when it carries none. */
export function packPayload(text: string): string | null {
	const m = new RegExp(`<template id="${PACK_BLOCK_ID}"[^>]*>([A-Za-z0-9_-]*)</template>`).exec(text);
	return m ? m[1] : null;
}

/** The snapshot in a dropped file's text (a review pack), or what is wrong with it. Never throws. */
export async function decodeSnapshotFile(text: string): Promise<Snapshot | SnapshotProblem> {
	const payload = packPayload(text);
	// A pack whose data block was cut or edited into something else is damaged, not "not a pack".
	if (payload === null) return text.includes(PACK_BLOCK_ID) ? 'snapshot.invalid' : 'snapshot.fileNotPack';
	return decodeSnapshot(payload, MAX_PACK_PAYLOAD);
}
