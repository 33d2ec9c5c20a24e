/**
 * Cell values end to end: the date forms METRICS.md accepts (calendar date as written, never shifted by
 * a zone), M/D vs D/M decided per column, Excel serials, amounts with currency marks and accounting
 * negatives, missing-value markers, and the quality report's row/column/value for what cannot be read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import {
	english,
	funnelCounts,
	issueOf,
	issues,
	leadById,
	newDataset,
	newDb,
	utf8
} from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

describe('dates and amounts as exports write them', () => {
	// created_at: one accepted form per row, each meaning 2025-04-01 except V5, whose date as written
	//   is 2025-03-31 (23:30 at UTC−5 would be 04-01 in UTC: the date must not shift).
	//   45748 is the Excel serial of 2025-04-01 (1899-12-30 + 45748 days: 2025-01-01 is 45658,
	//   + 31 + 28 + 31 = 45748); 45748.75 is 18:00 that day.
	// mql_at: 13/04/2025 can only be day-first, so the whole column is D/M: 02/04/2025 → 2 April.
	// sql_at: 05/04/2025 and 4/6/2025 fit either order: M/D by default (5 May, 6 April), with a
	//   warning. created_at's lone 4/1/2025 is ambiguous too (read 1 April) and warned about.
	// amount: ¥1,234 → 1234; ￥2,000 → 2000; 3,000円 → 3000; $4,500.50 → 4500.5; (1,234) → −1234;
	//   '', -, N/A, #N/A → empty, and not reported as unreadable.
	const text = [
		'lead_id,created_at,mql_at,sql_at,amount',
		'V1,2025-04-01,13/04/2025,05/04/2025,"¥1,234"',
		'V2,2025/04/01 13:05,02/04/2025,4/6/2025,"￥2,000"',
		'V3,2025/4/1,-,,"3,000円"',
		'V4,2025年4月1日,N/A,,"$4,500.50"',
		'V5,2025-03-31T23:30:00-05:00,#N/A,,"(1,234)"',
		'V6,2025-04-01T09:00:00Z,,,',
		'V7,45748,,,-',
		'V8,45748.75,,,N/A',
		'V9,4/1/2025,,,#N/A',
		''
	].join('\n');

	it('reads every form to the date as written and every amount', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('values.csv', utf8(text));
		const leads = await leadById(db);
		const created = Object.fromEntries([...leads].map(([id, r]) => [id, r.created_at]));
		expect(created).toEqual({
			V1: '2025-04-01',
			V2: '2025-04-01',
			V3: '2025-04-01',
			V4: '2025-04-01',
			V5: '2025-03-31',
			V6: '2025-04-01',
			V7: '2025-04-01',
			V8: '2025-04-01',
			V9: '2025-04-01'
		});
		expect(leads.get('V1')).toMatchObject({ mql_at: '2025-04-13', sql_at: '2025-05-04', amount: 1234 });
		expect(leads.get('V2')).toMatchObject({ mql_at: '2025-04-02', sql_at: '2025-04-06', amount: 2000 });
		const amounts = Object.fromEntries([...leads].map(([id, r]) => [id, r.amount]));
		expect(amounts).toEqual({
			V1: 1234,
			V2: 2000,
			V3: 3000,
			V4: 4500.5,
			V5: -1234,
			V6: null,
			V7: null,
			V8: null,
			V9: null
		});
		for (const id of ['V3', 'V4', 'V5']) expect(leads.get(id)?.mql_at).toBeNull();

		expect(issues(f.quality, 'unparseable_date')).toEqual([]);
		expect(issues(f.quality, 'unparseable_number')).toEqual([]);
		const ambiguous = issues(f.quality, 'ambiguous_date_order');
		expect(ambiguous.map((i) => [i.column, i.count])).toEqual([
			['created_at', 1],
			['sql_at', 2]
		]);
		expect(english(ambiguous[1])).toContain('month/day');

		// Cohort April: V5 (31 March) is out; mql and sql reached by V1 and V2.
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 8, mql: 2, sql: 2 });
		expect(await funnelCounts(ds, '2025-03-31', '2025-03-31')).toEqual({ lead: 1, mql: 0, sql: 0 });
	});

	// 250 rows dated 01/04/2025 and, on the very last row (far beyond any detection sample), one
	// 13/04/2025: the column is D/M, so every row is 1 April (M/D would give 4 January).
	it('decides D/M from a day > 12 anywhere in the column', async () => {
		const ds = await newDataset(db);
		const rows = Array.from({ length: 250 }, (_, i) => `X${i},01/04/2025`);
		const f = await ds.add('dm.csv', utf8(['lead_id,created_at', ...rows, 'X250,13/04/2025', ''].join('\n')));
		expect(issues(f.quality, 'ambiguous_date_order')).toEqual([]);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-01')).toEqual({ lead: 250 });
		expect(await funnelCounts(ds, '2025-04-13', '2025-04-13')).toEqual({ lead: 1 });
	});
});

describe('values that cannot be read', () => {
	// Spreadsheet rows (header = row 1):
	//   3  amount "abc"
	//   4  created_at "2025-04-31" (April has 30 days) → also missing its required date
	//   5  amount "1.2.3", mql_at "2025-02-30"
	//   6  amount "¥" (a currency mark and no number), mql_at "tomorrow"
	const text = [
		'lead_id,created_at,amount,mql_at',
		'U1,2025-04-01,100,2025-04-02',
		'U2,2025-04-02,abc,',
		'U3,2025-04-31,200,',
		'U4,2025-04-04,1.2.3,2025-02-30',
		'U5,2025-04-05,¥,tomorrow',
		''
	].join('\n');

	it('reports each with its spreadsheet row, column header and value', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('bad-values.csv', utf8(text));
		const num = issueOf(f.quality, 'unparseable_number', 'amount');
		expect(num.count).toBe(3);
		expect(num.examples).toEqual([
			{ row: 3, value: 'abc' },
			{ row: 5, value: '1.2.3' },
			{ row: 6, value: '¥' }
		]);
		const created = issueOf(f.quality, 'unparseable_date', 'created_at');
		expect(created.count).toBe(1);
		expect(created.examples).toEqual([{ row: 4, value: '2025-04-31' }]);
		const mql = issueOf(f.quality, 'unparseable_date', 'mql_at');
		expect(mql.count).toBe(2);
		expect(mql.examples).toEqual([
			{ row: 5, value: '2025-02-30' },
			{ row: 6, value: 'tomorrow' }
		]);
		const missing = issueOf(f.quality, 'missing_required', 'created_at');
		expect(missing.examples).toEqual([{ row: 4, value: '2025-04-31' }]);
		expect(f.quality.rows).toBe(5);
		expect(f.quality.rejected).toBe(1);
		const leads = await leadById(db);
		expect(leads.get('U1')).toMatchObject({ amount: 100, mql_at: '2025-04-02' });
		expect(leads.get('U2')?.amount).toBeNull();
		expect(leads.get('U4')?.mql_at).toBeNull();
	});
});
