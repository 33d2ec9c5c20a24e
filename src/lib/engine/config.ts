/**
 * The organisation config (`static/modelboard.config.json`, served with the site): a team that forks the
 * repository standardises its KPI definitions here. Validated strictly; an invalid file is an error page
 * that names the problem, never a silently ignored setting.
 */
import { BENCHMARK_KEYS, type BenchmarkKey, type BenchmarkOverrides } from './benchmarks/defaults';
import { parseMappingFile } from './ingest/mapping-file';
import type { MappingFile, OutcomeTarget, StatusTarget, ActivityTypeTarget } from './ingest/types';
import type { VocabularyOverride } from './ingest/vocab';
import { TARGET_KEYS, type Goals, type TargetKey } from './metrics/targets';

export interface OrgConfig {
	/** Display name shown in the header, e.g. the team's name. */
	name: string | null;
	fiscalYearStartMonth: number;
	currency: string;
	defaultLanguage: 'ja' | 'en' | null;
	benchmarks: BenchmarkOverrides;
	vocabularies: VocabularyOverride;
	mappings: MappingFile | null;
	/** Units of `currency` per one unit of each other currency, e.g. { "USD": 150.2 }. */
	fxRates: Record<string, number>;
	/** Monthly targets (leads, mqls, sqls, opportunities, won, won_revenue, calls, appointments). */
	targets: Goals;
}

export const DEFAULT_CONFIG: OrgConfig = {
	name: null,
	fiscalYearStartMonth: 4,
	currency: 'JPY',
	defaultLanguage: null,
	benchmarks: {},
	vocabularies: {},
	mappings: null,
	fxRates: {},
	targets: {}
};

const STATUS_TARGETS: StatusTarget[] = [
	'lead',
	'nurture',
	'mql',
	'sql',
	'opportunity',
	'won',
	'lost',
	'disqualified'
];
const OUTCOME_TARGETS: OutcomeTarget[] = ['no_answer', 'connected', 'meeting_set', 'other'];
const TYPE_TARGETS: ActivityTypeTarget[] = ['call', 'email', 'meeting', 'other'];
const KEYS = [
	'$schema',
	'name',
	'fiscalYearStartMonth',
	'currency',
	'defaultLanguage',
	'benchmarks',
	'vocabularies',
	'mappings',
	'fxRates',
	'targets'
];

export class ConfigError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function vocab<T extends string>(path: string, v: unknown, targets: readonly T[]): Record<string, T | null> {
	if (!isObject(v)) throw new ConfigError(`${path} must be an object of "raw value": "target"`);
	const out: Record<string, T | null> = {};
	for (const [raw, target] of Object.entries(v)) {
		if (target !== null && !targets.includes(target as T)) {
			throw new ConfigError(
				`${path}["${raw}"] must be one of ${targets.join(', ')} or null (got ${JSON.stringify(target)})`
			);
		}
		out[raw] = target as T | null;
	}
	return out;
}

/** An object of positive numbers whose keys pass `validKey`. */
function positiveMap(path: string, v: unknown, validKey: (k: string) => boolean): Record<string, number> {
	const example =
		path === 'fxRates' ? '{ "USD": 150.2 }' : `{ "sqls": 40 } (keys: ${TARGET_KEYS.join(', ')})`;
	if (!isObject(v)) throw new ConfigError(`${path} must be an object such as ${example}`);
	const out: Record<string, number> = {};
	for (const [k, n] of Object.entries(v)) {
		if (!validKey(k)) throw new ConfigError(`${path}: unknown key "${k}"; expected ${example}`);
		if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
			throw new ConfigError(`${path}.${k} must be a positive number (got ${JSON.stringify(n)})`);
		out[k] = n;
	}
	return out;
}

export function parseOrgConfig(json: unknown): OrgConfig {
	if (!isObject(json)) throw new ConfigError('the config must be a JSON object');
	for (const k of Object.keys(json)) {
		if (!KEYS.includes(k)) throw new ConfigError(`unknown key "${k}" (known: ${KEYS.slice(1).join(', ')})`);
	}
	const c: OrgConfig = structuredClone(DEFAULT_CONFIG);
	if (json.name !== undefined && json.name !== null) {
		if (typeof json.name !== 'string' || json.name.length > 80)
			throw new ConfigError('name must be a string of at most 80 characters');
		c.name = json.name;
	}
	if (json.fiscalYearStartMonth !== undefined) {
		const m = json.fiscalYearStartMonth;
		if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12) {
			throw new ConfigError(
				`fiscalYearStartMonth must be a whole number from 1 to 12 (got ${JSON.stringify(m)})`
			);
		}
		c.fiscalYearStartMonth = m;
	}
	if (json.currency !== undefined) {
		if (typeof json.currency !== 'string' || !/^[A-Z]{3}$/.test(json.currency)) {
			throw new ConfigError(
				`currency must be an ISO 4217 code such as "JPY" or "EUR" (got ${JSON.stringify(json.currency)})`
			);
		}
		c.currency = json.currency;
	}
	if (json.defaultLanguage !== undefined && json.defaultLanguage !== null) {
		if (json.defaultLanguage !== 'ja' && json.defaultLanguage !== 'en')
			throw new ConfigError('defaultLanguage must be "ja", "en" or null');
		c.defaultLanguage = json.defaultLanguage;
	}
	if (json.benchmarks !== undefined) {
		if (!isObject(json.benchmarks))
			throw new ConfigError('benchmarks must be an object such as { "contact_rate": [0.2, 0.3] }');
		for (const [key, r] of Object.entries(json.benchmarks)) {
			if (!(BENCHMARK_KEYS as readonly string[]).includes(key)) {
				throw new ConfigError(`benchmarks: unknown key "${key}" (known: ${BENCHMARK_KEYS.join(', ')})`);
			}
			if (
				!Array.isArray(r) ||
				r.length !== 2 ||
				!r.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
				r[0] > r[1]
			) {
				throw new ConfigError(
					`benchmarks.${key} must be [low, high] with low ≤ high (got ${JSON.stringify(r)})`
				);
			}
			c.benchmarks[key as BenchmarkKey] = { low: r[0], high: r[1] };
		}
	}
	if (json.vocabularies !== undefined) {
		const v = json.vocabularies;
		if (!isObject(v))
			throw new ConfigError('vocabularies must be an object with status, outcome and/or type');
		for (const k of Object.keys(v)) {
			if (!['status', 'outcome', 'type'].includes(k))
				throw new ConfigError(`vocabularies: unknown key "${k}" (known: status, outcome, type)`);
		}
		if (v.status !== undefined)
			c.vocabularies.status = vocab('vocabularies.status', v.status, STATUS_TARGETS);
		if (v.outcome !== undefined)
			c.vocabularies.outcome = vocab('vocabularies.outcome', v.outcome, OUTCOME_TARGETS);
		if (v.type !== undefined) c.vocabularies.type = vocab('vocabularies.type', v.type, TYPE_TARGETS);
	}
	if (json.fxRates !== undefined)
		c.fxRates = positiveMap('fxRates', json.fxRates, (k) => /^[A-Z]{3}$/.test(k));
	if (json.targets !== undefined)
		c.targets = positiveMap('targets', json.targets, (k) =>
			(TARGET_KEYS as readonly string[]).includes(k)
		) as Record<TargetKey, number>;
	if (json.mappings !== undefined && json.mappings !== null) {
		try {
			c.mappings = parseMappingFile(json.mappings);
		} catch (e) {
			throw new ConfigError(`mappings: ${(e as Error).message}`);
		}
	}
	return c;
}
