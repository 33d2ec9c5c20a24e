/**
 * The one lookup for every text a user reads, in Japanese and English. The wording lives in modules by
 * area, each `{ en, ja }` with the same keys (tested); adding a module is one entry in `MODULES`.
 * Texts take `{name}` placeholders, filled from the `params` of a `{ code, params }` message.
 */
import type { Locale } from './format';
import { benchmarkMessages } from './benchmark-messages';
import { fieldMessages } from './field-messages';
import { figureMessages } from './figure-messages';
import { kpiMessages } from './kpi-messages';
import { noticeMessages } from './notice-messages';
import { snapshotMessages } from './snapshot-messages';
import { uiMessages } from './ui-messages';

export const MODULES = [
	uiMessages,
	kpiMessages,
	benchmarkMessages,
	noticeMessages,
	snapshotMessages,
	figureMessages,
	fieldMessages
] as const;

type KeysOf<M> = M extends { en: infer E } ? Extract<keyof E, string> : never;
export type MessageKey = KeysOf<(typeof MODULES)[number]>;
export type MessageParams = Record<string, string | number>;

/** A message as data: what the engine and the state layer hand to the UI instead of a sentence. */
export interface Message<K extends MessageKey = MessageKey> {
	code: K;
	params?: MessageParams;
}

function merge(locale: Locale): Record<MessageKey, string> {
	return Object.assign({}, ...MODULES.map((m) => m[locale])) as Record<MessageKey, string>;
}

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en: merge('en'), ja: merge('ja') };

export function translate(locale: Locale, key: MessageKey, vars: MessageParams = {}): string {
	const text = MESSAGES[locale][key] ?? MESSAGES.en[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** Renders a `{ code, params }` message in `locale`. */
export function render(locale: Locale, message: Message): string {
	return translate(locale, message.code, message.params);
}

/** A canonical field's name for a user (`created_at` → 作成日); an unknown field stays as written. */
export function fieldLabel(locale: Locale, field: string): string {
	const key = `field.${field}`;
	return key in MESSAGES[locale] ? MESSAGES[locale][key as MessageKey] : field;
}

/** What a vocabulary target means for a user (`connected` → 接続); unknown targets stay as written. */
export function targetLabel(locale: Locale, kind: 'status' | 'outcome' | 'type', target: string): string {
	const key = `target.${kind}.${target}`;
	return key in MESSAGES[locale] ? MESSAGES[locale][key as MessageKey] : target;
}
