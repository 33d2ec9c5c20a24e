import { describe, expect, test } from 'vitest';
import { formatKind, styleDateKinds } from '../../src/lib/engine/ingest/xlsx/styles';
import { csvField, isoDateText, numberText, serialText } from '../../src/lib/engine/ingest/xlsx/values';

describe('numberText: numbers as written, without binary noise', () => {
	test.each([
		['1500000', '1500000'],
		['0.25', '0.25'],
		['0.30000000000000004', '0.3'],
		['1.1000000000000001', '1.1'],
		['-0', '0'],
		['1.5E-3', '0.0015'],
		['123456789012', '123456789012'],
		['12345.678900000001', '12345.6789'],
		['-42', '-42'],
		['not a number', 'not a number']
	])('%s → %s', (raw, text) => expect(numberText(raw)).toBe(text));
});

describe('serialText: Excel serials as ISO dates', () => {
	test.each([
		[45383, 'date', false, '2024-04-01'],
		[45383.5, 'datetime', false, '2024-04-01 12:00:00'],
		[45383, 'datetime', false, '2024-04-01 00:00:00'],
		[45383.75, 'date', false, '2024-04-01'], // a date-only format shows the day alone
		[45383.999999, 'datetime', false, '2024-04-02 00:00:00'], // rounds to the second, across midnight
		[0.5625, 'time', false, '13:30:00'],
		[1, 'date', false, '1900-01-01'],
		[59, 'date', false, '1900-02-28'],
		[61, 'date', false, '1900-03-01'], // after Lotus's 29 February 1900
		[43921, 'date', true, '2024-04-01'], // 1904 system: 1462 days fewer
		[0, 'date', true, '1904-01-01']
	] as const)('%d (%s, 1904=%s) → %s', (serial, kind, date1904, text) =>
		expect(serialText(serial, kind, date1904)).toBe(text)
	);

	test('out of range stays a number', () => {
		expect(serialText(-1, 'date', false)).toBeUndefined();
		expect(serialText(3e6, 'date', false)).toBeUndefined();
		expect(serialText(0, 'date', false)).toBeUndefined();
	});

	test('ISO date cells (t="d") in the same shapes', () => {
		expect(isoDateText('2024-04-01T00:00:00', 'date')).toBe('2024-04-01');
		expect(isoDateText('2024-04-01T09:30:00Z', 'datetime')).toBe('2024-04-01 09:30:00');
		expect(isoDateText('2024-04-01T09:30:00', undefined)).toBe('2024-04-01 09:30:00');
		expect(isoDateText('2024-04-01T00:00:00', undefined)).toBe('2024-04-01');
	});
});

describe('formatKind: which number formats are dates', () => {
	test.each([
		['General', undefined],
		['0.00', undefined],
		['#,##0"円"', undefined],
		['0.00E+00', undefined],
		['@', undefined],
		['yyyy-mm-dd', 'date'],
		['yyyy/m/d', 'date'],
		['m/d/yy', 'date'],
		['mmm-yy', 'date'],
		['yyyy"年"m"月"d"日"', 'date'],
		['[$-411]ggge"年"m"月"d"日"', 'date'],
		['[$-409]d-mmm-yy;@', 'date'],
		['yyyy/m/d h:mm', 'datetime'],
		['yyyy-mm-dd hh:mm:ss.000', 'datetime'],
		['h:mm AM/PM', 'time'],
		['mm:ss', 'time'],
		['[h]:mm:ss', undefined], // a duration
		['"上午/下午 "hh"時"mm"分"ss"秒 "', 'time'],
		['[Red]0.00;[Blue]-0.00', undefined]
	] as const)('%s → %s', (code, kind) => expect(formatKind(code)).toBe(kind));

	test('styles: built-in ids (14, 22, Japanese 57) and custom codes by cellXfs index', () => {
		const xml = `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>
			<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
			<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22"/><xf numFmtId="57"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
		expect(styleDateKinds(xml)).toEqual([undefined, 'date', 'datetime', 'date', 'date', undefined]);
	});
});

test('csvField quotes only commas, quotes and line breaks (RFC 4180)', () => {
	expect(csvField('plain')).toBe('plain');
	expect(csvField('a,b')).toBe('"a,b"');
	expect(csvField('say "hi"')).toBe('"say ""hi"""');
	expect(csvField('two\nlines')).toBe('"two\nlines"');
	expect(csvField(' padded ')).toBe(' padded ');
});
