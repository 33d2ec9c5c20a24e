/**
 * The engine's warm-up (src/lib/engine/warm-up.ts): a made-up file loaded and queried while nothing is
 * loaded, then gone without a trace; it gives way to a load queued meanwhile, and never runs over data.
 * Expected figures are counted by hand from the three-lead file below.
 */
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import type { LoadedFile } from '../../src/lib/engine/ingest/load';
import { emptyMeta } from '../../src/lib/engine/schema';
import { warmUp, warmUpCsv } from '../../src/lib/engine/warm-up';
import { context, funnelCounts, newDb, utf8 } from '../fixtures/ingest/harness';

// Three leads: all created in April 2025, two reach MQL, one of those is won.
const LEADS = `リードID,作成日,MQL日,受注日
A1,2025/04/01,2025/04/03,2025/04/20
A2,2025/04/02,2025/04/05,
A3,2025/04/03,,
`;

const tables = async (ds: Dataset) =>
	(
		await ds.db.query(`SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'mb_%' ORDER BY 1`)
	).map((r) => String(r.t));

describe('warm-up', () => {
	it('loads and queries a made-up file, then leaves the data empty and the file numbering as it was', async () => {
		const ds = new Dataset(await newDb(), context());
		expect(await warmUp(ds)).toBe(true);
		expect(ds.files).toEqual([]);
		expect(ds.meta).toEqual(emptyMeta());
		expect(await ds.db.query(`SELECT count(*)::INTEGER AS n FROM leads`)).toEqual([{ n: 0 }]);
		expect(await tables(ds)).toEqual([]);
		const file = await ds.add('leads.csv', utf8(LEADS));
		expect(file.id).toBe(1);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, mql: 2, won: 1 });
	});

	it('gives way to a load queued behind it, which then loads as if there had been none', async () => {
		const ds = new Dataset(await newDb(), context());
		const warm = warmUp(ds);
		const load = ds.add('leads.csv', utf8(LEADS));
		expect(await warm).toBe(false);
		expect((await load).id).toBe(1);
		expect(ds.files.map((f) => f.name)).toEqual(['leads.csv']);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, mql: 2, won: 1 });
		expect(await tables(ds)).toEqual(['mb_src_1']);
	});

	it('gives way in the middle of its file, and leaves none of its tables behind', async () => {
		const db = await newDb();
		// The load is queued while the warm-up reads its file: on its way into DuckDB, not on a timer.
		let load: Promise<LoadedFile> | undefined;
		let typedAfter = false;
		const ds: Dataset = new Dataset(
			{
				...db,
				exec: (sql: string) => {
					if (load && sql.includes('ALTER TABLE mb_raw_0')) typedAfter = true;
					if (!load && sql.includes('mb_raw_0')) load = ds.add('leads.csv', utf8(LEADS));
					return db.exec(sql);
				}
			},
			context()
		);
		expect(await warmUp(ds)).toBe(false);
		expect(load).toBeDefined();
		// It stopped at the next step of its file: it never typed the file it had read.
		expect(typedAfter).toBe(false);
		expect((await load!).id).toBe(1);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, mql: 2, won: 1 });
		expect(await tables(ds)).toEqual(['mb_src_1']);
	});

	it('does not run over loaded data', async () => {
		const ds = new Dataset(await newDb(), context());
		await ds.add('leads.csv', utf8(LEADS));
		expect(await warmUp(ds)).toBe(false);
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toMatchObject({ lead: 3, mql: 2, won: 1 });
	});

	it('reads its own file without a refusal: 120 leads, every stage reached by some', async () => {
		const ds = new Dataset(await newDb(), context());
		const file = await ds.add('warm.csv', utf8(warmUpCsv()));
		expect(file.quality.rows).toBe(120);
		expect(file.stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
		expect(file.quality.issues.filter((i) => i.severity === 'error')).toEqual([]);
	});
});
