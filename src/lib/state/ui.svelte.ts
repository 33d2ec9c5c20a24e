import { createContext } from 'svelte';
import type { Locale } from '$lib/i18n/format';
import { render, translate, type Message, type MessageKey, type MessageParams } from '$lib/i18n/messages';

/** Interface language: from the URL (`lang=`), else the org config's, else the browser's, else English. */
export class UiState {
	locale = $state<Locale>('en');

	/** The text for `key` in the interface language, `{name}` placeholders filled from `vars`. */
	t = (key: MessageKey, vars?: MessageParams): string => translate(this.locale, key, vars);

	/** A `{ code, params }` message in the interface language. */
	msg = (message: Message): string => render(this.locale, message);
}

export function browserLocale(): Locale {
	if (typeof navigator === 'undefined') return 'en';
	return (navigator.languages ?? [navigator.language]).some((l) => l?.toLowerCase().startsWith('ja'))
		? 'ja'
		: 'en';
}

export const [getUi, setUi] = createContext<UiState>();
