/**
 * The report command's inputs of issue 12: `--fx`, `--currency` and `--config` reach the merge (options
 * win over the config), the quality report names the currencies that need a rate, and an .xlsx loads
 * through `workbookToCsv` like the same data as CSV.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../scripts/report-args';
import { runReport, type ReportJson } from '../../scripts/report-run';
import { utf8 } from '../fixtures/ingest/harness';

const DEALS = [
	'Id,StageName,Amount,CurrencyIsoCode,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate',
	'006A,Negotiation,1000,USD,2025-06-30,false,false,005X,2025-04-01',
	'006B,Closed Won,2000,MXN,2025-05-15,true,true,005Y,2025-04-02',
	'006C,Closed Won,3000,USD,2025-05-10,true,true,005X,2025-04-03'
].join('\n');

async function run(argv: string[], files: Record<string, Uint8Array>): Promise<ReportJson> {
	const r = await runReport(
		parseReportArgs([...argv, ...Object.keys(files).filter((f) => !f.endsWith('.json'))]),
		{
			read: async (f) => files[f],
			name: (f) => f,
			warn: () => {},
			today: '2026-11-24'
		}
	);
	if ('error' in r) throw new Error(r.error);
	return r.report;
}

describe('currencies in the report command', () => {
	it('names the currencies without a rate once, for the dataset', async () => {
		const r = await run(['--fx', 'USD=150'], { 'deals.csv': utf8(DEALS) });
		expect(r.quality.dataset.map((m) => [m.key, m.message])).toEqual([
			[
				'fx_missing_rates',
				'Amounts in MXN have no exchange rate: money figures stay empty rather than summing currencies. Set a rate for each on the Data page (or --fx CODE=RATE).'
			]
		]);
	});

	it('takes rates from --config, the command line winning over it', async () => {
		const config = utf8(JSON.stringify({ currency: 'JPY', fxRates: { USD: 140, MXN: 8 } }));
		const withConfig = await run(['--config', 'c.json'], { 'c.json': config, 'deals.csv': utf8(DEALS) });
		expect(withConfig.quality.dataset).toEqual([]);
		// With USD as the organisation's currency, only MXN (from the config) has a rate: none missing.
		const usd = await run(['--config', 'c.json', '--currency', 'USD'], {
			'c.json': config,
			'deals.csv': utf8(DEALS)
		});
		expect(usd.quality.dataset).toEqual([]);
	});
});

describe('an .xlsx in the report command', () => {
	const rows = [
		['リードID', '作成日', '流入経路', '担当者', 'ステータス'],
		['X1', '2025/04/01', '広告', '高橋', '新規'],
		['X2', '2025/04/02', 'ウェビナー', '佐藤', 'MQL'],
		['X3', '2025/04/03', '広告', '高橋', '受注']
	];
	const csv = rows.map((r) => r.join(',')).join('\n');

	it('loads each table-like sheet and gives the figures of the same data as CSV', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'リード');
		const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const fromXlsx = await run([], { 'leads.xlsx': xlsx });
		const fromCsv = await run([], { 'leads.csv': utf8(csv) });
		expect(fromXlsx.quality.files.map((f) => [f.name, f.table, f.rows])).toEqual([
			['leads.xlsx', 'leads', 3]
		]);
		expect(fromXlsx.funnel).toEqual(fromCsv.funnel);
		expect(fromXlsx.funnel[0]).toMatchObject({ stage: 'lead', count: 3 });
	});

	it('refuses an .xls with a message to save it as .xlsx or CSV', async () => {
		const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
		const r = await runReport(parseReportArgs(['old.xls']), {
			read: async () => xls,
			name: (f) => f,
			warn: () => {},
			today: '2026-11-24'
		});
		expect(r).toEqual({
			error: expect.stringContaining(
				'old.xls is an Excel 97–2003 workbook (.xls). Open it in Excel and save it as .xlsx or CSV.'
			)
		});
	});
});
