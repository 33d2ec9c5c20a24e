/**
 * A Salesforce User export (Id, Name) dropped beside the others turns owner ids into names: lead
 * owners, deal owners and activity reps (15- or 18-character ids alike).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { guessKind } from '../../src/lib/engine/ingest/detect';
import { newDataset, newDb, utf8 } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

const USERS = [
	'Id,Username,LastName,FirstName,Name,IsActive,ProfileId,CreatedDate',
	'0058a00000MNWteAAH,sato@example.com,Sato,Hanako,Hanako Sato,true,00e1,2024-01-01',
	'0058a00000MNWtfAAH,ito@example.com,Ito,Ken,Ken Ito,true,00e1,2024-01-01'
].join('\n');

describe('a Salesforce User export', () => {
	it('is recognised as a user list', () => {
		const lines = USERS.split('\n').map((l) => l.split(','));
		const g = guessKind(lines[0], lines.slice(1));
		expect(g.kind).toBe('users');
		expect(g.mapping.map((m) => `${m.header}:${m.field}`)).toEqual(['Id:user_id', 'Name:name']);
	});

	it('turns OwnerIds into names in leads, deals and activities', async () => {
		const ds = await newDataset(db);
		await ds.add(
			'Opportunity.csv',
			utf8(
				'Id,StageName,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate\n' +
					'006A,Closed Won,2025-05-01,true,true,0058a00000MNWte,2025-04-01\n' +
					'006B,Prospecting,2025-06-01,false,false,005UNKNOWN,2025-04-02\n'
			)
		);
		await ds.add('Task.csv', utf8('Id,ActivityDate,OwnerId,Type\nT1,2025-04-03,0058a00000MNWtfAAH,Call\n'));
		await ds.add('User.csv', utf8(USERS));
		expect(await db.query('SELECT lead_id, deal_owner FROM leads ORDER BY 1')).toEqual([
			{ lead_id: '006A', deal_owner: 'Hanako Sato' },
			{ lead_id: '006B', deal_owner: '005UNKNOWN' }
		]);
		expect(await db.query('SELECT rep FROM activities')).toEqual([{ rep: 'Ken Ito' }]);
	});
});
