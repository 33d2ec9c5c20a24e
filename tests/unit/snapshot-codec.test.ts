/**
 * The snapshot format: every value a query can return survives the round trip exactly (NaN, -0,
 * undefined members, bigint, strings that look like the format's marks), and the decoder never throws:
 * damaged, truncated, tampered and future-version payloads come back as problem codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkSnapshot,
	decodeSnapshot,
	decodeSnapshotFile,
	encodeSnapshot,
	fromBase64Url,
	looksLikeHtml,
	packBlock,
	SNAPSHOT_VERSION,
	toBase64Url,
	type Snapshot
} from '../../src/lib/state/snapshot-codec';

const base = (results: Record<string, unknown> = {}): Snapshot => ({
	v: SNAPSHOT_VERSION,
	made: '2026-11-30T10:00:00.000Z',
	lang: 'ja',
	path: '/funnel/',
	query: 'range=fq&fp=abc',
	fp: 'abc',
	files: ['リード.csv', 'activities.csv'],
	span: { from: '2025-04-01', to: '2026-11-24' },
	rows: [],
	omitted: ['staleDeals'],
	results
});

/** Deflate-raw and base64url, as the encoder writes, of any text (to craft payloads). */
async function craft(text: string): Promise<string> {
	const cs = new CompressionStream('deflate-raw');
	const out = new Response(new Blob([text]).stream().pipeThrough(cs));
	return toBase64Url(new Uint8Array(await out.arrayBuffer()));
}

describe('snapshot round trip', () => {
	it('keeps figures exactly, including what JSON cannot carry', async () => {
		const results = {
			'funnel {"from":"2025-04-01"} null': {
				steps: [{ stage: 'lead', count: 1234, rate: 0.1 + 0.2 }],
				nan: NaN,
				inf: Infinity,
				ninf: -Infinity,
				negZero: -0,
				missing: undefined,
				big: 12345678901234567890n,
				marked: '\u0000n looks like a mark',
				tiny: 5e-324,
				arr: [undefined, null, 1]
			}
		};
		const back = await decodeSnapshot(await encodeSnapshot(base(results)));
		expect(typeof back).toBe('object');
		const r = (back as Snapshot).results['funnel {"from":"2025-04-01"} null'] as Record<string, unknown>;
		expect(r.steps).toEqual([{ stage: 'lead', count: 1234, rate: 0.30000000000000004 }]);
		expect(Number.isNaN(r.nan)).toBe(true);
		expect(r.inf).toBe(Infinity);
		expect(r.ninf).toBe(-Infinity);
		expect(Object.is(r.negZero, -0)).toBe(true);
		expect('missing' in r && r.missing === undefined).toBe(true);
		expect(r.big).toBe(12345678901234567890n);
		expect(r.marked).toBe('\u0000n looks like a mark');
		expect(r.tiny).toBe(5e-324);
		expect(r.arr).toEqual([undefined, null, 1]);
		expect({ ...(back as Snapshot), results: {} }).toEqual(base());
	});

	it('round-trips any JSON-like result (property)', async () => {
		await fc.assert(
			// `__proto__` members are dropped on purpose (tested below), so they are not generated here.
			fc.asyncProperty(
				fc.dictionary(fc.string(), fc.jsonValue()).filter((r) => !JSON.stringify(r).includes('"__proto__"')),
				async (results) => {
					const back = await decodeSnapshot(await encodeSnapshot(base(results)));
					expect((back as Snapshot).results).toEqual(results);
				}
			),
			{ numRuns: 300, seed: 15 }
		);
	});
});

describe('damaged snapshots', () => {
	it('names truncation, tampering and a future version', async () => {
		const good = await encodeSnapshot(base({ k: 1 }));
		expect(await decodeSnapshot(good.slice(0, Math.floor(good.length / 2)))).toBe('snapshot.truncated');
		expect(await decodeSnapshot('')).toBe('snapshot.truncated');
		// Cut anywhere: always "incomplete", never "damaged".
		for (const n of [1, 2, 3, 4, 5, 50, good.length - 1])
			expect(await decodeSnapshot(good.slice(0, n))).toBe('snapshot.truncated');
		expect(await decodeSnapshot('not base64!')).toBe('snapshot.invalid');
		expect(await decodeSnapshot(await craft('{"v":2}'))).toBe('snapshot.future');
		expect(await decodeSnapshot(await craft('{"v":0}'))).toBe('snapshot.invalid');
		expect(await decodeSnapshot(await craft('[1,2]'))).toBe('snapshot.invalid');
		expect(await decodeSnapshot(await craft('{"v":1'))).toBe('snapshot.invalid');
		// A page outside the site's own, a script where a file name goes: refused or kept as text.
		const evil = { ...base(), path: 'javascript:alert(1)' };
		expect(checkSnapshot(evil)).toBe('snapshot.invalid');
		const markup = { ...base(), files: ['<img src=x onerror=alert(1)>.csv'] };
		expect((checkSnapshot(markup) as Snapshot).files[0]).toBe('<img src=x onerror=alert(1)>.csv');
	});

	it('strips __proto__ members of a crafted snapshot', async () => {
		const text = JSON.stringify({ ...base(), results: { k: JSON.parse('{"__proto__":{"polluted":1}}') } });
		const back = (await decodeSnapshot(await craft(text))) as Snapshot;
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(back.results.k as object)).toEqual([]);
	});

	it('never throws on 10,000 random, mutated or truncated payloads (fuzz)', async () => {
		const good = await encodeSnapshot(base({ 'kpis {} {}': { a: 1, b: [1, 2, 3], c: 'x' } }));
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const payload = fc.oneof(
			fc.string({ maxLength: 200 }),
			fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 400 }),
			// one or more characters of a valid payload replaced
			fc
				.array(fc.tuple(fc.nat(good.length - 1), fc.constantFrom(...alphabet)), {
					minLength: 1,
					maxLength: 8
				})
				.map((edits) => {
					const c = good.split('');
					for (const [i, ch] of edits) c[i] = ch;
					return c.join('');
				}),
			fc.nat(good.length).map((n) => good.slice(0, n))
		);
		let n = 0;
		await fc.assert(
			fc.asyncProperty(payload, async (p) => {
				n++;
				const r = await decodeSnapshot(p);
				// A problem code, or a checked snapshot (a mutation can leave it valid).
				if (typeof r === 'string')
					expect(['snapshot.truncated', 'snapshot.invalid', 'snapshot.future']).toContain(r);
				else expect(r.v).toBe(SNAPSHOT_VERSION);
			}),
			{ numRuns: 10_000, seed: 15 }
		);
		expect(n).toBeGreaterThanOrEqual(10_000);
	}, 120_000);

	it('base64url round trip', () => {
		const bytes = new Uint8Array([0, 1, 250, 251, 252, 253, 254, 255]);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		expect(fromBase64Url('a')).toBeNull();
	});
});

describe('snapshot files (a review pack dropped on the start page)', () => {
	const pack = (block: string) =>
		`<!doctype html><html lang="ja"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>…</p>${block}</body></html>`;

	it('opens the snapshot a pack carries, with every page it holds', async () => {
		const s = { ...base({ 'funnel {}': [6000, 2061] }), pages: ['/', '/funnel/', '/plan/'] };
		const back = await decodeSnapshotFile(pack(packBlock(await encodeSnapshot(s))));
		expect(back).toEqual(s);
	});

	it('tells a web page that is no pack from a damaged, tampered or future pack', async () => {
		const good = await encodeSnapshot(base({ k: 1 }));
		expect(await decodeSnapshotFile('<!doctype html><html><body>hello</body></html>')).toBe(
			'snapshot.fileNotPack'
		);
		expect(await decodeSnapshotFile('leads,stage\n1,won')).toBe('snapshot.fileNotPack');
		// The block cut in the middle of the file, or its payload edited into markup.
		expect(await decodeSnapshotFile(pack(packBlock(good)).slice(0, -40))).toBe('snapshot.invalid');
		expect(
			await decodeSnapshotFile(
				pack('<template id="modelboard-snapshot"><img src=x onerror=alert(1)></template>')
			)
		).toBe('snapshot.invalid');
		expect(await decodeSnapshotFile(pack(packBlock(good.slice(0, good.length >> 1))))).toBe(
			'snapshot.truncated'
		);
		expect(await decodeSnapshotFile(pack(packBlock(await craft('{"v":99}'))))).toBe('snapshot.future');
		// Pages outside the site's own are refused like a bad path.
		const odd = { ...base(), pages: ['/', 'https://example.com/'] };
		expect(checkSnapshot(odd)).toBe('snapshot.invalid');
	});

	it('knows a web page by its name or its first bytes', () => {
		expect(looksLikeHtml('modelboard-review-pages-2026-11-30.html', '')).toBe(true);
		expect(looksLikeHtml('pack.HTM', '')).toBe(true);
		expect(looksLikeHtml('download', '\uFEFF  <!DOCTYPE html>\n<html>')).toBe(true);
		expect(looksLikeHtml('leads.csv', 'lead_id,created\n')).toBe(false);
		expect(looksLikeHtml('notes.txt', '<b>not a page</b>')).toBe(false);
	});
});
