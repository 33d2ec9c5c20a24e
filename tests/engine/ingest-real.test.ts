/**
 * The real public exports of /work/shared/data, as a user would drop them. The Salesforce files are
 * copied unmodified into tests/fixtures/ingest/salesforce-devorg/; Maven's 630 KB sales_pipeline.csv is
 * read from ../shared/data when it is there.
 *
 * Every expected number was counted independently with Python's csv module over the same files
 * (the commands are in the comments), never by running the code under test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { funnelBy } from '../../src/lib/engine/metrics/funnel';
import {
	count,
	fixture,
	funnelCounts,
	issueOf,
	issues,
	leadRows,
	newDataset,
	newDb,
	report,
	view
} from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const sf = (name: string) => fixture(`salesforce-devorg/${name}`);

describe('Salesforce Lead.csv (status-only lead funnel)', () => {
	// python: rows = list(csv.DictReader(open('Lead.csv')))
	//   len(rows) = 22; every CREATEDDATE is 2023-10-28T20:45:25.000Z
	//   Counter(STATUS): Working - Contacted 12, Closed - Not Converted 4, Closed - Converted 3,
	//                    Open - Not Contacted 3
	//   Counter(LEADSOURCE): Purchased List 7, Web 7, Partner Referral 4, Phone Inquiry 4
	//   Closed - Converted per source: Purchased List 1, Phone Inquiry 1, Web 1, Partner Referral 0
	// Closed - Converted is a lead converted into an opportunity: funnel lead 22 → opportunity 3;
	// no MQL, SQL or won information (stages missing). The 4 Closed - Not Converted are lost.
	it('gives lead 22 → opportunity 3, per source', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('Lead.csv', sf('Lead.csv'));
		expect(f.kind).toBe('leads');
		expect(f.quality).toMatchObject({
			encoding: 'utf-8',
			delimiter: ',',
			header_row: 1,
			rows: 22,
			rejected: 0
		});
		const header = (field: string) => f.mapping.find((m) => m.field === field)?.header;
		expect([header('lead_id'), header('created_at'), header('channel'), header('status')]).toEqual([
			'ID',
			'CREATEDDATE',
			'LEADSOURCE',
			'STATUS'
		]);
		expect(f.quality.issues.filter((i) => i.severity !== 'info')).toEqual([]);
		const r = await report(ds, '2023-10-28', '2023-10-28');
		expect(r.funnel.map((s) => [s.stage, s.count])).toEqual([
			['lead', 22],
			['opportunity', 3]
		]);
		expect(r.funnel[1].rate).toBe(3 / 22);
		expect(r.missing_stages).toEqual(['mql', 'sql', 'won']);
		const lost = await db.query('SELECT count(*)::INTEGER AS n FROM leads WHERE lost');
		expect(lost[0].n).toBe(4);
		const bySource = await funnelBy(db, view('2023-10-28', '2023-10-28'), ds.meta.stages, 'channel');
		expect(bySource.map((g) => [g.group, g.steps[0].count, g.steps[1].count])).toEqual([
			['Partner Referral', 4, 0],
			['Phone Inquiry', 4, 1],
			['Purchased List', 7, 1],
			['Web', 7, 1]
		]);
	});
});

describe('Salesforce Opportunity.csv (a deal export)', () => {
	// python: rows = list(csv.DictReader(open('Opportunity.csv')))
	//   len(rows) = 31, every CreatedDate 2023-10-28 20:45:25
	//   Counter(StageName): Closed Won 18, Id. Decision Makers 3, Negotiation/Review 2,
	//     Proposal/Price Quote 2, Value Proposition 2, Qualification 1, Prospecting 1,
	//     Perception Analysis 1, Needs Analysis 1  (every open stage is an opportunity stage)
	//   sum(Amount where Closed Won) = 3,645,000
	//   Closed Won with CloseDate[:10] < CreatedDate[:10]: 18 (records were imported after closing)
	// Funnel (cohort 2023-10-28): lead 31, opportunity 31, won 18.
	it('gives 31 opportunities, 18 won, 3,645,000, and reports closes before creation', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('Opportunity.csv', sf('Opportunity.csv'));
		expect(f.kind).toBe('leads');
		expect(f.deals).toBe(true);
		expect(f.quality.rows).toBe(31);
		expect(await funnelCounts(ds, '2023-10-28', '2023-10-28')).toEqual({
			lead: 31,
			opportunity: 31,
			won: 18
		});
		const r = await report(ds, '2023-10-28', '2023-10-28');
		expect(r.revenue?.won_revenue).toBe(3645000);
		expect(issueOf(f.quality, 'stage_order').count).toBe(18);
		// Every won deal closed before it was created: no usable opportunity → won interval.
		const step = r.velocity.find((v) => v.from === 'opportunity' && v.to === 'won');
		expect(step?.n).toBe(0);
	});
});

describe('Salesforce OpportunityHistory.csv (long form)', () => {
	// python: rows = list(csv.DictReader(open('OpportunityHistory.csv')))
	//   len(rows) = 62 over 31 OpportunityIds; each id has exactly one distinct StageName (every row
	//   is there twice); 18 ids are Closed Won; sum of their Amount = 3,645,000; all CreatedDate
	//   2023-10-28 20:45:25; the ids are exactly Opportunity.csv's Ids.
	it('pivots 62 changes into 31 opportunities, 18 won', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('OpportunityHistory.csv', sf('OpportunityHistory.csv'));
		expect(f.kind).toBe('lead_history');
		expect(f.quality.rows).toBe(62);
		expect(await count(db, 'leads')).toBe(31);
		expect(await funnelCounts(ds, '2023-10-28', '2023-10-28')).toEqual({
			lead: 31,
			opportunity: 31,
			won: 18
		});
		expect((await report(ds, '2023-10-28', '2023-10-28')).revenue?.won_revenue).toBe(3645000);
	});

	it('merges with Opportunity.csv by id into the same 31 deals', async () => {
		const ds = await newDataset(db);
		await ds.add('Opportunity.csv', sf('Opportunity.csv'));
		await ds.add('OpportunityHistory.csv', sf('OpportunityHistory.csv'));
		expect(await count(db, 'leads')).toBe(31);
		expect(await funnelCounts(ds, '2023-07-01', '2023-10-31')).toEqual({
			lead: 31,
			opportunity: 31,
			won: 18
		});
		// The merged won dates are the earliest either file gives: the CloseDates (July–October).
		const rows = await leadRows(db);
		expect(rows.filter((r) => r.won_at !== null && String(r.won_at) < '2023-10-28')).toHaveLength(18);
	});
});

const MAVEN = path.resolve(process.cwd(), '../shared/data/maven-crm/sales_pipeline.csv');

describe.skipIf(!existsSync(MAVEN))('Maven sales_pipeline.csv (deal pipeline, current stage only)', () => {
	// python: rows = list(csv.DictReader(open('sales_pipeline.csv')))
	//   len(rows) = 8800, 8800 distinct opportunity_id
	//   Counter(deal_stage): Won 4238, Lost 2473, Engaging 1589, Prospecting 500
	//   the 500 Prospecting deals have neither engage_date nor close_date; Engaging ones no close_date
	//   min(engage_date) 2016-10-20, max(close_date) 2017-12-31
	//   sum(close_value where Won) = 10,005,534
	//   close − engage over Won deals: n 4238, median 57 days, p90 106 (linear interpolation,
	//   as quantile_cont)
	// Funnel over the whole span: the 8300 engaged deals (Won + Lost + Engaging) are leads and
	// opportunities (lost deals were opportunities), 4238 won: win rate 4238 / 8300.
	it('gives 8300 engaged deals, 4238 won, and engage → close velocity', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('sales_pipeline.csv', new Uint8Array(readFileSync(MAVEN)));
		expect(f.quality.rows).toBe(8800);
		expect(f.quality.rejected).toBe(500);
		const missing = issueOf(f.quality, 'missing_required', 'engage_date');
		expect(missing.count).toBe(500);
		expect(issues(f.quality, 'stage_order')).toEqual([]);
		const r = await report(ds, '2016-10-20', '2017-12-31');
		expect(r.funnel.map((s) => [s.stage, s.count])).toEqual([
			['lead', 8300],
			['opportunity', 8300],
			['won', 4238]
		]);
		expect(r.kpis.field_sales).toMatchObject({
			opportunities: 8300,
			won: 4238,
			win_rate: 4238 / 8300,
			won_revenue: 10005534,
			median_days_to_win: 57
		});
		const step = r.velocity.find((v) => v.from === 'opportunity' && v.to === 'won');
		expect(step).toMatchObject({ n: 4238, median_days: 57, p90_days: 106 });
	});
});
