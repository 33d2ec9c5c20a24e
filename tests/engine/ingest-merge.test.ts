/**
 * How lead files become the one `leads` table: a long stage history pivoted to wide, a status-only
 * file, two files merged by lead_id (each stage its earliest date), per-file checks (duplicate ids,
 * stage order, future dates), and the dataset's add / replace / remove / failure behaviour.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { IngestError } from '../../src/lib/engine/ingest/errors';
import {
	context,
	count,
	funnelCounts,
	issueOf,
	leadById,
	leadRows,
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

describe('long stage history', () => {
	// H1: Lead 04-01, MQL twice (04-03, then an earlier 04-02 listed later: earliest wins → 04-02),
	//     SQL 04-05, Closed Won 04-20.
	// H2: Lead 04-02, MQL 04-04, Disqualified 04-10 → lost (disqualified), lost_at 04-10.
	// H3: Lead 04-03, Prospecting 04-06 (opportunity), Closed Lost 04-08, reopened to
	//     Negotiation/Review 04-09 → open again: not lost, no lost_at, status Negotiation/Review.
	// H4: created straight as Closed Lost on 04-07 → a lost deal: reached opportunity (rank 3), lost.
	// Funnel April: lead 4; mql H1, H2, H3 (later stage), H4 (rank) = 4; sql H1, H3, H4 = 3;
	// opportunity H1 (won later), H3, H4 = 3; won H1 = 1.
	const text = [
		'lead_id,stage,changed_at',
		'H1,Lead,2025-04-01',
		'H1,MQL,2025-04-03',
		'H1,MQL,2025-04-02',
		'H1,SQL,2025-04-05',
		'H1,Closed Won,2025-04-20',
		'H2,Lead,2025-04-02',
		'H2,MQL,2025-04-04',
		'H2,Disqualified,2025-04-10',
		'H3,Lead,2025-04-03',
		'H3,Prospecting,2025-04-06',
		'H3,Closed Lost,2025-04-08',
		'H3,Negotiation/Review,2025-04-09',
		'H4,Closed Lost,2025-04-07',
		''
	].join('\n');

	it('pivots to one row per lead with the earliest date per stage and the latest status', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('history.csv', utf8(text));
		expect(f.kind).toBe('lead_history');
		expect(f.quality.rows).toBe(13);
		const leads = await leadById(db);
		expect(leads.get('H1')).toMatchObject({
			created_at: '2025-04-01',
			mql_at: '2025-04-02',
			sql_at: '2025-04-05',
			opportunity_at: null,
			won_at: '2025-04-20',
			lost_at: null,
			status: 'Closed Won',
			lost: false
		});
		expect(leads.get('H2')).toMatchObject({
			created_at: '2025-04-02',
			mql_at: '2025-04-04',
			lost_at: '2025-04-10',
			status: 'Disqualified',
			lost: true
		});
		expect(leads.get('H3')).toMatchObject({
			created_at: '2025-04-03',
			opportunity_at: '2025-04-06',
			lost_at: null,
			status: 'Negotiation/Review',
			lost: false
		});
		expect(leads.get('H4')).toMatchObject({
			created_at: '2025-04-07',
			lost_at: '2025-04-07',
			status_rank: 3,
			lost: true
		});
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({
			lead: 4,
			mql: 4,
			sql: 3,
			opportunity: 3,
			won: 1
		});
	});
});

describe('status-only lead file', () => {
	// No stage dates: each status implies its stage and every earlier one.
	// S1 Open - Not Contacted (lead), S2 MQL, S3 SQL, S4 商談中 (opportunity), S5 受注 (won),
	// S6 Closed - Not Converted (disqualified: lead only).
	// Funnel: lead 6; mql S2–S5 = 4; sql S3–S5 = 3; opportunity S4, S5 = 2; won S5 = 1.
	const text = [
		'lead_id,created_at,status',
		'S1,2025-04-01,Open - Not Contacted',
		'S2,2025-04-02,MQL',
		'S3,2025-04-03,SQL',
		'S4,2025-04-04,商談中',
		'S5,2025-04-05,受注',
		'S6,2025-04-06,Closed - Not Converted',
		''
	].join('\n');

	it('counts each lead at its status stage and every earlier stage', async () => {
		const ds = await newDataset(db);
		await ds.add('status-only.csv', utf8(text));
		expect(ds.meta.stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
		const r = await report(ds, '2025-04-01', '2025-04-30');
		expect(r.funnel.map((s) => [s.stage, s.count])).toEqual([
			['lead', 6],
			['mql', 4],
			['sql', 3],
			['opportunity', 2],
			['won', 1]
		]);
		// Rates relative to the previous stage: 4/6, 3/4, 2/3, 1/2.
		expect(r.funnel.map((s) => s.rate)).toEqual([null, 4 / 6, 3 / 4, 2 / 3, 1 / 2]);
	});
});

// A lead export and a deal export sharing lead ids.
// leads.csv: M1 created 04-01, mql 04-03, sql 04-10, opportunity 04-20 (Web)
//            M2 created 04-02, mql 04-04, sql 04-12 (Event)
//            M3 created 04-03 (Web);  M4 created 04-05, mql 04-06 (Event)
// deals.csv: M1 created 04-18, opportunity 04-18, won 05-10, 500,000
//            M2 created 04-15, opportunity 04-15
//            M5 created 04-25, opportunity 04-25, won 05-20, 300,000 (no lead row)
const LEADS = [
	'lead_id,created_at,channel,mql_at,sql_at,opportunity_at',
	'M1,2025-04-01,Web,2025-04-03,2025-04-10,2025-04-20',
	'M2,2025-04-02,Event,2025-04-04,2025-04-12,',
	'M3,2025-04-03,Web,,,',
	'M4,2025-04-05,Event,2025-04-06,,',
	''
].join('\n');
const DEALS = [
	'lead_id,created_at,opportunity_at,won_at,amount',
	'M1,2025-04-18,2025-04-18,2025-05-10,500000',
	'M2,2025-04-15,2025-04-15,,',
	'M5,2025-04-25,2025-04-25,2025-05-20,300000',
	''
].join('\n');
// Leads alone, cohort April: lead 4; mql M1, M2, M4 = 3; sql M1, M2 = 2; opportunity M1 = 1.
const LEADS_ONLY = { lead: 4, mql: 3, sql: 2, opportunity: 1 };
// Merged: M1 created min(04-01, 04-18) = 04-01, opportunity min(04-20, 04-18) = 04-18, won 05-10;
// M2 opportunity 04-15; M5 a lead of its own from the deal export.
// Cohort April: lead 5; mql M1, M2, M4, M5 (via its opportunity) = 4; sql M1, M2, M5 = 3;
// opportunity M1, M2, M5 = 3; won M1, M5 = 2; won revenue 800,000.
const MERGED = { lead: 5, mql: 4, sql: 3, opportunity: 3, won: 2 };

describe('two files merged by lead_id', () => {
	it('takes each stage from the earliest date any file gives', async () => {
		const ds = await newDataset(db);
		await ds.add('leads.csv', utf8(LEADS));
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(LEADS_ONLY);
		await ds.add('deals.csv', utf8(DEALS));
		const leads = await leadById(db);
		expect(leads.size).toBe(5);
		expect(leads.get('M1')).toMatchObject({
			created_at: '2025-04-01',
			mql_at: '2025-04-03',
			sql_at: '2025-04-10',
			opportunity_at: '2025-04-18',
			won_at: '2025-05-10',
			amount: 500000,
			channel: 'Web'
		});
		expect(leads.get('M2')).toMatchObject({ opportunity_at: '2025-04-15', sql_at: '2025-04-12' });
		expect(leads.get('M5')).toMatchObject({ created_at: '2025-04-25', won_at: '2025-05-20', channel: null });
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(MERGED);
		expect((await report(ds, '2025-04-01', '2025-04-30')).revenue?.won_revenue).toBe(800000);
	});

	it('gives the same result whichever file comes first', async () => {
		const ds = await newDataset(db);
		await ds.add('deals.csv', utf8(DEALS));
		await ds.add('leads.csv', utf8(LEADS));
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(MERGED);
		expect((await leadById(db)).get('M1')).toMatchObject({ opportunity_at: '2025-04-18', channel: 'Web' });
	});
});

describe('per-file checks', () => {
	// Spreadsheet rows: 2 Q1 (sql 04-03 before mql 04-05), 3 Q2 (mql 03-30 before created 04-02),
	// 4 Q1 again (duplicate), 5 Q3 created 2027-01-01 (after today 2026-11-24), 6 Q4 mql 2026-12-01.
	// Q1 merged: created min(04-01, 04-03) = 04-01, mql min(04-05, 04-04) = 04-04, sql 04-03.
	const text = [
		'lead_id,created_at,mql_at,sql_at',
		'Q1,2025-04-01,2025-04-05,2025-04-03',
		'Q2,2025-04-02,2025-03-30,',
		'Q1,2025-04-03,2025-04-04,',
		'Q3,2027-01-01,,',
		'Q4,2025-04-04,2026-12-01,',
		''
	].join('\n');

	it('reports duplicate ids, stages out of order and dates after today, and merges duplicates', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('checks.csv', utf8(text));
		const dup = issueOf(f.quality, 'duplicate_id', 'lead_id');
		expect(dup.count).toBe(1);
		expect(dup.examples).toEqual([{ row: 2, value: 'Q1' }]);
		const order = issueOf(f.quality, 'stage_order');
		expect(order.count).toBe(2);
		expect(order.examples.map((e) => e.row)).toEqual([2, 3]);
		expect(order.examples[0].value).toBe('created_at 2025-04-01, mql_at 2025-04-05, sql_at 2025-04-03');
		expect(issueOf(f.quality, 'future_date', 'created_at').examples).toEqual([
			{ row: 5, value: '2027-01-01' }
		]);
		expect(issueOf(f.quality, 'future_date', 'mql_at').examples).toEqual([{ row: 6, value: '2026-12-01' }]);
		expect(await count(db, 'leads')).toBe(4);
		expect((await leadById(db)).get('Q1')).toMatchObject({
			created_at: '2025-04-01',
			mql_at: '2025-04-04',
			sql_at: '2025-04-03'
		});
	});

	// A deal export's close date becomes won_at / lost_at by status; closed before created is out of
	// order too. C1 won, closed 03-20 < created 04-01 (row 2); C2 lost, closed 03-25 < created 04-02
	// (row 3); C3 won in order.
	it('checks a close date against the created date, for won and lost deals', async () => {
		const ds = await newDataset(db);
		const f = await ds.add(
			'closes.csv',
			utf8(
				'Opportunity ID,Created Date,Stage,Close Date\n' +
					'C1,2025-04-01,Closed Won,2025-03-20\n' +
					'C2,2025-04-02,Closed Lost,2025-03-25\n' +
					'C3,2025-04-03,Closed Won,2025-04-30\n'
			)
		);
		const order = issueOf(f.quality, 'stage_order');
		expect(order.count).toBe(2);
		expect(order.examples.map((e) => e.row)).toEqual([2, 3]);
		const leads = await leadById(db);
		expect(leads.get('C1')).toMatchObject({ won_at: '2025-03-20', lost_at: null });
		expect(leads.get('C2')).toMatchObject({ won_at: null, lost_at: '2025-03-25', lost: true });
		// Cohort April: 3 deals, all opportunities (C2 a lost one), 2 won.
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 3, opportunity: 3, won: 2 });
	});
});

describe('replace, remove, failure', () => {
	// deals-v2.csv replaces deals.csv: only M5, now lost (Closed Lost on 05-20, no won date).
	// Merged with leads.csv, cohort April: lead 5; mql M1, M2, M4, M5 (lost deal ⇒ opportunity) = 4;
	// sql M1, M2, M5 = 3; opportunity M1, M5 = 2; and no won stage at all.
	const DEALS_V2 = 'lead_id,created_at,status,lost_at\nM5,2025-04-25,Closed Lost,2025-05-20\n';

	it('replaces and removes a file, and a failing file leaves everything intact', async () => {
		const ds = await newDataset(db);
		const leadsFile = await ds.add('leads.csv', utf8(LEADS));
		const deals = await ds.add('deals.csv', utf8(DEALS));
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(MERGED);

		const v2 = await ds.add('deals.csv', utf8(DEALS_V2), {}, deals.id);
		expect(ds.files.map((f) => f.name)).toEqual(['leads.csv', 'deals.csv']);
		expect(ds.files[1].id).toBe(v2.id);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({
			lead: 5,
			mql: 4,
			sql: 3,
			opportunity: 2
		});
		// No file gives a won date or a won status any more: the stage is missing, not zero.
		expect((await report(ds, '2025-04-01', '2025-04-30')).missing_stages).toEqual(['won']);
		// The replaced file's tables are gone.
		const tables = await db.query(
			`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'mb_%_${deals.id}'`
		);
		expect(tables).toEqual([]);

		await ds.remove(v2.id);
		expect(ds.files.map((f) => f.id)).toEqual([leadsFile.id]);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(LEADS_ONLY);

		const before = await leadRows(db);
		const meta = structuredClone(ds.meta);
		const broken = [
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
			utf8('just,some,words\nnothing,to,see\n')
		];
		for (const bytes of broken) {
			await expect(ds.add('broken.csv', bytes)).rejects.toBeInstanceOf(IngestError);
			// Replacing with a broken file keeps the file it was to replace.
			await expect(ds.add('broken.csv', bytes, {}, leadsFile.id)).rejects.toBeInstanceOf(IngestError);
		}
		expect(ds.files.map((f) => f.id)).toEqual([leadsFile.id]);
		expect(ds.meta).toEqual(meta);
		expect(await leadRows(db)).toEqual(before);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(LEADS_ONLY);
	});

	it('rolls the canonical tables back when the merge itself fails', async () => {
		// A connection whose next rebuild inserts into a table that does not exist: DuckDB has already
		// dropped and re-created the canonical tables in that batch when the insert fails, as a merge
		// hitting an engine error would.
		let failNext = false;
		const flaky: Db = {
			...db,
			async exec(sql: string) {
				if (failNext && sql.includes('INSERT INTO leads')) {
					failNext = false;
					return db.exec(sql.replace('INSERT INTO leads', 'INSERT INTO simulated_engine_failure'));
				}
				return db.exec(sql);
			}
		};
		const ds = new Dataset(flaky, context());
		await ds.add('leads.csv', utf8(LEADS));
		const before = await leadRows(db);
		failNext = true;
		const err = await ds.add('deals.csv', utf8(DEALS)).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(IngestError);
		// Our own words name the file and say nothing was lost; DuckDB's text is only the technical detail.
		expect(english(err as IngestError)).toMatch(/^deals\.csv .*unchanged/);
		expect((err as IngestError).detail).toMatch(/simulated_engine_failure/);
		expect(ds.files.map((f) => f.name)).toEqual(['leads.csv']);
		expect(await leadRows(db)).toEqual(before);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(LEADS_ONLY);
		// And the dataset still works afterwards.
		await ds.add('deals.csv', utf8(DEALS));
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(MERGED);
	});

	it('runs adds one after another when they are started together', async () => {
		const ds = await newDataset(db);
		await Promise.all([ds.add('leads.csv', utf8(LEADS)), ds.add('deals.csv', utf8(DEALS))]);
		expect(ds.files.map((f) => f.name)).toEqual(['leads.csv', 'deals.csv']);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual(MERGED);
	});
});

describe('leads as a view over a single file', () => {
	// One lead file with unique ids: `leads` is a view over its typed table (no copy). A second lead file
	// makes it a merged table again; removing that file, a view again; clearing, an empty table.
	// Whether leads reads a file's typed table directly (else the merged leads_t).
	const isView = async () =>
		String(
			(await db.query(`SELECT sql FROM duckdb_views() WHERE view_name = 'leads' AND NOT internal`))[0].sql
		).includes('mb_src_');
	const a = ['lead_id,created_at,mql_at', 'A1,2025-04-01,2025-04-03', 'A2,2025-04-02,', ''].join('\n');
	const b = ['lead_id,created_at,sql_at', 'A2,2025-04-02,2025-04-09', 'B1,2025-04-05,', ''].join('\n');

	it('switches between view and table and always holds the same leads', async () => {
		const ds = await newDataset(db);
		const fa = await ds.add('a.csv', utf8(a));
		expect(await isView()).toBe(true);
		expect(await count(db, 'leads')).toBe(2);
		const fb = await ds.add('b.csv', utf8(b));
		expect(await isView()).toBe(false);
		// A1, A2 (mql from a, sql from b), B1
		expect(await count(db, 'leads')).toBe(3);
		expect((await leadById(db)).get('A2')).toMatchObject({ created_at: '2025-04-02', sql_at: '2025-04-09' });
		await ds.remove(fa.id);
		expect(await isView()).toBe(true);
		expect([...(await leadById(db)).keys()]).toEqual(['A2', 'B1']);
		await ds.remove(fb.id);
		expect(await isView()).toBe(false);
		expect(await count(db, 'leads')).toBe(0);
		// The cube follows: nothing left.
		expect(await count(db, 'lead_cube')).toBe(0);
	});
});
