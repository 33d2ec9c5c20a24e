/**
 * A Salesforce Task export whose `Type` is blank or `Other` (tests/fixtures/ingest/salesforce-task,
 * real API column names): 507 activities, 0 calls, and the file says why.
 *
 * The fixture, row i = 1…507 (counted by hand from how it was written):
 *   Type        'Other' when i is a multiple of 18 up to 486 → 486 / 18 = 27 rows; blank → 507 − 27 = 480
 *   Subject     'Call' when i mod 3 = 1 → i = 1, 4, …, 505 → (505 − 1) / 3 + 1 = 169 rows
 *               'Email: follow-up' when i mod 3 = 2 (169), 'Send Letter' when i mod 3 = 0 (169)
 *   TaskSubtype 'Email' when i mod 3 = 2 (169), else 'Task' (338)
 *   ActivityDate in April 2025 on every row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { typeValuesText, noCallsText } from '../../src/lib/components/call-types';
import { fixture, newDataset, newDb } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

describe('an activity file with no call says why', () => {
	it('names the type column, its values with counts, and the columns that hold calls', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('Task.csv', fixture('salesforce-task/Task.csv'));
		expect(f.kind).toBe('activities');
		const t = f.activityTypes;
		expect(t).toBeTruthy();
		if (!t) return;
		expect(t.header).toBe('Type');
		expect(t.rows).toBe(507);
		expect(t.calls).toBe(0);
		expect(t.values.map((v) => [v.value, v.count])).toEqual([
			[null, 480],
			['Other', 27]
		]);
		// Subject "Call" on 169 rows is offered as the type column.
		expect(t.candidates).toEqual([{ header: 'Subject', calls: 169 }]);
		expect(typeValuesText(t, 'ja')).toBe('（空欄） 480 件、Other 27 件');
		expect(typeValuesText(t, 'en')).toBe('(blank) 480, Other 27');
		expect(noCallsText('Task.csv', t, 'ja')).toBe(
			'Task.csv：507 件の活動のうち、架電として読めたものが 1 件もありません。活動種別として読んだ列は「Type」で、その値は （空欄） 480 件、Other 27 件 です。'
		);
		const [calls] = await db.query(`SELECT count(*) FILTER (WHERE is_call)::INTEGER AS n FROM activities`);
		expect(calls.n).toBe(0);
	});

	it('reading Subject as the type gives its 169 calls, and the explanation goes away', async () => {
		const ds = await newDataset(db);
		const first = await ds.add('Task.csv', fixture('salesforce-task/Task.csv'));
		const columns = Object.fromEntries(first.mapping.map((m) => [m.field, m.header]));
		const f = await ds.add(
			'Task.csv',
			fixture('salesforce-task/Task.csv'),
			{ kind: 'activities', columns: { ...columns, type: 'Subject' } },
			first.id
		);
		expect(f.activityTypes).toBeNull();
		const [calls] = await db.query(`SELECT count(*) FILTER (WHERE is_call)::INTEGER AS n FROM activities`);
		expect(calls.n).toBe(169);
	});
});
