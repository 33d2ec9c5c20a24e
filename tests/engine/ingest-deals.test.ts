/**
 * Deal exports and linked records (docs/metrics.md): every row of a deal export is an opportunity on its
 * creation date; won / lost from the stage or the IsWon / IsClosed flags, dated by the close date; a
 * lead's converted-opportunity id makes the lead and its deal one record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { bytes, context, funnelCounts, newDb, utf8 } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

/** Latin-1 text as windows-1252 bytes (one byte per character). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

// A Spanish org's export: A and B open in stages the vocabulary does not know; C won by IsWon only
// (Cerrada ganada is unknown too); D lost by IsClosed without IsWon; E Closed Won.
const OPPORTUNITIES = [
	'Id,Name,StageName,Amount,CurrencyIsoCode,Probability,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate,LastActivityDate',
	'006A,Alpha,Negociación,1000,USD,60,2025-06-30,false,false,005X,2025-04-01,2025-04-20',
	'006B,Beta,Firmas,2000,MXN,90,2025-06-15,false,false,005Y,2025-04-02,',
	'006C,Gamma,Cerrada ganada,3000,USD,100,2025-05-10,true,true,005X,2025-04-03,2025-05-09',
	'006D,Delta,Cerrada perdida,500,USD,0,2025-05-20,true,false,005Y,2025-04-05,',
	'006E,Epsilon,Closed Won,100,JPY,100,2025-05-01,true,true,005X,2025-04-06,'
].join('\r\n');

describe('a windows-1252 Salesforce Opportunity export', () => {
	it('loads with no mapping: every row an opportunity, won and lost by the flags, dated by CloseDate', async () => {
		const ds = new Dataset(db, { ...context(), currency: 'JPY', fxRates: { USD: 150 } });
		await ds.clear();
		const f = await ds.add('Opportunity.csv', cp1252(OPPORTUNITIES));
		expect(f.encoding.encoding).toBe('windows-1252');
		expect(f.deals).toBe(true);
		const rows = await db.query(
			`SELECT lead_id, owner, deal_owner, deal_stage, strftime(opportunity_at, '%Y-%m-%d') AS opp,
				strftime(won_at, '%Y-%m-%d') AS won, strftime(lost_at, '%Y-%m-%d') AS lost_at, lost,
				amount, amount_raw, currency, probability FROM leads ORDER BY lead_id`
		);
		expect(rows).toEqual([
			{
				lead_id: '006A',
				owner: null,
				deal_owner: '005X',
				deal_stage: 'Negociación',
				opp: '2025-04-01',
				won: null,
				lost_at: null,
				lost: false,
				amount: 150000,
				amount_raw: 1000,
				currency: 'USD',
				probability: 60
			},
			{
				lead_id: '006B',
				owner: null,
				deal_owner: '005Y',
				deal_stage: 'Firmas',
				opp: '2025-04-02',
				won: null,
				lost_at: null,
				lost: false,
				amount: null,
				amount_raw: 2000,
				currency: 'MXN',
				probability: 90
			},
			{
				lead_id: '006C',
				owner: null,
				deal_owner: '005X',
				deal_stage: 'Cerrada ganada',
				opp: '2025-04-03',
				won: '2025-05-10',
				lost_at: null,
				lost: false,
				amount: 450000,
				amount_raw: 3000,
				currency: 'USD',
				probability: 100
			},
			{
				lead_id: '006D',
				owner: null,
				deal_owner: '005Y',
				deal_stage: 'Cerrada perdida',
				opp: '2025-04-05',
				won: null,
				lost_at: '2025-05-20',
				lost: true,
				amount: 75000,
				amount_raw: 500,
				currency: 'USD',
				probability: 0
			},
			{
				lead_id: '006E',
				owner: null,
				deal_owner: '005X',
				deal_stage: 'Closed Won',
				opp: '2025-04-06',
				won: '2025-05-01',
				lost_at: null,
				lost: false,
				amount: 100,
				amount_raw: 100,
				currency: 'JPY',
				probability: 100
			}
		]);
		// Lead 5 = opportunity 5 (unknown stages count), won 2 (C by IsWon, E by stage).
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 5, opportunity: 5, won: 2 });
		expect(ds.notes.missingRates).toEqual(['MXN']);
	});

	it('re-merges with new rates', async () => {
		const ds = new Dataset(db, context());
		await ds.clear();
		await ds.add('Opportunity.csv', cp1252(OPPORTUNITIES));
		expect(ds.notes.missingRates).toEqual(['MXN', 'USD']);
		await ds.setFx('JPY', { USD: 150, MXN: 8 });
		expect(ds.notes.missingRates).toEqual([]);
		const [r] = await db.query(`SELECT amount FROM leads WHERE lead_id = '006B'`);
		expect(r.amount).toBe(16000);
	});
});

// L1 and L3 converted into 006A and 006B; L4 names Salesforce's empty id (blank); 006C no lead names.
const LEADS_JA = [
	'リード ID,作成日,リードソース,リード所有者,リード状況,取引開始済み商談 ID',
	'L1,2025/04/01,Web,佐藤,取引開始済み,006A',
	'L2,2025/04/02,展示会,鈴木,未対応,',
	'L3,2025/04/03,Web,佐藤,取引開始済み,006B',
	'L4,2025/04/04,Web,鈴木,対応中,000000000000000AAA'
].join('\n');
const DEALS_JA = [
	'商談 ID,商談名,フェーズ,金額,商談所有者,作成日,完了予定日,成立,完了',
	'006A,A社案件,交渉,100000,田中,2025/04/10,2025/05/31,0,0',
	'006B,B社案件,受注,200000,山本,2025/04/12,2025/05/20,1,1',
	'006C,C社案件,失注,50000,田中,2025/04/15,2025/05/25,0,1'
].join('\n');

describe('a Japanese lead report + 商談 report linked by 取引開始済み商談 ID', () => {
	it('gives one funnel, the deal owners apart from the lead owners', async () => {
		const ds = new Dataset(db, context());
		await ds.clear();
		await ds.add('リード.csv', bytes('\uFEFF', LEADS_JA));
		const deals = await ds.add('商談.csv', utf8(DEALS_JA));
		expect(deals.deals).toBe(true);
		const rows = await db.query(
			`SELECT lead_id, owner, deal_owner, deal_stage, strftime(created_at, '%Y-%m-%d') AS c,
				strftime(opportunity_at, '%Y-%m-%d') AS opp, strftime(won_at, '%Y-%m-%d') AS won, lost, amount
			FROM leads ORDER BY lead_id`
		);
		expect(rows).toEqual([
			{
				lead_id: '006C',
				owner: null,
				deal_owner: '田中',
				deal_stage: '失注',
				c: '2025-04-15',
				opp: '2025-04-15',
				won: null,
				lost: true,
				amount: 50000
			},
			{
				lead_id: 'L1',
				owner: '佐藤',
				deal_owner: '田中',
				deal_stage: '交渉',
				c: '2025-04-01',
				opp: '2025-04-10',
				won: null,
				lost: false,
				amount: 100000
			},
			{
				lead_id: 'L2',
				owner: '鈴木',
				deal_owner: null,
				deal_stage: null,
				c: '2025-04-02',
				opp: null,
				won: null,
				lost: false,
				amount: null
			},
			{
				lead_id: 'L3',
				owner: '佐藤',
				deal_owner: '山本',
				deal_stage: '受注',
				c: '2025-04-03',
				opp: '2025-04-12',
				won: '2025-05-20',
				lost: false,
				amount: 200000
			},
			{
				lead_id: 'L4',
				owner: '鈴木',
				deal_owner: null,
				deal_stage: null,
				c: '2025-04-04',
				opp: null,
				won: null,
				lost: false,
				amount: null
			}
		]);
		expect(ds.notes.links).toEqual({ [deals.id]: { linked: 2, alone: 1 } });
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 5, opportunity: 3, won: 1 });
	});
});
