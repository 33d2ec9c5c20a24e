/**
 * Files without created_at (docs/metrics.md "A file need not carry created_at"): Olist's MQL list and
 * closed-deals file, joined by mql_id, load with no mapping; records no file dates are reported once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { guessKind } from '../../src/lib/engine/ingest/detect';
import { datasetMessages } from '../../src/lib/engine/ingest/dataset-messages';
import { formatIngestMessage } from '../../src/lib/i18n/ingest-messages';
import { funnelCounts, newDataset, newDb, utf8 } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const MQLS = [
	'mql_id,first_contact_date,landing_page_id,origin',
	'm1,2018-02-01,lp1,paid_search',
	'm2,2018-02-03,lp2,organic_search',
	'm3,2018-02-10,lp1,paid_search'
].join('\n');
// m1 won; m9 is in no MQL list: no file dates it.
const CLOSED = [
	'mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type',
	'm1,s1,sdrA,srX,2018-03-01 10:00:00,pet,online_big',
	'm9,s2,sdrB,srY,2018-03-05 11:00:00,car,offline'
].join('\n');

describe('an MQL list and a closed-deals file without a creation date', () => {
	it('detects first_contact_date as created_at, 初回接触日 too, and not 初回商談日', () => {
		const fields = (h: string[]) => guessKind(h, []).mapping.map((m) => `${m.header}:${m.field}`);
		expect(fields(['mql_id', 'first_contact_date', 'origin'])).toEqual([
			'mql_id:lead_id',
			'first_contact_date:created_at',
			'origin:channel'
		]);
		expect(fields(['リードID', '初回接触日', 'ステータス'])).toContain('初回接触日:created_at');
		expect(fields(['リードID', '初回商談日', 'ステータス'])).not.toContain('初回商談日:created_at');
	});

	it('both load with no mapping and merge by id; the undated record is reported once', async () => {
		const ds = await newDataset(db);
		await ds.add('olist_marketing_qualified_leads_dataset.csv', utf8(MQLS));
		const closed = await ds.add('olist_closed_deals_dataset.csv', utf8(CLOSED));
		expect(closed.kind).toBe('leads');
		expect(closed.mapping.map((m) => m.field)).toEqual(
			expect.arrayContaining(['lead_id', 'owner', 'deal_owner', 'won_at'])
		);
		const rows = await db.query(
			`SELECT lead_id, strftime(created_at, '%Y-%m-%d') AS c, strftime(won_at, '%Y-%m-%d') AS won,
				channel, owner, deal_owner FROM leads ORDER BY lead_id`
		);
		expect(rows).toEqual([
			{
				lead_id: 'm1',
				c: '2018-02-01',
				won: '2018-03-01',
				channel: 'paid_search',
				owner: 'sdrA',
				deal_owner: 'srX'
			},
			{ lead_id: 'm2', c: '2018-02-03', won: null, channel: 'organic_search', owner: null, deal_owner: null },
			{ lead_id: 'm3', c: '2018-02-10', won: null, channel: 'paid_search', owner: null, deal_owner: null },
			{ lead_id: 'm9', c: null, won: '2018-03-05', channel: null, owner: 'sdrB', deal_owner: 'srY' }
		]);
		// Cohort February: 3 leads (m9 is in no cohort), 1 won.
		expect(await funnelCounts(ds, '2018-02-01', '2018-02-28')).toMatchObject({ lead: 3, won: 1 });
		expect(ds.notes.undated).toBe(1);
		const [m] = datasetMessages(ds.notes);
		expect(formatIngestMessage('en', m)).toMatch(
			/^1 records have no creation date in any file: they are outside every cohort/
		);
		expect(formatIngestMessage('ja', m)).toMatch(/^1 件のレコードはどのファイルにも作成日がありません/);
	});
});
