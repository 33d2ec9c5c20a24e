import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INGEST_MESSAGE_KEYS } from '../../src/lib/engine/ingest/messages';
import { formatMessage, ingestMessages } from '../../src/lib/i18n/ingest-messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The `.ts`/`.svelte` sources under a folder, except the key list and the wording table. */
function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return sources(p);
		const table = /(ingest\/messages|ingest-messages)\.ts$/.test(p);
		return /\.(ts|svelte)$/.test(e.name) && !table ? [readFileSync(p, 'utf8')] : [];
	});
}

describe('ingest messages', () => {
	it('words every key the engine can emit in English and Japanese, and nothing else', () => {
		for (const locale of ['en', 'ja'] as const) {
			expect(Object.keys(ingestMessages[locale]).sort()).toEqual([...INGEST_MESSAGE_KEYS].sort());
			for (const key of INGEST_MESSAGE_KEYS) expect(ingestMessages[locale][key].trim(), key).not.toBe('');
		}
	});

	it('uses the same placeholders in both languages', () => {
		for (const key of INGEST_MESSAGE_KEYS) {
			expect(placeholders(ingestMessages.ja[key]), key).toEqual(placeholders(ingestMessages.en[key]));
		}
	});

	it('writes the Japanese sentences in Japanese', () => {
		for (const key of INGEST_MESSAGE_KEYS.filter((k) => !k.includes('.'))) {
			expect(ingestMessages.ja[key], key).toMatch(JAPANESE);
		}
	});

	it('every key is emitted somewhere (no dead wording)', () => {
		const code = sources(path.resolve('src')).join('\n');
		const unused = INGEST_MESSAGE_KEYS.filter(
			(k) => !code.includes(`'${k}'`) && !(k.startsWith('kind.') && code.includes('`kind.${'))
		);
		expect(unused).toEqual([]);
	});

	it('fills placeholders, words key parameters in the same language, keeps unknown ones', () => {
		expect(formatMessage('en', 'empty', { name: 'leads.csv' })).toBe(
			'leads.csv is empty (0 bytes). Export it again and drop the new file.'
		);
		expect(formatMessage('ja', 'empty', { name: 'leads.csv' })).toBe(
			'leads.csv は空です（0 バイト）。もう一度エクスポートして、新しいファイルをドロップしてください。'
		);
		expect(formatMessage('ja', 'not_csv', { name: 'a.pdf', what: { key: 'what.pdf' } })).toContain(
			'a.pdf はPDF 文書で、CSV ファイルではありません'
		);
		expect(formatMessage('en', 'no_rows', {})).toContain('{name}');
	});
});
