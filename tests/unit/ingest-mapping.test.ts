import { describe, expect, it } from 'vitest';
import { pickMapping } from '../../src/lib/engine/ingest/mapping';
import { headerSignature } from '../../src/lib/engine/ingest/normalise';
import type { ColumnMapping, FileKind, MappingFile } from '../../src/lib/engine/ingest/types';

const headers = ['Lead ID', 'Created', 'Source', 'Won on'];
const signature = headerSignature(headers);
const detected = {
	kind: 'leads' as FileKind,
	mapping: [
		{ field: 'lead_id', column: 0, header: 'Lead ID', confidence: 1 },
		{ field: 'created_at', column: 1, header: 'Created', confidence: 1 }
	] satisfies ColumnMapping[]
};
const file = (kind: FileKind, columns: Record<string, string>, sig = signature): MappingFile => ({
	version: 1,
	mappings: [{ signature: sig, kind, columns }]
});
const remembered = file('leads', { created_at: 'Created', won_at: 'Won on' });
const org = file('leads', { created_at: 'Created', channel: 'Source' });
const fields = (m: ColumnMapping[]) => m.map((x) => x.field);

describe('pickMapping: user > remembered > organisation > detected', () => {
	it.each([
		{
			name: 'the user wins over everything',
			from: { user: { kind: 'leads' as FileKind, columns: { created_at: 'Won on' } }, remembered, org },
			source: 'user',
			fields: ['created_at'],
			column: 3
		},
		{
			name: 'remembered wins over the organisation',
			from: { remembered, org },
			source: 'stored',
			fields: ['created_at', 'won_at'],
			column: 1
		},
		{
			name: 'the organisation wins over detection',
			from: { org },
			source: 'stored',
			fields: ['created_at', 'channel'],
			column: 1
		},
		{
			name: 'detection when nothing is stored',
			from: {},
			source: 'detected',
			fields: ['lead_id', 'created_at'],
			column: 1
		},
		{
			name: 'detection when the stored mappings are for other headers',
			from: {
				remembered: file('leads', { created_at: 'Created' }, '1-00000000'),
				org: file('spend', {}, '1-00000000')
			},
			source: 'detected',
			fields: ['lead_id', 'created_at'],
			column: 1
		}
	])('$name', ({ from, source, fields: expected, column }) => {
		const choice = pickMapping(headers, detected, from);
		expect(choice.source).toBe(source);
		expect(fields(choice.mapping)).toEqual(expected);
		expect(choice.mapping.find((m) => m.field === 'created_at')?.column).toBe(column);
	});

	it('a user kind without columns keeps the detected mapping only for the detected kind', () => {
		expect(pickMapping(headers, detected, { user: { kind: 'leads' } }).mapping).toEqual(detected.mapping);
		expect(pickMapping(headers, detected, { user: { kind: 'spend' } })).toEqual({
			kind: 'spend',
			mapping: [],
			source: 'user'
		});
	});

	it('a remembered entry naming a header the file lacks leaves detection in force, as before', () => {
		const stale = file('leads', { created_at: 'Created', won_at: 'Closed' });
		expect(pickMapping(headers, detected, { remembered: stale, org }).source).toBe('detected');
	});
});
