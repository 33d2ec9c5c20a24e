import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { guessKind, MIN_KIND_CONFIDENCE } from '../../src/lib/engine/ingest/detect';
import {
	applyMappingFile,
	MappingFileError,
	parseMappingFile,
	toMappingFile
} from '../../src/lib/engine/ingest/mapping-file';
import { translate } from '../../src/lib/i18n/messages';
import { headerSignature } from '../../src/lib/engine/ingest/normalise';
import { parseRecords, sniffDialect } from '../../src/lib/engine/ingest/sniff';
import type { KindGuess, MappingFile } from '../../src/lib/engine/ingest/types';

/** Sniff and parse a CSV text the way ingestion does, then guess. */
function guessText(text: string): KindGuess {
	const records = parseRecords(text, sniffDialect(text), 200);
	return guessKind(records[0], records.slice(1));
}

function fixture(name: string): string {
	return readFileSync(new URL(`../fixtures/headers/${name}`, import.meta.url), 'utf8');
}

/** field → header, the shape a sales manager checks on the mapping screen. */
function fieldsOf(guess: KindGuess): Record<string, string> {
	return Object.fromEntries(guess.mapping.map((m) => [m.field, m.header]));
}

const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('real exports (/work/shared/data, header + first rows)', () => {
	test('Salesforce Lead.csv (API names, upper case) → leads with a status-only funnel', () => {
		const guess = guessText(fixture('salesforce-devorg--Lead.csv'));
		expect(guess.kind).toBe('leads');
		expect(guess.confidence).toBeGreaterThanOrEqual(0.9);
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'ID',
			created_at: 'CREATEDDATE',
			channel: 'LEADSOURCE',
			status: 'STATUS',
			owner: 'OWNERID',
			// Lead conversion creates the opportunity; empty for unconverted leads.
			opportunity_at: 'CONVERTEDDATE',
			segment: 'NUMBEROFEMPLOYEES',
			// v2 (docs/metrics.md): the converted lead's opportunity, and the last activity.
			converted_id: 'CONVERTEDOPPORTUNITYID',
			last_activity_at: 'LASTACTIVITYDATE'
		});
		// A company's annual revenue is not a deal amount; the clean-status of a record is not its status.
		const unmapped = guess.unmapped.map((u) => u.header);
		expect(unmapped).toEqual(expect.arrayContaining(['ANNUALREVENUE', 'CLEANSTATUS', 'INDUSTRY']));
	});

	test('Salesforce Opportunity.csv → leads (a deal export: stage, close date, amount)', () => {
		const guess = guessText(fixture('salesforce-devorg--Opportunity.csv'));
		expect(guess.kind).toBe('leads');
		expect(guess.confidence).toBeGreaterThanOrEqual(0.9);
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'Id',
			created_at: 'CreatedDate',
			status: 'StageName',
			amount: 'Amount',
			closed_at: 'CloseDate',
			owner: 'OwnerId',
			channel: 'LeadSource',
			// v2: a deal export's flags, probability and last activity (the merge makes OwnerId the deal owner).
			is_closed: 'IsClosed',
			is_won: 'IsWon',
			probability: 'Probability',
			last_activity_at: 'LastActivityDate'
		});
		expect(guess.alternatives[0].confidence).toBeLessThan(guess.confidence);
	});

	test.each([
		'salesforce-devorg--OpportunityHistory.csv',
		'salesforce-devorg--OpportunityHistory-repeats.csv'
	])('Salesforce %s → lead_history (long stage history)', (name) => {
		const guess = guessText(fixture(name));
		expect(guess.kind).toBe('lead_history');
		expect(guess.confidence).toBeGreaterThanOrEqual(0.9);
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'OpportunityId',
			stage: 'StageName',
			changed_at: 'CreatedDate',
			amount: 'Amount'
		});
		expect(guess.alternatives.find((a) => a.kind === 'leads')?.confidence).toBeLessThan(
			MIN_KIND_CONFIDENCE + 0.1
		);
	});

	test('Maven sales_pipeline.csv → leads: a deal pipeline with a current stage', () => {
		const guess = guessText(fixture('maven-crm--sales_pipeline.csv'));
		expect(guess.kind).toBe('leads');
		expect(guess.confidence).toBeGreaterThanOrEqual(MIN_KIND_CONFIDENCE);
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'opportunity_id',
			owner: 'sales_agent',
			status: 'deal_stage',
			created_at: 'engage_date',
			closed_at: 'close_date',
			amount: 'close_value'
		});
		const created = guess.mapping.find((m) => m.field === 'created_at');
		expect(created?.confidence).toBeLessThan(1);
		expect(guess.unmapped.map((u) => u.header)).toEqual(['product', 'account']);
	});

	test.each(['maven-crm--accounts.csv', 'maven-crm--sales_teams.csv', 'maven-crm--products.csv'])(
		'Maven lookup table %s fits no kind: the mapping screen asks',
		(name) => {
			expect(guessText(fixture(name)).confidence).toBeLessThan(MIN_KIND_CONFIDENCE);
		}
	);
});

describe('demo files (Japanese headers)', () => {
	test('leads', () => {
		const guess = guessText(
			csv(
				'リードID,作成日,流入経路,担当者,企業規模,MQL日,商談化日,商談作成日,受注日,失注日,金額,ステータス',
				'L001,2025/04/01,Web広告,佐藤,中堅,2025/04/03,2025/04/10,2025/04/15,2025/05/20,,1200000,受注',
				'L002,2025/04/02,展示会,鈴木,大手,2025/04/05,,,,,,MQL',
				'L003,2025/04/02,ウェビナー,佐藤,中小,,,,,2025/04/30,,失注'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(guess.confidence).toBe(1);
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'リードID',
			created_at: '作成日',
			channel: '流入経路',
			owner: '担当者',
			segment: '企業規模',
			mql_at: 'MQL日',
			sql_at: '商談化日',
			opportunity_at: '商談作成日',
			won_at: '受注日',
			lost_at: '失注日',
			amount: '金額',
			status: 'ステータス'
		});
		expect(guess.unmapped).toEqual([]);
	});

	test('activities', () => {
		const guess = guessText(
			csv(
				'活動ID,日時,担当者,リードID,種別,結果',
				'A001,2025/04/01 10:00,佐藤,L001,電話,不在',
				'A002,2025/04/01 10:05,佐藤,L001,電話,接続',
				'A003,2025/04/01 11:00,鈴木,L002,電話,アポ獲得'
			)
		);
		expect(guess.kind).toBe('activities');
		expect(guess.confidence).toBe(1);
		expect(fieldsOf(guess)).toEqual({
			activity_id: '活動ID',
			occurred_at: '日時',
			rep: '担当者',
			lead_id: 'リードID',
			type: '種別',
			outcome: '結果'
		});
	});

	test('customers', () => {
		const guess = guessText(
			csv('取引先ID,契約開始日,解約日,MRR,アップセル日,NPS', 'C001,2024/04/01,,50000,2025/01/10,9')
		);
		expect(guess.kind).toBe('customers');
		expect(fieldsOf(guess)).toEqual({
			account_id: '取引先ID',
			start_date: '契約開始日',
			churned_at: '解約日',
			mrr: 'MRR',
			expansion_at: 'アップセル日',
			nps: 'NPS'
		});
	});

	test('spend', () => {
		const guess = guessText(csv('月,流入経路,費用', '2025/04,Web広告,300000', '2025/04,展示会,1500000'));
		expect(guess.kind).toBe('spend');
		expect(fieldsOf(guess)).toEqual({ month: '月', channel: '流入経路', spend: '費用' });
	});
});

describe('CRM and marketing exports', () => {
	test('HubSpot contacts export', () => {
		const guess = guessText(
			csv(
				'Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Lifecycle Stage,Lead Status,Create Date,Original Source,Last Activity Date,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date,Associated Company',
				'101,Taro,Yamada,taro@example.com,,Hanako Sato,Marketing Qualified Lead,New,2025-04-01 10:00,Organic Search,,2025-04-01 10:00,2025-04-03 09:00,,,,Acme'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'Record ID',
			owner: 'Contact owner',
			status: 'Lifecycle Stage',
			created_at: 'Create Date',
			channel: 'Original Source',
			mql_at: 'Became a Marketing Qualified Lead Date',
			sql_at: 'Became a Sales Qualified Lead Date',
			opportunity_at: 'Became an Opportunity Date',
			won_at: 'Became a Customer Date',
			last_activity_at: 'Last Activity Date'
		});
		// `Create Date` beats `Became a Lead Date` for created_at; the latter stays available.
		expect(guess.unmapped.map((u) => u.header)).toContain('Became a Lead Date');
	});

	test('HubSpot deals export', () => {
		const guess = guessText(
			csv(
				'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Pipeline',
				'9001,Acme renewal,closedwon,2025-05-01,Hanako Sato,1200000,2025-04-01,Sales Pipeline'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'Record ID',
			status: 'Deal Stage',
			closed_at: 'Close Date',
			// v2 (docs/metrics.md "Owners"): HubSpot's Deal owner is the field-sales owner.
			deal_owner: 'Deal owner',
			amount: 'Amount',
			created_at: 'Create Date'
		});
	});

	test('HubSpot `Date entered "… (Lifecycle Stage Pipeline)"` columns become stage dates', () => {
		const guess = guessText(
			csv(
				'Record ID,Create Date,"Date entered ""Marketing Qualified Lead (Lifecycle Stage Pipeline)""","Date entered ""Sales Qualified Lead (Lifecycle Stage Pipeline)""","Date entered ""Customer (Lifecycle Stage Pipeline)""","Date exited ""Lead (Lifecycle Stage Pipeline)"""',
				'1,2025-01-01,2025-01-02,2025-01-20,2025-02-01,2025-01-02'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'Record ID',
			created_at: 'Create Date',
			mql_at: 'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
			sql_at: 'Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"',
			won_at: 'Date entered "Customer (Lifecycle Stage Pipeline)"'
		});
		expect(guess.unmapped.map((u) => u.header)).toEqual(['Date exited "Lead (Lifecycle Stage Pipeline)"']);
	});

	test('Marketo API export', () => {
		const guess = guessText(
			csv(
				'id,mktoName,firstName,lastName,email,company,leadSource,leadStatus,createdAt,updatedAt,Became MQL Date',
				'1001,Taro Yamada,Taro,Yamada,taro@example.com,Acme,Web,MQL,2025-04-01T10:00:00Z,2025-04-02T10:00:00Z,2025-04-02'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'id',
			channel: 'leadSource',
			status: 'leadStatus',
			created_at: 'createdAt',
			mql_at: 'Became MQL Date'
		});
		expect(guess.unmapped.map((u) => u.header)).toContain('mktoName');
	});

	test('Marketo UI export (Person Source)', () => {
		const guess = guessText(
			csv(
				'Id,First Name,Last Name,Email Address,Company Name,Person Source,Lead Status,Created At,Updated At,Acquisition Program,Person Score',
				'1001,Taro,Yamada,taro@example.com,Acme,Web,New,2025-04-01 10:00:00,2025-04-02 10:00:00,2025-04 Webinar,35'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'Id',
			channel: 'Person Source',
			status: 'Lead Status',
			created_at: 'Created At',
			// v2: Marketo's lead score.
			score: 'Person Score'
		});
	});

	test('Salesforce lead report, English UI labels', () => {
		const guess = guessText(
			csv(
				'Lead ID,First Name,Last Name,Company / Account,Lead Source,Lead Status,Create Date,Lead Owner,Converted Date',
				'00Q5g00000A1,Taro,Yamada,Acme,Web,Working - Contacted,4/1/2025,Hanako Sato,'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			lead_id: 'Lead ID',
			channel: 'Lead Source',
			status: 'Lead Status',
			created_at: 'Create Date',
			owner: 'Lead Owner',
			opportunity_at: 'Converted Date'
		});
	});

	test('Salesforce opportunity report, Japanese UI labels', () => {
		const guess = guessText(
			csv(
				'商談名,取引先名,フェーズ,金額,完了予定日,商談所有者,作成日,リードソース,業種',
				'ABC商事 追加案件,ABC商事,提案/見積,"1,200,000",2025/06/30,佐藤 花子,2025/04/01,Web,製造'
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toEqual({
			status: 'フェーズ',
			amount: '金額',
			closed_at: '完了予定日',
			// v2 (docs/metrics.md "Owners"): 商談所有者 is the deal's owner.
			deal_owner: '商談所有者',
			created_at: '作成日',
			channel: 'リードソース',
			segment: '業種'
		});
	});

	test('Salesforce field history (Field, OldValue, NewValue) → lead_history', () => {
		const guess = guessText(
			csv(
				'Id,LeadId,Field,OldValue,NewValue,CreatedDate',
				'017A1,00QA1,Status,Open - Not Contacted,Working - Contacted,2025-04-02T10:00:00.000Z',
				'017A2,00QA1,Status,Working - Contacted,Closed - Converted,2025-04-09T10:00:00.000Z',
				'017A3,00QA2,Status,Open - Not Contacted,Working - Contacted,2025-04-03T10:00:00.000Z'
			)
		);
		expect(guess.kind).toBe('lead_history');
		expect(fieldsOf(guess)).toEqual({ lead_id: 'LeadId', stage: 'NewValue', changed_at: 'CreatedDate' });
	});

	test('a snake_case long form with repeated ids → lead_history', () => {
		const guess = guessText(
			csv(
				'lead_id,stage,changed_at',
				'L1,lead,2025-04-01',
				'L1,mql,2025-04-03',
				'L2,lead,2025-04-02',
				'L1,sql,2025-04-09'
			)
		);
		expect(guess.kind).toBe('lead_history');
		expect(guess.mapping.every((m) => m.confidence === 1)).toBe(true);
	});

	test('the lead template with every id twice stays leads: values do not overrule named headers', () => {
		// First-of-month won dates look like spend months and the amounts like spend; the headers say
		// won_at and amount, and stage-date columns mean the repeated ids are duplicates, not a history.
		const rows = [1, 2, 3].flatMap((i) =>
			['Webinar', 'Event'].map((c) => `W${i},2025-04-0${i},${c},,,,,,2025-05-01,,100000,`)
		);
		const guess = guessText(
			csv(
				'lead_id,created_at,channel,owner,segment,mql_at,sql_at,opportunity_at,won_at,lost_at,amount,status',
				...rows
			)
		);
		expect(guess.kind).toBe('leads');
		expect(fieldsOf(guess)).toMatchObject({ won_at: 'won_at', amount: 'amount', created_at: 'created_at' });
		expect(guess.alternatives[0]).toMatchObject({ kind: 'spend' });
		expect(guess.alternatives[0].confidence).toBeLessThan(guess.confidence);
	});
});

describe('mapping rules', () => {
	test('headers that contain a synonym map with lower confidence', () => {
		const guess = guessText(csv('リードNo,初回作成日,Lead Source (Custom)', 'L1,2025/04/01,Web'));
		expect(guess.kind).toBe('leads');
		expect(guess.mapping).toEqual([
			{ field: 'created_at', column: 1, header: '初回作成日', confidence: 0.5 },
			{ field: 'channel', column: 2, header: 'Lead Source (Custom)', confidence: 0.5 }
		]);
		expect(guess.unmapped).toEqual([{ column: 0, header: 'リードNo' }]);
	});

	test('activities: ID is the activity, リードID the lead; exact names win', () => {
		const guess = guessText(
			csv('ID,日時,リードID,結果', '1,2025/04/01 10:00,L1,不在', '2,2025/04/01 10:05,L2,接続')
		);
		expect(guess.kind).toBe('activities');
		expect(fieldsOf(guess)).toEqual({
			activity_id: 'ID',
			occurred_at: '日時',
			lead_id: 'リードID',
			outcome: '結果'
		});
	});

	test('a named lead id beats a bare record id', () => {
		const guess = guessText(csv('Id,Lead ID,Created Date,Status', 'r1,L1,2025-04-01,Open'));
		expect(fieldsOf(guess).lead_id).toBe('Lead ID');
	});

	test('an outcome column found by its values when the header says nothing', () => {
		const guess = guessText(
			csv(
				'No.,架電日,担当,会社名,対応',
				'1,2025/04/01,佐藤,ABC商事,不在',
				'2,2025/04/01,佐藤,XYZ工業,接続',
				'3,2025/04/02,鈴木,DEF社,アポ獲得'
			)
		);
		expect(guess.kind).toBe('activities');
		expect(fieldsOf(guess)).toEqual({ occurred_at: '架電日', rep: '担当', outcome: '対応' });
		expect(guess.mapping.find((m) => m.field === 'outcome')?.confidence).toBeLessThan(1);
	});

	test('spend found by month-like values next to a number column', () => {
		const guess = guessText(
			csv('期,チャネル,実績', '2025-04,Web広告,120000', '2025-05,Web広告,98000', '2025-04,展示会,500000')
		);
		expect(guess.kind).toBe('spend');
		expect(fieldsOf(guess)).toEqual({ month: '期', channel: 'チャネル', spend: '実績' });
	});

	test('trailing empty columns are neither mapped nor listed as unmapped', () => {
		const guess = guessText(csv('リードID,作成日,ステータス,,', 'L1,2025/04/01,新規,,'));
		expect(guess.unmapped).toEqual([]);
		expect(guess.mapping).toHaveLength(3);
	});

	test('summary rows in the sample do not count as data', () => {
		const records = [
			['lead_id', 'stage', 'changed_at'],
			['L1', 'lead', '2025-04-01'],
			['L2', 'lead', '2025-04-02'],
			['L3', 'lead', '2025-04-03'],
			['合計', '', ''],
			['合計', '', '']
		];
		const guess = guessKind(records[0], records.slice(1));
		// Three distinct ids: the repeated `合計` must not pass for a repeated id.
		expect(guess.kind).toBe('lead_history');
		const withRepeats = guessKind(records[0], [...records.slice(1, 4), ['L1', 'mql', '2025-04-05']]);
		expect(withRepeats.confidence).toBeGreaterThan(guess.confidence);
	});

	test('alternatives list every other kind, best first', () => {
		const guess = guessText(csv('活動ID,日時,担当者,結果', 'A1,2025/04/01,佐藤,不在'));
		expect(guess.alternatives.map((a) => a.kind).sort()).toEqual([
			'customers',
			'lead_history',
			'leads',
			'spend',
			'users'
		]);
		const scores = guess.alternatives.map((a) => a.confidence);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(scores.every((s) => s <= guess.confidence)).toBe(true);
	});

	test('no headers, no guess worth loading', () => {
		const guess = guessKind([], []);
		expect(guess.confidence).toBe(0);
		expect(guess.mapping).toEqual([]);
	});

	test('property: a header maps to at most one field and a field to at most one header', () => {
		const pool = [
			'Id',
			'Lead ID',
			'リードID',
			'作成日',
			'Created Date',
			'CreatedDate',
			'Status',
			'ステータス',
			'Stage',
			'Amount',
			'金額',
			'Owner',
			'担当者',
			'日時',
			'結果',
			'種別',
			'月',
			'費用',
			'MRR',
			'契約開始日',
			'OpportunityId',
			'NewValue',
			'lead_id',
			'Lead Source',
			'流入経路'
		];
		fc.assert(
			fc.property(fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 10 }), (headers) => {
				const guess = guessKind(headers, []);
				const fields = guess.mapping.map((m) => m.field);
				const columns = guess.mapping.map((m) => m.column);
				expect(new Set(fields).size).toBe(fields.length);
				expect(new Set(columns).size).toBe(columns.length);
				expect(guess.mapping.length + guess.unmapped.length).toBe(headers.length);
				for (const m of guess.mapping) expect(headers[m.column]).toBe(m.header);
			})
		);
	});
});

describe('mapping files', () => {
	const headers = ['Lead ID', 'Created Date', 'Lead Source', 'Status', 'Memo'];
	const mapping = [
		{ field: 'lead_id', column: 0, header: 'Lead ID', confidence: 1 },
		{ field: 'created_at', column: 1, header: 'Created Date', confidence: 1 },
		{ field: 'channel', column: 2, header: 'Lead Source', confidence: 0.6 },
		{ field: 'status', column: 3, header: 'Status', confidence: 1 }
	];

	test('round trip through JSON, then applied by header name to a reordered, respelled export', () => {
		const file = toMappingFile('leads', mapping, headers, 'leads-2025-04.csv');
		expect(file).toEqual({
			version: 1,
			mappings: [
				{
					signature: headerSignature(headers),
					file: 'leads-2025-04.csv',
					kind: 'leads',
					columns: {
						lead_id: 'Lead ID',
						created_at: 'Created Date',
						channel: 'Lead Source',
						status: 'Status'
					}
				}
			]
		});
		const parsed = parseMappingFile(JSON.parse(JSON.stringify(file)));
		expect(parsed).toEqual(file);

		const nextMonth = ['MEMO', 'STATUS', 'LEADSOURCE', 'LEADID', 'CREATEDDATE'];
		expect(applyMappingFile(nextMonth, parsed)).toEqual({
			kind: 'leads',
			mapping: [
				{ field: 'status', column: 1, header: 'STATUS', confidence: 1 },
				{ field: 'channel', column: 2, header: 'LEADSOURCE', confidence: 1 },
				{ field: 'lead_id', column: 3, header: 'LEADID', confidence: 1 },
				{ field: 'created_at', column: 4, header: 'CREATEDDATE', confidence: 1 }
			]
		});
	});

	test('a different header set does not match', () => {
		const file = toMappingFile('leads', mapping, headers);
		expect(file.mappings[0]).not.toHaveProperty('file');
		expect(applyMappingFile([...headers, 'Owner'], file)).toBeNull();
		expect(applyMappingFile(headers.slice(1), file)).toBeNull();
	});

	test('the last entry for a signature wins', () => {
		const older = toMappingFile('leads', mapping, headers);
		const newer = toMappingFile(
			'lead_history',
			[
				{ field: 'lead_id', column: 0, header: 'Lead ID', confidence: 1 },
				{ field: 'stage', column: 3, header: 'Status', confidence: 1 },
				{ field: 'changed_at', column: 1, header: 'Created Date', confidence: 1 }
			],
			headers
		);
		const merged: MappingFile = { version: 1, mappings: [...older.mappings, ...newer.mappings] };
		expect(applyMappingFile(headers, merged)?.kind).toBe('lead_history');
	});

	test('a mapped header missing from the file (hand edited) → null, never a partial mapping', () => {
		const file: MappingFile = {
			version: 1,
			mappings: [
				{ signature: headerSignature(headers), kind: 'leads', columns: { created_at: 'Create Date' } }
			]
		};
		expect(applyMappingFile(headers, file)).toBeNull();
	});

	const valid = () => ({
		version: 1,
		mappings: [{ signature: '4-0123abcd', kind: 'leads', columns: { created_at: 'Created Date' } }]
	});

	test.each([
		{ name: 'not an object', json: [], message: '(root) must be an object, got an array' },
		{ name: 'null', json: null, message: '(root) must be an object, got null' },
		{ name: 'wrong version', json: { ...valid(), version: 2 }, message: 'version must be 1, got 2' },
		{
			name: 'unknown top-level key',
			json: { ...valid(), extra: true },
			message: '(root) has an unknown key "extra"'
		},
		{
			name: 'mappings not an array',
			json: { version: 1, mappings: {} },
			message: 'mappings must be an array, got an object'
		},
		{
			name: 'entry not an object',
			json: { version: 1, mappings: ['x'] },
			message: 'mappings[0] must be an object, got "x"'
		},
		{
			name: 'bad signature',
			json: { version: 1, mappings: [{ ...valid().mappings[0], signature: 'abc' }] },
			message: 'mappings[0].signature must be a header signature like "12-1a2b3c4d", got "abc"'
		},
		{
			name: 'unknown kind',
			json: { version: 1, mappings: [{ ...valid().mappings[0], kind: 'deals' }] },
			message:
				'mappings[0].kind must be one of leads, lead_history, activities, customers, spend, users, got "deals"'
		},
		{
			name: 'field of another kind',
			json: { version: 1, mappings: [{ ...valid().mappings[0], columns: { stage: 'Stage' } }] },
			message: 'mappings[0].columns.stage is not a field of "leads"'
		},
		{
			name: 'header not a string',
			json: { version: 1, mappings: [{ ...valid().mappings[0], columns: { created_at: 3 } }] },
			message: 'mappings[0].columns.created_at must be a non-empty header name, got 3'
		},
		{
			name: 'empty header',
			json: { version: 1, mappings: [{ ...valid().mappings[0], columns: { created_at: ' ' } }] },
			message: 'mappings[0].columns.created_at must be a non-empty header name, got " "'
		},
		{
			name: 'columns missing',
			json: { version: 1, mappings: [{ signature: '4-0123abcd', kind: 'leads' }] },
			message: 'mappings[0].columns must be an object, got nothing'
		},
		{
			name: 'file not a string',
			json: { version: 1, mappings: [{ ...valid().mappings[0], file: 1 }] },
			message: 'mappings[0].file must be a string, got 1'
		},
		{
			name: 'unknown entry key',
			json: { version: 1, mappings: [{ ...valid().mappings[0], sheet: 'x' }] },
			message: 'mappings[0] has an unknown key "sheet"'
		}
	])('parseMappingFile rejects $name', ({ json, message }) => {
		expect(() => parseMappingFile(json)).toThrow(`mapping file: ${message}`);
	});

	test('one header may feed two fields (a single date that is both created_at and mql_at)', () => {
		const json = {
			version: 1,
			mappings: [{ ...valid().mappings[0], columns: { created_at: 'Date', mql_at: 'DATE' } }]
		};
		expect(parseMappingFile(json).mappings[0].columns).toEqual({ created_at: 'Date', mql_at: 'DATE' });
	});

	test('a mapping file problem carries its path and code, worded in Japanese and English', () => {
		let err: unknown;
		try {
			parseMappingFile({ version: 1, mappings: [{ ...valid().mappings[0], kind: 'deals' }] });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(MappingFileError);
		const m = err as MappingFileError;
		expect([m.path, m.problem, m.params.got]).toEqual(['mappings[0].kind', 'kind', '"deals"']);
		const params = { path: m.path, ...m.params };
		expect(translate('ja', `mappingFile.${m.problem}`, params)).toBe(
			`対応付けファイル：mappings[0].kind は ${m.params.kinds} のいずれかにしてください（値："deals"）。`
		);
		expect(translate('en', `mappingFile.${m.problem}`, params)).toMatch(
			/^Mapping file: mappings\[0\]\.kind must be one of leads/
		);
	});

	test('parseMappingFile accepts a valid file', () => {
		expect(parseMappingFile(valid())).toEqual(valid());
	});
});
