/**
 * CSV dialects end to end: delimiters, quoting, line endings, formatted report layouts (title, filter
 * and blank lines above the header, trailing empty columns, total rows and footers) and the spreadsheet
 * row numbers the quality report gives. Expected values are worked out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import fc from 'fast-check';
import { scanRecords, type RecordScan } from '../../src/lib/engine/ingest/scan';
import {
	countingReads,
	count,
	fixture,
	funnelCounts,
	issueOf,
	issues,
	leadById,
	newDataset,
	newDb,
	report,
	utf8,
	english
} from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

/**
 * Three leads; D1's channel holds the delimiter, doubled quotes and a line break inside quotes (Excel
 * writes `\n` inside cells whatever the file's line ending), D2's owner doubled quotes.
 * Funnel (cohort April 2025): lead 3; 商談中 (D3) is an opportunity, Closed Won (D1) won:
 * opportunity = D1 + D3 = 2, won = 1.
 */
function threeLeads(d: string, nl: string): string {
	return [
		`lead_id${d}created_at${d}channel${d}owner${d}status`,
		`D1${d}2025-04-01${d}"Trade show${d} ""Tokyo""\nHall 3"${d}Alice${d}Closed Won`,
		`D2${d}2025-04-02${d}Web${d}"Bob ""B"" Smith"${d}Working - Contacted`,
		`D3${d}2025-04-03${d}Web${d}Carol${d}商談中`,
		''
	].join(nl);
}

async function expectThreeLeads(d: string, ds: Awaited<ReturnType<typeof newDataset>>) {
	const leads = await leadById(db);
	expect([...leads.keys()]).toEqual(['D1', 'D2', 'D3']);
	expect(leads.get('D1')?.channel).toBe(`Trade show${d} "Tokyo"\nHall 3`);
	expect(leads.get('D2')?.owner).toBe('Bob "B" Smith');
	expect(leads.get('D3')?.created_at).toBe('2025-04-03');
	expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 3, opportunity: 2, won: 1 });
}

describe('delimiters', () => {
	it.each([
		[',', ','],
		['\t', 'tab'],
		[';', ';']
	])('reads %j-separated files with quoted delimiters, quotes and line breaks', async (d, label) => {
		const ds = await newDataset(db);
		const f = await ds.add('three.csv', utf8(threeLeads(d, '\r\n')));
		expect(f.quality.delimiter).toBe(label);
		expect(f.quality.rows).toBe(3);
		expect(f.quality.rejected).toBe(0);
		await expectThreeLeads(d, ds);
	});
});

describe('line endings', () => {
	it.each([
		['\r\n', 'CRLF'],
		['\n', 'LF'],
		['\r', 'CR']
	])('reads %j (%s) line endings', async (nl) => {
		const ds = await newDataset(db);
		const f = await ds.add('three.csv', utf8(threeLeads(',', nl)));
		expect(f.dialect.newline).toBe(nl);
		expect(f.quality.rows).toBe(3);
		await expectThreeLeads(',', ds);
	});

	it('reads a file without a final line break', async () => {
		const ds = await newDataset(db);
		const text = threeLeads(',', '\n').replace(/\n$/, '');
		const f = await ds.add('three.csv', utf8(text));
		expect(f.quality.rows).toBe(3);
		await expectThreeLeads(',', ds);
	});
});

describe('formatted Salesforce reports', () => {
	// sf-formatted-en.csv (CRLF, every field quoted, two trailing empty columns):
	//   row 1  Leads for 27" monitors        (title: a quote that opens no field)
	//   row 2  Filtered By: Created Date …   (filter line)
	//   row 3  (blank)
	//   row 4  header: Lead ID, Created Date, Lead Source, Lead Status, Amount, "", ""
	//   rows 5–8  SF1 Closed Won ¥1,200,000 (2025/04/01 13:05), SF2 Working - Contacted (2025/4/2),
	//             SF3 Closed - Converted (2025年4月3日), SF4 Closed - Not Converted (2025-04-04)
	//   row 9  Grand Totals (4 records) … ¥1,200,000
	// Rows read: 5 (4 leads + the total), set aside: 1 (row 9). Funnel April 2025: lead 4;
	// opportunity = SF1 (won ⇒ passed) + SF3 (converted) = 2; won = 1; won revenue 1,200,000.
	it('skips title, filter and blank lines, drops empty trailing columns, sets the total aside', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('sf-formatted-en.csv', fixture('sf-formatted-en.csv'));
		expect(f.quality.header_row).toBe(4);
		expect(f.headers).toEqual(['Lead ID', 'Created Date', 'Lead Source', 'Lead Status', 'Amount']);
		expect(f.quality.rows).toBe(5);
		expect(f.quality.rejected).toBe(1);
		const total = issueOf(f.quality, 'summary_row');
		expect(total.count).toBe(1);
		expect(total.examples).toEqual([{ row: 9, value: 'Grand Totals (4 records) | ¥1,200,000' }]);
		expect(issues(f.quality, 'rejected_row')).toEqual([]);
		expect(await count(db, 'leads')).toBe(4);
		const leads = await leadById(db);
		expect(leads.get('SF1')).toMatchObject({ created_at: '2025-04-01', amount: 1200000, channel: 'Web' });
		expect(leads.get('SF2')?.created_at).toBe('2025-04-02');
		expect(leads.get('SF3')?.created_at).toBe('2025-04-03');
		expect(leads.get('SF4')?.created_at).toBe('2025-04-04');
		const r = await report(ds, '2025-04-01', '2025-04-30');
		expect(r.funnel.map((s) => [s.stage, s.count])).toEqual([
			['lead', 4],
			['opportunity', 2],
			['won', 1]
		]);
		expect(r.revenue?.won_revenue).toBe(1200000);
	});

	// sf-formatted-ja.csv (UTF-8 with BOM, LF): title, フィルタ条件 line, blank, header on row 4,
	// J1 受注 ￥1,000,000 / J2 商談中 / J3 対象外 on rows 5–7, 合計 on row 8, a blank row 9, then the
	// footer 機密情報 - 配布禁止 (row 10) and the quoted copyright line (row 11).
	// Rows read: 3 leads + 合計 + 2 footer lines = 6; set aside 3 (rows 8, 10, 11); 1 empty row (9).
	// Funnel: lead 3; opportunity = J1 (won) + J2 (商談中) = 2; won 1.
	it('sets aside 合計 and the report footer, and counts the blank row', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('sf-formatted-ja.csv', fixture('sf-formatted-ja.csv'));
		expect(f.quality.header_row).toBe(4);
		expect(f.quality.rows).toBe(6);
		expect(f.quality.rejected).toBe(3);
		expect(issueOf(f.quality, 'summary_row').examples.map((e) => e.row)).toEqual([8, 10, 11]);
		const blank = f.quality.issues.find((i) => i.code === 'rejected_row' && i.severity === 'info');
		expect(blank?.count).toBe(1);
		expect(blank?.examples).toEqual([{ row: 9, value: '' }]);
		expect(await count(db, 'leads')).toBe(3);
		expect((await leadById(db)).get('J1')).toMatchObject({ channel: '展示会', amount: 1000000 });
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 3, opportunity: 2, won: 1 });
	});

	// Salesforce Classic "Export Details": header on row 1, then after two blank rows a block of
	// single-cell lines: report title, copyright, confidentiality, generated-by and the company name.
	// Rows: L1, L2 (rows 2–3), blanks (4–5), footer (6–10): rows read 2 + 5 = 7, set aside 5.
	it('sets aside a Classic export footer that starts with the report title', async () => {
		const ds = await newDataset(db);
		const text =
			'"Lead ID","Created Date","Lead Source"\n' +
			'"L1","4/1/2025","Web"\n' +
			'"L2","4/2/2025","Event"\n' +
			'\n\n' +
			'"Leads by Source"\n' +
			'"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n' +
			'"Confidential Information - Do Not Distribute"\n' +
			'"Generated By:  Taro Yamada  4/30/2025 10:15 AM"\n' +
			'"Acme K.K."\n';
		const f = await ds.add('classic.csv', utf8(text));
		expect(f.quality.rows).toBe(7);
		expect(f.quality.rejected).toBe(5);
		expect(issueOf(f.quality, 'summary_row').examples.map((e) => e.row)).toEqual([6, 7, 8, 9, 10]);
		expect(issues(f.quality, 'missing_required')).toEqual([]);
		expect(await count(db, 'leads')).toBe(2);
	});

	// Total rows in the middle (a grouped report's subtotals) are not records either.
	// Rows: G1 (2), 小計 (3), G2 (4), 小計 (5), 総計 (6): 5 read, 3 set aside, 2 leads.
	it('sets aside subtotal rows between groups', async () => {
		const ds = await newDataset(db);
		const text =
			'リードソース,リードID,作成日\n' +
			'展示会,G1,2025/04/01\n' +
			'小計,,\n' +
			'ウェブ,G2,2025/04/02\n' +
			'小計 (1 件のレコード),,\n' +
			'総計 (2 件のレコード),,\n';
		const f = await ds.add('grouped.csv', utf8(text));
		expect(f.quality.rows).toBe(5);
		expect(f.quality.rejected).toBe(3);
		expect(issueOf(f.quality, 'summary_row').examples.map((e) => e.row)).toEqual([3, 5, 6]);
		expect(issues(f.quality, 'missing_required')).toEqual([]);
		expect(await count(db, 'leads')).toBe(2);
	});
});

describe('row numbers in the quality report', () => {
	// Spreadsheet rows (header = row 1):
	//   2  R1, a channel spanning two lines (still one spreadsheet row)
	//   3  R2, created_at "someday"           → unparseable
	//   4  (empty line)                        → skipped (DuckDB drops it silently)
	//   5  R3 with two extra fields            → rejected (too many columns)
	//   6  R4, created_at "yesterday"         → unparseable
	//   7  ",,"                                → empty row
	//   8  R5
	//   9  R6, created_at "2025-13-01"        → unparseable (no month 13)
	// Rows read: R1–R6 = 6; rejected: R3 + the three without a date = 4; leads table: 5 (R3 is
	// unreadable; R2, R4, R6 stay, without a created date, out of every cohort). Funnel April: R1, R5.
	const body = [
		'R1,2025-04-01,"multi',
		'line"',
		'R2,someday,Web',
		'',
		'R3,2025-04-03,Web,extra,fields',
		'R4,yesterday,Web',
		',,',
		'R5,2025-04-05,Web',
		'R6,2025-13-01,Web',
		''
	].join('\n');

	async function check(name: string, text: string, shift: number) {
		const ds = await newDataset(db);
		const f = await ds.add(name, utf8(text));
		const row = (r: number) => r + shift;
		expect(f.quality.header_row).toBe(row(1));
		expect(f.quality.rows).toBe(6);
		expect(f.quality.rejected).toBe(4);
		const bad = issueOf(f.quality, 'unparseable_date', 'created_at');
		expect(bad.count).toBe(3);
		expect(bad.examples).toEqual([
			{ row: row(3), value: 'someday' },
			{ row: row(6), value: 'yesterday' },
			{ row: row(9), value: '2025-13-01' }
		]);
		const rejected = f.quality.issues.find((i) => i.code === 'rejected_row' && i.severity === 'error');
		expect(rejected?.count).toBe(1);
		expect(rejected?.examples).toEqual([{ row: row(5), value: 'R3,2025-04-03,Web,extra,fields' }]);
		const empty = f.quality.issues.find((i) => i.code === 'rejected_row' && i.severity === 'info');
		expect(empty?.count).toBe(2);
		expect(empty?.examples.map((e) => e.row)).toEqual([row(4), row(7)]);
		expect(issueOf(f.quality, 'missing_required').examples.map((e) => e.row)).toEqual([
			row(3),
			row(6),
			row(9)
		]);
		expect([...(await leadById(db)).keys()]).toEqual(['R1', 'R2', 'R4', 'R5', 'R6']);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 2 });
	}

	it('counts header = row 1, multi-line cells as one row, empty and rejected rows in place', async () => {
		await check('rows.csv', 'lead_id,created_at,channel\n' + body, 0);
	});

	it('shifts by the title rows above the header', async () => {
		const title = 'Leads report\nFiltered By: Lead Source equals Web\n\n';
		await check('rows-titled.csv', title + 'lead_id,created_at,channel\n' + body, 3);
	});
});

describe('scanRecords (the record splitter that finds the data start and DuckDB-skipped lines)', () => {
	const scan = (text: string, d: ',' | ';' = ',', keep = 3) => scanRecords(utf8(text), d, keep);

	it('opens quotes only at the start of a field, as CSV readers do', () => {
		// Record 0 is a title with an inch mark; record 1 a quoted field holding a line break.
		// Byte offsets: the title is 22 bytes + CRLF → record 1 at 24; '"a\r\nb",c' is 8 bytes + CRLF
		// → record 2 at 34; 'x,y' + CRLF → the end, 39.
		const text = 'Leads for 27" monitors\r\n"a\r\nb",c\r\nx,y\r\n';
		const r = scan(text);
		expect(r.records).toBe(3);
		expect(r.starts).toEqual([0, 24, 34, 39]);
		expect([...r.newlines]).toEqual(['\r\n']);
		expect(r.openQuote).toBeNull();
	});

	it('treats doubled quotes inside a quoted field as text', () => {
		const r = scan('"say ""hi"", ok",1\n2,3\n');
		expect(r.records).toBe(2);
		expect(r.openQuote).toBeNull();
	});

	it('lists empty lines before the last record, not the trailing ones', () => {
		// records: 0 h, 1 a, 2 (empty), 3 b, 4 (empty), 5 (empty) — the last two trail the data.
		const r = scan('h\na\n\nb\n\n\n');
		expect(r.empty).toEqual([2]);
	});

	it('reports mixed line breaks and the record of a quote never closed', () => {
		// 'h;x\r\n' is bytes 0–4, 'a;1\n' 5–8: record 2 (b;"open…) starts at byte 9.
		const r = scan('h;x\r\na;1\nb;"open\nc;2\n', ';');
		expect([...r.newlines].sort()).toEqual(['\n', '\r\n']);
		expect(r.openQuote).toEqual({ record: 2, offset: 9 });
	});
});

/**
 * The scanner as first written, one byte at a time: the reference the indexOf-jumping one must match.
 * Its cuts by their definition: for each multiple of `cutEvery`, the first record start at or after it.
 */
function referenceScan(
	data: Uint8Array,
	delimiter: ',' | ';',
	keepStarts: number,
	cutEvery = Infinity
): RecordScan {
	const [QUOTE, LF, CR] = [0x22, 0x0a, 0x0d];
	const delim = delimiter.charCodeAt(0);
	const starts = [0];
	const allStarts: number[] = [];
	let empty: number[] = [];
	let kinds = 0;
	let record = 0;
	let recordStart = 0;
	let lastContent = -1;
	let fieldStart = true;
	let quoted = false;
	const n = data.length;
	for (let i = 0; i < n; i++) {
		const b = data[i];
		if (quoted) {
			if (b === QUOTE) {
				if (data[i + 1] === QUOTE) i++;
				else quoted = false;
			}
			continue;
		}
		if (b === LF || b === CR) {
			if (i === recordStart) empty.push(record);
			else lastContent = record;
			if (b === CR && data[i + 1] === LF) {
				kinds |= 1;
				i++;
			} else kinds |= b === LF ? 2 : 4;
			record++;
			recordStart = i + 1;
			fieldStart = true;
			if (starts.length <= keepStarts) starts.push(recordStart);
			allStarts.push(recordStart);
		} else if (b === QUOTE && fieldStart) {
			quoted = true;
			fieldStart = false;
		} else fieldStart = b === delim;
	}
	const openQuote = quoted ? { record, offset: recordStart } : null;
	if (recordStart < n) lastContent = record;
	if (empty.length && empty[empty.length - 1] > lastContent) empty = empty.filter((e) => e < lastContent);
	const newlines = new Set<'\r\n' | '\n' | '\r'>();
	if (kinds & 1) newlines.add('\r\n');
	if (kinds & 2) newlines.add('\n');
	if (kinds & 4) newlines.add('\r');
	const cuts: { offset: number; record: number }[] = [];
	for (let m = cutEvery; m < n; m += cutEvery) {
		const k = allStarts.findIndex((s) => s >= m);
		if (k >= 0 && allStarts[k] < n && cuts.at(-1)?.offset !== allStarts[k])
			cuts.push({ offset: allStarts[k], record: k + 1 });
	}
	return { starts, empty, records: recordStart < n ? record + 1 : record, newlines, openQuote, cuts };
}

describe('scanRecords against the byte-at-a-time reference', () => {
	it('agrees on 3,000 generated files of quotes, delimiters, line breaks and text', () => {
		const piece = fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\r', '\n', '\r\n', ' ', 'あ', '\t');
		fc.assert(
			fc.property(
				fc.array(piece, { maxLength: 40 }),
				fc.constantFrom(',' as const, ';' as const),
				fc.integer({ min: 0, max: 6 }),
				fc.constantFrom(Infinity, 1, 3, 7, 16),
				(pieces, d, keep, cutEvery) => {
					const bytes = utf8(pieces.join(''));
					expect(scanRecords(bytes, d, keep, cutEvery)).toEqual(referenceScan(bytes, d, keep, cutEvery));
				}
			),
			{ numRuns: 3000 }
		);
	});
});

describe('big files: the full scan overlaps the read, and what only it finds still counts', () => {
	// 60,000 leads ≈ 1.4 MB, beyond the first 1 MB the read is started from; the oddity sits near the end.
	const N = 60_000;
	// How many times the file was read: once when the overlapped scan finds nothing, twice when it
	// finds a reason to scan first.
	const { dataset, reads } = countingReads(() => db);
	const rows = (nl: string) =>
		Array.from({ length: N }, (_, i) => `B${String(i + 1).padStart(6, '0')},2025-04-01,Web${nl}`);

	it('an empty line far down: skipped, and the rows after it keep their spreadsheet numbers', async () => {
		const lines = rows('\n');
		lines.splice(N - 10, 0, '\n'); // an empty line before the 10th-to-last lead
		lines[N - 2] = `B${String(N - 2).padStart(6, '0')},soon,Web\n`; // a date it cannot read
		const ds = dataset();
		const f = await ds.add('far.csv', utf8('lead_id,created_at,channel\n' + lines.join('')));
		expect(f.quality.rows).toBe(N);
		expect(await count(db, 'leads')).toBe(N);
		// Spreadsheet row: header row 1, lead k on row k + 1, plus 1 for the empty line above it.
		expect(issueOf(f.quality, 'missing_required').examples).toEqual([{ row: N - 2 + 2, value: 'soon' }]);
		// Read once by the overlap; the sample's plain dates had created_at read as DATE, which 'soon'
		// does not cast to, so the file was read a second time, as text (read-types.ts).
		expect(reads()).toBe(2);
	});

	it('mixed line breaks after the first megabyte: read again with every break as a row end', async () => {
		const lines = rows('\r\n');
		lines[N - 5] = lines[N - 5].replace('\r\n', '\n');
		const ds = dataset();
		const f = await ds.add('mixed.csv', utf8('lead_id,created_at,channel\r\n' + lines.join('')));
		expect(f.quality.rows).toBe(N);
		expect(await count(db, 'leads')).toBe(N);
		expect(issueOf(f.quality, 'mixed_newlines').severity).toBe('info');
		expect(reads()).toBe(2);
	});

	it('a quote left open after the first megabyte: the rows before it load, the rest is reported', async () => {
		const lines = rows('\n');
		lines[N - 3] = `B${String(N - 2).padStart(6, '0')},2025-04-01,"Web\n`;
		const ds = dataset();
		const f = await ds.add('open.csv', utf8('lead_id,created_at,channel\n' + lines.join('')));
		expect(await count(db, 'leads')).toBe(N - 3);
		const rej = f.quality.issues.find(
			(i) => i.code === 'rejected_row' && english(i).includes('never closed')
		);
		expect(rej?.count).toBe(3);
		expect(reads()).toBe(2);
	});
});
