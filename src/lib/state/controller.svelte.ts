/**
 * The page-level view controller: reads the view from the URL (the single source of view state),
 * resolves it against the data and the organisation config, and writes changes back as navigation —
 * `replace` for continuous inputs (typing a number, dragging), a history entry for discrete choices,
 * so Back and Forward walk the views.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import { page } from '$app/state';
import { createContext } from 'svelte';
import type { OrgConfig } from '$lib/engine/config';
import type { MetricView } from '$lib/engine/metrics/view';
import type { ReportOptions } from '$lib/engine/metrics/report';
import type { Goals } from '$lib/engine/metrics/targets';
import type { DataStore } from './data.svelte';
import { datasetFingerprint } from './fingerprint';
import { previousRange, resolveRange, type DateRange } from './range';
import { parseView, serializeView, withView, type ParseResult, type ViewState } from './view';
import { MAX_FILTER_VALUES, isFilterValue } from './view-schema';

export class ViewController {
	private readonly data: DataStore;
	private readonly settings: { readonly config: OrgConfig };

	/** `settings` is the organisation config's store; the controller only reads it. */
	constructor(data: DataStore, settings: { readonly config: OrgConfig }) {
		this.data = data;
		this.settings = settings;
	}

	/** The organisation config in force (fiscal year, currency, benchmarks). */
	get config(): OrgConfig {
		return this.settings.config;
	}

	readonly parsed: ParseResult = $derived(
		browser ? parseView(page.url.searchParams) : { view: parseView(new URLSearchParams()).view, notices: [] }
	);
	readonly view: ViewState = $derived(this.parsed.view);

	/** A snapshot's date span, used while no data is loaded (see snapshot.svelte.ts). */
	snapshotSpan = $state.raw<DateRange | null>(null);

	/** The data's date span, else the opened snapshot's. */
	readonly span: DateRange | null = $derived.by(() => this.data.span ?? this.snapshotSpan);

	readonly range: DateRange | null = $derived.by(() => {
		const span = this.span;
		return span ? resolveRange(this.view, span, this.config.fiscalYearStartMonth) : null;
	});

	readonly metricView: MetricView | null = $derived.by(() => {
		const r = this.range;
		if (!r) return null;
		return {
			from: r.from,
			to: r.to,
			mode: this.view.mode,
			windowDays: this.view.mode === 'cohort' ? this.view.window : null,
			filters: this.view.filters
		};
	});

	readonly previousView: MetricView | null = $derived.by(() => {
		const v = this.metricView;
		return v ? { ...v, ...previousRange(v) } : null;
	});

	/** Monthly targets in force: the org config's, each overridden by the one the link carries. */
	readonly goals: Goals = $derived({ ...this.config.targets, ...this.view.goals });

	readonly reportOptions: ReportOptions = $derived.by(() => ({
		goals: this.goals,
		benchmarks: [this.config.benchmarks, this.view.bench],
		plan:
			this.view.target !== null && this.view.deal !== null
				? {
						target: this.view.target,
						deal: this.view.deal,
						workingDays: this.view.days ?? undefined,
						rateSource: this.view.rateSource,
						rates: this.view.rates
					}
				: null
	}));

	readonly fingerprint: string | null = $derived.by(() =>
		datasetFingerprint(
			this.data.files.map((f) => ({
				name: f.name,
				size: f.size,
				signature: f.signature,
				rows: f.quality.rows
			}))
		)
	);

	/** The link's dataset differs from the one loaded here: say so instead of silently showing other numbers. */
	readonly fingerprintMismatch: boolean = $derived(
		this.view.fp !== null && this.fingerprint !== null && this.view.fp !== this.fingerprint
	);

	/** Current path relative to the base, e.g. `/funnel/`. */
	get path(): string {
		// From the route, not the URL: during prerendering `base` is relative ("." / ".."), not a prefix.
		const id = page.route.id ?? '/';
		return id === '/' ? '/' : `${id}/`;
	}

	href(path: string, view: ViewState = this.view): string {
		const qs = serializeView(view);
		return `${base}${path}${qs ? '?' + qs : ''}`;
	}

	set(changes: Partial<ViewState>, opts: { replace?: boolean } = {}): Promise<void> {
		const next = withView(this.view, changes);
		return goto(this.href(this.path, next), {
			replaceState: opts.replace ?? false,
			keepFocus: true,
			noScroll: true
		});
	}

	/** Adds or removes a filter value; one the link could not carry (too long, past the cap) is ignored. */
	toggleFilter(dim: keyof ViewState['filters'], value: string): Promise<void> {
		const cur = this.view.filters[dim];
		if (!cur.includes(value) && (!isFilterValue(value) || cur.length >= MAX_FILTER_VALUES))
			return Promise.resolve();
		const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value].sort();
		return this.set({ filters: { ...this.view.filters, [dim]: next } });
	}

	/** The shareable link: the view plus the dataset fingerprint and file names, never the data. */
	shareUrl(fp: string | null = this.fingerprint, files = this.data.files.map((f) => f.name)): string {
		return new URL(this.href(this.path, { ...this.view, fp, files: fp ? files : [] }), page.url.origin).href;
	}
}

export const [getController, setController] = createContext<ViewController>();
