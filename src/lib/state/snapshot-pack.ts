/**
 * Pack mode: a page rendered for a review pack (off screen, then copied into the file) shows its tables
 * whole — every row, the chart tables opened — since a reader of the file cannot click, scroll a
 * capped list or search. Set through the context of the pack's render; everywhere else it is off.
 */
import { getContext } from 'svelte';

export const PACK_MODE = Symbol('pack-mode');

/** True inside a review pack's render (call during component initialisation). */
export function inPack(): boolean {
	return getContext<boolean | undefined>(PACK_MODE) === true;
}
