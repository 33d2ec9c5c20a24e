/**
 * Status and call-outcome vocabularies end to end: raw values in a file → canonical stages / outcomes in
 * the tables → funnel and inside-sales KPIs; values the vocabulary does not know are reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import {
	english,
	funnelCounts,
	issueOf,
	leadById,
	newDataset,
	newDb,
	report,
	utf8
} from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

describe('statuses', () => {
	// Each status → the stage it implies (status_rank 0 lead … 4 won):
	//   S1 Closed Won, S2 受注, S12 full-width ＣＬＯＳＥＤ + U+3000 + ＷＯＮ, S13 CLOSED_WON → won (4)
	//   S3 Closed Lost, S4 失注 → lost deals: they were opportunities (3), and lost
	//   S5 marketingqualifiedlead (HubSpot) → mql (1); S6 salesqualifiedlead → sql (2);
	//   S7 opportunity → 3; S8 subscriber → lead (0)
	//   S9 Closed - Not Converted → disqualified: no stage beyond lead, lost
	//   S10, S14 Zombie and S11 謎 → unknown: 2 values on 3 rows, reported
	// Funnel (all created 2025-04-01): lead 14; won 4; opportunity 4 + 2 lost + S7 = 7;
	// sql 7 + S6 = 8; mql 8 + S5 = 9.
	const rows = [
		['S1', 'Closed Won'],
		['S2', '受注'],
		['S3', 'Closed Lost'],
		['S4', '失注'],
		['S5', 'marketingqualifiedlead'],
		['S6', 'salesqualifiedlead'],
		['S7', 'opportunity'],
		['S8', 'subscriber'],
		['S9', 'Closed - Not Converted'],
		['S10', 'Zombie'],
		['S11', '謎'],
		['S12', 'ＣＬＯＳＥＤ\u3000ＷＯＮ'],
		['S13', 'CLOSED_WON'],
		['S14', 'Zombie']
	];
	const text = ['lead_id,created_at,status', ...rows.map(([id, s]) => `${id},2025-04-01,${s}`), ''].join(
		'\n'
	);

	it('maps statuses to stages, counts lost deals as opportunities, reports unknown values', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('statuses.csv', utf8(text));
		const leads = await leadById(db);
		const rank = Object.fromEntries([...leads].map(([id, r]) => [id, r.status_rank]));
		expect(rank).toEqual({
			S1: 4,
			S2: 4,
			S3: 3,
			S4: 3,
			S5: 1,
			S6: 2,
			S7: 3,
			S8: 0,
			S9: null,
			S10: null,
			S11: null,
			S12: 4,
			S13: 4,
			S14: null
		});
		const lost = [...leads].filter(([, r]) => r.lost).map(([id]) => id);
		expect(lost).toEqual(['S3', 'S4', 'S9']);
		const unknown = issueOf(f.quality, 'unknown_value', 'status');
		expect(unknown.count).toBe(3);
		expect(unknown.examples.map((e) => e.value).sort()).toEqual(['Zombie', '謎']);
		expect(english(unknown)).toContain('2 stage/status value(s)');
		expect(ds.meta.stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({
			lead: 14,
			mql: 9,
			sql: 8,
			opportunity: 7,
			won: 4
		});
	});
});

describe('call outcomes', () => {
	// A1 不在, A2 留守電 → no_answer; A3 接続, A5 通話, A6 担当者接続 → connected;
	// A4 アポ獲得, A7 商談設定 → meeting_set; A8 コールバック依頼 → unknown: other, reported;
	// A9 is an email (メール, 送信), not a call.
	// Calls (type 電話): A1–A8 = 8. Active rep-days with a call: R1 on 04-01 and 04-02, R2 on 04-02
	// and 04-03 = 4 → 8 / 4 = 2 calls per rep-day.
	// Contact rate = (connected 3 + meeting_set 2) / 8 calls = 0.625.
	// Meeting rate = leads with a meeting_set call {L2, L5} / leads with a connected or meeting_set
	// call {L2, L3, L4, L5} = 2 / 4 = 0.5.
	const text = [
		'activity_id,occurred_at,rep,lead_id,type,outcome',
		'A1,2025-04-01,R1,L1,電話,不在',
		'A2,2025-04-01,R1,L1,電話,留守電',
		'A3,2025-04-01,R1,L2,電話,接続',
		'A4,2025-04-02,R1,L2,電話,アポ獲得',
		'A5,2025-04-02,R2,L3,電話,通話',
		'A6,2025-04-02,R2,L4,電話,担当者接続',
		'A7,2025-04-02,R2,L5,電話,商談設定',
		'A8,2025-04-03,R2,L6,電話,コールバック依頼',
		'A9,2025-04-03,R2,L6,メール,送信',
		''
	].join('\n');

	it('maps Japanese outcomes and computes the inside-sales KPIs', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('calls.csv', utf8(text));
		expect(f.kind).toBe('activities');
		const rows = await db.query('SELECT activity_id, outcome, is_call FROM activities ORDER BY activity_id');
		expect(rows.map((r) => [r.activity_id, r.outcome, r.is_call])).toEqual([
			['A1', 'no_answer', true],
			['A2', 'no_answer', true],
			['A3', 'connected', true],
			['A4', 'meeting_set', true],
			['A5', 'connected', true],
			['A6', 'connected', true],
			['A7', 'meeting_set', true],
			['A8', 'other', true],
			['A9', 'other', false]
		]);
		const unknown = issueOf(f.quality, 'unknown_value', 'outcome');
		expect(unknown.count).toBe(1);
		expect(unknown.examples).toEqual([{ row: null, value: 'コールバック依頼' }]);
		const is = (await report(ds, '2025-04-01', '2025-04-30')).kpis.inside_sales;
		expect(is).toMatchObject({
			calls: 8,
			rep_days: 4,
			calls_per_rep_day: 2,
			contact_rate: 0.625,
			meeting_rate: 0.5
		});
	});
});
