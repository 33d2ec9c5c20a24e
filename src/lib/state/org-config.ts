import { ConfigError, DEFAULT_CONFIG, parseOrgConfig, type OrgConfig } from '$lib/engine/config';
import { configErrorMessage } from '$lib/i18n/config-errors';
import type { Message } from '$lib/i18n/messages';

/** Why the config could not be used, worded in the user's language. */
export type ConfigProblem = Message;

/** Fetches and validates `modelboard.config.json` from the site itself. A missing file means defaults. */
export async function loadOrgConfig(base: string): Promise<{ config: OrgConfig } | { error: ConfigProblem }> {
	let res: Response;
	try {
		res = await fetch(`${base}/modelboard.config.json`, { cache: 'no-cache' });
	} catch {
		return { config: DEFAULT_CONFIG };
	}
	if (res.status === 404) return { config: DEFAULT_CONFIG };
	if (!res.ok) return { error: { code: 'config.http', params: { status: res.status } } };
	let json: unknown;
	try {
		json = JSON.parse(await res.text());
	} catch (e) {
		return { error: { code: 'config.json', params: { reason: (e as Error).message } } };
	}
	try {
		return { config: parseOrgConfig(json) };
	} catch (e) {
		return {
			error:
				e instanceof ConfigError
					? configErrorMessage(e)
					: { code: 'config.invalid', params: { reason: String(e) } }
		};
	}
}
