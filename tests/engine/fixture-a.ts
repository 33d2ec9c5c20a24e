/** Leads of fixture A (metrics.test.ts, queries.test.ts): hand-computed expectations live with the tests. */
// Fixture A: L6 lies outside the April–May cohort; L2 skips SQL; L7 skips straight to won.
export const FIXTURE_A = [
	{
		lead_id: 'L1',
		created_at: '2025-04-01',
		mql_at: '2025-04-03',
		sql_at: '2025-04-10',
		opportunity_at: '2025-04-15',
		won_at: '2025-05-01',
		amount: 100,
		channel: 'A',
		owner: 'X'
	},
	{
		lead_id: 'L2',
		created_at: '2025-04-02',
		mql_at: '2025-04-05',
		opportunity_at: '2025-04-20',
		lost_at: '2025-05-10',
		channel: 'A',
		owner: 'Y'
	},
	{ lead_id: 'L3', created_at: '2025-04-03', channel: 'B', owner: 'X' },
	{
		lead_id: 'L4',
		created_at: '2025-04-10',
		mql_at: '2025-04-11',
		sql_at: '2025-04-12',
		channel: 'B',
		owner: 'Y'
	},
	{
		lead_id: 'L5',
		created_at: '2025-05-01',
		mql_at: '2025-05-02',
		sql_at: '2025-05-03',
		opportunity_at: '2025-05-04',
		won_at: '2025-06-01',
		amount: 300,
		channel: 'A',
		owner: 'X'
	},
	{
		lead_id: 'L6',
		created_at: '2025-03-25',
		mql_at: '2025-04-01',
		sql_at: '2025-04-02',
		opportunity_at: '2025-04-03',
		won_at: '2025-04-20',
		amount: 50,
		channel: 'B',
		owner: 'X'
	},
	{ lead_id: 'L7', created_at: '2025-04-15', won_at: '2025-04-20', amount: 200, channel: 'C', owner: 'Z' }
];
