/**
 * The data span: spend alone is data (pages must not wait forever for a span), and dates after today
 * (already reported by ingestion) never stretch it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { dataSpan } from '../../src/lib/engine/queries/span';
import { freshDb, insert, reset } from './helpers';

let db: Db;
beforeAll(async () => {
	db = await freshDb();
});
afterAll(async () => {
	await (db as unknown as { close?: () => Promise<void> }).close?.();
});
beforeEach(() => reset(db));

const TODAY = '2026-11-24';

describe('dataSpan', () => {
	it('is null with no data', async () => {
		expect(await dataSpan(db, TODAY)).toBeNull();
	});

	it('spend alone spans its months, to the last day of the last one', async () => {
		await insert(db, 'spend', [
			{ month: '2025-04-01', channel: 'web', spend: 100 },
			{ month: '2025-06-01', channel: 'web', spend: 100 }
		]);
		expect(await dataSpan(db, TODAY)).toEqual({ from: '2025-04-01', to: '2025-06-30' });
	});

	it('spend in the current month spans to today, a future month not at all', async () => {
		await insert(db, 'spend', [
			{ month: '2026-11-01', channel: 'web', spend: 1 },
			{ month: '2027-01-01', channel: 'web', spend: 1 }
		]);
		expect(await dataSpan(db, TODAY)).toEqual({ from: '2026-11-01', to: TODAY });
	});

	it('one lead dated 2100-12-31 does not extend the span', async () => {
		await insert(db, 'leads', [
			{ lead_id: 'a', created_at: '2025-04-01', won_at: '2025-05-10' },
			{ lead_id: 'b', created_at: '2100-12-31' },
			{ lead_id: 'c', created_at: '2025-04-02', won_at: '2100-12-31' }
		]);
		await insert(db, 'activities', [{ activity_id: 'x', occurred_at: '2099-01-01' }]);
		expect(await dataSpan(db, TODAY)).toEqual({ from: '2025-04-01', to: '2025-05-10' });
	});

	it('leads and spend together take the widest span', async () => {
		await insert(db, 'leads', [{ lead_id: 'a', created_at: '2025-04-10' }]);
		await insert(db, 'spend', [{ month: '2025-03-01', channel: 'web', spend: 1 }]);
		expect(await dataSpan(db, TODAY)).toEqual({ from: '2025-03-01', to: '2025-04-10' });
	});

	it('only future dates: no span (nothing plausible to show)', async () => {
		await insert(db, 'leads', [{ lead_id: 'b', created_at: '2100-12-31' }]);
		expect(await dataSpan(db, TODAY)).toBeNull();
	});
});
