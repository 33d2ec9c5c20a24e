/** Currencies: conversion by the org's rates, no mixed sums, per-currency sums (docs/metrics.md). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import {
	convertedAmountSql,
	missingRates,
	revenueByCurrency,
	type Fx
} from '../../src/lib/engine/metrics/money';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { freshDb, insert, reset } from './helpers';

let db: Db;
const FX: Fx = { currency: 'JPY', rates: { USD: 150, EUR: 160 } };
const V: MetricView = { from: '2025-04-01', to: '2025-04-30', mode: 'cohort', windowDays: null, filters: {} };

beforeAll(async () => {
	db = await freshDb();
});

describe('money in one currency', () => {
	it('converts by the rate; own or blank currency as is; no rate → NULL', async () => {
		const rows = await db.query(
			`SELECT (${convertedAmountSql(FX, 'a::DOUBLE', 'c')})::DOUBLE AS v FROM (VALUES
				(1000.0, 'JPY'), (1000.0, NULL), (1000.0, ' '), (10.0, 'USD'), (10.0, 'usd '), (2.0, 'EUR'), (5.0, 'MXN')
			) t(a, c)`
		);
		expect(rows.map((r) => r.v)).toEqual([1000, 1000, 1000, 1500, 1500, 320, null]);
		// no rate at all: own and blank currencies as they are, others NULL
		const none = await db.query(
			`SELECT (${convertedAmountSql({ currency: 'JPY', rates: {} }, 'a::DOUBLE', 'c')})::DOUBLE AS v
			FROM (VALUES (5.0, 'JPY'), (5.0, NULL), (5.0, 'USD')) t(a, c)`
		);
		expect(none.map((r) => r.v)).toEqual([5, 5, null]);
	});

	it('names the currencies without a rate, and sums each currency on its own', async () => {
		await reset(db);
		const won = (id: string, amount_raw: number, currency: string | null) => ({
			lead_id: id,
			created_at: '2025-04-02',
			won_at: '2025-04-20',
			amount_raw,
			currency
		});
		await insert(db, 'leads', [
			won('W1', 1000, 'JPY'),
			won('W2', 500, null),
			won('W3', 10, 'USD'),
			won('W4', 7, 'MXN'),
			won('W5', 3, 'MXN'),
			won('W6', 9, 'COP'),
			{ lead_id: 'O1', created_at: '2025-04-02', amount_raw: 1, currency: 'PEN' } // not won, still lacks a rate
		]);
		expect(await missingRates(db, FX)).toEqual(['COP', 'MXN', 'PEN']);
		expect(await revenueByCurrency(db, V, FX)).toEqual([
			{ currency: 'COP', won: 1, won_revenue: 9 },
			{ currency: 'JPY', won: 2, won_revenue: 1500 },
			{ currency: 'MXN', won: 2, won_revenue: 10 },
			{ currency: 'USD', won: 1, won_revenue: 10 }
		]);
	});
});
