import { describe, expect, it } from 'vitest';
import { MESSAGES, MODULES, render, translate } from '../../src/lib/i18n/messages';
import { KPIS } from '../../src/lib/kpi-catalog';
import { parseView } from '../../src/lib/state/view';

/** Date shapes that use other parts per language (a zero-padded month in English only). */
const OWN_PARTS = new Set(['bucket.month', 'bucket.cohortMonth']);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
	it('every module has the same keys in Japanese and English, none empty, same placeholders', () => {
		for (const m of MODULES) {
			const en = m.en as Record<string, string>;
			const ja = m.ja as Record<string, string>;
			expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
			for (const key of Object.keys(en)) {
				expect(en[key].trim(), `en ${key}`).not.toBe('');
				expect(ja[key]?.trim(), `ja ${key}`).not.toBe('');
				if (!OWN_PARTS.has(key)) expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
			}
		}
	});

	it('no key is defined by two modules', () => {
		const seen = new Map<string, number>();
		MODULES.forEach((m, i) => {
			for (const key of Object.keys(m.en)) {
				expect(seen.get(key), key).toBeUndefined();
				seen.set(key, i);
			}
		});
		expect(Object.keys(MESSAGES.ja).length).toBe(seen.size);
	});

	it('every KPI has a label and a definition in both languages', () => {
		for (const def of KPIS) {
			for (const locale of ['en', 'ja'] as const) {
				expect(MESSAGES[locale][`kpi.label.${def.key}`], def.key).toBeTruthy();
				expect(MESSAGES[locale][`kpi.def.${def.key}`], def.key).toBeTruthy();
			}
		}
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate('en', 'filters.remove', { value: 'Web' })).toBe('Remove filter Web');
		expect(translate('ja', 'filters.remove')).toBe('絞り込み {value} を解除');
	});

	it('renders URL notices in the interface language', () => {
		const { notices } = parseView(new URLSearchParams('mode=bogus&zzz=1&src=https://x/a.csv'));
		const en = notices.map((n) => render('en', n));
		const ja = notices.map((n) => render('ja', n));
		expect(en).toContain('Ignored mode=bogus');
		expect(en).toContain('Ignored unknown parameter "zzz"');
		expect(ja).toContain('mode=bogus を無視しました');
		expect(ja.join('\n')).not.toMatch(/Ignored|Refused/);
	});
});
