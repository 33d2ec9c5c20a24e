import { describe, expect, test } from 'vitest';
import type { Vocabularies } from '../../src/lib/engine/ingest/types';
import {
	DEFAULT_VOCABULARIES,
	looksLikeActivityTypeColumn,
	looksLikeOutcomeColumn,
	looksLikeStatusColumn,
	lookup,
	mergeVocabularies
} from '../../src/lib/engine/ingest/vocab';

describe('status vocabulary', () => {
	test.each([
		// Salesforce lead statuses
		['Open - Not Contacted', 'lead'],
		['Working - Contacted', 'lead'],
		['Closed - Converted', 'opportunity'],
		['Closed - Not Converted', 'disqualified'],
		// Salesforce opportunity stages
		['Prospecting', 'opportunity'],
		['Qualification', 'opportunity'],
		['Needs Analysis', 'opportunity'],
		['Value Proposition', 'opportunity'],
		['Id. Decision Makers', 'opportunity'],
		['Perception Analysis', 'opportunity'],
		['Proposal/Price Quote', 'opportunity'],
		['Negotiation/Review', 'opportunity'],
		['Closed Won', 'won'],
		['Closed Lost', 'lost'],
		// HubSpot lifecycle stages: internal names and labels
		['subscriber', 'lead'],
		['lead', 'lead'],
		['marketingqualifiedlead', 'mql'],
		['Marketing Qualified Lead', 'mql'],
		['salesqualifiedlead', 'sql'],
		['Sales Qualified Lead', 'sql'],
		['opportunity', 'opportunity'],
		['customer', 'won'],
		['evangelist', 'won'],
		// HubSpot deal stages
		['appointmentscheduled', 'opportunity'],
		['Appointment Scheduled', 'opportunity'],
		['qualifiedtobuy', 'opportunity'],
		['presentationscheduled', 'opportunity'],
		['decisionmakerboughtin', 'opportunity'],
		['contractsent', 'opportunity'],
		['closedwon', 'won'],
		['closedlost', 'lost'],
		// Maven
		['Engaging', 'opportunity'],
		['Won', 'won'],
		['Lost', 'lost'],
		// Japanese
		['新規', 'lead'],
		['未対応', 'lead'],
		['対応中', 'lead'],
		['MQL', 'mql'],
		['商談化', 'sql'],
		['SQL', 'sql'],
		['アポ獲得', 'sql'],
		['商談中', 'opportunity'],
		['商談', 'opportunity'],
		['提案', 'opportunity'],
		['見積', 'opportunity'],
		['受注', 'won'],
		['成約', 'won'],
		['失注', 'lost'],
		['対象外', 'disqualified'],
		['不適格', 'disqualified'],
		// case, width and spacing variants
		['CLOSED WON', 'won'],
		['closed_won', 'won'],
		['ＣＬＯＳＥＤ　ＷＯＮ', 'won'],
		[' closed   won ', 'won'],
		['ＭＱＬ', 'mql'],
		['ｱﾎﾟ獲得', 'sql'],
		['closed-converted', 'opportunity']
	])('%s → %s', (raw, expected) => {
		expect(lookup(DEFAULT_VOCABULARIES, 'status', raw)).toBe(expected);
	});

	test.each(['', '  ', 'other', 'Pending', '保留'])('unknown %j → null', (raw) => {
		expect(lookup(DEFAULT_VOCABULARIES, 'status', raw)).toBeNull();
	});
});

describe('outcome vocabulary', () => {
	test.each([
		['不在', 'no_answer'],
		['留守電', 'no_answer'],
		['留守番電話', 'no_answer'],
		['話し中', 'no_answer'],
		['no answer', 'no_answer'],
		['No Answer', 'no_answer'],
		['NO_ANSWER', 'no_answer'],
		['voicemail', 'no_answer'],
		['Left voicemail', 'no_answer'],
		['busy', 'no_answer'],
		['left message', 'no_answer'],
		['接続', 'connected'],
		['通話', 'connected'],
		['担当者接続', 'connected'],
		['受付突破', 'connected'],
		['connected', 'connected'],
		['Contact made', 'connected'],
		['reached', 'connected'],
		['conversation', 'connected'],
		['アポ獲得', 'meeting_set'],
		['ｱﾎﾟ獲得', 'meeting_set'],
		['商談設定', 'meeting_set'],
		['アポ', 'meeting_set'],
		['meeting set', 'meeting_set'],
		['Meeting Booked', 'meeting_set'],
		['appointment set', 'meeting_set'],
		['受付ブロック', 'other'],
		['wrong number', 'other']
	])('%s → %s', (raw, expected) => {
		expect(lookup(DEFAULT_VOCABULARIES, 'outcome', raw)).toBe(expected);
	});

	test('an unknown outcome is null (callers count it as other)', () => {
		expect(lookup(DEFAULT_VOCABULARIES, 'outcome', '資料送付')).toBeNull();
	});
});

describe('activity type vocabulary', () => {
	test.each([
		['電話', 'call'],
		['架電', 'call'],
		['call', 'call'],
		['Call', 'call'],
		['CALL', 'call'],
		['phone', 'call'],
		['Outbound Call', 'call'],
		['メール', 'email'],
		['email', 'email'],
		['E-mail', 'email'],
		['ＥＭＡＩＬ', 'email'],
		['商談', 'meeting'],
		['訪問', 'meeting'],
		['meeting', 'meeting'],
		['Meeting', 'meeting']
	])('%s → %s', (raw, expected) => {
		expect(lookup(DEFAULT_VOCABULARIES, 'type', raw)).toBe(expected);
	});
});

describe('mergeVocabularies', () => {
	test('adds and overrides with normalised keys, removes with null, leaves inputs untouched', () => {
		const before = JSON.stringify(DEFAULT_VOCABULARIES);
		const merged = mergeVocabularies(DEFAULT_VOCABULARIES, {
			status: { ＰＯＣ実施中: 'opportunity', Prospecting: 'lead', 'Closed - Not Converted': null },
			outcome: { 資料送付: 'other' }
		});
		expect(lookup(merged, 'status', 'POC実施中')).toBe('opportunity');
		expect(lookup(merged, 'status', 'prospecting')).toBe('lead');
		expect(lookup(merged, 'status', 'Closed - Not Converted')).toBeNull();
		expect(lookup(merged, 'outcome', '資料送付')).toBe('other');
		expect(lookup(merged, 'type', '電話')).toBe('call');
		expect(JSON.stringify(DEFAULT_VOCABULARIES)).toBe(before);
		expect(lookup(DEFAULT_VOCABULARIES, 'status', 'Prospecting')).toBe('opportunity');
	});

	test('default keys are stored normalised', () => {
		for (const table of Object.values(DEFAULT_VOCABULARIES) as Vocabularies[keyof Vocabularies][]) {
			for (const key of Object.keys(table))
				expect(key).toBe(key.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' '));
		}
	});

	test('a compact form shared by keys with different targets is not guessed', () => {
		const v = mergeVocabularies(DEFAULT_VOCABULARIES, { status: { 'a-b': 'won', 'a b': 'lost' } });
		expect(lookup(v, 'status', 'a-b')).toBe('won');
		expect(lookup(v, 'status', 'a b')).toBe('lost');
		expect(lookup(v, 'status', 'ab')).toBeNull();
	});
});

describe('column helpers', () => {
	test.each([
		{ fn: looksLikeOutcomeColumn, values: ['不在', '接続', 'アポ獲得', '不在', ''], expected: 1 },
		{
			fn: looksLikeOutcomeColumn,
			values: ['no answer', 'Connected', 'meeting booked', 'callback'],
			expected: 0.75
		},
		{ fn: looksLikeOutcomeColumn, values: ['Web', 'Partner'], expected: 0 },
		{ fn: looksLikeOutcomeColumn, values: [], expected: 0 },
		{ fn: looksLikeActivityTypeColumn, values: ['電話', 'メール', '電話', '訪問'], expected: 1 },
		{ fn: looksLikeActivityTypeColumn, values: ['New Customer', 'Existing Customer - Upgrade'], expected: 0 },
		{ fn: looksLikeStatusColumn, values: ['Won', 'Lost', 'Engaging', 'Prospecting'], expected: 1 },
		{
			fn: looksLikeStatusColumn,
			values: ['Working - Contacted', 'Closed - Converted', 'Pending', 'Pending'],
			expected: 0.5
		}
	])('$fn.name($values) = $expected', ({ fn, values, expected }) => {
		expect(fn(values)).toBeCloseTo(expected);
	});
});
