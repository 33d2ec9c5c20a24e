/**
 * The pages a review pack can hold, by path: each page's own component, loaded on demand. Routes hand
 * this to the share panel (a component may not import a route); the pack renders them off screen with
 * the same view and named queries as the pages themselves.
 */
import type { PackPages } from '$lib/components/snapshot/pack-pages';

export const PACK_PAGES: PackPages = {
	'/': () => import('./Overview.svelte'),
	'/funnel/': () => import('./funnel/+page.svelte'),
	'/marketing/': () => import('./marketing/+page.svelte'),
	'/inside-sales/': () => import('./inside-sales/+page.svelte'),
	'/field-sales/': () => import('./field-sales/+page.svelte'),
	'/customer-success/': () => import('./customer-success/+page.svelte'),
	'/plan/': () => import('./plan/+page.svelte')
};
