import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../src/lib/engine/ingest/fields';
import { VOCAB_TARGETS } from '../../src/lib/engine/ingest/vocab-edits';
import { fieldLabel, MESSAGES, targetLabel } from '../../src/lib/i18n/messages';
import { formatMessage } from '../../src/lib/i18n/ingest-messages';

describe('field and vocabulary names a user reads', () => {
	it('every field of every kind, and every vocabulary target, has a JA and an EN name', () => {
		const fields = new Set(Object.values(FIELD_TYPES).flatMap((f) => Object.keys(f)));
		for (const f of fields)
			for (const locale of ['en', 'ja'] as const) expect(MESSAGES[locale], f).toHaveProperty(`field.${f}`);
		for (const [kind, targets] of Object.entries(VOCAB_TARGETS))
			for (const t of targets)
				for (const locale of ['en', 'ja'] as const)
					expect(MESSAGES[locale], `${kind}.${t}`).toHaveProperty(`target.${kind}.${t}`);
		expect(fieldLabel('ja', 'lead_id')).toBe('リード／レコード ID');
		expect(targetLabel('ja', 'outcome', 'connected')).toBe('接続');
	});

	it('a refusal names the missing fields by their names, not their code names', () => {
		const params = {
			name: 'x.csv',
			kind: { key: 'kind.leads' as const },
			missing: { fields: ['created_at'] },
			columns: 'a, b'
		};
		expect(formatMessage('ja', 'unrecognised_missing', params)).toContain(
			'作成日 に当たる列が見つかりません'
		);
		expect(formatMessage('en', 'unrecognised_missing', params)).toContain(
			'no column was recognised as Created date'
		);
	});
});
