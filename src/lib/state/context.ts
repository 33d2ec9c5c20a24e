import { createContext } from 'svelte';
import type { DataStore } from './data.svelte';

/** The typed context pair that hands the one DataStore down the component tree. */
export const [getDataStore, setDataStore] = createContext<DataStore>();
