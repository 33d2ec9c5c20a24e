/**
 * How a figure is qualified beside its value: maturing periods, the change against the previous
 * period, benchmarks scaled to the period, the short benchmark status chips.
 */
const en = {
	'maturing.bucket':
		'Maturing: fewer than {days} days (90% of lead → won times) have passed since this period ended, so deals from it are still closing; its rates will rise.',
	'maturing.legend': 'Shaded: maturing periods (deals not yet closed)',
	'maturing.tile': 'Provisional: recent deals not yet closed',
	'maturing.plan':
		'The rates come from a range that ends in a maturing period (deals not yet closed): they read low, so the plan asks for more.',
	'change.up': '▲',
	'change.down': '▼',
	'change.same': '±0',
	'change.points': '{sign}{value} pt',
	'change.label': 'Change against the previous period ({previous}): {change}, {verdict}',
	'change.better': 'better',
	'change.worse': 'worse',
	'change.neutral': 'no better or worse',
	'change.previous': 'vs. previous {previous}',
	'band.scaled': 'a per-year range scaled to the {days} days of the range',
	'band.scaledShort': 'scaled to each period’s days',
	'unit.year': 'year',
	'funnel.cohortWindowNote':
		'Cohort: leads created {from} – {to}; a stage counts only when reached within {days} days of the lead’s creation (the window counts from the day the lead was created; skipped stages count as passed).',
	'funnel.velocityPeriod':
		'Stage times need the same leads at both ends of a step, so they are measured in cohort mode only. In period mode each stage counts different leads: switch the mode to Cohort to see them.',
	'breakdown.scale':
		'Bar length: 0 to {max}, twice the {stage} rate over all groups ({all}); a longer bar is capped.',
	'csv.unit.rate': '(fraction 0–1)',
	'csv.unit.days': '(days)',
	'chip.below': 'Below',
	'chip.within': 'Within',
	'chip.above': 'Above'
} as const;

const ja: Record<keyof typeof en, string> = {
	'maturing.bucket':
		'成約待ち：この期間の終わりから {days} 日（リード→受注の 90% が収まる日数）が経っていないため、まだ受注が出揃っていません。率はこれから上がります。',
	'maturing.legend': '網掛け：成約待ちの期間（商談がまだ完了していない）',
	'maturing.tile': '直近の商談が未確定のため暫定値',
	'maturing.plan':
		'直近は商談の結果が出そろっていないため、率は低めに出ます。その分、必要数は多めに見積もられます。',
	'change.up': '▲',
	'change.down': '▼',
	'change.same': '±0',
	'change.points': '{sign}{value} ポイント',
	'change.label': '前期間（{previous}）からの変化：{change}、{verdict}',
	'change.better': '改善',
	'change.worse': '悪化',
	'change.neutral': '良し悪しなし',
	'change.previous': '前期間 {previous}',
	'band.scaled': '年間の目安を期間の {days} 日に換算',
	'band.scaledShort': '各期間の日数に換算',
	'unit.year': '年',
	'funnel.cohortWindowNote':
		'コホート：{from}〜{to} に作成されたリード。各ステージは、リード作成日から {days} 日以内に到達したものだけを数えます（日数は作成日から数えます。飛ばしたステージは通過とみなします）。',
	'funnel.velocityPeriod':
		'ステージ間の日数は、ステップの前後で同じリードを追う必要があるため、コホートでのみ計算します。期間モードでは各ステージが別々のリードを数えます。表示するにはモードを「コホート」に切り替えてください。',
	'breakdown.scale':
		'棒の長さ：0〜{max}（全体の{stage}率 {all} の 2 倍）。それを超える棒は端で止めています。',
	'csv.unit.rate': '（比率 0〜1）',
	'csv.unit.days': '（日）',
	'chip.below': '未達',
	'chip.within': '範囲内',
	'chip.above': '超え'
};

export const figureMessages = { en, ja };
