/**
 * Reviews that travel: the snapshot share panel, the banner of an opened snapshot and what can go wrong
 * with one, the names a link carries, and the review presets of the range bar.
 */
const en = {
	'snapshot.share': 'Share snapshot',
	'snapshot.shareTitle': 'Snapshot link',
	'snapshot.shareIntro':
		'The link carries the figures this page shows (aggregates, series, tables and per-rep names), never a data row. Anyone who opens it sees this page read-only, without the files.',
	'snapshot.making': 'Making the snapshot…',
	'snapshot.copy': 'Copy snapshot link',
	'snapshot.copied': 'Copied',
	'snapshot.close': 'Close',
	'snapshot.size': 'Link length: {size} characters',
	'snapshot.tooLarge':
		'This snapshot is too large for a link ({size} characters; chat tools cut links above {cap}). Narrow the view (fewer filters, a shorter range) or share the review pack instead.',
	'snapshot.includeRows': 'Include the individual stale deals (deal names and owners: customer rows)',
	'snapshot.rowsIncluded': 'Includes individual stale deals (deal names and owners), by the author’s choice.',
	'snapshot.rowsOmitted': 'Individual stale deals are not included.',
	'snapshot.bannerTitle': 'Snapshot — figures only, no customer rows',
	'snapshot.bannerMade': 'Made {when} from {files}.',
	'snapshot.bannerFingerprint': 'Dataset fingerprint: {fp}',
	'snapshot.bannerNoFiles': 'no named files',
	'snapshot.bannerContains':
		'It contains the figures of the page “{page}” for {from} – {to}, as its author saw them. It is read-only: filters, brushing and other pages need the data.',
	'snapshot.bannerContainsPages':
		'It contains the figures of the pages {page} for {from} – {to}, as its author saw them. It is read-only: filters, brushing and other pages need the data.',
	'snapshot.pageSep': ', ',
	'snapshot.needsData':
		'Part of this view is not in the snapshot: it needs the data. Load the files it was made from to see it.',
	'snapshot.loadFiles': 'Load the files to make this view live',
	'snapshot.loadHint': 'Nothing leaves this browser; matching files turn the snapshot into a live view.',
	'snapshot.choose': 'Choose files',
	'snapshot.leave': 'Leave the snapshot',
	'snapshot.live': 'This snapshot is now live: the figures are computed from the loaded data.',
	'snapshot.truncated':
		'This snapshot link is incomplete (it was probably cut off when it was copied or sent). Ask for the link again.',
	'snapshot.invalid': 'This snapshot link is damaged and cannot be opened. Ask for the link again.',
	'snapshot.future':
		'This snapshot was made by a newer version of Modelboard and cannot be opened here. Open it on the site where it was made.',
	'snapshot.problemTitle': 'Snapshot not opened',
	'link.madeWith': 'Made with: {files}',
	'link.madeWithUnnamed': 'Made with a dataset whose fingerprint is {fp} (the link names no files).',
	'link.loadHere': 'Load the files here: this page and its view stay as the link set them.',
	'link.choose': 'Choose files',
	'pack.download': 'Download review pack (.html)',
	'pack.pick': 'Pages in the review pack',
	'pack.making': 'Making the review pack…',
	'pack.noPages': 'Tick at least one page for the review pack.',
	'pack.title': 'Modelboard review pack',
	'pack.what':
		'Review pack: the figures of the pages below as they were shown, readable without Modelboard or the data.',
	'pack.range': 'Period: {from} – {to}',
	'pack.noRows': 'Figures only, no customer rows.',
	'pack.reopen': 'Dropped on Modelboard’s start page, this file opens again as a snapshot.',
	'pack.contents': 'Contents',
	'pack.definitions': 'Definitions of the KPIs on this page',
	'pack.benchmarks': 'Benchmarks and their sources',
	'pack.benchKpi': 'Benchmark',
	'pack.benchRange': 'Range used',
	'pack.benchSource': 'Where it comes from',
	'pack.benchFromView': 'Set in this view (the link’s benchmark override).',
	'pack.benchFromOrg': 'Set by the organisation (modelboard.config.json).',
	'pack.benchPerYear': 'Per year {range}, scaled to the period’s {days} days.',
	'snapshot.file.truncated':
		'The review pack “{file}” is incomplete (its snapshot was cut off) and cannot be opened. Nothing else was changed. Ask for the file again.',
	'snapshot.file.invalid':
		'The review pack “{file}” is damaged (its snapshot was altered) and cannot be opened. Nothing else was changed. Ask for the file again.',
	'snapshot.file.future':
		'The review pack “{file}” was made by a newer version of Modelboard and cannot be opened here. Nothing else was changed.',
	'snapshot.file.fileNotPack':
		'“{file}” is a web page, not a Modelboard review pack: it carries no snapshot. Nothing else was changed. To load data, drop the CSV or Excel exports.',
	'snapshot.fileNotPack': 'This file is not a Modelboard review pack.',
	'filters.lw': 'Last week',
	'filters.lm': 'Last month',
	'filters.fqtd': 'Quarter to date'
} as const;

const ja: Record<keyof typeof en, string> = {
	'snapshot.share': 'スナップショットを共有',
	'snapshot.shareTitle': 'スナップショットのリンク',
	'snapshot.shareIntro':
		'このリンクには、このページに表示している数値（集計値・推移・表・担当者別の氏名）が含まれます。データの行は含まれません。開いた人は、ファイルがなくてもこのページを閲覧専用で見られます。',
	'snapshot.making': 'スナップショットを作成中…',
	'snapshot.copy': 'スナップショットのリンクをコピー',
	'snapshot.copied': 'コピーしました',
	'snapshot.close': '閉じる',
	'snapshot.size': 'リンクの長さ：{size} 文字',
	'snapshot.tooLarge':
		'このスナップショットはリンクにするには大きすぎます（{size} 文字。チャットツールは {cap} 文字を超えるリンクを切り詰めます）。表示を絞り込む（フィルタを減らす・期間を短くする）か、レビューパックで共有してください。',
	'snapshot.includeRows': '停滞商談の個別の明細（商談名・担当者＝顧客の行データ）を含める',
	'snapshot.rowsIncluded': '作成者の選択により、停滞商談の個別の明細（商談名・担当者）を含みます。',
	'snapshot.rowsOmitted': '停滞商談の個別の明細は含まれていません。',
	'snapshot.bannerTitle': 'スナップショット — 数値のみ（顧客の行データは含みません）',
	'snapshot.bannerMade': '{when} に {files} から作成。',
	'snapshot.bannerFingerprint': 'データの識別コード：{fp}',
	'snapshot.bannerNoFiles': 'ファイル名なし',
	'snapshot.bannerContains':
		'「{page}」ページの {from} 〜 {to} の数値を、作成者が見たとおりに含みます。閲覧専用です。フィルタ・範囲選択・他のページにはデータが必要です。',
	'snapshot.bannerContainsPages':
		'「{page}」の各ページの {from} 〜 {to} の数値を、作成者が見たとおりに含みます。閲覧専用です。フィルタ・範囲選択・他のページにはデータが必要です。',
	'snapshot.pageSep': '」「',
	'snapshot.needsData':
		'この表示の一部はスナップショットに含まれていないため、データが必要です。作成時のファイルを読み込むと表示されます。',
	'snapshot.loadFiles': 'ファイルを読み込んでライブ表示にする',
	'snapshot.loadHint':
		'ファイルはこのブラウザの外に送られません。一致するファイルを読み込むと、スナップショットがライブ表示になります。',
	'snapshot.choose': 'ファイルを選択',
	'snapshot.leave': 'スナップショットを閉じる',
	'snapshot.live': 'このスナップショットはライブ表示になりました。数値は読み込んだデータから計算しています。',
	'snapshot.truncated':
		'このスナップショットのリンクは途中で切れています（コピーや送信の際に切り詰められた可能性があります）。リンクをもう一度もらってください。',
	'snapshot.invalid':
		'このスナップショットのリンクは壊れているため開けません。リンクをもう一度もらってください。',
	'snapshot.future':
		'このスナップショットは新しいバージョンの Modelboard で作成されたため、ここでは開けません。作成したサイトで開いてください。',
	'snapshot.problemTitle': 'スナップショットを開けませんでした',
	'link.madeWith': '作成時のファイル：{files}',
	'link.madeWithUnnamed':
		'識別コードが {fp} のデータで作成されました（リンクにファイル名は含まれていません）。',
	'link.loadHere': 'ここでファイルを読み込めます。このページとリンクの表示設定はそのまま保たれます。',
	'link.choose': 'ファイルを選択',
	'pack.download': 'レビューパックをダウンロード（.html）',
	'pack.pick': 'レビューパックに含めるページ',
	'pack.making': 'レビューパックを作成中…',
	'pack.noPages': 'レビューパックに含めるページを 1 つ以上選んでください。',
	'pack.title': 'Modelboard レビューパック',
	'pack.what':
		'レビューパック：以下のページの数値を表示どおりに収めたもので、Modelboard やデータがなくても読めます。',
	'pack.range': '期間：{from} 〜 {to}',
	'pack.noRows': '数値のみ（顧客の行データは含みません）。',
	'pack.reopen':
		'このファイルを Modelboard のスタートページにドロップすると、スナップショットとして開けます。',
	'pack.contents': '目次',
	'pack.definitions': 'このページの KPI の定義',
	'pack.benchmarks': 'ベンチマークとその出典',
	'pack.benchKpi': 'ベンチマーク',
	'pack.benchRange': '使用した範囲',
	'pack.benchSource': '出典',
	'pack.benchFromView': 'この表示で設定（リンクのベンチマーク上書き）。',
	'pack.benchFromOrg': '組織の設定（modelboard.config.json）。',
	'pack.benchPerYear': '年あたり {range} を、期間の {days} 日に換算。',
	'snapshot.file.truncated':
		'レビューパック「{file}」は途中で切れている（スナップショットが欠けている）ため開けません。ほかには何も変更していません。ファイルをもう一度もらってください。',
	'snapshot.file.invalid':
		'レビューパック「{file}」は壊れている（スナップショットが改変されている）ため開けません。ほかには何も変更していません。ファイルをもう一度もらってください。',
	'snapshot.file.future':
		'レビューパック「{file}」は新しいバージョンの Modelboard で作成されたため、ここでは開けません。ほかには何も変更していません。',
	'snapshot.file.fileNotPack':
		'「{file}」はウェブページで、Modelboard のレビューパックではありません（スナップショットを含んでいません）。ほかには何も変更していません。データを読み込むには CSV または Excel のエクスポートをドロップしてください。',
	'snapshot.fileNotPack': 'このファイルは Modelboard のレビューパックではありません。',
	'filters.lw': '先週',
	'filters.lm': '先月',
	'filters.fqtd': '今四半期（累計）'
};

export const snapshotMessages = { en, ja };
