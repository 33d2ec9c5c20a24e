/**
 * Inside-sales figures of docs/metrics.md ("Inside sales"): the meeting rate by first connect, figures
 * that follow the lead filters, appointments, e-mails and connects per lead. Expected values worked
 * out by hand from the rows below (working in the comments).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { insideSalesFigures } from '../../src/lib/engine/metrics/inside-sales';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { freshDb, insert, reset } from './helpers';

let db: Db;
const APRIL: MetricView = {
	from: '2025-04-01',
	to: '2025-04-30',
	mode: 'cohort',
	windowDays: null,
	filters: {}
};

const call = (
	activity_id: string,
	occurred_at: string,
	rep: string,
	lead_id: string | null,
	outcome: string
) => ({
	activity_id,
	occurred_at,
	rep,
	lead_id,
	outcome,
	type: 'call',
	is_call: true
});

beforeAll(async () => {
	db = await freshDb();
	await reset(db);
	await insert(db, 'leads', [
		{ lead_id: 'L1', created_at: '2025-03-01', channel: 'A', owner: 'R1' },
		{ lead_id: 'L2', created_at: '2025-03-01', channel: 'B', owner: 'R2' },
		{ lead_id: 'L3', created_at: '2025-03-01', channel: 'A', owner: 'R2' }
	]);
	await insert(db, 'activities', [
		call('a1', '2025-03-28', 'R1', 'L1', 'no_answer'),
		call('a2', '2025-03-30', 'R1', 'L1', 'connected'), // L1's first connect: March
		call('a3', '2025-04-02', 'R1', 'L1', 'meeting_set'), // an April appointment of a March connect
		call('a4', '2025-04-03', 'R2', 'L2', 'no_answer'),
		call('a5', '2025-04-03', 'R2', 'L2', 'connected'), // L2's first connect: April, R2
		call('a6', '2025-05-06', 'R1', 'L2', 'meeting_set'), // … met in May (counts: any later date)
		call('a7', '2025-04-10', 'R1', 'L3', 'connected'), // L3's first connect: April, two reps that day →
		call('a8', '2025-04-10', 'R2', 'L3', 'connected'), // … R1 (first in code-point order); never met
		call('a9', '2025-04-11', 'R1', null, 'connected'), // a call on no lead
		{ activity_id: 'e1', occurred_at: '2025-04-05', rep: 'R1', lead_id: 'L1', type: 'email', is_call: false }
	]);
});

const total = async (v: MetricView) => (await insideSalesFigures(db, v, { by: 'total' }))[0].figures;

describe('inside-sales figures', () => {
	it('totals for April', async () => {
		expect(await total(APRIL)).toEqual({
			calls: 6, // a3 a4 a5 a7 a8 a9
			rep_days: 5, // R1 04-02, R2 04-03, R1 04-10, R2 04-10, R1 04-11
			reps: 2,
			calls_per_rep_day: 6 / 5,
			contact_rate: 5 / 6, // a3 a5 a7 a8 a9
			first_connects: 2, // L2 (04-03), L3 (04-10); L1 first connected in March
			first_connects_met: 1, // L2 (meeting in May)
			meeting_rate: 1 / 2,
			appointments: 1, // L1 (a3)
			contacted_leads: 3, // L1 L2 L3
			connects_per_lead: 4 / 3, // a3 a5 a7 a8 on 3 leads (a9 has no lead)
			emails: 1
		});
	});

	it('per rep: first connects go to the rep of the first connected call; the total is their weighted mean', async () => {
		const rows = await insideSalesFigures(db, APRIL, { by: 'rep' });
		expect(rows.map((r) => r.key)).toEqual(['R1', 'R2']);
		const [r1, r2] = rows.map((r) => r.figures);
		expect([r1.calls, r1.rep_days, r1.contact_rate, r1.first_connects, r1.meeting_rate]).toEqual([
			3, 3, 1, 1, 0
		]);
		expect([r1.appointments, r1.contacted_leads, r1.connects_per_lead, r1.emails]).toEqual([1, 2, 1, 1]);
		expect([r2.calls, r2.rep_days, r2.contact_rate, r2.first_connects, r2.meeting_rate]).toEqual([
			3,
			2,
			2 / 3,
			1,
			1
		]);
		expect([r2.appointments, r2.contacted_leads, r2.connects_per_lead, r2.emails]).toEqual([0, 2, 1, 0]);
		const t = await total(APRIL);
		const weighted =
			rows.reduce((s, r) => s + (r.figures.meeting_rate ?? 0) * r.figures.first_connects, 0) /
			rows.reduce((s, r) => s + r.figures.first_connects, 0);
		expect(weighted).toBeCloseTo(t.meeting_rate!, 12);
	});

	it('per month: March–May, each first connect in the month of its call', async () => {
		const v = { ...APRIL, from: '2025-03-01', to: '2025-05-31' };
		const rows = await insideSalesFigures(db, v, { by: 'bucket', grain: 'month' });
		expect(
			rows.map((r) => [r.key, r.figures.calls, r.figures.first_connects, r.figures.meeting_rate])
		).toEqual([
			['2025-03-01', 2, 1, 1], // L1, met in April
			['2025-04-01', 6, 2, 1 / 2],
			['2025-05-01', 1, 0, null] // a6; no first connect in May
		]);
		expect((await total(v)).meeting_rate).toBeCloseTo(2 / 3, 12); // (1 + 1) / (1 + 2)
	});

	it('a channel filter keeps only calls on leads of that channel, rep-days included', async () => {
		const k = await total({ ...APRIL, filters: { channel: ['A'] } });
		// L1, L3: a3 a7 a8 (a9 has no lead); rep-days R1 04-02, R1 04-10, R2 04-10
		expect([k.calls, k.rep_days, k.calls_per_rep_day, k.contact_rate]).toEqual([3, 3, 1, 1]);
		expect([k.first_connects, k.meeting_rate, k.appointments, k.emails]).toEqual([1, 0, 1, 1]);
	});

	it('an owner filter selects the leads that owner owns (not the calling reps)', async () => {
		const k = await total({ ...APRIL, filters: { owner: ['R2'] } });
		// L2, L3: a4 a5 a7 a8; rep-days R2 04-03, R1 04-10, R2 04-10
		expect([k.calls, k.rep_days, k.first_connects, k.first_connects_met, k.meeting_rate]).toEqual([
			4, 3, 2, 1, 0.5
		]);
	});

	it('no activities: zero counts and no rates', async () => {
		const k = await total({ ...APRIL, from: '2024-01-01', to: '2024-01-31' });
		expect(k).toMatchObject({
			calls: 0,
			calls_per_rep_day: null,
			contact_rate: null,
			meeting_rate: null,
			emails: null
		});
	});
});
