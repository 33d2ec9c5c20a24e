import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { isMaturing, maturity } from '../../src/lib/engine/metrics/maturing';
import { freshDb, insert } from './helpers';

let db: Db;

beforeAll(async () => {
	db = await freshDb();
	await insert(db, 'leads', [
		{ lead_id: '1', created_at: '2025-01-01', won_at: '2025-01-11' }, // 10 days
		{ lead_id: '2', created_at: '2025-01-01', won_at: '2025-01-21' }, // 20
		{ lead_id: '3', created_at: '2025-02-01', won_at: '2025-03-03' }, // 27 (rest of Feb) + 3 = 30
		{ lead_id: '4', created_at: '2025-02-01', won_at: '2025-03-13' }, // 40
		{ lead_id: '5', created_at: '2025-03-01', won_at: '2025-05-20' }, // 31 + 30 + 19 = 80
		{ lead_id: '6', created_at: '2025-03-01', won_at: '2025-02-01' }, // won before created: left out
		{ lead_id: '7', created_at: '2025-05-01' } // not won: left out
	]);
});

describe('maturing periods (docs/metrics.md v2)', () => {
	it('p90 of lead → won days over every won lead', async () => {
		// Sorted days 10, 20, 30, 40, 80; continuous p90 at position (5 − 1) × 0.9 = 3.6:
		// 40 + 0.6 × (80 − 40) = 64.
		expect(await maturity(db, true)).toEqual({ p90_days: 64 });
		expect(await maturity(db, false)).toEqual({ p90_days: null });
	});

	it('a bucket is maturing while fewer than p90 days separate its end from the latest date', () => {
		const m = { p90_days: 64 };
		const latest = '2025-05-31';
		// March ends 03-31: 30 (April) + 31 (May) = 61 days before the latest date, 61 < 64 → maturing.
		expect(isMaturing('2025-03-31', latest, m)).toBe(true);
		// February ends 02-28: 31 + 30 + 31 = 92 days ≥ 64 → mature.
		expect(isMaturing('2025-02-28', latest, m)).toBe(false);
		// The boundary: 03-28 is 3 + 30 + 31 = 64 days back, not fewer → mature; 03-29 (63) → maturing.
		expect(isMaturing('2025-03-28', latest, m)).toBe(false);
		expect(isMaturing('2025-03-29', latest, m)).toBe(true);
		// A bucket ending after the latest date has not happened yet.
		expect(isMaturing('2025-06-30', latest, m)).toBe(true);
		// No wins, or no data: nothing is maturing.
		expect(isMaturing('2025-05-31', latest, { p90_days: null })).toBe(false);
		expect(isMaturing('2025-05-31', null, m)).toBe(false);
	});
});
