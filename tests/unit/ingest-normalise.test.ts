import { describe, expect, test } from 'vitest';
import { headerSignature, normaliseHeader, normaliseValue } from '../../src/lib/engine/ingest/normalise';

describe('normaliseHeader', () => {
	test.each([
		['Lead Source', 'leadsource'],
		['LeadSource', 'leadsource'],
		['LEADSOURCE', 'leadsource'],
		['lead_source', 'leadsource'],
		['lead-source', 'leadsource'],
		['ＬｅａｄＳｏｕｒｃｅ', 'leadsource'],
		['Ｌｅａｄ　Ｓｏｕｒｃｅ', 'leadsource'],
		['\uFEFFLead Source', 'leadsource'],
		['"Lead Source"', 'leadsource'],
		['  Lead Source  ', 'leadsource'],
		['Lead.Source', 'leadsource'],
		['Lead/Source', 'leadsource'],
		['Amount (converted)', 'amountconverted'],
		['リードソース', 'リードソース'],
		['リード ソース', 'リードソース'],
		['リード・ソース', 'リードソース'],
		['ﾘｰﾄﾞｿｰｽ', 'リードソース'],
		['リードＩＤ', 'リードid'],
		['【作成日】', '作成日'],
		['（金額）', '金額'],
		['「ステータス」', 'ステータス'],
		['MQL日', 'mql日'],
		[
			'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
			'dateenteredmarketingqualifiedleadlifecyclestagepipeline'
		],
		['', '']
	])('%s → %s', (input, expected) => {
		expect(normaliseHeader(input)).toBe(expected);
	});
});

describe('normaliseValue', () => {
	test.each([
		['Closed Won', 'closed won'],
		['  Closed   Won ', 'closed won'],
		['ＣＬＯＳＥＤ　ＷＯＮ', 'closed won'],
		['Closed - Converted', 'closed - converted'],
		['ＭＱＬ', 'mql'],
		['受注', '受注'],
		['ｱﾎﾟ獲得', 'アポ獲得'],
		['\uFEFFWeb', 'web'],
		['', '']
	])('%s → %s', (input, expected) => {
		expect(normaliseValue(input)).toBe(expected);
	});
});

describe('headerSignature', () => {
	const base = ['Lead ID', 'Created Date', 'Lead Source', 'Status'];

	test('format: header count and 8 hex digits', () => {
		expect(headerSignature(base)).toMatch(/^4-[0-9a-f]{8}$/);
	});

	test.each([
		['column order', ['Status', 'Lead Source', 'Lead ID', 'Created Date']],
		[
			'spelling (API names, upper case, full width)',
			['LEADID', 'CreatedDate', 'ＬｅａｄＳｏｕｒｃｅ', 'status']
		],
		['trailing empty columns', [...base, '', '']],
		['a repeated header', [...base, 'Status']]
	])('unchanged by %s', (_, headers) => {
		expect(headerSignature(headers)).toBe(headerSignature(base));
	});

	test.each([
		['an extra column', [...base, 'Owner']],
		['a missing column', base.slice(0, 3)],
		['a renamed column', ['Lead ID', 'Created Date', 'Lead Source', 'Stage']]
	])('changed by %s', (_, headers) => {
		expect(headerSignature(headers)).not.toBe(headerSignature(base));
	});

	test('stable across runs (a stored mapping must keep matching)', () => {
		// FNV-1a 32 of "a\u0001b": fixed by the algorithm, not by this implementation.
		expect(headerSignature(['b', 'a'])).toBe('2-' + fnv1aHex('a\u0001b'));
		expect(headerSignature([])).toBe('0-811c9dc5');
	});
});

/** Reference FNV-1a over ASCII, written independently of the implementation. */
function fnv1aHex(s: string): string {
	let h = 2166136261n;
	for (const ch of s) {
		h ^= BigInt(ch.charCodeAt(0));
		h = (h * 16777619n) % 2n ** 32n;
	}
	return h.toString(16).padStart(8, '0');
}
