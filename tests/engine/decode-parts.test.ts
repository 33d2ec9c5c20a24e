/**
 * A big Shift_JIS or windows-1252 file is decoded a part at a time, its UTF-8 kept as a Blob
 * (decode-parts.ts). Wherever the parts are cut, the result must be the file `decodeFile` gives for the
 * whole bytes: the same UTF-8, encoding, sample, lines in the other encoding and garbled lines,
 * numbered through the file. One case has its values by hand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFile, encodingOf, HEAD_BYTES } from '$lib/engine/ingest/decode-file';
import { decodeInParts } from '$lib/engine/ingest/decode-parts';
import type { Encoding } from '$lib/engine/ingest/types';
import { encodeShiftJis } from '../../scripts/demo-data';
import { bytes, utf8 } from '../fixtures/ingest/harness';

const hostile = (name: string) =>
	new Uint8Array(readFileSync(path.resolve(process.cwd(), 'tests/fixtures/hostile', name)));

/** `data` decoded in parts of `partBytes`, with the UTF-8 read back from its Blob. */
async function inParts(data: Uint8Array, partBytes: number, override?: Encoding) {
	const encoding = encodingOf('f.csv', data.subarray(0, HEAD_BYTES), data.length, override);
	const read = (a: number, b: number) => data.slice(a, b);
	const file = await decodeInParts('f.csv', data.length, read, encoding, partBytes);
	if (!file) throw new Error('not decoded in parts');
	return { ...file, utf8: new Uint8Array(await (file.utf8 as Blob).arrayBuffer()) };
}

/** decodeFile's result for the whole file, its UTF-8 copied out (it may be a view of the input). */
function whole(data: Uint8Array, override?: Encoding) {
	const file = decodeFile('f.csv', data, override);
	return { ...file, utf8: file.utf8.slice(), head: file.head.slice() };
}

// 600 lines of Japanese leads in Shift_JIS (CRLF), about 20 KB.
const lines = Array.from(
	{ length: 600 },
	(_, i) => `L${i + 1},2025/04/${String((i % 28) + 1).padStart(2, '0')},展示会,${i % 2 ? '髙橋' : '佐藤'}`
);
const SJIS = encodeShiftJis(['リードID,作成日,流入経路,担当者', ...lines].join('\r\n') + '\r\n');
// The same with lines 101 and 450 pasted in as UTF-8, and line 300 holding a byte CP932 lacks (0x85 0x40
// is unassigned), and no line break at the end.
const MIXED = bytes(
	encodeShiftJis(['リードID,作成日,流入経路,担当者', ...lines.slice(0, 99)].join('\r\n') + '\r\n'),
	utf8('U100,2025/04/01,ウェビナー,Zoë\r\n'),
	encodeShiftJis(lines.slice(100, 298).join('\r\n') + '\r\n'),
	new Uint8Array([0x4c, 0x33, 0x30, 0x30, 0x2c, 0x85, 0x40, 0x0d, 0x0a]),
	encodeShiftJis(lines.slice(299, 448).join('\r\n') + '\r\n'),
	utf8('U450,2025/04/02,ウェビナー,Åsa\r\n'),
	encodeShiftJis(lines.slice(450).join('\r\n'))
);
// Shift_JIS with every 50th line pasted in as UTF-8: twelve such lines, more than the five listed.
const MANY = bytes(
	...lines.map((l, i) => (i % 50 === 49 ? utf8(`${l},Zoë\r\n`) : encodeShiftJis(`${l}\r\n`)))
);
// windows-1252: € (0x80), é (0xE9), “ ” (0x93 0x94).
const W1252 = bytes(
	...Array.from({ length: 300 }, (_, i) =>
		bytes(utf8(`${i},Caf`), new Uint8Array([0xe9, 0x2c, 0x80, 0x35, 0x2c, 0x93, 0x78, 0x94]), utf8('\n'))
	)
);

describe('decodeInParts gives what decodeFile gives for the whole file', () => {
	const cases: [string, Uint8Array, Encoding?][] = [
		['Shift_JIS, CRLF', SJIS],
		['Shift_JIS with UTF-8 lines, a broken byte, no final line break', MIXED],
		['Shift_JIS with twelve UTF-8 lines (five listed)', MANY],
		['windows-1252', W1252, 'windows-1252'],
		['the hostile corpus: Shift_JIS with UTF-8 rows', hostile('sjis-with-utf8-rows.csv')],
		['the hostile corpus: a UTF-8 header over Shift_JIS rows', hostile('utf8-header-sjis-rows.csv')],
		['the hostile corpus: broken Shift_JIS bytes', hostile('sjis-broken-bytes.csv')],
		[
			'a UTF-8 file the user says is Shift_JIS (decoded whole in Shift_JIS)',
			utf8(lines.join('\n')),
			'shift_jis'
		]
	];
	for (const [name, data, override] of cases) {
		it(name, async () => {
			const expected = whole(data, override);
			for (const part of [1, 7, 64, 1000, 4096, data.length + 1]) {
				expect(await inParts(data, part, override), `parts of ${part} bytes`).toEqual(expected);
			}
		});
	}

	it('twelve UTF-8 lines: counted through the file, the first five listed with their line numbers', async () => {
		const file = await inParts(MANY, 100);
		expect(file.lines.other?.lines.count).toBe(12);
		expect(file.lines.other?.lines.examples.map((e) => e.line)).toEqual([50, 100, 150, 200, 250]);
	});

	it('a line longer than the limit (a file with CR line breaks is one line): left to the whole decode', async () => {
		const cr = encodeShiftJis(lines.join('\r'));
		const encoding = encodingOf('cr.csv', cr, cr.length);
		const read = (a: number, b: number) => cr.slice(a, b);
		expect(await decodeInParts('cr.csv', cr.length, read, encoding, 64, 1000)).toBeNull();
		// Lines within the limit: decoded in parts, the same as whole.
		const lf = encodeShiftJis(lines.join('\n'));
		const file = await decodeInParts('lf.csv', lf.length, (a, b) => lf.slice(a, b), encoding, 64, 1000);
		expect(new Uint8Array(await (file?.utf8 as Blob).arrayBuffer())).toEqual(whole(lf).utf8);
	});

	it('the mixed file, by hand: two UTF-8 lines among Shift_JIS, one garbled line', async () => {
		const file = await inParts(MIXED, 64);
		expect(file.encoding.encoding).toBe('shift_jis');
		// Line 1 is the header: U100 is line 101, L300 line 300, U450 line 450.
		expect(file.lines.other).toEqual({
			encoding: 'utf-8',
			lines: {
				count: 2,
				examples: [
					{ line: 101, text: 'U100,2025/04/01,ウェビナー,Zoë' },
					{ line: 450, text: 'U450,2025/04/02,ウェビナー,Åsa' }
				]
			}
		});
		expect(file.lines.garbled?.count).toBe(1);
		expect(file.lines.garbled?.examples[0].line).toBe(300);
		expect(file.lines.garbled?.examples[0].text.startsWith('L300,\uFFFD')).toBe(true);
		const text = new TextDecoder().decode(file.utf8);
		expect(text.startsWith('リードID,作成日,流入経路,担当者\r\nL1,2025/04/01,展示会,佐藤\r\n')).toBe(true);
		expect(text.endsWith('L600,2025/04/12,展示会,髙橋')).toBe(true);
	});
});
