import { ConfigError, DEFAULT_CONFIG, parseOrgConfig, type OrgConfig } from '$lib/engine/config';

/** Fetches and validates `modelboard.config.json` from the site itself. A missing file means defaults. */
export async function loadOrgConfig(base: string): Promise<{ config: OrgConfig } | { error: string }> {
	let res: Response;
	try {
		res = await fetch(`${base}/modelboard.config.json`, { cache: 'no-cache' });
	} catch {
		return { config: DEFAULT_CONFIG };
	}
	if (res.status === 404) return { config: DEFAULT_CONFIG };
	if (!res.ok) return { error: `HTTP ${res.status}` };
	let json: unknown;
	try {
		json = JSON.parse(await res.text());
	} catch (e) {
		return { error: `not valid JSON (${(e as Error).message})` };
	}
	try {
		return { config: parseOrgConfig(json) };
	} catch (e) {
		return { error: e instanceof ConfigError ? e.message : String(e) };
	}
}
