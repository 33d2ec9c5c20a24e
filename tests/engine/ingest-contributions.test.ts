/** What each mapped column gave, per file: rows with a readable value and the stage it dates. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/engine/ingest/dataset';
import { newDataset, newDb, utf8 } from '../fixtures/ingest/harness';

let ds: Dataset;
beforeAll(async () => {
	ds = await newDataset(await newDb());
});

describe('column contributions', () => {
	it('counts readable values per column: an empty lost_at gives 0, an unknown status is not counted', async () => {
		// C1 all stages to won; C2 no MQL date, SQL on 04-06, status "???" (unknown); C3 MQL only, status
		// mql (a lead status: not a deal export). lost_at is blank throughout; C2's mql_at "soon" is no date.
		const f = await ds.add(
			'contrib.csv',
			utf8(
				[
					'lead_id,created_at,mql_at,sql_at,lost_at,channel,status',
					'C1,2025-04-01,2025-04-02,2025-04-05,,Web,won',
					'C2,2025-04-02,soon,2025-04-06,,Web,???',
					'C3,2025-04-03,2025-04-04,,,Event,mql',
					''
				].join('\n')
			)
		);
		const got = Object.fromEntries(f.contributions.map((c) => [c.field, [c.stage, c.rows]]));
		expect(got).toEqual({
			lead_id: [null, 3],
			// created_at: C1, C2, C3 = 3 leads; mql_at: C1, C3 = 2 ("soon" is no date); sql_at: C1, C2 = 2.
			created_at: ['lead', 3],
			mql_at: ['mql', 2],
			sql_at: ['sql', 2],
			lost_at: [null, 0],
			channel: [null, 3],
			// C1's "won" and C3's "mql" are in the vocabulary; "???" is not.
			status: [null, 2]
		});
	});

	it('a deal export dates its opportunities by the creation date', async () => {
		const f = await ds.add(
			'deals.csv',
			utf8(
				[
					'Opportunity ID,CreatedDate,StageName,IsWon,IsClosed,CloseDate,Amount',
					'O1,2025-04-01,Closed Won,true,true,2025-05-01,100',
					'O2,2025-04-02,Negotiation,false,false,,200',
					''
				].join('\n')
			)
		);
		expect(f.deals).toBe(true);
		expect(f.contributions.find((c) => c.field === 'created_at')).toMatchObject({
			stage: 'opportunity',
			rows: 2
		});
	});
});
