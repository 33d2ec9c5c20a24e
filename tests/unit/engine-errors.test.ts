/**
 * DuckDB's failures worded by us (issue 11): the code and parameters we derive from its text, its own
 * text kept only as a detail; and every code worded in Japanese and English (ingest-messages.test.ts).
 * The conversion texts are DuckDB-wasm 1.32's own (DuckDB 1.4.3), copied from real failures of
 * `'abc'::DOUBLE`, `'2025-13-45'::DATE`, `1e20::INTEGER` and a typed `read_csv` of `3,abc`.
 */
import { describe, expect, it } from 'vitest';
import { asIngestError } from '../../src/lib/engine/ingest/errors';
import { formatIngestMessage } from '../../src/lib/i18n/ingest-messages';

const fail = (text: string) => new Error(text);

describe('DuckDB errors as our own codes', () => {
	it.each([
		{
			text: 'Conversion Error: CSV Error on Line: 7\nOriginal Line: 3,abc\nError when converting column "c2". Could not convert string "abc" to \'DOUBLE\'\n\nColumn c2 is being converted as type DOUBLE',
			key: 'engine_conversion_at',
			params: { name: 'a.csv', value: 'abc', type: { key: 'what.number' }, column: '金額', row: 7 }
		},
		{
			text: 'Conversion Error: date field value out of range: "2025-13-45"\n\nLINE 1: SELECT \'2025-13-45\'::DATE',
			key: 'engine_conversion',
			params: { name: 'a.csv', value: '2025-13-45', type: { key: 'what.date' } }
		},
		{
			text: "Conversion Error: Could not convert string 'abc' to DOUBLE\n\nLINE 1: SELECT 'abc'::DOUBLE",
			key: 'engine_conversion',
			params: { name: 'a.csv', value: 'abc', type: { key: 'what.number' } }
		},
		{
			text: "Conversion Error: Type DOUBLE with value 1e+20 can't be cast because the value is out of range for the destination type INT32\n\nLINE 1: SELECT 1e20::INTEGER",
			key: 'engine_conversion',
			params: { name: 'a.csv', value: '1e+20', type: { key: 'what.number' } }
		},
		{
			text: 'Invalid Input Error: Invalid unicode (byte sequence mismatch) detected in CSV file',
			key: 'engine_invalid_utf8',
			params: { name: 'a.csv' }
		},
		{
			text: 'Invalid Input Error: Maximum line size of 16777216 bytes exceeded',
			key: 'engine_line_too_long',
			params: { name: 'a.csv' }
		},
		{
			text: 'Out of Memory Error: failed to allocate data of size 256.0 MiB (3.1 GiB/3.1 GiB used)',
			key: 'too_large_limit',
			params: { name: 'a.csv', mib: 2, limit: '3.1 GiB' }
		},
		{ text: 'INTERNAL Error: something else', key: 'merge_failed', params: { name: 'a.csv' } }
	])('$key', ({ text, key, params }) => {
		const e = asIngestError(fail(text), 'a.csv', 2 * 1048576, 'merge', ['ID', '日付', '金額']);
		expect({ key: e.key, params: e.params }).toEqual({ key, params });
		// The engine's text is kept whole, for the collapsed technical details only.
		expect(e.detail).toBe(text);
		const ja = formatIngestMessage('ja', e);
		expect(ja).not.toMatch(/Error|convert|unicode|allocate/);
		expect(ja).toMatch(/[\u3040-\u30ff]/);
	});

	it('words a conversion in Japanese with row, column and value', () => {
		const e = asIngestError(
			fail(
				'Conversion Error: CSV Error on Line: 7\nError when converting column "c2". Could not convert string "abc" to \'DOUBLE\''
			),
			'a.csv',
			10,
			'read',
			['ID', '日付', '金額']
		);
		expect(formatIngestMessage('ja', e)).toBe(
			'a.csv：7 行目の列「金額」の値「abc」を数値として読めないため、ファイルを読み込めませんでした。エクスポート元でその値を直すか（またはデータページでその列を別の項目に対応付けて）、もう一度ドロップしてください。'
		);
		expect(formatIngestMessage('en', e)).toMatch(
			/^a\.csv: row 7, column "金額": the value "abc" could not be read as a number/
		);
	});
});
