import { describe, expect, test } from 'vitest';
import { decodeBytes, detectEncoding } from '../../src/lib/engine/ingest/decode';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

/** UTF-16 code units written out byte by byte, so the test does not trust an encoder. */
function utf16(text: string, order: 'le' | 'be'): number[] {
	const out: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		const [lo, hi] = [unit & 0xff, unit >> 8];
		out.push(...(order === 'le' ? [lo, hi] : [hi, lo]));
	}
	return out;
}

// Shift_JIS (CP932) by hand: ㈱ 87 8A, ① 87 40, 髙 FB FC (IBM extension), and a Japanese header line
// リードID,作成日,流入経路 / L1,2025/04/01,展示会.
const SJIS_KABU_MARU_TAKA = [0x87, 0x8a, 0x87, 0x40, 0xfb, 0xfc];
const SJIS_LEAD_HEADER = [
	0x83, 0x8a, 0x81, 0x5b, 0x83, 0x68, 0x49, 0x44, 0x2c, 0x8d, 0xec, 0x90, 0xac, 0x93, 0xfa, 0x2c, 0x97, 0xac,
	0x93, 0xfc, 0x8c, 0x6f, 0x98, 0x48, 0x0d, 0x0a, 0x4c, 0x31, 0x2c, 0x32, 0x30, 0x32, 0x35, 0x2f, 0x30, 0x34,
	0x2f, 0x30, 0x31, 0x2c, 0x93, 0x57, 0x8e, 0xa6, 0x89, 0xef, 0x0d, 0x0a
];

describe('detectEncoding and decodeBytes', () => {
	const cases: { name: string; input: Uint8Array; encoding: string; bom: boolean; text: string }[] = [
		{
			name: 'UTF-8 with BOM',
			input: bytes([0xef, 0xbb, 0xbf], 'id,name\n1,x\n'),
			encoding: 'utf-8',
			bom: true,
			text: 'id,name\n1,x\n'
		},
		{
			name: 'UTF-8 without BOM, Japanese',
			input: new TextEncoder().encode('リードID,作成日\nL1,2025/04/01\n'),
			encoding: 'utf-8',
			bom: false,
			text: 'リードID,作成日\nL1,2025/04/01\n'
		},
		{ name: 'plain ASCII', input: bytes('a,b\n1,2\n'), encoding: 'utf-8', bom: false, text: 'a,b\n1,2\n' },
		{
			name: 'UTF-16LE with BOM',
			input: bytes([0xff, 0xfe], utf16('リード,金額\r\n', 'le')),
			encoding: 'utf-16le',
			bom: true,
			text: 'リード,金額\r\n'
		},
		{
			name: 'UTF-16BE with BOM',
			input: bytes([0xfe, 0xff], utf16('Lead,Amount\r\n', 'be')),
			encoding: 'utf-16be',
			bom: true,
			text: 'Lead,Amount\r\n'
		},
		{
			name: 'UTF-16LE without BOM (NULs at odd offsets)',
			input: bytes(utf16('id,stage,amount\r\n1,受注,100\r\n', 'le')),
			encoding: 'utf-16le',
			bom: false,
			text: 'id,stage,amount\r\n1,受注,100\r\n'
		},
		{
			name: 'UTF-16BE without BOM (NULs at even offsets)',
			input: bytes(utf16('id,stage,amount\r\n1,won,100\r\n', 'be')),
			encoding: 'utf-16be',
			bom: false,
			text: 'id,stage,amount\r\n1,won,100\r\n'
		},
		{
			name: 'Shift_JIS with CP932 characters ㈱①髙',
			input: bytes('company,mark\r\nA,', SJIS_KABU_MARU_TAKA, '\r\n'),
			encoding: 'shift_jis',
			bom: false,
			text: 'company,mark\r\nA,㈱①髙\r\n'
		},
		{
			name: 'Shift_JIS Japanese header',
			input: bytes(SJIS_LEAD_HEADER),
			encoding: 'shift_jis',
			bom: false,
			text: 'リードID,作成日,流入経路\r\nL1,2025/04/01,展示会\r\n'
		},
		{
			name: 'windows-1252 (é = E9, ç = E7, ü = FC)',
			input: bytes(
				'Name,City\r\nJos',
				[0xe9],
				',Montr',
				[0xe9],
				'al\r\nFran',
				[0xe7],
				'ois,Z',
				[0xfc],
				'rich\r\n'
			),
			encoding: 'windows-1252',
			bom: false,
			text: 'Name,City\r\nJosé,Montréal\r\nFrançois,Zürich\r\n'
		},
		{
			name: 'windows-1252 smart quote and euro (92, 80)',
			input: bytes('Note,Amount\r\nIt', [0x92], 's Caf', [0xe9], ' Ren', [0xe9], ',', [0x80], '100\r\n'),
			encoding: 'windows-1252',
			bom: false,
			text: 'Note,Amount\r\nIt’s Café René,€100\r\n'
		}
	];

	test.each(cases)('$name', ({ input, encoding, bom, text }) => {
		const guess = detectEncoding(input);
		expect(guess.encoding).toBe(encoding);
		expect(guess.bom).toBe(bom);
		expect(guess.confidence).toBeGreaterThan(0.5);
		expect(guess.confidence).toBeLessThanOrEqual(1);
		expect(decodeBytes(input, guess.encoding)).toBe(text);
	});

	test('a BOM or clean non-ASCII UTF-8 is certain; a statistical guess is not', () => {
		expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], 'a')).confidence).toBe(1);
		expect(detectEncoding(new TextEncoder().encode('作成日')).confidence).toBe(1);
		expect(detectEncoding(bytes(SJIS_LEAD_HEADER)).confidence).toBeLessThan(1);
	});

	test('a 1 MB check prefix that cuts a multibyte character in half is still UTF-8', () => {
		// 'あ' is 3 bytes; 2^20 is not a multiple of 3, so the prefix ends inside a character.
		const big = new TextEncoder().encode('あ'.repeat(400_000));
		expect((1 << 20) % 3).not.toBe(0);
		expect(detectEncoding(big)).toEqual({ encoding: 'utf-8', bom: false, confidence: 1 });
	});

	test('a whole file that ends inside a UTF-8 character is not valid UTF-8', () => {
		const cut = new TextEncoder().encode('作成日').subarray(0, 8);
		expect(detectEncoding(cut).encoding).not.toBe('utf-8');
	});

	test('decodeBytes strips only the BOM of the chosen encoding and keeps invalid bytes visible', () => {
		expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'x'), 'utf-8')).toBe('x');
		expect(decodeBytes(bytes([0xff, 0xfe], utf16('x', 'le')), 'utf-16le')).toBe('x');
		expect(decodeBytes(bytes([0xff], 'x'), 'utf-8')).toBe('\uFFFDx');
		expect(decodeBytes(bytes([0x80]), 'windows-1252')).toBe('€');
	});

	test('empty input is UTF-8', () => {
		expect(detectEncoding(new Uint8Array()).encoding).toBe('utf-8');
		expect(decodeBytes(new Uint8Array(), 'utf-8')).toBe('');
	});
});
