import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/lib/engine/json-text';
import { jsonProblem } from '../../src/lib/state/org-config';
import { render } from '../../src/lib/i18n/messages';

describe('JSON text read with our own line and column', () => {
	it.each([
		// text, problem, line, column, char — positions counted by hand (1-based)
		{ text: '{"version": 1,}', problem: 'char', line: 1, column: 15, char: '}' },
		{ text: '{\n  "version": 1\n  "mappings": []\n}', problem: 'char', line: 3, column: 3, char: '"' },
		{ text: '{"a": [1, 2', problem: 'end', line: 1, column: 12, char: '' },
		{ text: '{"a": 1} x', problem: 'trailing', line: 1, column: 10, char: 'x' },
		{ text: "{'a': 1}", problem: 'char', line: 1, column: 2, char: "'" },
		{ text: '{"a": tru}', problem: 'char', line: 1, column: 10, char: '}' },
		{ text: '{"名前": 01}', problem: 'char', line: 1, column: 9, char: '1' },
		{ text: '  \n ', problem: 'empty', line: 2, column: 2, char: '' }
	] as const)('$text → $problem at $line:$column', ({ text, problem, line, column, char }) => {
		const r = readJson(text);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect({ problem: r.problem, line: r.line, column: r.column, char: r.char }).toEqual({
				problem,
				line,
				column,
				char
			});
	});

	it('parses valid JSON, a byte-order mark included', () => {
		expect(readJson('\uFEFF{"version": 1}')).toEqual({ ok: true, value: { version: 1 } });
	});

	it('words the problem in Japanese and English, without the browser’s text', () => {
		const r = readJson('{\n  "version": 1\n  "mappings": []\n}');
		if (r.ok) throw new Error('expected a problem');
		expect(render('ja', jsonProblem('mappingFile', r))).toBe(
			'読み込める対応付けファイルではありません（JSON として読めません）：3 行目 3 文字目の「"」はここに置けません。'
		);
		expect(render('en', jsonProblem('mappingFile', r))).toBe(
			'This is not a mapping file Modelboard can read: line 3, column 3: “"” cannot stand there in JSON.'
		);
		expect(render('ja', jsonProblem('config', r))).toBe(
			'JSON として読めません：3 行目 3 文字目の「"」はここに置けません'
		);
	});
});
