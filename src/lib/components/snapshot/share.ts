/**
 * Making a snapshot link of the page on screen: the results it shows, its view and the data's identity
 * (fingerprint and file names), written into the fragment of the page's own share URL.
 */
import type { MessageKey } from '$lib/i18n/messages';
import { DEPARTMENTS } from '$lib/kpi-catalog';
import type { ViewController } from '$lib/state/controller.svelte';
import { encodeSnapshot, SNAPSHOT_URL_CAP } from '$lib/state/snapshot-codec';
import { buildSnapshot, type SnapshotState } from '$lib/state/snapshot.svelte';
import { serializeView } from '$lib/state/view';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { inlineCss, reviewPackHtml } from './review-pack';

/** Each page's name, for the banner ("the figures of the page …"). */
export const PAGE_NAMES: Record<string, MessageKey> = {
	'/': 'nav.overview',
	'/funnel/': 'nav.funnel',
	...Object.fromEntries(DEPARTMENTS.map((d) => [d.path, d.nav])),
	'/plan/': 'nav.plan',
	'/data/': 'nav.data'
};

export interface SnapshotLink {
	url: string;
	/** Too long for chat tools: offer the review pack instead. */
	tooLarge: boolean;
}

/** The snapshot link of what the page shows now (waits for computing requests first). */
export async function makeSnapshotLink(
	snap: SnapshotState,
	ctl: ViewController,
	data: { files: readonly { name: string }[] },
	lang: 'ja' | 'en',
	includeRows: string[]
): Promise<SnapshotLink | null> {
	await snap.settled();
	const span = ctl.span;
	if (!span) return null;
	// Re-sharing an opened snapshot keeps its origin (no files are loaded here).
	const from = snap.serving ? snap.opened : null;
	const fp = from ? from.fp : ctl.fingerprint;
	const files = from ? from.files : data.files.map((f) => f.name);
	const snapshot = buildSnapshot(
		snap.current(),
		{
			lang,
			path: ctl.path,
			query: serializeView({ ...ctl.view, fp, files }),
			fp,
			files,
			span
		},
		includeRows
	);
	const url = `${ctl.shareUrl(fp, files)}#s=${await encodeSnapshot(snapshot)}`;
	return { url, tooLarge: url.length > SNAPSHOT_URL_CAP };
}

/** The review pack of the page on screen (its rendered `main`), worded in the interface language. */
export async function makeReviewPack(
	snap: SnapshotState,
	ctl: ViewController,
	data: { files: readonly { name: string }[] },
	ui: { locale: 'ja' | 'en'; t: (key: MessageKey, vars?: Record<string, string | number>) => string },
	withRows: boolean
): Promise<{ html: string; name: string } | null> {
	await snap.settled();
	const main = document.querySelector('main');
	if (!main) return null;
	const page = ui.t(PAGE_NAMES[ctl.path] ?? 'nav.overview');
	const from = snap.serving ? snap.opened : null;
	const files = from ? from.files : data.files.map((f) => f.name);
	const fp = from ? from.fp : ctl.fingerprint;
	const made = new Date();
	const lines = [
		ui.t('pack.what'),
		ui.t('snapshot.bannerMade', {
			when: formatDateTime(made.toISOString(), ui.locale),
			files: files.length ? files.join(', ') : ui.t('snapshot.bannerNoFiles')
		}) + (fp ? ` ${ui.t('snapshot.bannerFingerprint', { fp })}` : ''),
		ctl.range
			? ui.t('pack.range', {
					from: formatDate(ctl.range.from, ui.locale),
					to: formatDate(ctl.range.to, ui.locale)
				})
			: '',
		withRows ? ui.t('snapshot.rowsIncluded') : ui.t('pack.noRows')
	].filter(Boolean);
	const html = reviewPackHtml(
		[{ title: page, body: main }],
		{ lang: ui.locale, title: `${ui.t('pack.title')} — ${page}`, lines },
		inlineCss(document),
		withRows
	);
	const stamp = made.toISOString().slice(0, 10);
	return { html, name: `modelboard-review-${ctl.path.replaceAll('/', '') || 'overview'}-${stamp}.html` };
}
