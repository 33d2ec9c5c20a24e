/**
 * A big dropped file stays on disk (file-data.ts): the pipeline is given its File (a Blob), reads only
 * its first bytes to sniff, scans it a part at a time and lets DuckDB read it from disk. It must load
 * exactly as the same bytes in memory do, and fall back to memory where a step needs the whole file
 * (mixed line breaks below the sample, an unclosed quote). A Shift_JIS file is decoded a part at a time
 * into UTF-8 kept as a Blob, which DuckDB reads as it would the file. Counts are by
 * construction: lead k (1…N) reaches MQL when k is a multiple of 4 and is won when a multiple of 20.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { IngestError } from '../../src/lib/engine/ingest/errors';
import type { FileData } from '../../src/lib/engine/ingest/file-data';
import { context, funnelCounts, issueOf, newDb } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const N = 40_000; // ≈ 1.8 MB: past the 1 MiB sample, so a Blob of it stays on disk

/** Lead k's line (CRLF by default): created in April 2025, MQL every 4th, won every 20th. */
function lead(k: number, nl = '\r\n'): string {
	const day = String((k % 28) + 1).padStart(2, '0');
	const mql = k % 4 === 0 ? `2025/05/${day}` : '';
	const won = k % 20 === 0 ? `2025/06/${day}` : '';
	return `L${String(k).padStart(6, '0')},2025/04/${day},展示会,高橋,${mql},${won},${won ? 120000 : ''}${nl}`;
}
const HEADER = 'リードID,作成日,流入経路,担当者,MQL日,受注日,金額\r\n';
const text = (line: (k: number) => string = (k) => lead(k)) =>
	'\uFEFF' + HEADER + Array.from({ length: N }, (_, i) => line(i + 1)).join('');
const enc = (s: string) => new TextEncoder().encode(s);

/** A Dataset whose DB notes what each read was given: a Blob (from disk) or bytes (memory). */
function watched(): { ds: Dataset; given: () => string[] } {
	const given: string[] = [];
	const inner = db;
	const spy: Db = {
		...inner,
		async registerFile(name, data) {
			given.push(data instanceof Uint8Array ? 'memory' : 'disk');
			return inner.registerFile(name, data);
		}
	};
	return { ds: new Dataset(spy, context()), given: () => given };
}

/** Loads `data` on a fresh Dataset; its file, what its reads were given, and its cohort funnel. */
async function load(name: string, data: FileData) {
	const { ds, given } = watched();
	await ds.clear();
	const file = await ds.add(name, data);
	return { file, given: given(), funnel: await funnelCounts(ds, '2025-04-01', '2025-04-30') };
}

describe('a big file on disk loads as the same bytes in memory do', () => {
	it('a clean UTF-8 file (BOM, CRLF, Japanese headers): read from disk, the same file and funnel', async () => {
		const bytes = enc(text());
		const onDisk = await load('big.csv', new Blob([bytes]));
		const inMemory = await load('big.csv', bytes);
		expect(onDisk.given).toEqual(['disk']);
		expect(inMemory.given).toEqual(['memory']);
		expect(onDisk.file.quality.rows).toBe(N);
		expect(onDisk.file.size).toBe(bytes.length);
		expect(onDisk.funnel).toMatchObject({ lead: N, mql: N / 4, won: N / 20 });
		expect(onDisk.funnel).toEqual(inMemory.funnel);
		expect({ ...onDisk.file, id: 0 }).toEqual({ ...inMemory.file, id: 0 });
	});

	it('mixed line breaks below the sample: read into memory, normalised, counted as before', async () => {
		// From lead 30,000 on (≈ 1.3 MB in), lines end with \n instead of \r\n.
		const bytes = enc(text((k) => lead(k, k >= 30_000 ? '\n' : '\r\n')));
		const onDisk = await load('mixed.csv', new Blob([bytes]));
		const inMemory = await load('mixed.csv', bytes);
		expect(onDisk.given.at(-1)).toBe('memory');
		expect(onDisk.file.quality.rows).toBe(N);
		expect(issueOf(onDisk.file.quality, 'mixed_newlines').count).toBe(2);
		expect(onDisk.funnel).toEqual(inMemory.funnel);
		expect({ ...onDisk.file, id: 0 }).toEqual({ ...inMemory.file, id: 0 });
	});

	it('an unclosed quote below the sample: read into memory, the rest of the file reported', async () => {
		// Lead 38,000's channel opens a quote that never closes.
		const bytes = enc(text((k) => (k === 38_000 ? lead(k).replace('展示会', '"展示会') : lead(k))));
		const onDisk = await load('open.csv', new Blob([bytes]));
		const inMemory = await load('open.csv', bytes);
		expect(onDisk.given.at(-1)).toBe('memory');
		// Leads 38,000…40,000 (2,001 lines from spreadsheet row 38,001) are swallowed, counted and set aside.
		expect(onDisk.file.quality.rows).toBe(N);
		expect(onDisk.file.quality.rejected).toBe(2001);
		expect(issueOf(onDisk.file.quality, 'rejected_row')).toMatchObject({
			key: 'unclosed_quote_lines',
			count: 2001,
			params: { row: 38_001 }
		});
		expect({ ...onDisk.file, id: 0 }).toEqual({ ...inMemory.file, id: 0 });
	});

	it('a Shift_JIS file is decoded a part at a time into UTF-8 kept as a Blob, read from there', async () => {
		// The same file with ASCII-only cells but 髙橋 (FB FC 8B B4) as the owner of every lead.
		const ascii = text()
			.replace('\uFEFF', '')
			.replace(HEADER, 'lead_id,created_at,channel,owner,mql_at,won_at,amount\r\n');
		const parts = ascii.replace(/展示会/g, 'Expo').split('高橋');
		const sjis = new Uint8Array(ascii.length * 2);
		let at = 0;
		for (const [i, p] of parts.entries()) {
			if (i > 0) for (const b of [0xfb, 0xfc, 0x8b, 0xb4]) sjis[at++] = b;
			for (const c of p) sjis[at++] = c.charCodeAt(0);
		}
		const bytes = sjis.subarray(0, at);
		const onDisk = await load('sjis.csv', new Blob([bytes]));
		expect(onDisk.given).toEqual(['disk']);
		expect(onDisk.file.quality.encoding).toBe('shift_jis');
		expect(onDisk.funnel).toMatchObject({ lead: N, mql: N / 4, won: N / 20 });
		const [row] = await db.query(`SELECT owner, count(*)::INTEGER AS n FROM leads GROUP BY owner`);
		expect(row).toEqual({ owner: '髙橋', n: N });
		// The same bytes in memory are decoded whole (decodeFile): the same file.
		const inMemory = await load('sjis.csv', bytes);
		expect(inMemory.given).toEqual(['memory']);
		expect({ ...onDisk.file, id: 0 }).toEqual({ ...inMemory.file, id: 0 });
	});

	it('a file that can no longer be read (changed or moved since the drop): said, with what to do', async () => {
		class Gone extends Blob {
			slice(): Blob {
				return new Gone();
			}
			arrayBuffer(): Promise<ArrayBuffer> {
				return Promise.reject(new Error('NotReadableError'));
			}
		}
		const gone = Object.defineProperty(new Gone(), 'size', { value: 2 << 20 });
		const { ds } = watched();
		await ds.clear();
		const err = await ds.add('moved.csv', gone).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect(err).toMatchObject({ key: 'file_changed', params: { name: 'moved.csv' } });
	});
});
