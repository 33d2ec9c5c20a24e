/**
 * Two checks the layout runs once in the browser: whether another site frames this page (the service
 * worker's frame-ancestors header covers later visits, this covers the first), and pinning the favicon's
 * URL (a relative href resolves against the current URL, so it 404s after history traversal).
 */

/** True when the page is shown inside a frame of another origin (reading its location throws). */
export function framedByOtherOrigin(win: Window = window): boolean {
	if (win.top === win.self) return false;
	try {
		return win.top?.location.origin !== win.location.origin;
	} catch {
		return true;
	}
}

/** Rewrites the icon's href to the absolute URL it resolved to on the first page. */
export function pinFavicon(doc: Document = document): void {
	for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]'))
		link.setAttribute('href', link.href);
}
