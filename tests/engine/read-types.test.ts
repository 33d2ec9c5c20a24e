/**
 * The reader types a plain date or amount column itself (read-types.ts). What the sample shows decides
 * which; a cell further down that the reader cannot read sends the whole file back to the text read,
 * so nothing is lost and every check reads as before. Expected values are written out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { chooseReadTypes } from '../../src/lib/engine/ingest/read-types';
import type { ColumnMapping } from '../../src/lib/engine/ingest/types';
import { countingReads, issueOf, newDb, utf8 } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const map = (...fields: string[]): ColumnMapping[] =>
	fields.map((field, column) => ({ field, column, header: field, confidence: 1 }));

describe('chooseReadTypes: from the sample', () => {
	const mapping = map('lead_id', 'created_at', 'amount', 'mql_at', 'channel');
	it('types plain padded dates and plain decimals; ids and text stay text', () => {
		const sample = [
			['L1', '2025/04/01', '1200', '2025/04/03', '40'],
			['L2', '2025/04/02', '-3.5', '', '2025/04/01'],
			['L3', '', '', '', '']
		];
		expect([...chooseReadTypes('leads', mapping, sample)]).toEqual([
			[2, { sql: 'DOUBLE', format: 'number' }],
			[1, { sql: 'DATE', format: '%Y/%m/%d' }],
			[3, { sql: 'DATE', format: '%Y/%m/%d' }]
		]);
	});
	it('a column with one cell that is not plain, or no filled cell, stays text', () => {
		const sample = [
			['L1', '2025/4/1', '1,200', '', '40'],
			['L2', '2025/04/02', '￥300', '', '55']
		];
		expect(chooseReadTypes('leads', mapping, sample).size).toBe(0);
	});
	it('dates in two formats: the more common is typed (the reader takes one), the other stays text', () => {
		const m = map('lead_id', 'created_at', 'mql_at', 'sql_at');
		const sample = [['L1', '2025-04-01', '2025/04/02', '2025/04/03']];
		expect([...chooseReadTypes('leads', m, sample).keys()]).toEqual([2, 3]);
	});
	it('a column two fields read is not typed', () => {
		const m: ColumnMapping[] = [
			...map('lead_id', 'created_at'),
			{ field: 'mql_at', column: 1, header: 'created_at', confidence: 1 }
		];
		expect(chooseReadTypes('leads', m, [['L1', '2025/04/01']]).size).toBe(0);
	});
});

describe('a typed read, checked', () => {
	const load = async (name: string, lines: string[]) => {
		const { dataset, reads } = countingReads(() => db);
		const ds = dataset();
		await ds.clear();
		const f = await ds.add(name, utf8(lines.join('\n') + '\n'));
		return { f, readsAtAdd: reads() };
	};
	const leadsOf = async () =>
		db.query(
			`SELECT lead_id, strftime(created_at, '%Y-%m-%d') AS created, amount FROM leads ORDER BY lead_id`
		);
	// 250 leads, past the 200-record sample: lead k created 2025/04/(k mod 28 + 1), amount 100·k.
	const leads = (k: number) =>
		`L${String(k).padStart(3, '0')},2025/04/${String((k % 28) + 1).padStart(2, '0')},${100 * k}`;
	const header = 'lead_id,created_at,amount';
	/** The 250-lead file, with `lines` (by line index; line 0 is the header) written over. */
	const file = (lines: Record<number, string> = {}) =>
		[header, ...Array.from({ length: 250 }, (_, i) => leads(i + 1))].map((l, i) => lines[i] ?? l);

	it('a clean file is read once, typed, with the same values as the text read', async () => {
		const { f, readsAtAdd } = await load('clean.csv', file());
		expect(readsAtAdd).toBe(1);
		expect(f.quality.rows).toBe(250);
		const rows = await leadsOf();
		expect(rows).toHaveLength(250);
		expect(rows[0]).toEqual({ lead_id: 'L001', created: '2025-04-02', amount: 100 });
		expect(rows[249]).toEqual({ lead_id: 'L250', created: '2025-04-27', amount: 25000 });
	});

	it('a date the reader cannot read below the sample: the file is read again as text, the date parsed', async () => {
		// lead 240 on spreadsheet row 241
		const { f, readsAtAdd } = await load('late-date.csv', file({ 240: 'L240,2025年5月3日,24000' }));
		expect(readsAtAdd).toBe(2);
		expect(f.quality.rows).toBe(250);
		const rows = await leadsOf();
		expect(rows).toHaveLength(250);
		expect(rows[239]).toEqual({ lead_id: 'L240', created: '2025-05-03', amount: 24000 });
		expect(rows[238]).toEqual({ lead_id: 'L239', created: '2025-04-16', amount: 23900 });
	});

	it('an implausible amount below the sample: read again as text and reported, not dropped', async () => {
		const { f, readsAtAdd } = await load('huge.csv', file({ 230: 'L230,2025/04/07,1e20' }));
		expect(readsAtAdd).toBe(2);
		expect(f.quality.rows).toBe(250);
		expect(issueOf(f.quality, 'implausible_number').examples).toEqual([{ row: 231, value: '1e20' }]);
		expect(await leadsOf()).toHaveLength(250);
	});

	it('"NaN" in a typed amount column: read again as text, reported as not a number', async () => {
		const { f, readsAtAdd } = await load('nan.csv', file({ 220: 'L220,2025/04/25,NaN' }));
		expect(readsAtAdd).toBe(2);
		expect(issueOf(f.quality, 'unparseable_number').examples).toEqual([{ row: 221, value: 'NaN' }]);
		const rows = await leadsOf();
		expect(rows[219]).toEqual({ lead_id: 'L220', created: '2025-04-25', amount: null });
	});

	it('a date after today in a typed column: reported with the cell as the file wrote it', async () => {
		const { f, readsAtAdd } = await load('future.csv', file({ 245: 'L245,2030/01/05,24500' }));
		expect(readsAtAdd).toBe(1);
		expect(issueOf(f.quality, 'future_date').examples).toEqual([{ row: 246, value: '2030/01/05' }]);
	});

	it('blank rows, a total row and a row with too many fields: counted as before, no second read', async () => {
		const lines = [...file(), ',,', 'L251,2025/04/10,100,extra,fields', '合計,,3137500'];
		lines.splice(101, 0, ' , ,'); // a blank row of spaces between lead 100 and lead 101
		const { f, readsAtAdd } = await load('totals.csv', lines);
		expect(readsAtAdd).toBe(1);
		// 250 leads, the set-aside row and the total row; the two blank rows are not counted.
		expect(f.quality.rows).toBe(252);
		expect(issueOf(f.quality, 'summary_row').examples).toEqual([{ row: 255, value: '合計 | 3137500' }]);
		expect(issueOf(f.quality, 'rejected_row').count).toBeGreaterThan(0);
		const rows = await leadsOf();
		expect(rows).toHaveLength(250);
		expect(rows[100]).toEqual({ lead_id: 'L101', created: '2025-04-18', amount: 10100 });
	});
});
