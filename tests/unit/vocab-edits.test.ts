import { describe, expect, test } from 'vitest';
import { parseOrgConfig } from '../../src/lib/engine/config';
import {
	removeVocabEntry,
	setVocabEntry,
	vocabEntries,
	vocabularyConfig
} from '../../src/lib/engine/ingest/vocab-edits';

describe('the vocabulary a user edits', () => {
	test('add, change and remove words; the others stay', () => {
		let v = setVocabEntry({}, 'outcome', '留守電', 'no_answer');
		v = setVocabEntry(v, 'type', 'Zoom', 'meeting');
		v = setVocabEntry(v, 'outcome', '留守電', 'other');
		expect(vocabEntries(v)).toEqual([
			{ kind: 'outcome', raw: '留守電', target: 'other' },
			{ kind: 'type', raw: 'Zoom', target: 'meeting' }
		]);
		v = removeVocabEntry(v, 'outcome', '留守電');
		expect(v).toEqual({ type: { Zoom: 'meeting' } });
		expect(vocabEntries(removeVocabEntry(v, 'type', 'Zoom'))).toEqual([]);
	});

	test('the export is the organisation’s vocabularies with the user’s words over them, readable as config', () => {
		const org = {
			status: { 検討中: 'sql' as const, 'Closed Won': null },
			type: { Visit: 'meeting' as const }
		};
		const user = {
			status: { 検討中: 'opportunity' as const },
			outcome: { 折返し待ち: 'connected' as const }
		};
		const exported = vocabularyConfig(org, user);
		expect(exported).toEqual({
			vocabularies: {
				status: { 検討中: 'opportunity', 'Closed Won': null },
				outcome: { 折返し待ち: 'connected' },
				type: { Visit: 'meeting' }
			}
		});
		// What the Data page downloads is a valid config section (through JSON, as a file would be).
		expect(parseOrgConfig(JSON.parse(JSON.stringify(exported))).vocabularies).toEqual(exported.vocabularies);
	});
});
