import { getContext, setContext } from 'svelte';
import type { DataStore } from './data.svelte';

const KEY = Symbol('modelboard-data');

/** The typed context pair that hands the one DataStore down the component tree. */
export function setDataStore(store: DataStore): DataStore {
	return setContext(KEY, store);
}

export function getDataStore(): DataStore {
	const s = getContext<DataStore | undefined>(KEY);
	if (!s) throw new Error('DataStore context missing: is the component inside the root layout?');
	return s;
}
