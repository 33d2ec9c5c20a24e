/**
 * The organisation config (`static/modelboard.config.json`, served with the site): a team that forks the
 * repository standardises its KPI definitions here. Validated strictly; an invalid file is an error page
 * that names the problem, never a silently ignored setting.
 */
import { BENCHMARK_KEYS, type BenchmarkKey, type BenchmarkOverrides } from './benchmarks/defaults';
import { MappingFileError, parseMappingFile } from './ingest/mapping-file';
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
	/**
	 * The team's exports published with the site (same-origin relative paths such as "data/leads.csv"),
	 * loaded at start when the browser has no data of its own.
	 */
	sources: string[];
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
	targets: {},
	sources: []
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
	'targets',
	'sources'
];

/** Same-origin relative paths only: no scheme, no protocol-relative `//`, no backslashes, no `..`. */
export function isSafeSource(v: string): boolean {
	return (
		v.length > 0 &&
		v.length <= 300 &&
		/^[A-Za-z0-9._\-/ ]+$/.test(v) &&
		!v.startsWith('/') &&
		!v.split('/').some((p) => p === '..' || p === '') &&
		/\.(csv|tsv|txt)$/i.test(v)
	);
}

/** At most this many sources in a config (a team's monthly exports, not an archive). */
export const MAX_SOURCES = 20;

/** What is wrong with a config value; worded in both languages by `formatConfigError` (i18n). */
export type ConfigProblem =
	| 'notObject'
	| 'unknownKey'
	| 'text'
	| 'month'
	| 'currency'
	| 'language'
	| 'object'
	| 'range'
	| 'target'
	| 'positive'
	| 'mapping'
	| 'sources';

/** An invalid config: the JSON path of the value (`""` for the whole file), the problem and its details. */
export class ConfigError extends Error {
	constructor(
		readonly path: string,
		readonly problem: ConfigProblem,
		readonly params: Record<string, string | number> = {}
	) {
		super(`${path || 'config'}: ${problem} ${JSON.stringify(params)}`);
	}
}

const got = (v: unknown) => ({ got: JSON.stringify(v) ?? String(v) });

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function vocab<T extends string>(path: string, v: unknown, targets: readonly T[]): Record<string, T | null> {
	if (!isObject(v)) throw new ConfigError(path, 'object', { example: '{ "raw value": "target" }' });
	const out: Record<string, T | null> = {};
	for (const [raw, target] of Object.entries(v)) {
		if (target !== null && !targets.includes(target as T)) {
			throw new ConfigError(`${path}["${raw}"]`, 'target', { targets: targets.join(', '), ...got(target) });
		}
		out[raw] = target as T | null;
	}
	return out;
}

/** An object of positive numbers whose keys pass `validKey`. */
function positiveMap(path: string, v: unknown, validKey: (k: string) => boolean): Record<string, number> {
	const example = path === 'fxRates' ? '{ "USD": 150.2 }' : '{ "sqls": 40 }';
	const known = path === 'fxRates' ? 'USD, EUR, CNY, …' : TARGET_KEYS.join(', ');
	if (!isObject(v)) throw new ConfigError(path, 'object', { example });
	const out: Record<string, number> = {};
	for (const [k, n] of Object.entries(v)) {
		if (!validKey(k)) throw new ConfigError(path, 'unknownKey', { key: k, known });
		if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
			throw new ConfigError(`${path}.${k}`, 'positive', got(n));
		out[k] = n;
	}
	return out;
}

export function parseOrgConfig(json: unknown): OrgConfig {
	if (!isObject(json)) throw new ConfigError('', 'notObject');
	for (const k of Object.keys(json)) {
		if (!KEYS.includes(k))
			throw new ConfigError('', 'unknownKey', { key: k, known: KEYS.slice(1).join(', ') });
	}
	const c: OrgConfig = structuredClone(DEFAULT_CONFIG);
	if (json.name !== undefined && json.name !== null) {
		if (typeof json.name !== 'string' || json.name.length > 80)
			throw new ConfigError('name', 'text', { max: 80 });
		c.name = json.name;
	}
	if (json.fiscalYearStartMonth !== undefined) {
		const m = json.fiscalYearStartMonth;
		if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12) {
			throw new ConfigError('fiscalYearStartMonth', 'month', got(m));
		}
		c.fiscalYearStartMonth = m;
	}
	if (json.currency !== undefined) {
		if (typeof json.currency !== 'string' || !/^[A-Z]{3}$/.test(json.currency)) {
			throw new ConfigError('currency', 'currency', got(json.currency));
		}
		c.currency = json.currency;
	}
	if (json.defaultLanguage !== undefined && json.defaultLanguage !== null) {
		if (json.defaultLanguage !== 'ja' && json.defaultLanguage !== 'en')
			throw new ConfigError('defaultLanguage', 'language', got(json.defaultLanguage));
		c.defaultLanguage = json.defaultLanguage;
	}
	if (json.benchmarks !== undefined) {
		if (!isObject(json.benchmarks))
			throw new ConfigError('benchmarks', 'object', { example: '{ "contact_rate": [0.2, 0.3] }' });
		for (const [key, r] of Object.entries(json.benchmarks)) {
			if (!(BENCHMARK_KEYS as readonly string[]).includes(key)) {
				throw new ConfigError('benchmarks', 'unknownKey', { key, known: BENCHMARK_KEYS.join(', ') });
			}
			if (
				!Array.isArray(r) ||
				r.length !== 2 ||
				!r.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
				r[0] > r[1]
			) {
				throw new ConfigError(`benchmarks.${key}`, 'range', got(r));
			}
			c.benchmarks[key as BenchmarkKey] = { low: r[0], high: r[1] };
		}
	}
	if (json.vocabularies !== undefined) {
		const v = json.vocabularies;
		if (!isObject(v))
			throw new ConfigError('vocabularies', 'object', {
				example: '{ "status": {…}, "outcome": {…}, "type": {…} }'
			});
		for (const k of Object.keys(v)) {
			if (!['status', 'outcome', 'type'].includes(k))
				throw new ConfigError('vocabularies', 'unknownKey', { key: k, known: 'status, outcome, type' });
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
	if (json.sources !== undefined) {
		const v = json.sources;
		if (!Array.isArray(v) || v.length > MAX_SOURCES)
			throw new ConfigError('sources', 'sources', { max: MAX_SOURCES, ...got(v) });
		for (const [i, p] of v.entries())
			if (typeof p !== 'string' || !isSafeSource(p))
				throw new ConfigError(`sources[${i}]`, 'sources', { max: MAX_SOURCES, ...got(p) });
		c.sources = [...new Set(v as string[])];
	}
	if (json.mappings !== undefined && json.mappings !== null) {
		try {
			c.mappings = parseMappingFile(json.mappings);
		} catch (e) {
			const m = e instanceof MappingFileError ? e : null;
			throw new ConfigError(m ? `mappings.${m.path}` : 'mappings', 'mapping', {
				reason: (e as Error).message,
				...(m ? { mappingProblem: m.problem, ...m.params } : {})
			});
		}
	}
	return c;
}
