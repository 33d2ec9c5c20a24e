/**
 * The benchmarks' names and the sources of their default ranges (the engine's defaults carry the same
 * English source for the report command). An organisation's own source text is shown as written.
 */
import type { BenchmarkKey } from '$lib/engine/benchmarks/defaults';

const en = {
	'bench.label.mql': 'Lead → MQL',
	'bench.label.sql': 'MQL → SQL conversion',
	'bench.label.opportunity': 'SQL → opportunity conversion',
	'bench.label.won': 'Opportunity → won',
	'bench.label.calls_per_rep_day': 'Calls per rep per day',
	'bench.label.contact_rate': 'Contact rate',
	'bench.label.meeting_rate': 'Meeting rate',
	'bench.label.acceptance_rate': 'Hand-off acceptance rate',
	'bench.label.churn_rate': 'Churn rate',
	'bench.label.upsell_rate': 'Upsell rate',
	'bench.label.nps': 'NPS',
	'bench.source.mql':
		'lead→MQL: inbound B2B programmes commonly qualify a fifth to two fifths of raw leads; outbound-heavy mixes sit lower.',
	'bench.source.sql':
		'MQL→SQL conversion: an SQL is a lead inside sales set a meeting for, so this uses the same 10–20% range as The Model’s meeting rate (商談化率, meetings per contacted lead) — a different figure with the same seed.',
	'bench.source.opportunity':
		'SQL→opportunity: field sales accepting less than 40% of the meetings handed over signals a hand-off (SLA) problem.',
	'bench.source.won':
		'Win rate (opportunity→won): 20–30% is the usual B2B SaaS range for qualified opportunities.',
	'bench.source.calls_per_rep_day': 'The Model: 50–80 calls per inside-sales rep per active day.',
	'bench.source.contact_rate': 'The Model: 接触率 20–30% of calls.',
	'bench.source.meeting_rate': 'The Model: 商談化率 10–20% of contacted leads.',
	'bench.source.acceptance_rate':
		'Hand-off (per inside-sales rep): the share of the rep’s SQLs field sales accepted as opportunities, read like the SQL→opportunity step; below 40% the meetings handed over are not what field sales needs.',
	'bench.source.churn_rate':
		'Churn per year: up to 10% (mid-market SaaS); above is bad. The band scales with the period compared: a range of d days, or a trend bucket, is read against 0–10% × d / 365.25 (a month: up to about 0.8%).',
	'bench.source.upsell_rate':
		'Share of active accounts expanding: 5–15% a year is typical for seat-based SaaS. The band scales with the period compared (× d / 365.25; a month: about 0.4–1.2%).',
	'bench.source.nps': 'NPS: B2B software averages around +30; below +20 deserves a look.'
} as const satisfies Record<`bench.label.${BenchmarkKey}` | `bench.source.${BenchmarkKey}`, string>;

const ja: Record<keyof typeof en, string> = {
	'bench.label.mql': 'リード→MQL',
	'bench.label.sql': 'MQL→SQL 転換率',
	'bench.label.opportunity': 'SQL→商談 転換率',
	'bench.label.won': '商談→受注',
	'bench.label.calls_per_rep_day': '1人1日あたり架電数',
	'bench.label.contact_rate': '接触率',
	'bench.label.meeting_rate': '商談化率',
	'bench.label.acceptance_rate': '引き継ぎ受入れ率',
	'bench.label.churn_rate': '解約率',
	'bench.label.upsell_rate': 'アップセル率',
	'bench.label.nps': 'NPS',
	'bench.source.mql':
		'リード→MQL：インバウンド中心の B2B では、リードの 5 分の 1〜5 分の 2 が MQL になるのが一般的です。アウトバウンドが多いと低めになります。',
	'bench.source.sql':
		'MQL→SQL 転換率：SQL はインサイドセールスがアポを設定したリードなので、The Model の商談化率（接触できたリードに対するアポの割合）と同じ 10〜20% を目安にしています。両者は別の数値です。',
	'bench.source.opportunity':
		'SQL→商談 転換率：引き渡したアポのうちフィールドセールスが商談として受け入れるのが 40% 未満なら、引き継ぎ（SLA）に問題があるサインです。',
	'bench.source.won': '受注率（商談→受注）：確度の高い商談に対して 20〜30% が B2B SaaS の一般的な水準です。',
	'bench.source.calls_per_rep_day': 'The Model：インサイドセールス 1 人が稼働日 1 日に 50〜80 件架電。',
	'bench.source.contact_rate': 'The Model：架電に対する接触率 20〜30%。',
	'bench.source.meeting_rate': 'The Model：接触できたリードに対する商談化率 10〜20%。',
	'bench.source.acceptance_rate':
		'引き継ぎ（インサイドセールス担当者別）：担当者の SQL のうちフィールドセールスが商談として受け入れた割合。SQL→商談 転換率と同じ目安で、40% 未満なら引き渡したアポがフィールドセールスの求めるものになっていません。',
	'bench.source.churn_rate':
		'解約率は年 10% まで（中堅向け SaaS の目安）。それを超えると要注意です。目安の幅は比べる期間に合わせて縮めます：d 日の期間や推移の 1 区間は 0〜10% × d / 365.25（1 か月なら約 0.8% まで）。',
	'bench.source.upsell_rate':
		'拡大した有効顧客の割合。シート課金の SaaS では年 5〜15% が一般的です。目安の幅は比べる期間に合わせて縮めます（× d / 365.25。1 か月なら約 0.4〜1.2%）。',
	'bench.source.nps': 'NPS：B2B ソフトウェアの平均は +30 前後。+20 を下回ったら見直しましょう。'
};

export const benchmarkMessages = { en, ja };
