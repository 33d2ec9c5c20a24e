import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, DEFAULT_CONFIG, parseOrgConfig } from '../../src/lib/engine/config';
import { formatConfigError } from '../../src/lib/i18n/config-errors';

/** The problem parseOrgConfig finds in `json`, worded in `locale`. */
function problem(json: unknown, locale: 'en' | 'ja'): string {
	try {
		parseOrgConfig(json);
	} catch (e) {
		if (e instanceof ConfigError) return formatConfigError(locale, e);
		throw e;
	}
	throw new Error('no problem found');
}

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
		[{ mappings: { version: 2 } }, /mappings\.version must be 1 \(got 2\)/]
	])('rejects %j with a message naming the problem', (json, re) => {
		expect(() => parseOrgConfig(json)).toThrow(ConfigError);
		expect(problem(json, 'en')).toMatch(re);
		// The same problem in Japanese: no English sentence left (keys and values are quoted as written).
		expect(problem(json, 'ja')).toMatch(/[\u3000-\u30ff\u4e00-\u9fff]/);
	});
});

describe('org config: exchange rates and targets', () => {
	it('reads fxRates and targets', () => {
		const c = parseOrgConfig({ fxRates: { USD: 150.2, EUR: 162 }, targets: { sqls: 40, won_revenue: 3e7 } });
		expect(c.fxRates).toEqual({ USD: 150.2, EUR: 162 });
		expect(c.targets).toEqual({ sqls: 40, won_revenue: 3e7 });
	});

	it('names the bad key or value', () => {
		expect(problem({ fxRates: { usd: 150 } }, 'en')).toMatch(/fxRates: unknown key "usd"/);
		expect(problem({ fxRates: { USD: 0 } }, 'en')).toMatch(/fxRates.USD must be a positive number/);
		expect(problem({ targets: { profit: 1 } }, 'en')).toMatch(/targets: unknown key "profit"/);
		expect(problem({ targets: { profit: 1 } }, 'ja')).toBe(
			'targets：不明なキー「profit」です（使えるキー：leads, mqls, sqls, opportunities, won, won_revenue, calls, appointments）'
		);
		expect(() => parseOrgConfig({ targets: [] })).toThrow(ConfigError);
	});
});

describe('org config: the team’s data published with the site', () => {
	it('reads same-origin paths and drops repeats', () => {
		const c = parseOrgConfig({ sources: ['data/leads.csv', 'data/activities.csv', 'data/leads.csv'] });
		expect(c.sources).toEqual(['data/leads.csv', 'data/activities.csv']);
		expect(DEFAULT_CONFIG.sources).toEqual([]);
	});
	it.each([
		[{ sources: 'data/leads.csv' }, 'sources'],
		[{ sources: ['https://evil.example/leads.csv'] }, 'sources[0]'],
		[{ sources: ['data/ok.csv', '../secret.csv'] }, 'sources[1]'],
		[{ sources: ['/etc/passwd.csv'] }, 'sources[0]'],
		[{ sources: [42] }, 'sources[0]'],
		[{ sources: Array.from({ length: 21 }, (_, i) => `d/${i}.csv`) }, 'sources']
	])('refuses %j, naming %s', (json, path) => {
		expect(problem(json, 'en')).toMatch(new RegExp(`^${path.replace(/[[\]]/g, '\\$&')} must be a list`));
		expect(problem(json, 'ja')).toContain('相対パス');
	});
});
