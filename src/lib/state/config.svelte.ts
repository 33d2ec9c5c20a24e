import { createContext } from 'svelte';
import { DEFAULT_CONFIG, type OrgConfig } from '$lib/engine/config';
import { loadOrgConfig, type ConfigProblem } from './org-config';

/**
 * The organisation config (`modelboard.config.json`): defaults until it is loaded, defaults and a
 * problem to show when it is invalid. The view controller and the data store read it from here.
 */
export class ConfigStore {
	config = $state.raw<OrgConfig>(DEFAULT_CONFIG);
	problem = $state.raw<ConfigProblem | null>(null);
	/** Loaded (or found missing or invalid): pages may render with their final settings. */
	ready = $state(false);

	async load(base: string): Promise<void> {
		const result = await loadOrgConfig(base);
		if ('error' in result) this.problem = result.error;
		else this.config = result.config;
		this.ready = true;
	}
}

export const [getConfig, setConfig] = createContext<ConfigStore>();
