/**
 * Snapshot mode without a browser: a snapshot holds exactly the results shown (row-level ones only on
 * opt-in), its client answers the same keys the query client asks for, counts what it cannot answer,
 * and the state serves only while no data is loaded.
 */
import { describe, expect, it } from 'vitest';
import { defineQuery, queryKey } from '../../src/lib/engine/queries';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { buildSnapshot, SnapshotState } from '../../src/lib/state/snapshot.svelte';

const view: MetricView = {
	from: '2025-04-01',
	to: '2025-06-30',
	mode: 'cohort',
	windowDays: null,
	filters: {}
};
const funnel = defineQuery<void, number[]>('funnel', async () => [6000, 2061]);
const stale = defineQuery<{ limit?: number }, string[]>('staleDeals', async () => ['L1']);
const ctx = {
	lang: 'en' as const,
	path: '/',
	query: 'fp=abc',
	fp: 'abc',
	files: ['leads.csv'],
	span: { from: '2025-04-01', to: '2026-03-31' },
	now: new Date('2026-11-30T10:00:00Z')
};

describe('buildSnapshot', () => {
	const shown = [
		{ name: 'funnel', key: queryKey('funnel', view, undefined), value: [6000, 2061] },
		{ name: 'staleDeals', key: queryKey('staleDeals', view, {}), value: ['L1'] }
	];
	it('leaves row-level results out unless asked, and says so', () => {
		const s = buildSnapshot(shown, ctx);
		expect(Object.keys(s.results)).toEqual([queryKey('funnel', view, undefined)]);
		expect(s.omitted).toEqual(['staleDeals']);
		expect(s.rows).toEqual([]);
		expect(s.made).toBe('2026-11-30T10:00:00.000Z');
	});
	it('includes them on opt-in', () => {
		const s = buildSnapshot(shown, ctx, ['staleDeals']);
		expect(Object.keys(s.results).length).toBe(2);
		expect(s.rows).toEqual(['staleDeals']);
		expect(s.omitted).toEqual([]);
	});
});

describe('SnapshotState', () => {
	it('serves while no data is loaded, answering recorded keys and counting the others', async () => {
		const data = { hasData: false };
		const state = new SnapshotState(data);
		expect(state.serving).toBe(false);
		state.open(
			buildSnapshot([{ name: 'funnel', key: queryKey('funnel', view, undefined), value: [6000, 2061] }], ctx)
		);
		expect(state.serving).toBe(true);
		expect(await state.client!.request(funnel, view, undefined).promise).toEqual([6000, 2061]);
		// Another range is not in the snapshot: counted as missing until released.
		const other = state.client!.request(funnel, { ...view, from: '2025-05-01' }, undefined);
		expect(state.missing).toBe(1);
		other.release();
		expect(state.missing).toBe(0);
		// A row-level query left out on purpose is not "missing".
		state.open(
			buildSnapshot([{ name: 'staleDeals', key: queryKey('staleDeals', view, {}), value: [] }], ctx)
		);
		state.client!.request(stale, view, {});
		expect(state.missing).toBe(0);
		data.hasData = true;
		expect(state.serving).toBe(false);
	});
	it('records what is shown, one entry per key, and waits for computing requests', async () => {
		const state = new SnapshotState({ hasData: true });
		const a = {};
		const b = {};
		state.show(a, { name: 'funnel', key: 'k', value: 1 });
		state.show(b, { name: 'funnel', key: 'k', value: 1 });
		expect(state.current()).toHaveLength(1);
		state.hide(a);
		state.hide(b);
		expect(state.current()).toHaveLength(0);
		state.started();
		let settled = false;
		const p = state.settled().then(() => (settled = true));
		await Promise.resolve();
		expect(settled).toBe(false);
		state.finished();
		await p;
		expect(settled).toBe(true);
	});
});
