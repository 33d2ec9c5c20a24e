/**
 * The v2 columns (docs/metrics.md "Canonical data"): detected in EN / JA / Salesforce / HubSpot headers,
 * typed, and carried through the merge; the `nurture` status target; the demo's new columns.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { parseOrgConfig } from '../../src/lib/engine/config';
import { guessKind } from '../../src/lib/engine/ingest/detect';
import { DEFAULT_VOCABULARIES, lookup } from '../../src/lib/engine/ingest/vocab';
import { newDataset, newDb, utf8 } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const fieldsOf = (headers: string[]) =>
	Object.fromEntries(guessKind(headers, []).mapping.map((m) => [m.header, m.field]));

describe('detection of the v2 columns', () => {
	it('reads the demo leads: 商談所有者 and フェーズ are deal columns, 担当者 and ステータス stay owner and status', () => {
		const text = readFileSync('static/demo/leads.csv', 'utf8').replace(/^\uFEFF/, '');
		const headers = text.split(/\r?\n/)[0].split(',');
		expect(fieldsOf(headers)).toMatchObject({
			担当者: 'owner',
			ステータス: 'status',
			商談所有者: 'deal_owner',
			フェーズ: 'deal_stage',
			'確度 (%)': 'probability',
			失注理由: 'lost_reason',
			リードスコア: 'score',
			最終活動日: 'last_activity_at'
		});
	});

	it('reads the demo customers: アップセル額, 解約理由, NPS回答日', () => {
		const headers = readFileSync('static/demo/customers.csv', 'utf8').split(/\r?\n/)[0].split(',');
		const g = guessKind(headers, []);
		expect(g.kind).toBe('customers');
		expect(Object.fromEntries(g.mapping.map((m) => [m.header, m.field]))).toMatchObject({
			アップセル額: 'expansion_mrr',
			解約理由: 'churn_reason',
			NPS回答日: 'nps_at'
		});
	});

	it.each([
		['Opportunity Owner', 'deal_owner'],
		['Deal owner', 'deal_owner'],
		['Account Executive', 'deal_owner'],
		['Deal Stage', 'deal_stage'],
		['Probability (%)', 'probability'],
		['商談 通貨', 'currency'],
		['CurrencyIsoCode', 'currency'],
		['Loss Reason', 'lost_reason'],
		['Closed Lost Reason', 'lost_reason'],
		['HubSpot Score', 'score'],
		['LastActivityDate', 'last_activity_at'],
		['金額 (換算)', 'amount_converted'],
		['ConvertedOpportunityId', 'converted_id'],
		['取引開始済み商談 ID', 'converted_id']
	])('%s → %s (beside an id, a date and a status)', (header, field) => {
		expect(fieldsOf(['lead_id', 'created_at', 'Lead Status', header])[header]).toBe(field);
	});

	it('takes a deal stage column as the status when the file has no other', () => {
		expect(fieldsOf(['Id', 'CreatedDate', 'StageName', 'StageSortOrder'])).toMatchObject({
			StageName: 'status'
		});
	});
});

describe('merge of the v2 columns', () => {
	// Amount 1000 beside Amount (converted) 150000: the converted one is the amount, 1000 the raw one.
	const leads = [
		'lead_id,created_at,Lead Owner,Opportunity Owner,Deal Stage,Probability (%),Currency,Loss Reason,HubSpot Score,Last Activity Date,Amount,Amount (converted),Status',
		'A1,2025-04-01,Sato,Tanaka,Negotiation,60,USD,,42,2025-04-20,1000,150000,Open',
		'A2,2025-04-02,Suzuki,,,,,Price,7,,,,Closed Lost'
	].join('\n');

	it('fills deal owner, stage, probability, currency, lost reason, score, last activity, status target', async () => {
		const ds = await newDataset(db);
		await ds.add('leads.csv', utf8(leads));
		const rows = await db.query(
			`SELECT lead_id, owner, deal_owner, deal_stage, probability, currency, lost_reason, score,
				strftime(last_activity_at, '%Y-%m-%d') AS last_activity_at, status_target, amount, amount_raw
			FROM leads ORDER BY lead_id`
		);
		expect(rows).toEqual([
			{
				lead_id: 'A1',
				owner: 'Sato',
				deal_owner: 'Tanaka',
				deal_stage: 'Negotiation',
				probability: 60,
				currency: 'USD',
				lost_reason: null,
				score: 42,
				last_activity_at: '2025-04-20',
				status_target: 'lead',
				amount: 150000,
				amount_raw: 1000
			},
			{
				lead_id: 'A2',
				owner: 'Suzuki',
				deal_owner: null,
				deal_stage: null,
				probability: null,
				currency: null,
				lost_reason: 'Price',
				score: 7,
				last_activity_at: null,
				status_target: 'lost',
				amount: null,
				amount_raw: null
			}
		]);
	});

	it('merged leads take the first non-empty value in load order', async () => {
		const ds = await newDataset(db);
		await ds.add('leads.csv', utf8(leads));
		await ds.add(
			'more.csv',
			utf8('lead_id,created_at,Opportunity Owner,Loss Reason\nA1,2025-03-30,Ito,\nA2,2025-04-02,Ito,Timing\n')
		);
		const rows = await db.query(
			`SELECT lead_id, strftime(created_at, '%Y-%m-%d') AS c, deal_owner, lost_reason FROM leads ORDER BY 1`
		);
		expect(rows).toEqual([
			{ lead_id: 'A1', c: '2025-03-30', deal_owner: 'Tanaka', lost_reason: null },
			{ lead_id: 'A2', c: '2025-04-02', deal_owner: 'Ito', lost_reason: 'Price' }
		]);
	});

	it('fills the customers columns', async () => {
		const ds = await newDataset(db);
		await ds.add(
			'customers.csv',
			utf8(
				'Account ID,Start Date,MRR,Expansion MRR,Churn Reason,NPS,NPS Date\nC1,2025-01-01,100,20,Budget,9,2025-06-01\n'
			)
		);
		const [r] = await db.query(
			`SELECT expansion_mrr, churn_reason, strftime(nps_at, '%Y-%m-%d') AS nps_at FROM customers`
		);
		expect(r).toEqual({ expansion_mrr: 20, churn_reason: 'Budget', nps_at: '2025-06-01' });
	});
});

describe('the nurture status target', () => {
	it.each(['ナーチャリング', '育成中', 'リサイクル', 'Nurturing', 'Recycled'])('%s → nurture', (v) => {
		expect(lookup(DEFAULT_VOCABULARIES, 'status', v)).toBe('nurture');
	});

	it('is a status target the org config accepts', () => {
		const c = parseOrgConfig({ vocabularies: { status: { 'On hold': 'nurture' } } });
		expect(c.vocabularies.status?.['On hold']).toBe('nurture');
	});

	it('implies no stage beyond lead', async () => {
		const ds = await newDataset(db);
		await ds.add(
			'n.csv',
			utf8('lead_id,created_at,status\nN1,2025-04-01,ナーチャリング\nN2,2025-04-01,MQL\n')
		);
		const rows = await db.query('SELECT lead_id, status_rank, status_target FROM leads ORDER BY 1');
		expect(rows).toEqual([
			{ lead_id: 'N1', status_rank: 0, status_target: 'nurture' },
			{ lead_id: 'N2', status_rank: 1, status_target: 'mql' }
		]);
	});
});
