import { describe, expect, it } from 'vitest';
import { createNodeDb } from '../../src/lib/engine/db/node';
import type { Db } from '../../src/lib/engine/db/types';
import { Dataset } from '../../src/lib/engine/ingest/dataset';
import { IngestError } from '../../src/lib/engine/ingest/errors';
import { english } from '../fixtures/ingest/harness';
import { DEFAULT_VOCABULARIES } from '../../src/lib/engine/ingest/vocab';

describe('a file too large for the browser', () => {
	it('fails with a message naming the memory limit, and the earlier data stays', async () => {
		const real = await createNodeDb();
		let failReads = false;
		// DuckDB-wasm's own words when a 10M-row file exhausts its memory (measured by the benchmark).
		const db: Db = {
			...real,
			query: real.query.bind(real),
			registerFile: real.registerFile.bind(real),
			dropFile: real.dropFile.bind(real),
			async exec(sql: string) {
				if (failReads && sql.includes('read_csv')) {
					throw new Error(
						'Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)'
					);
				}
				return real.exec(sql);
			}
		};
		const ds = new Dataset(db, { vocab: DEFAULT_VOCABULARIES, today: '2026-11-24' });
		await ds.add('small.csv', new TextEncoder().encode('lead_id,created_at\n1,2025-04-01\n2,2025-04-02\n'));
		failReads = true;
		const huge = 'lead_id,created_at\n' + '1,2025-04-01\n'.repeat(400_000);
		const err = await ds.add('huge.csv', new TextEncoder().encode(huge)).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect((err as IngestError).code).toBe('too_large');
		expect(english(err as IngestError)).toMatch(
			/huge\.csv \(5 MiB\) is too large for this browser.*limit of 3\.1 GiB/
		);
		const [r] = await real.query('SELECT count(*)::INTEGER AS n FROM leads');
		expect(r.n).toBe(2);
	});
});
