/**
 * The review pack: one self-contained `.html` of the pages the user picked, for mail attachments and
 * archives. Each page's own rendering (inline SVG charts, tables whole, the definitions of its KPIs), the
 * benchmark sources, its CSS inlined, every script, control and outside reference dropped, and a
 * Content-Security-Policy that forbids any request: it opens from `file://` with JavaScript off and
 * prints as it reads (a table of contents, a page break between pages). Its snapshot rides along in an
 * inert `<template>`, so the file dropped on the start page opens as a snapshot.
 */
import { packBlock } from '$lib/state/snapshot-codec';

export interface PackInfo {
	lang: 'ja' | 'en';
	title: string;
	/** The lines of the pack's heading (what it is, when, from which files). */
	lines: string[];
}

/** The page's CSS as text, without anything that would fetch (fonts, images, imports). */
export function inlineCss(doc: Document): string {
	const out: string[] = [];
	for (const sheet of Array.from(doc.styleSheets)) {
		let rules: CSSRuleList;
		try {
			rules = sheet.cssRules;
		} catch {
			continue; // another origin's sheet: not readable, and not ours
		}
		for (const r of Array.from(rules)) {
			const text = r.cssText;
			if (r instanceof CSSImportRule || r instanceof CSSFontFaceRule || /url\(/i.test(text)) continue;
			out.push(text);
		}
	}
	return out.join('\n');
}

/** Row-level panels (individual deals), left out of a pack unless the author opted in. */
const ROW_LEVEL = '[data-testid="table-stale-deals"]';

/** A copy of `root` with only what a reader needs: no scripts, controls, links out or hidden widgets. */
export function cleanCopy(root: Element, withRows = false): Element {
	const copy = root.cloneNode(true) as Element;
	if (!withRows) for (const el of Array.from(copy.querySelectorAll(ROW_LEVEL))) el.remove();
	const drop =
		'script, noscript, style, button, input, select, textarea, iframe, object, embed, link, .no-print, [data-testid="snapshot-banner"], [data-testid="snapshot-live"]';
	// A column header's sort button: its label stays, as text.
	for (const el of Array.from(copy.querySelectorAll('th button'))) el.replaceWith(el.textContent ?? '');
	for (const el of Array.from(copy.querySelectorAll(drop))) el.remove();
	for (const el of Array.from(copy.querySelectorAll('img')))
		if (!(el.getAttribute('src') ?? '').startsWith('data:')) el.remove();
	for (const el of Array.from(copy.querySelectorAll('details'))) el.setAttribute('open', '');
	// Charts are drawn to the width they had; with a viewBox they also shrink to a narrower reader or sheet.
	for (const svg of Array.from(copy.querySelectorAll('svg:not([viewBox])'))) {
		const w = Number(svg.getAttribute('width'));
		const h = Number(svg.getAttribute('height'));
		if (!(w > 0 && h > 0)) continue;
		svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
		svg.setAttribute('data-fit', '');
	}
	for (const el of Array.from(copy.querySelectorAll('*'))) {
		for (const a of Array.from(el.attributes)) {
			const name = a.name.toLowerCase();
			// Event handlers, links and outside references: a pack makes no request and runs nothing.
			if (
				name.startsWith('on') ||
				name === 'href' ||
				name === 'xlink:href' ||
				name === 'src' ||
				name === 'srcset' ||
				name === 'action'
			)
				el.removeAttribute(a.name);
		}
	}
	return copy;
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One page of a pack: its rendered markup and the definitions of the KPIs it shows. */
export interface PackSection {
	path: string;
	title: string;
	body: Element;
	definitions: { label: string; text: string }[];
}

/** The benchmark ranges the pack's pages read their figures against, and where each comes from. */
export interface PackBenchmarks {
	head: [kpi: string, range: string, source: string];
	rows: { label: string; range: string; source: string }[];
}

/** The words of the pack's own parts (headings), in the interface language. */
export interface PackWords {
	contents: string;
	definitions: string;
	benchmarks: string;
}

/** `#pack-funnel` for `/funnel/`, `#pack-overview` for `/`. */
export const sectionId = (path: string) => `pack-${path.replaceAll('/', '') || 'overview'}`;

function definitionsHtml(s: PackSection, words: PackWords): string {
	if (!s.definitions.length) return '';
	const items = s.definitions
		.map((d) => `<dt>${escapeHtml(d.label)}</dt><dd>${escapeHtml(d.text)}</dd>`)
		.join('');
	return `<section class="pack-defs"><h2>${escapeHtml(words.definitions)}</h2><dl>${items}</dl></section>`;
}

function benchmarksHtml(b: PackBenchmarks, words: PackWords): string {
	if (!b.rows.length) return '';
	const head = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
	const rows = b.rows
		.map(
			(r) =>
				`<tr><th scope="row">${escapeHtml(r.label)}</th><td class="num">${escapeHtml(r.range)}</td><td>${escapeHtml(r.source)}</td></tr>`
		)
		.join('');
	return `<section class="pack-page pack-bench" id="pack-benchmarks" data-testid="pack-benchmarks"><h1 class="pack-title">${escapeHtml(words.benchmarks)}</h1><table class="data"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * The whole pack: a heading, a table of contents, each page's copy with its definitions (one printed
 * page break between pages), the benchmark sources, and the snapshot payload in an inert data block.
 */
export function reviewPackHtml(
	sections: PackSection[],
	info: PackInfo,
	css: string,
	opts: { withRows?: boolean; words: PackWords; benchmarks: PackBenchmarks; payload: string | null }
): string {
	const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
	const head = info.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
	const toc = [
		...sections.map((s) => ({ id: sectionId(s.path), title: s.title })),
		...(opts.benchmarks.rows.length ? [{ id: 'pack-benchmarks', title: opts.words.benchmarks }] : [])
	]
		.map((t) => `<li><a href="#${t.id}">${escapeHtml(t.title)}</a></li>`)
		.join('');
	const body = sections
		.map(
			(s) =>
				`<section class="pack-page" id="${sectionId(s.path)}" data-pack-page="${escapeHtml(s.path)}"><h1 class="pack-title">${escapeHtml(s.title)}</h1>${cleanCopy(s.body, opts.withRows).innerHTML}${definitionsHtml(s, opts.words)}</section>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="${info.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)}</title>
<style>
${css.replaceAll('</style', '<\\/style')}
.pack-head { border: 2px solid #3b6ea5; background: #eef4fb; border-radius: 10px; padding: 0.5rem 1rem; margin: 1rem auto; max-width: 1400px; box-sizing: border-box; }
.pack-toc { max-width: 1400px; margin: 0 auto 1rem; padding: 0 1.25rem; box-sizing: border-box; }
.pack-toc h2 { font-size: 1rem; }
.pack-page { max-width: 1400px; margin: 0 auto; padding: 0 1.25rem 2rem; box-sizing: border-box; }
.pack-page + .pack-page { break-before: page; }
.pack-title { font-size: 1.3rem; }
.pack-page svg[data-fit] { max-width: 100%; height: auto; }
.pack-page .table-scroll { max-height: none; overflow: visible; }
.pack-defs dt { font-weight: 600; margin-top: 0.4rem; }
.pack-defs dd { margin: 0 0 0 1rem; }
.pack-bench td, .pack-bench th { vertical-align: top; }
.pack-bench .num { white-space: nowrap; }
@media print { .pack-head, .pack-toc { break-after: avoid; } }
</style>
</head>
<body>
<header class="pack-head" data-testid="pack-head">${head}</header>
<nav class="pack-toc" data-testid="pack-toc" aria-label="${escapeHtml(opts.words.contents)}"><h2>${escapeHtml(opts.words.contents)}</h2><ol>${toc}</ol></nav>
${body}
${benchmarksHtml(opts.benchmarks, opts.words)}
${opts.payload === null ? '' : packBlock(opts.payload)}
</body>
</html>
`;
}

/** Offers `html` as a download named `name`. */
export function downloadHtml(html: string, name: string): void {
	const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
