/** UI text in Japanese and English. Keys are stable; both languages must define every key (tested). */
import type { Locale } from './format';

const en = {
	'app.title': 'Modelboard',
	'app.tagline':
		'The Model dashboard: funnel, bottleneck, department KPIs and number chain from your CRM exports.',
	'app.privacy': 'Your files are read in this browser only. Nothing is uploaded.',
	'nav.overview': 'Overview',
	'nav.funnel': 'Funnel',
	'nav.departments': 'Departments',
	'nav.plan': 'Plan',
	'nav.data': 'Data',
	'lang.switch': '日本語',
	'landing.drop': 'Drop CSV exports here',
	'landing.dropHint':
		'Salesforce, HubSpot, Marketo or spreadsheet CSVs — Shift_JIS or UTF-8, Japanese or English headers.',
	'landing.choose': 'Choose CSV files',
	'landing.demo': 'Load the demo data',
	'landing.demoHint': 'A fictional Japanese B2B SaaS company, fiscal year April 2025 – March 2026.',
	'landing.templates': 'CSV templates',
	'landing.templatesHint': 'Column layouts Modelboard reads directly:',
	'status.starting': 'Starting the analysis engine…',
	'status.loading': 'Reading {name}…',
	'status.computing': 'Computing…',
	'status.ready': '{files} file(s) loaded',
	'error.title': 'A file could not be loaded',
	'error.kept': 'Everything loaded before it is still here.',
	'error.dismiss': 'Dismiss',
	'stage.lead': 'Leads',
	'stage.mql': 'MQL',
	'stage.sql': 'SQL',
	'stage.opportunity': 'Opportunities',
	'stage.won': 'Won',
	'funnel.title': 'Funnel',
	'funnel.stage': 'Stage',
	'funnel.count': 'Count',
	'funnel.stepRate': 'Step conversion',
	'funnel.overall': 'Overall',
	'funnel.missing': 'Not in the data: {stages}',
	'funnel.cohortNote':
		'Cohort: leads created {from} – {to}; a stage counts when reached at any time (skipped stages count as passed).',
	'funnel.periodNote':
		'Period: each stage counted by its own date in {from} – {to}. Step rates are volume ratios and may exceed 100%.',
	'funnel.tableCaption': 'Funnel stage counts and conversion',
	'range.label': 'Range',
	'data.files': 'Loaded files',
	'data.addMore': 'Add files'
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
	'app.title': 'Modelboard',
	'app.tagline':
		'The Model のダッシュボード：CRM のエクスポートからファネル、ボトルネック、部門 KPI、数値連鎖を。',
	'app.privacy': 'ファイルはこのブラウザの中だけで読み込まれ、どこにも送信されません。',
	'nav.overview': '概要',
	'nav.funnel': 'ファネル',
	'nav.departments': '部門',
	'nav.plan': '計画',
	'nav.data': 'データ',
	'lang.switch': 'English',
	'landing.drop': 'CSV ファイルをここにドロップ',
	'landing.dropHint':
		'Salesforce・HubSpot・Marketo・スプレッドシートの CSV（Shift_JIS / UTF-8、日本語・英語の見出し）',
	'landing.choose': 'CSV ファイルを選択',
	'landing.demo': 'デモデータを読み込む',
	'landing.demoHint': '架空の日本の B2B SaaS 企業、2025年4月〜2026年3月の会計年度。',
	'landing.templates': 'CSV テンプレート',
	'landing.templatesHint': 'そのまま読み込める列構成：',
	'status.starting': '分析エンジンを起動中…',
	'status.loading': '{name} を読み込み中…',
	'status.computing': '計算中…',
	'status.ready': '{files} 件のファイルを読み込み済み',
	'error.title': 'ファイルを読み込めませんでした',
	'error.kept': 'それまでに読み込んだデータはそのまま残っています。',
	'error.dismiss': '閉じる',
	'stage.lead': 'リード',
	'stage.mql': 'MQL',
	'stage.sql': 'SQL（商談化）',
	'stage.opportunity': '商談',
	'stage.won': '受注',
	'funnel.title': 'ファネル',
	'funnel.stage': 'ステージ',
	'funnel.count': '件数',
	'funnel.stepRate': 'ステップ転換率',
	'funnel.overall': '全体転換率',
	'funnel.missing': 'データにないステージ：{stages}',
	'funnel.cohortNote':
		'コホート：{from}〜{to} に作成されたリード。到達時期は問わず、飛ばしたステージは通過とみなします。',
	'funnel.periodNote':
		'期間：各ステージを {from}〜{to} の自身の日付で数えます。転換率は件数の比で、100% を超えることがあります。',
	'funnel.tableCaption': 'ファネルのステージ別件数と転換率',
	'range.label': '期間',
	'data.files': '読み込んだファイル',
	'data.addMore': 'ファイルを追加'
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function translate(
	locale: Locale,
	key: MessageKey,
	vars: Record<string, string | number> = {}
): string {
	const text = MESSAGES[locale][key] ?? MESSAGES.en[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}
