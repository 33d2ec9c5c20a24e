/**
 * Parameters written into the SQL as literals (`inlineParams`, used by both connectors): the text it
 * makes, the cases it refuses (the connector then prepares the statement), and that DuckDB reads the
 * literals as it reads bound parameters (numbers as DOUBLE, strings as VARCHAR).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../src/lib/engine/db/node';
import { inlineParams } from '../../src/lib/engine/db/sql';
import type { Db } from '../../src/lib/engine/db/types';

describe('inlineParams', () => {
	it('replaces each placeholder in order, strings quoted with their quotes doubled', () => {
		expect(inlineParams('SELECT ? AS a, ? AS b, ? AS c, ? AS d', ["O'Brien", 3, true, null])).toBe(
			"SELECT 'O''Brien' AS a, CAST('3' AS DOUBLE) AS b, TRUE AS c, NULL AS d"
		);
	});

	it('leaves question marks inside strings, quoted names and comments alone', () => {
		const sql = `SELECT '?', 'it''s ?', "col?" , ? -- why?\n /* ? */ FROM t WHERE x = ?`;
		expect(inlineParams(sql, ['a', 'b'])).toBe(
			`SELECT '?', 'it''s ?', "col?" , 'a' -- why?\n /* ? */ FROM t WHERE x = 'b'`
		);
	});

	it('does not read a value for a placeholder: a ? inside a value stays text', () => {
		expect(inlineParams('SELECT ?, ?', ['?', 'x'])).toBe("SELECT '?', 'x'");
	});

	it('refuses a count that does not match, and a NUL character', () => {
		expect(inlineParams('SELECT ?', [])).toBeNull();
		expect(inlineParams('SELECT ?', [1, 2])).toBeNull();
		expect(inlineParams('SELECT ?', ['a\u0000b'])).toBeNull();
	});

	it('writes numbers JavaScript prints in exponent form, and non-finite ones, as DOUBLE', () => {
		expect(inlineParams('SELECT ?, ?', [1e-7, -2.5e21])).toBe(
			"SELECT CAST('1e-7' AS DOUBLE), CAST('-2.5e+21' AS DOUBLE)"
		);
	});
});

describe('literals read as bound parameters are', () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});

	it('typed the same: numbers DOUBLE, strings VARCHAR, booleans BOOLEAN', async () => {
		const [r] = await db.query('SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c, typeof(?) AS d', [
			3,
			0.5,
			'x',
			false
		]);
		expect(r).toEqual({ a: 'DOUBLE', b: 'DOUBLE', c: 'VARCHAR', d: 'BOOLEAN' });
	});

	it('equal to the values: dates, exponents, a quote, Japanese text', async () => {
		const [r] = await db.query(
			`SELECT strftime(?::DATE + 1, '%Y-%m-%d') AS d, ? * 2 AS n, ? AS q, ? AS j, ? / 2 AS half, ? IS NULL AS empty`,
			['2025-04-30', 1e-7, "it's", '髙橋 ウェビナー', 3, null]
		);
		expect(r).toEqual({ d: '2025-05-01', n: 2e-7, q: "it's", j: '髙橋 ウェビナー', half: 1.5, empty: true });
	});
});
