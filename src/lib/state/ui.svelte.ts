import { getContext, setContext } from 'svelte';
import type { Locale } from '$lib/i18n/format';
import { translate, type MessageKey } from '$lib/i18n/messages';

/** Interface language: from the URL (`lang=`), else the browser's, else English. */
export class UiState {
	locale = $state<Locale>('en');

	t = (key: MessageKey, vars?: Record<string, string | number>): string => translate(this.locale, key, vars);
}

export function browserLocale(): Locale {
	if (typeof navigator === 'undefined') return 'en';
	return (navigator.languages ?? [navigator.language]).some((l) => l?.toLowerCase().startsWith('ja'))
		? 'ja'
		: 'en';
}

const KEY = Symbol('modelboard-ui');
export const setUi = (ui: UiState) => setContext(KEY, ui);
export function getUi(): UiState {
	const ui = getContext<UiState | undefined>(KEY);
	if (!ui) throw new Error('UiState context missing');
	return ui;
}
