/**
 * Making a snapshot link of the page on screen (the results it shows, its view and the data's identity —
 * fingerprint and file names — written into the fragment of the page's own share URL), and the review
 * pack of the pages the user picks.
 */
import type { MessageKey } from '$lib/i18n/messages';
import { DEPARTMENTS, KPIS, type CatalogKpi } from '$lib/kpi-catalog';
import {
	BENCHMARK_KEYS,
	DEFAULT_BENCHMARKS,
	daysInclusive,
	mergeBenchmarks,
	type BenchmarkKey,
	type BenchmarkOverrides
} from '$lib/engine/benchmarks/defaults';
import type { BenchmarkResult } from '$lib/engine/queries';
import type { ViewController } from '$lib/state/controller.svelte';
import { encodeSnapshot, SNAPSHOT_URL_CAP } from '$lib/state/snapshot-codec';
import { buildSnapshot, type Shown, type SnapshotState } from '$lib/state/snapshot.svelte';
import { serializeView } from '$lib/state/view';
import {
	formatDate,
	formatInt,
	formatMoment,
	formatNumber,
	formatPercent,
	type Locale
} from '$lib/i18n/format';
import { renderPages, type PackPages } from './pack-pages';
import { inlineCss, reviewPackHtml, type PackBenchmarks, type PackSection } from './review-pack';

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

/** The pages a review pack offers, in the navigation's order (the data page has no figures to pack). */
export const PACK_PATHS = Object.keys(PAGE_NAMES).filter((p) => p !== '/data/');

type Ui = { locale: Locale; t: (key: MessageKey, vars?: Record<string, string | number>) => string };

/** The KPIs a rendered page shows (its `kpi-{key}` tiles), each with its definition, in page order. */
export function shownDefinitions(root: Element, ui: Ui): PackSection['definitions'] {
	const keys = new Set(KPIS.map((k) => k.key as string));
	const seen = new Set<string>();
	for (const el of Array.from(root.querySelectorAll('[data-testid^="kpi-"]'))) {
		const key = el.getAttribute('data-testid')!.slice(4);
		if (keys.has(key)) seen.add(key);
	}
	return [...seen].map((key) => ({
		label: ui.t(`kpi.label.${key as CatalogKpi}`),
		text: ui.t(`kpi.def.${key as CatalogKpi}`)
	}));
}

/** A benchmark range as its KPI is written: rates in %, calls per day and NPS points as numbers. */
function rangeText(key: BenchmarkKey, low: number, high: number, locale: Locale): string {
	const f = (v: number) =>
		DEFAULT_BENCHMARKS[key].unit === 'rate' ? formatPercent(v, locale, 1) : formatNumber(v, locale, 0);
	return `${f(low)} – ${f(high)}`;
}

/**
 * The benchmark ranges the pack's figures were read against (the `benchmarks` results its pages showed,
 * per-year ones scaled to the range) and where each comes from: this view's link, the organisation's
 * config, or the default's published source.
 */
export function benchmarkSources(
	shown: readonly Shown[],
	layers: { org: BenchmarkOverrides; view: BenchmarkOverrides },
	days: number,
	ui: Ui
): PackBenchmarks {
	const used = new Map<BenchmarkKey, BenchmarkResult>();
	for (const s of shown)
		if (s.name === 'benchmarks' && Array.isArray(s.value))
			for (const r of s.value as BenchmarkResult[]) if (!used.has(r.key)) used.set(r.key, r);
	const rows = BENCHMARK_KEYS.filter((k) => used.has(k)).map((k) => {
		const r = used.get(k)!;
		const def = mergeBenchmarks(layers.org, layers.view)[k];
		// An override equal to the default range keeps the default's source beside it.
		const set = layers.view[k] ?? layers.org[k];
		const isDefault =
			!set || (set.low === DEFAULT_BENCHMARKS[k].low && set.high === DEFAULT_BENCHMARKS[k].high);
		const parts = [
			...(layers.view[k] ? [ui.t('pack.benchFromView')] : layers.org[k] ? [ui.t('pack.benchFromOrg')] : []),
			...(isDefault ? [ui.t(`bench.source.${k}`)] : []),
			...(def.perYear
				? [
						ui.t('pack.benchPerYear', {
							range: rangeText(k, def.low, def.high, ui.locale),
							days: formatInt(days, ui.locale)
						})
					]
				: [])
		];
		// Japanese sentences run on without a space.
		const source = parts.join(ui.locale === 'ja' ? '' : ' ');
		return {
			label: ui.t(`bench.label.${k}`),
			range: rangeText(k, r.low, r.high, ui.locale),
			source
		};
	});
	return { head: [ui.t('pack.benchKpi'), ui.t('pack.benchRange'), ui.t('pack.benchSource')], rows };
}

/**
 * The review pack of the pages picked: each rendered off screen from the same named queries and view as
 * on screen (pack-pages.ts), copied, and worded in the interface language; its snapshot (every result
 * those pages showed) rides along so the file opens again as a snapshot.
 */
export async function makeReviewPack(
	picked: readonly string[],
	loaders: PackPages,
	contexts: Map<unknown, unknown>,
	snap: SnapshotState,
	ctl: ViewController,
	data: { files: readonly { name: string }[] },
	ui: Ui,
	withRows: boolean
): Promise<{ html: string; name: string } | null> {
	// A snapshot opened without data answers at once, and a part it lacks never settles: there the
	// render waits a bounded number of rounds instead of for every request.
	const settled = () => (snap.serving ? Promise.resolve() : snap.settled());
	await settled();
	const span = ctl.span;
	const paths = PACK_PATHS.filter((p) => picked.includes(p) && loaders[p]);
	if (!span || !paths.length) return null;
	// The width the page's content has on screen (without main's padding), as the pack lays it out.
	const main = document.querySelector('main');
	const pad = main
		? parseFloat(getComputedStyle(main).paddingLeft) + parseFloat(getComputedStyle(main).paddingRight)
		: 0;
	const width = main ? main.clientWidth - pad : 1360;
	const { rendered, dispose } = await renderPages(
		paths,
		loaders,
		contexts,
		settled,
		() => !snap.serving && snap.idle,
		width
	);
	try {
		const from = snap.serving ? snap.opened : null;
		const files = from ? from.files : data.files.map((f) => f.name);
		const fp = from ? from.fp : ctl.fingerprint;
		const made = new Date();
		const shown = snap.current();
		const title = (p: string) => ui.t(PAGE_NAMES[p] ?? 'nav.overview');
		const lines = [
			ui.t('pack.what'),
			ui.t('snapshot.bannerMade', {
				when: formatMoment(made.toISOString(), ui.locale),
				files: files.length ? files.join(', ') : ui.t('snapshot.bannerNoFiles')
			}) + (fp ? ` ${ui.t('snapshot.bannerFingerprint', { fp })}` : ''),
			ctl.range
				? ui.t('pack.range', {
						from: formatDate(ctl.range.from, ui.locale),
						to: formatDate(ctl.range.to, ui.locale)
					})
				: '',
			withRows ? ui.t('snapshot.rowsIncluded') : ui.t('pack.noRows'),
			ui.t('pack.reopen')
		].filter(Boolean);
		const snapshot = buildSnapshot(
			shown,
			{
				lang: ui.locale,
				path: paths.includes(ctl.path) ? ctl.path : paths[0],
				query: serializeView({ ...ctl.view, fp, files }),
				fp,
				files,
				span,
				now: made,
				pages: paths
			},
			withRows ? snap.rowLevelShown() : []
		);
		const days = ctl.range ? daysInclusive(ctl.range.from, ctl.range.to) : 0;
		const html = reviewPackHtml(
			rendered.map((r) => ({
				path: r.path,
				title: title(r.path),
				body: r.root,
				definitions: shownDefinitions(r.root, ui)
			})),
			{ lang: ui.locale, title: `${ui.t('pack.title')} — ${paths.map(title).join(' · ')}`, lines },
			inlineCss(document),
			{
				withRows,
				words: {
					contents: ui.t('pack.contents'),
					definitions: ui.t('pack.definitions'),
					benchmarks: ui.t('pack.benchmarks')
				},
				benchmarks: benchmarkSources(shown, { org: ctl.config.benchmarks, view: ctl.view.bench }, days, ui),
				payload: await encodeSnapshot(snapshot)
			}
		);
		const stamp = made.toISOString().slice(0, 10);
		const which = paths.length === 1 ? paths[0].replaceAll('/', '') || 'overview' : 'pages';
		return { html, name: `modelboard-review-${which}-${stamp}.html` };
	} finally {
		dispose();
	}
}
