/**
 * The wording of everything ingestion says (errors, data-quality issues, the data store's notices), in
 * English and Japanese. The engine emits a key and its parameters (`IngestMessage`); `formatMessage`
 * words it. Placeholders are written `{name}`, as in messages.ts; a parameter that is itself a key
 * (`{ key }`) is worded in the same language.
 */
import type { Locale } from './format';
import { fieldLabel } from './messages';
import type { IngestMessage, IngestMessageKey, MessageParams } from '$lib/engine/ingest/messages';

const en: Record<IngestMessageKey, string> = {
	empty: '{name} is empty (0 bytes). Export it again and drop the new file.',
	no_text: '{name} holds no text. Export it again and drop the new file.',
	not_csv:
		'{name} is {what}, not a CSV file. Open it in the program it came from, save or export it as CSV (UTF-8), and drop the CSV.',
	binary:
		'{name} is not a text CSV file (it contains binary data). If it is an Excel workbook, open it in Excel, save it as CSV (UTF-8) and drop the CSV.',
	markup:
		'{name} is a web page (HTML) or XML file, not a CSV. Open it in Excel and save it as CSV (UTF-8), or export the report again choosing "Comma Delimited .csv".',
	unclosed_header:
		'{name}: row {row} opens a quoted field (") that is never closed, so the rows after it cannot be told apart. Fix or remove that quote (or re-save the file from a spreadsheet as CSV) and drop the file again.',
	no_header:
		'{name} has no header row. The first row must name the columns; export the report with its column headings and drop the new file.',
	too_many_columns:
		'{name} has {count} columns; Modelboard reads at most {max}. Remove unused columns in the export and try again.',
	unrecognised_missing:
		'{name}: could not tell what this file is. It looks most like a "{kind}" file, but no column was recognised as {missing}. Columns found: {columns}. Rename the columns as in the CSV templates, or set the mapping on the Data page.',
	unrecognised_few:
		'{name}: could not tell what this file is. It looks most like a "{kind}" file, but too few columns were recognised. Columns found: {columns}. Rename the columns as in the CSV templates, or set the mapping on the Data page.',
	unreadable:
		'{name} could not be read as CSV. Open it in a spreadsheet, save it again as CSV (UTF-8) and drop the new file.',
	file_changed:
		'{name} could not be read: it was changed, moved or deleted after it was dropped. Drop the file again.',
	no_rows:
		'{name} has a header but no data rows. Export the report again with its rows and drop the new file.',
	too_large:
		'{name} ({mib} MiB) is too large for this browser: the analysis engine ran out of memory. Export a shorter period or fewer columns (files up to about 1–3 million rows load), or remove other loaded files first. Everything loaded before it is unchanged.',
	too_large_limit:
		'{name} ({mib} MiB) is too large for this browser: the analysis engine ran out of memory at its limit of {limit}. Export a shorter period or fewer columns (files up to about 1–3 million rows load), or remove other loaded files first. Everything loaded before it is unchanged.',
	load_failed:
		'{name} could not be loaded. Check that it is a CSV export: open it in a spreadsheet, save it again as CSV (UTF-8) and drop the new file.',
	merge_failed:
		"{name} was read but could not be merged with the other files. The data loaded before it is unchanged; check the file's columns on the Data page.",
	engine_conversion:
		'{name}: the value "{value}" could not be read as a {type}, so the file could not be loaded. Fix that value in the export (or map its column to another field on the Data page) and drop the file again.',
	engine_conversion_at:
		'{name}: row {row}, column "{column}": the value "{value}" could not be read as a {type}, so the file could not be loaded. Fix that value in the export (or map the column to another field on the Data page) and drop the file again.',
	engine_invalid_utf8:
		'{name} holds bytes that are not valid UTF-8 text. Choose its encoding (e.g. Shift_JIS) on the Data page, or save it again as CSV (UTF-8) and drop it again.',
	engine_line_too_long:
		'{name} has a line longer than the 16 MB the reader takes (often a quote (") left open). Check the file in a spreadsheet, save it again as CSV and drop it again.',
	mixed_encoding:
		'{count} line(s) are in {other}, unlike the rest of the file ({main}) (lines {lines}); each line was read in its own encoding. Check names on them, and save the export again in one encoding.',
	garbled_text:
		'{count} line(s) hold bytes that {encoding} cannot read (lines {lines}): text on them is garbled (shown as �). Export the file again as UTF-8 or fix those rows.',
	mixed_newlines:
		'The file mixes line-break styles (Windows, Unix, old Mac); each was read as the end of a row.',
	rejected_rows:
		'{count} row(s) could not be read ({kinds}): they have more fields than the header or broken quoting. Fix them in the source and export again to count them.',
	unclosed_quote:
		'Row {row} opens a quoted field (") that is never closed, so it could not be read. Fix or remove that quote and drop the file again.',
	unclosed_quote_lines:
		'Row {row} opens a quoted field (") that is never closed, so it and the {below} line(s) below it could not be read. Fix or remove that quote and drop the file again.',
	summary_rows: '{count} total/summary or report footer row(s) were set aside (they are not records).',
	empty_rows: '{count} empty row(s) skipped.',
	ambiguous_month_first:
		'"{column}": dates like 3/5/2025 could be month-first or day-first; read as month/day (M/D/YYYY). Check a known date.',
	ambiguous_day_first:
		'"{column}": some dates have a day-like first part and others a day-like second part; read as day/month.',
	unparseable_date:
		'"{column}": {count} value(s) are not dates Modelboard can read (e.g. 2025-04-01, 2025/4/1, 2025年4月1日, 4/1/2025); they are treated as empty.',
	out_of_range:
		'"{column}": {count} date(s) lie outside {years} (placeholders such as 9999-12-31 or 0001-01-01); they are treated as empty.',
	future_date: '"{column}": {count} date(s) lie after today ({today}).',
	unparseable_number: '"{column}": {count} value(s) are not numbers; they are treated as empty.',
	unparseable_score: '"{column}": {count} value(s) are not scores from 0 to 10; they are treated as empty.',
	implausible_number:
		'"{column}": {count} value(s) are larger than {max} (a typo or a placeholder?); they are set aside as empty. Fix them in the export to count them.',
	negative_amount:
		'"{column}": {count} amount(s) are negative; they are counted as they are and lower the totals. Check them in the export if they are not refunds or credits.',
	unknown_value:
		'"{column}": {distinct} {what} value(s) are not in the vocabulary ({values}). Add them on the Data page to count them.',
	missing_required: '{count} row(s) have no usable "{column}" and are left out of every metric.',
	duplicate_id_merged:
		'{count} id(s) appear more than once; their rows are merged (each stage takes its earliest date).',
	duplicate_id_counted: '{count} id(s) appear more than once; every row is counted.',
	stage_order:
		'{count} lead(s) have a stage dated before an earlier stage; the funnel still counts them, velocity leaves those steps out.',
	contribution_stage: '{rows} row(s) reached {stage} (column "{column}")',
	contribution_field: '"{column}" → {field}: {rows} row(s) with a value',
	contribution_zero:
		'"{column}" was recognised as {field}, but no row has a readable value in it (0 rows). Check the mapping or the column’s values.',
	ignored_columns: 'Columns not used by any metric: {columns}',
	engine_start:
		'The analysis engine could not start. Check the connection and reload the page; your files are not affected.',
	fetch_failed: '{path} could not be fetched from this site: {reason}',
	fetch_unreachable:
		'{path} could not be fetched: the site did not answer. Check the connection and reload the page.',
	undated_records:
		'{count} records have no creation date in any file: they are outside every cohort (period mode still counts their own stage dates). Add a file with their creation date, or map a first-contact column as the created date.',
	fx_missing_rates:
		'Amounts in {currencies} have no exchange rate: money figures stay empty rather than summing currencies. Set a rate for each on the Data page (or --fx CODE=RATE).',
	deals_linked: '{linked} deals linked to leads, {alone} on their own',
	xlsx_encrypted:
		'{name} is password-protected. Remove the password in Excel, or save it as CSV, and drop it again.',
	xlsx_corrupt:
		'{name} could not be read as an Excel workbook. Open it in Excel and save it again as .xlsx or CSV.',
	xlsx_empty: '{name} holds no sheet that looks like a table (a header row and data rows).',
	xls_unsupported:
		'{name} is an Excel 97–2003 workbook (.xls). Open it in Excel and save it as .xlsx or CSV.',
	'what.xlsx': 'an Excel workbook (.xlsx) or another ZIP archive',
	'what.xls': 'an Excel 97–2003 workbook (.xls)',
	'what.pdf': 'a PDF document',
	'what.png': 'a PNG image',
	'what.jpeg': 'a JPEG image',
	'what.gif': 'a GIF image',
	'what.status': 'stage/status',
	'what.outcome': 'call outcome',
	'what.type': 'activity type',
	'what.number': 'number',
	'what.date': 'date',
	'what.boolean': 'yes/no value',
	'what.value': 'value of the expected type',
	'kind.leads': 'leads',
	'kind.lead_history': 'lead stage history',
	'kind.activities': 'activities',
	'kind.customers': 'customers',
	'kind.spend': 'marketing spend',
	'kind.users': 'users'
};

const ja: Record<IngestMessageKey, string> = {
	empty: '{name} は空です（0 バイト）。もう一度エクスポートして、新しいファイルをドロップしてください。',
	no_text: '{name} には文字がありません。もう一度エクスポートして、新しいファイルをドロップしてください。',
	not_csv:
		'{name} は{what}で、CSV ファイルではありません。元のアプリで開き、CSV（UTF-8）で保存またはエクスポートしてから、その CSV をドロップしてください。',
	binary:
		'{name} はテキストの CSV ファイルではありません（バイナリデータを含んでいます）。Excel ブックの場合は Excel で開き、CSV（UTF-8）で保存してからドロップしてください。',
	markup:
		'{name} は Web ページ（HTML）または XML ファイルで、CSV ではありません。Excel で開いて CSV（UTF-8）で保存するか、「カンマ区切り .csv」を選んでレポートをエクスポートし直してください。',
	unclosed_header:
		'{name}：{row} 行目で引用符（"）が開いたまま閉じていないため、以降の行を区切れません。その引用符を直すか削除して（または表計算ソフトから CSV で保存し直して）、もう一度ドロップしてください。',
	no_header:
		'{name} に見出し行がありません。1 行目には列名が必要です。列見出し付きでレポートをエクスポートし、新しいファイルをドロップしてください。',
	too_many_columns:
		'{name} には {count} 列あります。Modelboard が読み込めるのは最大 {max} 列です。エクスポートから不要な列を外して、もう一度お試しください。',
	unrecognised_missing:
		'{name}：どのようなファイルか判別できませんでした。「{kind}」のファイルに最も近いものの、{missing} に当たる列が見つかりません。見つかった列：{columns}。CSV テンプレートのとおりに列名を変えるか、データページで列の対応を設定してください。',
	unrecognised_few:
		'{name}：どのようなファイルか判別できませんでした。「{kind}」のファイルに最も近いものの、認識できた列が少なすぎます。見つかった列：{columns}。CSV テンプレートのとおりに列名を変えるか、データページで列の対応を設定してください。',
	unreadable:
		'{name} を CSV として読み込めませんでした。表計算ソフトで開き、CSV（UTF-8）で保存し直して、新しいファイルをドロップしてください。',
	file_changed:
		'{name} を読み込めませんでした。ドロップした後にファイルが変更・移動・削除されたようです。もう一度ファイルをドロップしてください。',
	no_rows:
		'{name} には見出しはありますが、データ行がありません。データ行を含めてレポートをエクスポートし直し、新しいファイルをドロップしてください。',
	too_large:
		'{name}（{mib} MiB）はこのブラウザーで扱うには大きすぎます。分析エンジンのメモリが不足しました。期間を短くするか列を減らしてエクスポートするか（目安は 100〜300 万行まで）、先に読み込んだ他のファイルを外してください。それまでに読み込んだデータはそのままです。',
	too_large_limit:
		'{name}（{mib} MiB）はこのブラウザーで扱うには大きすぎます。分析エンジンのメモリが上限の {limit} に達しました。期間を短くするか列を減らしてエクスポートするか（目安は 100〜300 万行まで）、先に読み込んだ他のファイルを外してください。それまでに読み込んだデータはそのままです。',
	load_failed:
		'{name} を読み込めませんでした。CSV エクスポートかどうかご確認ください。表計算ソフトで開き、CSV（UTF-8）で保存し直して、新しいファイルをドロップしてください。',
	merge_failed:
		'{name} は読み込めましたが、他のファイルと統合できませんでした。それまでに読み込んだデータはそのままです。データページでこのファイルの列をご確認ください。',
	engine_conversion:
		'{name}：値「{value}」を{type}として読めないため、ファイルを読み込めませんでした。エクスポート元でその値を直すか（またはデータページでその列を別の項目に対応付けて）、もう一度ドロップしてください。',
	engine_conversion_at:
		'{name}：{row} 行目の列「{column}」の値「{value}」を{type}として読めないため、ファイルを読み込めませんでした。エクスポート元でその値を直すか（またはデータページでその列を別の項目に対応付けて）、もう一度ドロップしてください。',
	engine_invalid_utf8:
		'{name} に UTF-8 の文字として正しくないバイトがあります。データページで文字コード（Shift_JIS など）を選ぶか、CSV（UTF-8）で保存し直して、もう一度ドロップしてください。',
	engine_line_too_long:
		'{name} に、読み込める上限（16 MB）より長い行があります（閉じていない引用符（"）が原因のことが多いです）。表計算ソフトでファイルを確認し、CSV で保存し直してから、もう一度ドロップしてください。',
	mixed_encoding:
		'{count} 行が {other} で、ファイルの他の部分（{main}）と文字コードが異なります（{lines} 行目）。各行をそれぞれの文字コードで読み込みました。名前などを確認し、エクスポートを一つの文字コードで保存し直してください。',
	garbled_text:
		'{count} 行に {encoding} として読めないバイトがあり、文字化けしています（{lines} 行目、� で表示）。UTF-8 でエクスポートし直すか、該当行を修正してください。',
	mixed_newlines:
		'改行コードが混在しています（Windows・Unix・旧 Mac）。いずれも行の終わりとして読み込みました。',
	rejected_rows:
		'{count} 行を読み込めませんでした（{kinds}）。見出しより項目が多いか、引用符が崩れています。元データで修正してエクスポートし直すと集計に含まれます。',
	unclosed_quote:
		'{row} 行目で引用符（"）が開いたまま閉じていないため、この行を読み込めませんでした。その引用符を直すか削除して、もう一度ドロップしてください。',
	unclosed_quote_lines:
		'{row} 行目で引用符（"）が開いたまま閉じていないため、この行とその下の {below} 行を読み込めませんでした。その引用符を直すか削除して、もう一度ドロップしてください。',
	summary_rows: '合計・小計行またはレポートのフッター行 {count} 行を除外しました（明細ではないため）。',
	empty_rows: '空行 {count} 行を読み飛ばしました。',
	ambiguous_month_first:
		'「{column}」：3/5/2025 のような日付は月が先か日が先か判別できないため、月/日（M/D/YYYY）として読み込みました。既知の日付でご確認ください。',
	ambiguous_day_first:
		'「{column}」：日付の前半が日らしいものと後半が日らしいものが混在しています。日/月として読み込みました。',
	unparseable_date:
		'「{column}」：{count} 件の値が読み込める日付ではありません（例：2025-04-01、2025/4/1、2025年4月1日、4/1/2025）。空欄として扱います。',
	out_of_range:
		'「{column}」：{count} 件の日付が {years} の範囲外です（9999-12-31 や 0001-01-01 などの仮の日付）。空欄として扱います。',
	future_date: '「{column}」：{count} 件の日付が今日（{today}）より後です。',
	unparseable_number: '「{column}」：{count} 件の値が数値ではありません。空欄として扱います。',
	unparseable_score: '「{column}」：{count} 件の値が 0〜10 のスコアではありません。空欄として扱います。',
	implausible_number:
		'「{column}」：{count} 件の値が {max} を超えています（入力ミスや仮の値？）。空欄として除外しました。集計に含めるにはエクスポート元で修正してください。',
	negative_amount:
		'「{column}」：{count} 件の金額がマイナスです。そのまま集計するため合計が減ります。返金・赤伝でなければエクスポート元で確認してください。',
	unknown_value:
		'「{column}」：{what}の値 {distinct} 種類が語彙に登録されていません（{values}）。集計に含めるには、データページで追加してください。',
	missing_required: '{count} 行は「{column}」が使える値でないため、すべての指標から除外しています。',
	duplicate_id_merged:
		'{count} 件の ID が複数回出てきます。同じ ID の行は統合しました（各ステージは最も早い日付を採用）。',
	duplicate_id_counted: '{count} 件の ID が複数回出てきます。すべての行を集計しています。',
	stage_order:
		'{count} 件のリードで、前のステージより早い日付のステージがあります。ファネルには含めますが、速度の計算ではその区間を除いています。',
	contribution_stage: '{rows} 行が{stage}に到達（列「{column}」）',
	contribution_field: '「{column}」→ {field}：値のある行 {rows} 行',
	contribution_zero:
		'「{column}」を {field} として認識しましたが、読み取れる値のある行がありません（0 行）。対応付けか列の値を確認してください。',
	ignored_columns: 'どの指標にも使わない列：{columns}',
	engine_start:
		'分析エンジンを起動できませんでした。接続を確認してページを再読み込みしてください。ファイルには影響ありません。',
	fetch_failed: '{path} をこのサイトから取得できませんでした：{reason}',
	fetch_unreachable:
		'{path} を取得できませんでした：サイトから応答がありません。接続を確認してページを再読み込みしてください。',
	undated_records:
		'{count} 件のレコードはどのファイルにも作成日がありません。どのコホートにも入りません（期間モードでは各ステージの日付で数えます）。作成日のあるファイルを追加するか、初回接触日の列を「作成日」に対応付けてください。',
	fx_missing_rates:
		'{currencies} の金額に為替レートがありません。通貨を混ぜて合計しないよう、金額の指標は空欄になります。データページで各通貨のレートを設定してください（または --fx CODE=RATE）。',
	deals_linked: 'リードにつながった商談 {linked} 件、単独の商談 {alone} 件',
	xlsx_encrypted:
		'{name} はパスワードで保護されています。Excel でパスワードを外すか CSV で保存し、もう一度ドロップしてください。',
	xlsx_corrupt:
		'{name} を Excel ブックとして読み込めませんでした。Excel で開き、.xlsx か CSV で保存し直してください。',
	xlsx_empty: '{name} には表（見出し行とデータ行）らしいシートがありません。',
	xls_unsupported:
		'{name} は Excel 97–2003 形式（.xls）です。Excel で開き、.xlsx か CSV で保存し直してください。',
	'what.xlsx': 'Excel ブック（.xlsx）または ZIP アーカイブ',
	'what.xls': 'Excel 97–2003 ブック（.xls）',
	'what.pdf': 'PDF 文書',
	'what.png': 'PNG 画像',
	'what.jpeg': 'JPEG 画像',
	'what.gif': 'GIF 画像',
	'what.status': 'ステージ／ステータス',
	'what.outcome': '架電結果',
	'what.type': '活動種別',
	'what.number': '数値',
	'what.date': '日付',
	'what.boolean': '真偽値（はい／いいえ）',
	'what.value': '想定した型の値',
	'kind.leads': 'リード',
	'kind.lead_history': 'リードのステージ履歴',
	'kind.activities': '活動',
	'kind.customers': '顧客',
	'kind.spend': 'マーケティング費用',
	'kind.users': 'ユーザー'
};

export const ingestMessages: Record<Locale, Record<IngestMessageKey, string>> = { en, ja };

/** The text of a message key in a locale, its `{placeholders}` filled from `params`. */
export function formatMessage(locale: Locale, key: IngestMessageKey, params: MessageParams = {}): string {
	const text = ingestMessages[locale][key] ?? ingestMessages.en[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (whole, k: string) => {
		const v = params[k];
		if (v === undefined) return whole;
		if (typeof v !== 'object') return String(v);
		if ('fields' in v) return v.fields.map((f) => fieldLabel(locale, f)).join(locale === 'ja' ? '、' : ', ');
		return formatMessage(locale, v.key);
	});
}

/** A message as the engine emitted it, worded. */
export const formatIngestMessage = (locale: Locale, m: IngestMessage) =>
	formatMessage(locale, m.key, m.params);
