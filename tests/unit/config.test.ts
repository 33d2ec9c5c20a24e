import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, DEFAULT_CONFIG, parseOrgConfig } from '../../src/lib/engine/config';

describe('organisation config', () => {
	it('the shipped config is valid', () => {
		const c = parseOrgConfig(JSON.parse(readFileSync('static/modelboard.config.json', 'utf8')));
		expect(c.fiscalYearStartMonth).toBe(4);
		expect(c.benchmarks.contact_rate).toEqual({ low: 0.2, high: 0.3 });
	});
	it('an empty object gives the defaults', () => {
		expect(parseOrgConfig({})).toEqual(DEFAULT_CONFIG);
	});
	it('reads benchmarks, vocabularies and the fiscal year', () => {
		const c = parseOrgConfig({
			fiscalYearStartMonth: 1,
			currency: 'EUR',
			defaultLanguage: 'en',
			benchmarks: { won: [0.25, 0.35] },
			vocabularies: { outcome: { 'Gespräch geführt': 'connected', 不在: null } }
		});
		expect(c).toMatchObject({
			fiscalYearStartMonth: 1,
			currency: 'EUR',
			benchmarks: { won: { low: 0.25, high: 0.35 } }
		});
		expect(c.vocabularies.outcome).toEqual({ 'Gespräch geführt': 'connected', 不在: null });
	});
	it.each([
		[[], /JSON object/],
		[{ fiscalYearStartMonth: 13 }, /fiscalYearStartMonth/],
		[{ currency: 'yen' }, /ISO 4217/],
		[{ benchmarks: { win: [0.1, 0.2] } }, /unknown key "win"/],
		[{ benchmarks: { won: [0.3, 0.2] } }, /low ≤ high/],
		[{ vocabularies: { outcome: { x: 'maybe' } } }, /outcome\["x"\]/],
		[{ colour: 'red' }, /unknown key "colour"/],
		[{ mappings: { version: 2 } }, /mappings:/]
	])('rejects %j with a message naming the problem', (json, re) => {
		expect(() => parseOrgConfig(json)).toThrow(ConfigError);
		expect(() => parseOrgConfig(json)).toThrow(re);
	});
});

describe('org config: exchange rates and targets', () => {
	it('reads fxRates and targets', () => {
		const c = parseOrgConfig({ fxRates: { USD: 150.2, EUR: 162 }, targets: { sqls: 40, won_revenue: 3e7 } });
		expect(c.fxRates).toEqual({ USD: 150.2, EUR: 162 });
		expect(c.targets).toEqual({ sqls: 40, won_revenue: 3e7 });
	});

	it('names the bad key or value', () => {
		expect(() => parseOrgConfig({ fxRates: { usd: 150 } })).toThrow(/fxRates: unknown key "usd"/);
		expect(() => parseOrgConfig({ fxRates: { USD: 0 } })).toThrow(/fxRates.USD must be a positive number/);
		expect(() => parseOrgConfig({ targets: { profit: 1 } })).toThrow(/targets: unknown key "profit"/);
		expect(() => parseOrgConfig({ targets: [] })).toThrow(ConfigError);
	});
});
