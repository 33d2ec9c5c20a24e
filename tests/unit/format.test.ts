import { describe, expect, it } from 'vitest';
import { formatInt, formatMoney, formatPercent, formatDate, parseAmount } from '../../src/lib/i18n/format';

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
		// 15,022,000 is 1,502.2 万: above 100 of the unit, no decimal and the digits grouped.
		expect(formatMoney(15_022_000, 'ja')).toBe('￥1,502万');
		// 115,000 is 11.5 万; 320,000,000 is 3.2 億.
		expect(formatMoney(115_000, 'ja')).toBe('￥11.5万');
		expect(formatMoney(320_000_000, 'ja')).toBe('￥3.2億');
		// 150,220,000 in English: 150.22 M → 150M.
		expect(formatMoney(150_220_000, 'en')).toBe('¥150M');
		expect(formatDate('2025-04-01', 'ja')).toBe('2025年4月1日');
		expect(formatDate('2025-04-01', 'en')).toBe('1 Apr 2025');
	});
});

describe('parseAmount', () => {
	it('reads amounts as typed: separators, yen signs, full-width digits, 千/万/億', () => {
		expect(parseAmount('100,000,000')).toBe(100_000_000);
		expect(parseAmount('￥1,500万')).toBe(15_000_000); // 1,500 × 10,000
		expect(parseAmount('1億')).toBe(100_000_000);
		expect(parseAmount('12.5万')).toBe(125_000); // 12.5 × 10,000
		expect(parseAmount('１８０万円')).toBe(1_800_000); // full-width 180 × 10,000
		expect(parseAmount('3千')).toBe(3_000);
		expect(parseAmount(' 1800000 ')).toBe(1_800_000);
	});
	it('refuses what is not an amount', () => {
		expect(parseAmount('')).toBeNull();
		expect(parseAmount('abc')).toBeNull();
		expect(parseAmount('1万億')).toBeNull();
		expect(parseAmount('-5')).toBeNull();
	});
});
