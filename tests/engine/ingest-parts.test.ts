/**
 * A very big file is read in parts (read.ts): its scan notes a record boundary every so many bytes,
 * DuckDB reads the data a part at a time into the raw table and it is compressed after each part. The
 * parts are set to 16 KiB here (`readPartBytes`, 256 MiB files in real use): a file of a few thousand
 * leads is read in a dozen parts. It must load exactly as when read whole, with the oddities the read
 * reports (rows set aside, empty lines, a cell the typed read cannot type) in every part, numbered as
 * spreadsheet rows. Counts are by construction: lead k (1…N) reaches MQL when k is a multiple of 4 and is
 * won when a multiple of 20.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import type { FileData } from '../../src/lib/engine/ingest/file-data';
import { context, funnelCounts, issueOf, newDb } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const N = 3_000; // ≈ 190 KB with the memo column: about a dozen parts of 16 KiB
const PART = 16 << 10;

/** Lead k's line: created in April 2025, MQL every 4th, won every 20th; every 7th has a two-line memo. */
function lead(k: number, mqlCell?: string): string {
	const day = String((k % 28) + 1).padStart(2, '0');
	const mql = mqlCell ?? (k % 4 === 0 ? `2025/05/${day}` : '');
	const won = k % 20 === 0 ? `2025/06/${day}` : '';
	const memo = k % 7 === 0 ? `"電話済み\r\n再架電 ""至急"""` : 'なし';
	return `L${String(k).padStart(6, '0')},2025/04/${day},展示会,高橋,${mql},${won},${won ? 120000 : ''},${memo}\r\n`;
}
const HEADER = 'リードID,作成日,流入経路,担当者,MQL日,受注日,金額,メモ\r\n';
const enc = (s: string) => new TextEncoder().encode(s);

/** Loads `data` on a fresh Dataset, in parts of `part` bytes; its file, its reads and its funnel. */
async function load(name: string, data: FileData, part?: number) {
	const reads: string[] = [];
	const from: string[] = [];
	/** Each part in memory, as text (the tests' parts are small). */
	const texts: string[] = [];
	const spy: Db = {
		...db,
		async registerFile(file, d) {
			reads.push(file);
			from.push(d instanceof Uint8Array ? 'memory' : 'disk');
			if (d instanceof Uint8Array) texts.push(new TextDecoder().decode(d));
			return db.registerFile(file, d);
		}
	};
	const ds = new Dataset(spy, { ...context(), readPartBytes: part });
	await ds.clear();
	const file = await ds.add(name, data);
	// How the file's table keeps the text columns it read (typing adds columns of its own): the share
	// of their segments that is compressed.
	const [stored] = await db.query(
		`SELECT count(*) FILTER (WHERE compression <> 'Uncompressed') AS packed, count(*) AS segments
		FROM pragma_storage_info('mb_src_${file.id}')
		WHERE segment_type = 'VARCHAR' AND column_name IN ('lead_id', 'channel', 'owner')`
	);
	const packed = Number(stored.packed) / Number(stored.segments);
	return { file, reads, from, texts, packed, funnel: await funnelCounts(ds, '2025-04-01', '2025-04-30') };
}

const same = (a: { file: object }, b: { file: object }) =>
	expect({ ...a.file, id: 0 }).toEqual({ ...b.file, id: 0 });

describe('a very big file read in parts loads as it does read whole', () => {
	it('a clean file (BOM, CRLF, quoted line breaks): a dozen parts, the same file and funnel', async () => {
		const bytes = enc('\uFEFF' + HEADER + Array.from({ length: N }, (_, i) => lead(i + 1)).join(''));
		const parts = await load('big.csv', bytes, PART);
		const whole = await load('big.csv', bytes);
		expect(whole.reads).toHaveLength(1);
		expect(parts.reads.length).toBeGreaterThanOrEqual(10);
		expect(parts.file.quality.rows).toBe(N);
		expect(parts.funnel).toMatchObject({ lead: N, mql: N / 4, won: N / 20 });
		expect(parts.funnel).toEqual(whole.funnel);
		same(parts, whole);
		// Read in parts, the table is compressed as it is read; read whole, it is not.
		expect(parts.packed).toBe(1);
		expect(whole.packed).toBe(0);
	});

	it('from disk (a Blob over the 1 MiB sample, as a dropped file is): scanned and read in parts from the Blob', async () => {
		// 20,000 leads ≈ 1.3 MB in parts of 128 KiB.
		const n = 20_000;
		const bytes = enc('\uFEFF' + HEADER + Array.from({ length: n }, (_, i) => lead(i + 1)).join(''));
		expect(bytes.length).toBeGreaterThan(1 << 20);
		const disk = await load('disk.csv', new Blob([bytes]), 128 << 10);
		const whole = await load('disk.csv', bytes);
		expect(disk.from.length).toBeGreaterThanOrEqual(9);
		expect(new Set(disk.from)).toEqual(new Set(['disk']));
		expect(disk.funnel).toMatchObject({ lead: n, mql: n / 4, won: n / 20 });
		same(disk, whole);
	});

	it('title rows above the header, a cut right on an empty line before a row set aside, a last part of empty lines', async () => {
		// Row 1 a title, row 2 blank, row 3 the header; lead k on row k + 3, one more below the empty
		// line after lead 500 (row 504). Lead 501 (row 505) has a field too many.
		const top = 'リード一覧（2025年4月）\r\n\r\n' + HEADER;
		const head = top + Array.from({ length: 500 }, (_, i) => lead(i + 1)).join('');
		const rest = Array.from({ length: N - 500 }, (_, i) => lead(i + 501)).join('');
		const body = head + '\r\n' + rest.replace('\r\n', ',余分\r\n');
		// Parts as long as everything above the empty line: the first cut is that line.
		const part = enc(head).length;
		// Blank lines at the end, past the last multiple of `part`: the last part is only blank lines.
		const size = enc(body).length;
		const blanks = Math.ceil((Math.ceil(size / part) * part - size) / 2) + 3;
		const bytes = enc(body + '\r\n'.repeat(blanks));
		const parts = await load('title.csv', bytes, part);
		const whole = await load('title.csv', bytes);
		expect(parts.file.dialect.headerRow).toBe(2);
		expect(parts.reads.length).toBeGreaterThanOrEqual(5);
		expect(parts.texts[1].startsWith('\r\nL000501,')).toBe(true);
		expect(parts.texts.at(-1)).toMatch(/^(\r\n)+$/);
		same(parts, whole);
		expect(parts.funnel).toEqual(whole.funnel);
		const rejected = parts.file.quality.issues.find(
			(i) => i.code === 'rejected_row' && i.severity === 'error'
		);
		expect(rejected?.examples.map((e) => e.row)).toEqual([505]);
		const empty = parts.file.quality.issues.find((i) => i.code === 'rejected_row' && i.severity === 'info');
		expect(empty?.examples.map((e) => e.row)).toEqual([504]);
		expect(parts.file.quality.rows).toBe(N);
	});

	it('rows set aside, empty lines and a total row in different parts: the same rows, numbered as spreadsheet rows', async () => {
		// Lines: the header (row 1), then lead k on row k + 1 — shifted by one below each empty line
		// inserted after leads 500 and 2,500. Leads 1,200 and 2,801 have a field too many (set aside);
		// the last line is a total row.
		const lines = [HEADER];
		for (let k = 1; k <= N; k++) {
			lines.push(k === 1200 || k === 2801 ? lead(k).replace('\r\n', ',余分\r\n') : lead(k));
			if (k === 500 || k === 2500) lines.push('\r\n');
		}
		lines.push('合計,,,,,,"18,000,000",\r\n');
		const bytes = enc(lines.join(''));
		const parts = await load('odd.csv', bytes, PART);
		const whole = await load('odd.csv', bytes);
		expect(parts.reads.length).toBeGreaterThanOrEqual(10);
		same(parts, whole);
		expect(parts.funnel).toEqual(whole.funnel);
		// Lead 1,200 is on row 1,202 (one empty line above it), lead 2,801 on row 2,804 (two).
		const rejected = parts.file.quality.issues.find(
			(i) => i.code === 'rejected_row' && i.severity === 'error'
		);
		expect(rejected?.count).toBe(2);
		expect(rejected?.examples.map((e) => e.row)).toEqual([1202, 2804]);
		// The empty lines: rows 502 and 2,503.
		const empty = parts.file.quality.issues.find((i) => i.code === 'rejected_row' && i.severity === 'info');
		expect(empty?.examples.map((e) => e.row)).toEqual([502, 2503]);
		// N leads less the two set aside, then the total row; it is counted but reaches no metric.
		expect(parts.funnel.lead).toBe(N - 2);
		expect(issueOf(parts.file.quality, 'summary_row').count).toBe(1);
	});

	it('a date the typed read cannot type in a late part: the whole file is read again as text, the same file', async () => {
		// Lead 2,000's MQL date is "soon": in the seventh part of ten, where the typed read stops.
		const bytes = enc(
			HEADER + Array.from({ length: N }, (_, i) => lead(i + 1, i + 1 === 2000 ? 'soon' : undefined)).join('')
		);
		const parts = await load('soon.csv', bytes, PART);
		const whole = await load('soon.csv', bytes);
		same(parts, whole);
		expect(parts.funnel).toEqual(whole.funnel);
		expect(issueOf(parts.file.quality, 'unparseable_date', 'MQL日').examples).toEqual([
			{ row: 2001, value: 'soon' }
		]);
		// The typed read went as far as that part, then every part was read again as text.
		const textRead = parts.reads.lastIndexOf(parts.reads[0]);
		expect(textRead).toBeGreaterThan(0);
		expect(textRead).toBeLessThan(parts.reads.length - textRead);
	});
});
