import { describe, expect, it } from 'vitest';
import { kpiChange } from '../../src/lib/components/kpi-change';
import { KPIS, kpiBetter } from '../../src/lib/kpi-catalog';

const def = (key: string) => KPIS.find((k) => k.key === key)!;

describe('kpiChange', () => {
	it('rates change in points, coloured by direction', () => {
		// 12% against 10%: 0.12 − 0.10 = 0.02 → +2 points; a higher win rate is better.
		const c = kpiChange(0.12, 0.1, 'rate', 'higher')!;
		expect(c.kind).toBe('points');
		expect(c.delta).toBeCloseTo(2, 10);
		expect([c.direction, c.tone]).toEqual(['up', 'good']);
		// Churn 3% from 2%: +1 point, and higher churn is worse.
		const churn = kpiChange(0.03, 0.02, 'rate', 'lower')!;
		expect(churn.delta).toBeCloseTo(1, 10);
		expect([churn.direction, churn.tone]).toEqual(['up', 'bad']);
	});

	it('counts and money change in percent of the previous value', () => {
		// 90 leads against 120: (90 − 120) / 120 = −0.25.
		expect(kpiChange(90, 120, 'int', 'higher')).toEqual({
			kind: 'percent',
			delta: -0.25,
			direction: 'down',
			tone: 'bad'
		});
		// Cost per lead ¥8,000 from ¥10,000: −20%, good for a cost.
		expect(kpiChange(8000, 10000, 'money', 'lower')).toMatchObject({ delta: -0.2, tone: 'good' });
		// From zero there is no percentage, still a direction.
		expect(kpiChange(5, 0, 'int', 'higher')).toMatchObject({ delta: null, direction: 'up' });
	});

	it('NPS changes in points; no change and no previous value', () => {
		expect(kpiChange(25, 30, 'points', 'higher')).toMatchObject({ kind: 'points', delta: -5, tone: 'bad' });
		expect(kpiChange(0.3 - 0.1, 0.2, 'rate', 'higher')).toMatchObject({ direction: 'same', tone: 'none' });
		expect(kpiChange(0.1, null, 'rate', 'higher')).toBeNull();
	});

	it('knows which direction is better per KPI', () => {
		expect(kpiBetter(def('win_rate'))).toBe('higher');
		expect(kpiBetter(def('churn_rate'))).toBe('lower');
		expect(kpiBetter(def('cac'))).toBe('lower');
		expect(kpiBetter(def('median_days_to_win'))).toBe('lower');
		expect(kpiBetter(def('active_at_start'))).toBeNull();
	});
});
