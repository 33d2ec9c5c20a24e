/**
 * Rendering the pages a review pack holds: each picked page's own component, mounted off screen with the
 * layout's contexts (the same data store, view controller and query client), so its figures come from
 * the same named queries with the same view as on screen — never computed another way. Pack mode opens
 * every table whole. The caller copies the rendered markup, then `unmount`s.
 */
import { flushSync, mount, tick, unmount, type Component } from 'svelte';
import { PACK_MODE } from '$lib/state/snapshot-pack';

/** A page's component, loaded on demand (its CSS arrives with it). */
export type PageLoader = () => Promise<{ default: Component }>;

/** The pages a pack can hold, by path, in the navigation's order. */
export type PackPages = Record<string, PageLoader>;

export interface Rendered {
	path: string;
	root: HTMLElement;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Mounts `paths` off screen and resolves once every request they made has settled and the charts have
 * measured their width. `idle` says that no request is computing (the snapshot state counts them).
 */
export async function renderPages(
	paths: readonly string[],
	pages: PackPages,
	contexts: Map<unknown, unknown>,
	settled: () => Promise<void>,
	idle: () => boolean,
	width: number
): Promise<{ rendered: Rendered[]; dispose: () => void }> {
	const host = document.createElement('div');
	// Laid out (charts read their width) but out of sight and out of the accessibility tree.
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = `position:absolute;left:-100000px;top:0;width:${width}px;visibility:hidden`;
	document.body.append(host);
	const context = new Map(contexts);
	context.set(PACK_MODE, true);
	const mounted: ReturnType<typeof mount>[] = [];
	const rendered: Rendered[] = [];
	for (const path of paths) {
		const load = pages[path];
		if (!load) continue;
		const { default: Page } = await load();
		const root = document.createElement('main');
		root.className = 'pack-render';
		host.append(root);
		mounted.push(mount(Page, { target: root, context }));
		rendered.push({ path, root });
	}
	// A page shows more components once its first figures arrive, and those ask for theirs: wait until
	// a whole round (render, requests, render) leaves nothing computing.
	for (let round = 0; round < 50; round++) {
		flushSync();
		await tick();
		await settled();
		await frame();
		await frame();
		flushSync();
		if (idle()) break;
	}
	return {
		rendered,
		dispose: () => {
			for (const m of mounted) void unmount(m);
			host.remove();
		}
	};
}
