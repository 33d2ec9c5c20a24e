/**
 * Notices about the link (what the URL asked for but could not be honoured), the organisation config
 * and the device storage. The `url.*` codes are the ones `parseView` emits.
 */
const en = {
	'notice.ignored': 'Parts of this link were ignored:',
	'notice.fingerprint':
		'This link was made with different data than what is loaded here, so the figures may differ from what its author saw.',
	'notice.config':
		'The organisation config (modelboard.config.json) is invalid: {error}. Fix the file and reload; until then the defaults are used.',
	'config.http': 'the site answered HTTP {status}',
	'config.json': 'not valid JSON ({reason})',
	'config.invalid': '{reason}',
	'url.unknownParam': 'Ignored unknown parameter "{key}"',
	'url.badValue': 'Ignored {key}={value}',
	'url.rangeReversed': 'Ignored a range that ends before it starts ({from} – {to})',
	'url.badFilterValues': 'Ignored {count} invalid {key} value(s)',
	'url.unknownBenchmark': 'Ignored unknown benchmark "{key}"',
	'url.unknownRate': 'Ignored unknown plan rate "{key}"',
	'url.unknownGoal': 'Ignored unknown monthly target "{key}"',
	'url.refusedSource':
		'Refused data source "{source}": only relative paths to .csv files on this site are allowed',
	'persist.quota':
		'The browser has no room left to remember these files (storage quota exceeded). The data stays loaded for this session.',
	'persist.failed': 'The files could not be remembered on this device: {reason}',
	'mapping.invalid': '{name} is not a mapping file Modelboard can read: {reason}',
	'engine.startFailed':
		'The analysis engine could not start ({reason}). Check the connection and reload the page; your files are not affected.',
	'engine.failed': 'The analysis engine could not start: {reason}',
	'source.fetchFailed': '{path} could not be fetched from this site: {reason}'
} as const;

const ja: Record<keyof typeof en, string> = {
	'notice.ignored': 'このリンクの一部は無視されました：',
	'notice.fingerprint':
		'このリンクは、ここに読み込まれているものとは別のデータで作られています。作成者が見た数値と異なる可能性があります。',
	'notice.config':
		'組織設定（modelboard.config.json）が不正です：{error}。ファイルを修正して再読み込みしてください。それまでは既定値を使います。',
	'config.http': 'サイトの応答が HTTP {status} でした',
	'config.json': 'JSON として読めません（{reason}）',
	'config.invalid': '{reason}',
	'url.unknownParam': '不明なパラメータ「{key}」を無視しました',
	'url.badValue': '{key}={value} を無視しました',
	'url.rangeReversed': '終了日が開始日より前の期間（{from}〜{to}）を無視しました',
	'url.badFilterValues': '{key} の不正な値 {count} 件を無視しました',
	'url.unknownBenchmark': '不明なベンチマーク「{key}」を無視しました',
	'url.unknownRate': '不明な計画の率「{key}」を無視しました',
	'url.unknownGoal': '不明な月間目標「{key}」を無視しました',
	'url.refusedSource':
		'データソース「{source}」を拒否しました：このサイト上の .csv ファイルへの相対パスのみ使えます',
	'persist.quota':
		'ブラウザの保存容量が足りず、ファイルをこの端末に保存できません。このセッションの間はデータを読み込んだままにします。',
	'persist.failed': 'ファイルをこの端末に保存できませんでした：{reason}',
	'mapping.invalid': '{name} は読み込める対応付けファイルではありません：{reason}',
	'engine.startFailed':
		'分析エンジンを起動できませんでした（{reason}）。接続を確認してページを再読み込みしてください。ファイルには影響ありません。',
	'engine.failed': '分析エンジンを起動できませんでした：{reason}',
	'source.fetchFailed': '{path} をこのサイトから取得できませんでした：{reason}'
};

export const noticeMessages = { en, ja };
