/**
 * Encodings, end to end through `Dataset.add`: the decoded values land in the canonical leads table and
 * the quality report names the encoding that was detected. Byte sequences are written out by hand
 * (CP932 and windows-1252 code tables), never produced by the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import {
	ascii,
	bytes,
	funnelCounts,
	leadById,
	newDataset,
	newDb,
	report,
	utf16,
	utf8
} from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
});

// The same two leads in every encoding that can spell Japanese:
// E1 won (受注) from 展示会 by 髙橋, E2 lost (失注) from ウェブ by 佐藤.
// Funnel (cohort April 2025): lead 2; statuses imply won (受注) and, through 失注 = a lost deal, the
// opportunity stage: opportunity = E1 (won counts as passed) + E2 = 2; won = 1.
const JA_TEXT =
	'lead_id,created_at,channel,owner,status\r\n' +
	'E1,2025-04-01,展示会,髙橋,受注\r\n' +
	'E2,2025-04-02,ウェブ,佐藤,失注\r\n';

async function expectJapaneseLeads(ds: Awaited<ReturnType<typeof newDataset>>) {
	const leads = await leadById(db);
	expect(leads.size).toBe(2);
	expect(leads.get('E1')).toMatchObject({
		created_at: '2025-04-01',
		channel: '展示会',
		owner: '髙橋',
		status: '受注'
	});
	expect(leads.get('E2')).toMatchObject({
		created_at: '2025-04-02',
		channel: 'ウェブ',
		owner: '佐藤',
		status: '失注',
		lost: true
	});
	expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({ lead: 2, opportunity: 2, won: 1 });
}

describe('UTF-8', () => {
	it('reads UTF-8 without a BOM', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('ja-utf8.csv', utf8(JA_TEXT));
		expect(f.quality.encoding).toBe('utf-8');
		expect(f.encoding.bom).toBe(false);
		await expectJapaneseLeads(ds);
	});

	it('strips a UTF-8 BOM so the first header still maps to lead_id', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('ja-utf8-bom.csv', bytes([0xef, 0xbb, 0xbf], JA_TEXT));
		expect(f.quality.encoding).toBe('utf-8');
		expect(f.encoding.bom).toBe(true);
		expect(f.headers[0]).toBe('lead_id');
		expect(f.mapping.find((m) => m.field === 'lead_id')?.column).toBe(0);
		await expectJapaneseLeads(ds);
	});
});

describe('Shift_JIS (CP932)', () => {
	// CP932 bytes, from the code table:
	//   ㈱ 87 8A   ① 87 40   髙 FB FC (IBM extension)   展示会 93 57 8E A6 89 EF   橋 8B B4
	//   受注 8E F3 92 8D   失注 8E B8 92 8D   ウェブ 83 45 83 46 83 75   佐藤 8D B2 93 A1
	// Row E1's channel is ㈱展示会①, its owner 髙橋: all three CP932-only characters.
	const sjis = bytes(
		ascii('lead_id,created_at,channel,owner,status\r\n'),
		ascii('E1,2025-04-01,'),
		[0x87, 0x8a, 0x93, 0x57, 0x8e, 0xa6, 0x89, 0xef, 0x87, 0x40], // ㈱展示会①
		ascii(','),
		[0xfb, 0xfc, 0x8b, 0xb4], // 髙橋
		ascii(','),
		[0x8e, 0xf3, 0x92, 0x8d], // 受注
		ascii('\r\nE2,2025-04-02,'),
		[0x83, 0x45, 0x83, 0x46, 0x83, 0x75], // ウェブ
		ascii(','),
		[0x8d, 0xb2, 0x93, 0xa1], // 佐藤
		ascii(','),
		[0x8e, 0xb8, 0x92, 0x8d], // 失注
		ascii('\r\n')
	);

	it('decodes NEC/IBM extension characters into the leads table', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('ja-sjis.csv', sjis);
		expect(f.quality.encoding).toBe('shift_jis');
		const leads = await leadById(db);
		expect(leads.get('E1')).toMatchObject({ channel: '㈱展示会①', owner: '髙橋', status: '受注' });
		expect(leads.get('E2')).toMatchObject({ channel: 'ウェブ', owner: '佐藤', status: '失注' });
		expect(await funnelCounts(ds, '2025-04-01', '2025-04-30')).toEqual({
			lead: 2,
			opportunity: 2,
			won: 1
		});
	});
});

describe('UTF-16 with a BOM', () => {
	it('reads little-endian (FF FE)', async () => {
		const ds = await newDataset(db);
		const data = utf16(JA_TEXT, 'le');
		expect([data[0], data[1]]).toEqual([0xff, 0xfe]);
		const f = await ds.add('ja-utf16le.csv', data);
		expect(f.quality.encoding).toBe('utf-16le');
		await expectJapaneseLeads(ds);
	});

	it('reads big-endian (FE FF)', async () => {
		const ds = await newDataset(db);
		const data = utf16(JA_TEXT, 'be');
		expect([data[0], data[1]]).toEqual([0xfe, 0xff]);
		const f = await ds.add('ja-utf16be.csv', data);
		expect(f.quality.encoding).toBe('utf-16be');
		await expectJapaneseLeads(ds);
	});
});

describe('windows-1252', () => {
	// é = E9, ü = FC, € = 80 (windows-1252 code table). Amount "€1,250" → 1250; "1.250,50 €" is the
	// German decimal comma → 1250.5. Won revenue = W1's 1250 (W2 is still open).
	const latin = bytes(
		ascii('lead_id,created_at,channel,owner,status,amount\r\n'),
		ascii('W1,2025-04-01,Caf'),
		[0xe9],
		ascii(',J'),
		[0xfc],
		ascii('rgen,Closed Won,'),
		[0x80],
		ascii('1250\r\nW2,2025-04-02,Salon,Ren'),
		[0xe9],
		ascii('e,Working - Contacted,"1.250,50 '),
		[0x80],
		ascii('"\r\n')
	);

	it('decodes é, ü and € (0x80) and reads euro amounts', async () => {
		const ds = await newDataset(db);
		const f = await ds.add('latin.csv', latin);
		expect(f.quality.encoding).toBe('windows-1252');
		const leads = await leadById(db);
		expect(leads.get('W1')).toMatchObject({ channel: 'Café', owner: 'Jürgen', amount: 1250 });
		expect(leads.get('W2')).toMatchObject({ owner: 'Renée', amount: 1250.5 });
		expect(f.quality.issues.filter((i) => i.severity !== 'info')).toEqual([]);
		const r = await report(ds, '2025-04-01', '2025-04-30');
		expect(r.revenue?.won_revenue).toBe(1250);
	});
});
