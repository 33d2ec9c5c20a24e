import { describe, expect, it } from 'vitest';
import { formatInt, formatMoney, formatPercent, formatDate } from '../../src/lib/i18n/format';

describe('Intl formatting', () => {
	it('never prints NaN: missing values are a dash', () => {
		expect(formatPercent(null, 'en')).toBe('–');
		expect(formatPercent(Number.NaN, 'ja')).toBe('–');
		expect(formatInt(undefined, 'en')).toBe('–');
	});
	it('formats per locale', () => {
		expect(formatInt(1234567, 'en')).toBe('1,234,567');
		expect(formatPercent(0.314, 'en')).toBe('31.4%');
		expect(formatMoney(7_440_000, 'ja')).toBe('￥744万');
		expect(formatMoney(12_000, 'ja')).toBe('￥12,000');
		expect(formatMoney(7_440_000, 'en')).toBe('¥7.4M');
		expect(formatDate('2025-04-01', 'ja')).toBe('2025年4月1日');
		expect(formatDate('2025-04-01', 'en')).toBe('1 Apr 2025');
	});
});
