import { describe, expect, test } from 'vitest';
import { contributionLines } from '../../src/routes/data/file-contributions';

const stage = (s: string) => ({ lead: 'Leads', sql: 'SQL' })[s] ?? s;

describe('contribution lines', () => {
	test('stages first in funnel order, grouped counts, a zero column flagged, JA and EN', () => {
		const list = [
			{ field: 'channel', header: 'Source', stage: null, rows: 1102 },
			{ field: 'sql_at', header: 'SQL日', stage: 'sql' as const, rows: 1102 },
			{ field: 'created_at', header: '作成日', stage: 'lead' as const, rows: 2500 },
			{ field: 'lost_at', header: '失注日', stage: null, rows: 0 }
		];
		expect(contributionLines(list, 'en', stage)).toEqual([
			{ field: 'created_at', text: '2,500 row(s) reached Leads (column "作成日")', zero: false },
			{ field: 'sql_at', text: '1,102 row(s) reached SQL (column "SQL日")', zero: false },
			{ field: 'channel', text: '"Source" → Channel (lead source): 1,102 row(s) with a value', zero: false },
			{
				field: 'lost_at',
				text: '"失注日" was recognised as Lost date, but no row has a readable value in it (0 rows). Check the mapping or the column’s values.',
				zero: true
			}
		]);
		expect(contributionLines(list, 'ja', stage)[1].text).toBe('1,102 行がSQLに到達（列「SQL日」）');
		// Field names as the mapping screen shows them, never code names.
		expect(contributionLines(list, 'ja', stage)[2].text).toBe(
			'「Source」→ チャネル（リードソース）：値のある行 1,102 行'
		);
	});
});
