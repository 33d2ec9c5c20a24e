/**
 * "Every row of this file reached stage X on date column Y" (file-reached.ts) and one column feeding
 * two fields, on small hand-made files whose figures are counted by hand below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { computeReport } from '../../src/lib/engine/metrics/report';
import { IngestError } from '../../src/lib/engine/ingest/errors';
import { applyMappingFile, parseMappingFile, toMappingFile } from '../../src/lib/engine/ingest/mapping-file';
import type { Dataset } from '../../src/lib/engine/ingest/dataset';
import { headerSignature } from '../../src/lib/engine/ingest/normalise';
import { funnelCounts, newDataset, newDb, utf8, view } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

// An MQL list as a marketing team exports it: one date, 作成日, no status.
const MQLS = [
	'リードID,作成日,流入元,担当',
	'A1,2025-04-03,Web,佐藤',
	'A2,2025-04-10,展示会,鈴木',
	'A3,2025-04-20,Web,佐藤',
	'A4,2025-05-02,Web,鈴木'
].join('\n');
// A won list with no date at all: ids and amounts.
const WON = ['リードID,金額', 'A1,100000', 'A3,250000'].join('\n');

const periodCounts = async (ds: Dataset, from: string, to: string) => {
	const r = await computeReport(ds.db, ds.meta, view(from, to, { mode: 'period' }));
	return Object.fromEntries(r.funnel.map((s) => [s.stage, s.count]));
};

describe('every row of a file reached a stage', () => {
	it('dated by a column that is also the created date (one column, two fields)', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('mql.csv', utf8(MQLS), { reached: { stage: 'mql', column: '作成日' } });
		expect(f.reached).toEqual({ stage: 'mql', column: '作成日' });
		// 作成日 feeds created_at (detected) and mql_at (stated): the same column read twice.
		expect(
			f.mapping
				.filter((m) => m.header === '作成日')
				.map((m) => m.field)
				.sort()
		).toEqual(['created_at', 'mql_at']);
		// April cohort: A1, A2, A3 created in April, each an MQL on its creation date → lead 3, mql 3.
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, mql: 3 });
		// Period mode, May: A4's own MQL date (2025-05-02) is in May → mql 1.
		expect(await periodCounts(ds, '2025-05-01', '2025-05-31')).toMatchObject({ lead: 1, mql: 1 });
	});

	it('undated: counted in cohort mode, not in period mode', async () => {
		const ds = await newDataset(db);
		await ds.add('mql.csv', utf8(MQLS), { reached: { stage: 'mql' } });
		// April cohort: A1–A3 reached mql (undated) → mql 3 of lead 3.
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, mql: 3 });
		// Period mode counts a stage by its own date: none is dated → 0 MQLs in April.
		expect((await periodCounts(ds, '2025-04-01', '2025-04-30')).mql ?? 0).toBe(0);
	});

	it('a won list without any date is refused, and loads once the user says every row was won', async () => {
		const ds = await newDataset(db);
		await ds.add('mql.csv', utf8(MQLS), { reached: { stage: 'mql', column: '作成日' } });
		const refused = await ds.add('won.csv', utf8(WON)).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(IngestError);
		await ds.add('won.csv', utf8(WON), { reached: { stage: 'won' } });
		// April cohort: A1 and A3 are won (undated, merged by リードID into the MQL list's records);
		// skipped stages count as passed: sql and opportunity 2 as well.
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({
			lead: 3,
			mql: 3,
			won: 2
		});
	});

	it('one owner column as both the lead owner and the deal owner', async () => {
		const ds = await newDataset(db);
		await ds.add('mql.csv', utf8(MQLS), {
			kind: 'leads',
			columns: { lead_id: 'リードID', created_at: '作成日', owner: '担当', deal_owner: '担当' }
		});
		const rows = await db.query(`SELECT lead_id, owner, deal_owner FROM leads ORDER BY lead_id`);
		expect(rows).toEqual([
			{ lead_id: 'A1', owner: '佐藤', deal_owner: '佐藤' },
			{ lead_id: 'A2', owner: '鈴木', deal_owner: '鈴木' },
			{ lead_id: 'A3', owner: '佐藤', deal_owner: '佐藤' },
			{ lead_id: 'A4', owner: '鈴木', deal_owner: '鈴木' }
		]);
	});

	it('a mapping file (report --map, the org config) that states the stage applies it on load', async () => {
		const ds = await newDataset(db);
		const map = parseMappingFile({
			version: 1,
			mappings: [
				{
					signature: headerSignature(['リードID', '金額']),
					kind: 'leads',
					columns: { lead_id: 'リードID', amount: '金額' },
					reached: { stage: 'won' }
				}
			]
		});
		ds.ctx = { ...ds.ctx, mappings: map };
		await ds.add('mql.csv', utf8(MQLS), { reached: { stage: 'mql', column: '作成日' } });
		const won = await ds.add('won.csv', utf8(WON));
		expect(won.mappingSource).toBe('stored');
		expect(won.reached).toEqual({ stage: 'won' });
		// A1 and A3 won, as in the test above.
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, won: 2 });
	});

	it('is remembered in the mapping file, read back, and applied to a file with the same headers', () => {
		const headers = ['リードID', '作成日', '流入元', '担当'];
		const mapping = [
			{ field: 'lead_id', column: 0, header: 'リードID', confidence: 1 },
			{ field: 'created_at', column: 1, header: '作成日', confidence: 1 },
			{ field: 'mql_at', column: 1, header: '作成日', confidence: 1 }
		];
		const file = toMappingFile('leads', mapping, headers, 'mql.csv', { stage: 'mql', column: '作成日' });
		const parsed = parseMappingFile(JSON.parse(JSON.stringify(file)));
		expect(parsed.mappings[0].reached).toEqual({ stage: 'mql', column: '作成日' });
		expect(parsed.mappings[0].columns).toEqual({
			lead_id: 'リードID',
			created_at: '作成日',
			mql_at: '作成日'
		});
		const applied = applyMappingFile(headers, parsed);
		expect(applied?.reached).toEqual({ stage: 'mql', column: '作成日' });
		expect(applied?.mapping.map((m) => `${m.field}:${m.column}`).sort()).toEqual([
			'created_at:1',
			'lead_id:0',
			'mql_at:1'
		]);
		expect(() =>
			parseMappingFile({ ...parsed, mappings: [{ ...parsed.mappings[0], reached: { stage: 'deal' } }] })
		).toThrow('mapping file: mappings[0].reached.stage must be one of lead, mql, sql, opportunity, won');
	});
});
