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
	'config.json.end':
		'not valid JSON: it ends too early, at line {line}, column {column} (a closing }, ] or " is missing)',
	'config.json.char': 'not valid JSON: line {line}, column {column}: “{char}” cannot stand there',
	'config.json.trailing': 'not valid JSON: line {line}, column {column}: more text after the end (“{char}”)',
	'config.json.empty': 'the file is empty',
	'config.invalid': '{reason}',
	'config.invalid.notObject': 'the file must hold one JSON object { … }',
	'config.invalid.unknownKey': '{path}: unknown key "{key}" (known: {known})',
	'config.invalid.text': '{path} must be text of at most {max} characters',
	'config.invalid.month': '{path} must be a whole number from 1 to 12 (got {got})',
	'config.invalid.currency': '{path} must be an ISO 4217 code such as "JPY" or "EUR" (got {got})',
	'config.invalid.language': '{path} must be "ja", "en" or null (got {got})',
	'config.invalid.object': '{path} must be an object such as {example}',
	'config.invalid.range': '{path} must be [low, high] with low ≤ high (got {got})',
	'config.invalid.target': '{path} must be one of {targets} or null (got {got})',
	'config.invalid.positive': '{path} must be a positive number (got {got})',
	'config.invalid.mapping': '{path}: the column mapping cannot be read ({reason})',
	'config.invalid.sources':
		'{path} must be a list of at most {max} paths to .csv files on this site, such as "data/leads.csv" (got {got})',
	'url.unknownParam': 'Ignored unknown parameter "{key}"',
	'url.badValue': 'Ignored {key}={value}',
	'url.rangeReversed': 'Ignored a range that ends before it starts ({from} – {to})',
	'url.badFilterValues': 'Ignored {count} invalid {key} value(s)',
	'url.unknownBenchmark': 'Ignored unknown benchmark "{key}"',
	'url.unknownRate': 'Ignored unknown plan rate "{key}"',
	'url.unknownGoal': 'Ignored unknown monthly target "{key}"',
	'url.refusedSource':
		'Refused data source "{source}": only relative paths to .csv files on this site are allowed',
	'url.tooManyFilterValues': 'Ignored {count} {key} value(s) beyond the limit of {max}',
	'url.moreIgnored': '… and {count} more ignored part(s)',
	'persist.quota':
		'The browser has no room left to remember these files (storage quota exceeded). The data stays loaded for this session.',
	'persist.failed': 'The files could not be remembered on this device: {reason}',
	'persist.forgottenElsewhere':
		'The data was forgotten in another tab, so this tab no longer remembers it on this device. What is loaded here stays until you close the tab.',
	'persist.unreadable':
		'The data remembered on this device is damaged: {lost} file(s) could not be read back and were not loaded ({restored} restored). Clear the remembered data and drop the files again.',
	'persist.missing':
		'"Remember" was on, but nothing remembered could be found on this device (the browser may have removed it or run out of room). Nothing was restored.',
	'persist.clear': 'Clear the remembered data',
	'demo.failed': 'The demo data could not be downloaded ({reason}). Check the connection and try again.',
	'demo.unreachable':
		'The demo data could not be downloaded: the site did not answer for {reason}. Check the connection and try again.',
	'mapping.invalid': '{name} is not a mapping file Modelboard can read: {reason}',
	'mappingFile.json.end':
		'This is not a mapping file Modelboard can read: it ends too early, at line {line}, column {column} (a closing }, ] or " is missing).',
	'mappingFile.json.char':
		'This is not a mapping file Modelboard can read: line {line}, column {column}: “{char}” cannot stand there in JSON.',
	'mappingFile.json.trailing':
		'This is not a mapping file Modelboard can read: line {line}, column {column}: more text after the end of the JSON (“{char}”).',
	'mappingFile.json.empty': 'This is not a mapping file Modelboard can read: it is empty.',
	'mappingFile.object': 'Mapping file: {path} must be an object (got {got}).',
	'mappingFile.unknownKey': 'Mapping file: {path} has an unknown key "{key}" (allowed: {allowed}).',
	'mappingFile.version': 'Mapping file: {path} must be 1 (got {got}).',
	'mappingFile.array': 'Mapping file: {path} must be a list (got {got}).',
	'mappingFile.signature': 'Mapping file: {path} must be a header signature like "12-1a2b3c4d" (got {got}).',
	'mappingFile.text': 'Mapping file: {path} must be text (got {got}).',
	'mappingFile.kind': 'Mapping file: {path} must be one of {kinds} (got {got}).',
	'mappingFile.notField': 'Mapping file: {path} is not a field of "{kind}" (fields: {fields}).',
	'mappingFile.header': 'Mapping file: {path} must name a column header (got {got}).',
	'mappingFile.stage': 'Mapping file: {path} must be one of {stages} (got {got}).',
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
	'config.json.end':
		'JSON として読めません：{line} 行目 {column} 文字目で途中で終わっています（閉じる }、] または " がありません）',
	'config.json.char': 'JSON として読めません：{line} 行目 {column} 文字目の「{char}」はここに置けません',
	'config.json.trailing':
		'JSON として読めません：{line} 行目 {column} 文字目以降に余分な文字があります（「{char}」）',
	'config.json.empty': 'ファイルが空です',
	'config.invalid': '{reason}',
	'config.invalid.notObject': 'ファイルは 1 つの JSON オブジェクト { … } にしてください',
	'config.invalid.unknownKey': '{path}：不明なキー「{key}」です（使えるキー：{known}）',
	'config.invalid.text': '{path} は {max} 文字以内の文字列にしてください',
	'config.invalid.month': '{path} は 1〜12 の整数にしてください（値：{got}）',
	'config.invalid.currency':
		'{path} は "JPY" や "EUR" のような ISO 4217 の通貨コードにしてください（値：{got}）',
	'config.invalid.language': '{path} は "ja"、"en"、null のいずれかにしてください（値：{got}）',
	'config.invalid.object': '{path} は {example} のようなオブジェクトにしてください',
	'config.invalid.range': '{path} は [下限, 上限]（下限 ≤ 上限）にしてください（値：{got}）',
	'config.invalid.target': '{path} は {targets} のいずれか、または null にしてください（値：{got}）',
	'config.invalid.positive': '{path} は正の数にしてください（値：{got}）',
	'config.invalid.mapping': '{path}：列の対応付けを読めません（{reason}）',
	'config.invalid.sources':
		'{path} は、このサイト上の .csv ファイルへの相対パス（例："data/leads.csv"）を {max} 件以内で並べたリストにしてください（値：{got}）',
	'url.unknownParam': '不明なパラメータ「{key}」を無視しました',
	'url.badValue': '{key}={value} を無視しました',
	'url.rangeReversed': '終了日が開始日より前の期間（{from}〜{to}）を無視しました',
	'url.badFilterValues': '{key} の不正な値 {count} 件を無視しました',
	'url.unknownBenchmark': '不明なベンチマーク「{key}」を無視しました',
	'url.unknownRate': '不明な計画の率「{key}」を無視しました',
	'url.unknownGoal': '不明な月間目標「{key}」を無視しました',
	'url.refusedSource':
		'データソース「{source}」を拒否しました：このサイト上の .csv ファイルへの相対パスのみ使えます',
	'url.tooManyFilterValues': '{key} の値のうち上限 {max} 件を超えた {count} 件を無視しました',
	'url.moreIgnored': '…ほか {count} 件を無視しました',
	'persist.quota':
		'ブラウザの保存容量が足りず、ファイルをこの端末に保存できません。このセッションの間はデータを読み込んだままにします。',
	'persist.failed': 'ファイルをこの端末に保存できませんでした：{reason}',
	'persist.forgottenElsewhere':
		'別のタブでデータが消去されたため、このタブのデータもこの端末には保存されなくなりました。ここに読み込まれているデータはタブを閉じるまで残ります。',
	'persist.unreadable':
		'この端末に保存されたデータが壊れています：{lost} 件のファイルを読み戻せず、読み込みませんでした（{restored} 件は復元済み）。保存データを消去して、ファイルをもう一度ドロップしてください。',
	'persist.missing':
		'「保存」がオンでしたが、この端末に保存されたデータが見つかりませんでした（ブラウザが削除したか、容量が不足した可能性があります）。何も復元していません。',
	'persist.clear': '保存データを消去',
	'demo.failed':
		'デモデータをダウンロードできませんでした（{reason}）。接続を確認してもう一度お試しください。',
	'demo.unreachable':
		'デモデータをダウンロードできませんでした（{reason} についてサイトから応答がありません）。接続を確認してもう一度お試しください。',
	'mapping.invalid': '{name} は読み込める対応付けファイルではありません：{reason}',
	'mappingFile.json.end':
		'読み込める対応付けファイルではありません（JSON として読めません）：{line} 行目 {column} 文字目で途中で終わっています（閉じる }、] または " がありません）。',
	'mappingFile.json.char':
		'読み込める対応付けファイルではありません（JSON として読めません）：{line} 行目 {column} 文字目の「{char}」はここに置けません。',
	'mappingFile.json.trailing':
		'読み込める対応付けファイルではありません（JSON として読めません）：{line} 行目 {column} 文字目以降に、JSON の終わりを過ぎた余分な文字があります（「{char}」）。',
	'mappingFile.json.empty': '読み込める対応付けファイルではありません：ファイルが空です。',
	'mappingFile.object': '対応付けファイル：{path} はオブジェクトにしてください（値：{got}）。',
	'mappingFile.unknownKey':
		'対応付けファイル：{path} に不明なキー「{key}」があります（使えるキー：{allowed}）。',
	'mappingFile.version': '対応付けファイル：{path} は 1 にしてください（値：{got}）。',
	'mappingFile.array': '対応付けファイル：{path} はリストにしてください（値：{got}）。',
	'mappingFile.signature':
		'対応付けファイル：{path} は "12-1a2b3c4d" のような見出しの署名にしてください（値：{got}）。',
	'mappingFile.text': '対応付けファイル：{path} は文字列にしてください（値：{got}）。',
	'mappingFile.kind': '対応付けファイル：{path} は {kinds} のいずれかにしてください（値：{got}）。',
	'mappingFile.notField': '対応付けファイル：{path} は「{kind}」の項目ではありません（項目：{fields}）。',
	'mappingFile.header': '対応付けファイル：{path} には列の見出しを指定してください（値：{got}）。',
	'mappingFile.stage': '対応付けファイル：{path} は {stages} のいずれかにしてください（値：{got}）。',
	'engine.startFailed':
		'分析エンジンを起動できませんでした（{reason}）。接続を確認してページを再読み込みしてください。ファイルには影響ありません。',
	'engine.failed': '分析エンジンを起動できませんでした：{reason}',
	'source.fetchFailed': '{path} をこのサイトから取得できませんでした：{reason}'
};

export const noticeMessages = { en, ja };
