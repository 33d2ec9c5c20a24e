/** Argument parsing for `npm run report` (docs/report.md). Pure, so it is unit-tested. */
import {
	BENCHMARK_KEYS,
	parseRange,
	type BenchmarkKey,
	type BenchmarkOverrides
} from '../src/lib/engine/benchmarks/defaults';
import { TARGET_KEYS, type Goals, type TargetKey } from '../src/lib/engine/metrics/targets';

export interface ReportArgs {
	files: string[];
	from: string | null;
	to: string | null;
	mode: 'cohort' | 'period';
	window: number | null;
	benchmarks: BenchmarkOverrides;
	target: number | null;
	deal: number | null;
	workingDays: number | null;
	map: string | null;
	/** Units of the organisation's currency per one unit of each code (`--fx USD=150.2`). */
	fx: Record<string, number>;
	/** The organisation's currency (`--currency`); default: the config's, else JPY. */
	currency: string | null;
	/** Monthly targets (`--goal sqls=40`). */
	goals: Goals;
	/** An organisation config file (`--config`); options on the command line win over it. */
	config: string | null;
	/** Not in the report contract: the dashboard's dimension filters, for scripting the same views. */
	filters: Partial<Record<'channel' | 'owner' | 'segment' | 'deal_owner', string[]>>;
	help: boolean;
}

export class UsageError extends Error {}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(flag: string, v: string): string {
	if (!ISO.test(v) || Number.isNaN(Date.parse(v + 'T00:00:00Z')))
		throw new UsageError(`${flag} takes a date as YYYY-MM-DD (got "${v}")`);
	return v;
}

function positive(flag: string, v: string, integer = false): number {
	const n = Number(v);
	if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
		throw new UsageError(`${flag} takes a positive ${integer ? 'whole ' : ''}number (got "${v}")`);
	}
	return n;
}

const CURRENCY = /^[A-Za-z]{3}$/;

function keyValue(flag: string, v: string, shape: string): [string, string] {
	const k = v.indexOf('=');
	if (k <= 0) throw new UsageError(`${flag} takes ${shape} (got "${v}")`);
	return [v.slice(0, k), v.slice(k + 1)];
}

export function parseReportArgs(argv: string[]): ReportArgs {
	const a: ReportArgs = {
		files: [],
		from: null,
		to: null,
		mode: 'cohort',
		window: null,
		benchmarks: {},
		target: null,
		deal: null,
		workingDays: null,
		map: null,
		fx: {},
		currency: null,
		goals: {},
		config: null,
		filters: {},
		help: false
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const flag =
			eq > 0 && !arg.startsWith('--benchmark=')
				? arg.slice(0, eq)
				: arg.startsWith('--benchmark=')
					? '--benchmark'
					: arg;
		const inline = eq > 0 ? arg.slice(eq + 1) : null;
		const value = (): string => {
			if (inline !== null) return inline;
			const v = argv[++i];
			if (v === undefined) throw new UsageError(`${flag} needs a value`);
			return v;
		};
		switch (flag) {
			case '-h':
			case '--help':
				a.help = true;
				break;
			case '--from':
				a.from = isoDate(flag, value());
				break;
			case '--to':
				a.to = isoDate(flag, value());
				break;
			case '--mode': {
				const v = value();
				if (v !== 'cohort' && v !== 'period') throw new UsageError(`--mode is cohort or period (got "${v}")`);
				a.mode = v;
				break;
			}
			case '--window':
				a.window = positive(flag, value(), true);
				break;
			case '--benchmark': {
				const v = value();
				const k = v.indexOf('=');
				const key = v.slice(0, k) as BenchmarkKey;
				const range = k > 0 ? parseRange(v.slice(k + 1)) : null;
				if (!BENCHMARK_KEYS.includes(key)) {
					throw new UsageError(
						`--benchmark: unknown key "${v.slice(0, Math.max(k, 0))}"; keys: ${BENCHMARK_KEYS.join(', ')}`
					);
				}
				if (!range)
					throw new UsageError(`--benchmark ${key} takes LOW:HIGH with LOW ≤ HIGH, e.g. ${key}=0.2:0.3`);
				a.benchmarks[key] = range;
				break;
			}
			case '--target':
				a.target = positive(flag, value());
				break;
			case '--deal':
				a.deal = positive(flag, value());
				break;
			case '--working-days':
				a.workingDays = positive(flag, value(), true);
				break;
			case '--map':
				a.map = value();
				break;
			case '--fx': {
				const [code, rate] = keyValue(flag, value(), 'CODE=RATE, e.g. USD=150.2');
				if (!CURRENCY.test(code)) throw new UsageError(`--fx: "${code}" is not a currency code like USD`);
				a.fx[code.toUpperCase()] = positive(flag, rate);
				break;
			}
			case '--currency': {
				const v = value();
				if (!CURRENCY.test(v)) throw new UsageError(`--currency takes a code like JPY or USD (got "${v}")`);
				a.currency = v.toUpperCase();
				break;
			}
			case '--goal': {
				const [key, monthly] = keyValue(flag, value(), 'KEY=MONTHLY, e.g. sqls=40');
				if (!(TARGET_KEYS as readonly string[]).includes(key))
					throw new UsageError(`--goal: unknown key "${key}"; keys: ${TARGET_KEYS.join(', ')}`);
				a.goals[key as TargetKey] = positive(flag, monthly);
				break;
			}
			case '--config':
				a.config = value();
				break;
			case '--filter': {
				const v = value();
				const k = v.indexOf('=');
				const dim = v.slice(0, Math.max(k, 0));
				if (dim !== 'channel' && dim !== 'owner' && dim !== 'segment' && dim !== 'deal_owner') {
					throw new UsageError(
						`--filter takes channel=VALUE, owner=VALUE, segment=VALUE or deal_owner=VALUE (got "${v}")`
					);
				}
				(a.filters[dim] ??= []).push(v.slice(k + 1));
				break;
			}
			default:
				if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
				a.files.push(arg);
		}
	}
	if (a.from && a.to && a.from > a.to) throw new UsageError(`--from ${a.from} is after --to ${a.to}`);
	if (a.window !== null && a.mode === 'period') throw new UsageError('--window applies to cohort mode only');
	if ((a.target === null) !== (a.deal === null)) throw new UsageError('--target and --deal go together');
	return a;
}

export const USAGE = `Usage: npm run report -- [options] FILE...

Prints Modelboard's metrics for CSV exports as JSON (definitions: docs/metrics.md).

  --from YYYY-MM-DD --to YYYY-MM-DD   range, both ends included (default: the whole data)
  --mode cohort|period                funnel mode (default cohort)
  --window DAYS                       conversion window (cohort mode)
  --benchmark KEY=LOW:HIGH            override a benchmark, repeatable (${BENCHMARK_KEYS.join(', ')})
  --target AMOUNT --deal AMOUNT       add the reverse plan (数値連鎖)
  --working-days N                    working days for the plan (default: weekdays in the range)
  --map FILE.json                     a header mapping exported from the dashboard's Data page
  --config FILE.json                  an organisation config (modelboard.config.json); options win over it
  --currency CODE                     the organisation's currency (default: the config's, else JPY)
  --fx CODE=RATE                      units of that currency per one CODE, repeatable (e.g. USD=150.2)
  --goal KEY=MONTHLY                  a monthly target, repeatable (${TARGET_KEYS.join(', ')})
  --filter DIM=VALUE                  keep only leads with this channel, owner, segment or deal_owner (repeatable)
`;
