/** An invalid organisation config as a message in the user's language (wording: notice-messages.ts). */
import type { ConfigError } from '../engine/config';
import type { MappingProblem } from '../engine/ingest/mapping-file';
import { render, type Message } from './messages';
import type { Locale } from './format';

export function configErrorMessage(e: ConfigError): Message {
	// A problem inside the embedded mapping file: worded as the mapping file's own messages.
	if (e.problem === 'mapping' && typeof e.params.mappingProblem === 'string')
		return {
			code: `mappingFile.${e.params.mappingProblem as MappingProblem}` as const,
			params: { ...e.params, path: e.path }
		};
	return {
		code: `config.invalid.${e.problem}` as const,
		params: { path: e.path || 'modelboard.config.json', ...e.params }
	};
}

export const formatConfigError = (locale: Locale, e: ConfigError): string =>
	render(locale, configErrorMessage(e));
