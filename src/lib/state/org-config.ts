import { ConfigError, DEFAULT_CONFIG, parseOrgConfig, type OrgConfig } from '$lib/engine/config';
import { configErrorMessage } from '$lib/i18n/config-errors';
import type { Message } from '$lib/i18n/messages';
import { readJson, type JsonRead } from '$lib/engine/json-text';

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
	const read = readJson(await res.text());
	// Where the JSON breaks, worded by us (the browser's JSON.parse text is English).
	if (!read.ok) return { error: jsonProblem('config', read) };
	try {
		return { config: parseOrgConfig(read.value) };
	} catch (e) {
		return {
			error:
				e instanceof ConfigError
					? configErrorMessage(e)
					: { code: 'config.invalid', params: { reason: String(e) } }
		};
	}
}

/** A JSON text that did not parse, as a message of the mapping file's or the config's own wording. */
export function jsonProblem(of: 'config' | 'mappingFile', read: Extract<JsonRead, { ok: false }>): Message {
	const { problem, line, column, char } = read;
	return { code: `${of}.json.${problem}` as const, params: { line, column, char } };
}
