/** An invalid organisation config as a message in the user's language (wording: notice-messages.ts). */
import type { ConfigError } from '../engine/config';
import { render, type Message } from './messages';
import type { Locale } from './format';

export function configErrorMessage(e: ConfigError): Message {
	return {
		code: `config.invalid.${e.problem}` as const,
		params: { path: e.path || 'modelboard.config.json', ...e.params }
	};
}

export const formatConfigError = (locale: Locale, e: ConfigError): string =>
	render(locale, configErrorMessage(e));
