/**
 * The review pack: one self-contained `.html` of what the page shows, for mail attachments and archives.
 * The page's own rendering (inline SVG charts, tables, definitions), its CSS inlined, every script,
 * control and outside reference dropped, and a Content-Security-Policy that forbids any request: it
 * opens from `file://` with JavaScript off and prints as it reads.
 */

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

/** The whole pack: pages' copies under one heading. */
export function reviewPackHtml(
	pages: { title: string; body: Element }[],
	info: PackInfo,
	css: string,
	withRows = false
): string {
	const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
	const head = info.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
	const sections = pages
		.map(
			(p) =>
				`<section class="pack-page"><h1 class="pack-title">${escapeHtml(p.title)}</h1>${cleanCopy(p.body, withRows).innerHTML}</section>`
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
.pack-head { border: 2px solid #3b6ea5; background: #eef4fb; border-radius: 10px; padding: 0.5rem 1rem; margin: 1rem auto; max-width: 1400px; }
.pack-page { max-width: 1400px; margin: 0 auto; padding: 0 1.25rem 2rem; break-after: page; }
.pack-title { font-size: 1.3rem; }
</style>
</head>
<body>
<header class="pack-head" data-testid="pack-head">${head}</header>
${sections}
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
