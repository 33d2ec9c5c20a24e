import { describe, expect, it } from 'vitest';
import { parseReportArgs, UsageError } from '../../scripts/report-args';

describe('report command arguments (REPORT.md)', () => {
	it('parses every option', () => {
		const a = parseReportArgs([
			'--from',
			'2025-04-01',
			'--to=2025-06-30',
			'--mode',
			'cohort',
			'--window',
			'30',
			'--benchmark',
			'contact_rate=0.2:0.3',
			'--benchmark=won=0.25:0.35',
			'--target',
			'100000000',
			'--deal',
			'1800000',
			'--working-days',
			'20',
			'--map',
			'm.json',
			'--filter',
			'channel=展示会',
			'a.csv',
			'b.csv'
		]);
		expect(a).toMatchObject({
			files: ['a.csv', 'b.csv'],
			from: '2025-04-01',
			to: '2025-06-30',
			window: 30,
			benchmarks: { contact_rate: { low: 0.2, high: 0.3 }, won: { low: 0.25, high: 0.35 } },
			target: 100000000,
			deal: 1800000,
			workingDays: 20,
			map: 'm.json',
			filters: { channel: ['展示会'] }
		});
	});
	it.each([
		[['--from', '2025-13-01'], /YYYY-MM-DD/],
		[['--mode', 'funnel'], /cohort or period/],
		[['--benchmark', 'calls=1:2'], /unknown key/],
		[['--benchmark', 'won=0.3:0.2'], /LOW ≤ HIGH/],
		[['--target', '10'], /go together/],
		[['--window', '-1'], /positive/],
		[['--mode', 'period', '--window', '5'], /cohort mode only/],
		[['--bogus'], /unknown option/],
		[['--from'], /needs a value/]
	])('%j → a clear usage error', (argv, re) => {
		expect(() => parseReportArgs(argv)).toThrow(UsageError);
		expect(() => parseReportArgs(argv)).toThrow(re);
	});
});

describe('report command arguments: currencies, goals, config', () => {
	it('reads --fx, --currency, --goal and --config', () => {
		const a = parseReportArgs([
			'--fx',
			'usd=150.2',
			'--fx=MXN=8.1',
			'--currency',
			'jpy',
			'--goal',
			'sqls=40',
			'--goal=won_revenue=30000000',
			'--config',
			'org.json',
			'x.csv'
		]);
		expect(a.fx).toEqual({ USD: 150.2, MXN: 8.1 });
		expect(a.currency).toBe('JPY');
		expect(a.goals).toEqual({ sqls: 40, won_revenue: 30_000_000 });
		expect(a.config).toBe('org.json');
		expect(a.files).toEqual(['x.csv']);
	});

	it('refuses bad values with a message naming the option', () => {
		expect(() => parseReportArgs(['--fx', 'USD'])).toThrow(/--fx takes CODE=RATE/);
		expect(() => parseReportArgs(['--fx', 'DOLLAR=1'])).toThrow(/not a currency code/);
		expect(() => parseReportArgs(['--fx', 'USD=-1'])).toThrow(/positive/);
		expect(() => parseReportArgs(['--currency', 'yen!'])).toThrow(/--currency/);
		expect(() => parseReportArgs(['--goal', 'profit=1'])).toThrow(/unknown key "profit"/);
	});
});
