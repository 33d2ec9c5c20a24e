/**
 * Files the page fetches from its own site: the demo data and the same-origin sources named in the URL
 * (`?src=data/2026-11.csv`, already checked by the view parser). Failures come back as values, so the
 * data store can word them; nothing here throws at the page.
 */
export interface FetchedFile {
	name: string;
	bytes: Uint8Array;
}

export const DEMO_FILES = ['leads.csv', 'activities.csv', 'customers.csv', 'spend.csv'] as const;

/**
 * Why a fetch failed, in words no language owns: the HTTP status (`HTTP 404`), or null when the site
 * could not be reached at all (the browser's own text, e.g. "Failed to fetch", is English).
 */
const reason = (e: unknown): string | null =>
	e instanceof Error && /^HTTP \d+$/.test(e.message) ? e.message : null;

async function fetchBytes(url: URL | string): Promise<Uint8Array> {
	const res = await fetch(url, { credentials: 'same-origin' });
	if (!res.ok) throw new Error(`HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

export async function fetchSources(
	base: string,
	paths: string[]
): Promise<{ inputs: FetchedFile[]; failures: { path: string; reason: string | null }[] }> {
	const inputs: FetchedFile[] = [];
	const failures: { path: string; reason: string | null }[] = [];
	for (const p of paths) {
		const url = new URL(`${base}/${p}`, location.href);
		if (url.origin !== location.origin) continue;
		try {
			inputs.push({ name: p.split('/').pop() ?? p, bytes: await fetchBytes(url) });
		} catch (e) {
			failures.push({ path: p, reason: reason(e) });
		}
	}
	return { inputs, failures };
}

/** All demo files, or the first failure (a partial demo would show misleading figures). */
export async function fetchDemo(
	base: string
): Promise<FetchedFile[] | { failed: { name: string; reason: string | null } }> {
	let failed: { name: string; reason: string | null } | null = null;
	const files = await Promise.all(
		DEMO_FILES.map(async (name): Promise<FetchedFile | null> => {
			try {
				return { name, bytes: await fetchBytes(`${base}/demo/${name}`) };
			} catch (e) {
				failed ??= { name, reason: reason(e) };
				return null;
			}
		})
	);
	if (failed) return { failed };
	return files.filter((f): f is FetchedFile => f !== null);
}
