/**
 * JSON text read with our own account of what is wrong and where (line and column, 1-based), so a
 * mapping file or a config that is not valid JSON is worded in the user's language rather than in the
 * browser's `JSON.parse` English (whose wording also differs between engines). `JSON.parse` still does
 * the parsing; the scanner below only runs when it fails, to find the first offending character.
 */

export type JsonProblem =
	/** The text ends inside a value (a missing `}`, `]` or `"`). */
	| 'end'
	/** A character that cannot stand here (`char` holds it). */
	| 'char'
	/** A complete value followed by more text. */
	| 'trailing'
	/** Nothing but white space. */
	| 'empty';

export type JsonRead =
	| { ok: true; value: unknown }
	| { ok: false; problem: JsonProblem; line: number; column: number; char: string };

export function readJson(raw: string): JsonRead {
	// A byte-order mark (Windows Notepad) is not JSON but means nothing: dropped, as editors do.
	const text = raw.replace(/^\uFEFF/, '');
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, ...locate(text, firstError(text)) };
	}
}

function locate(text: string, at: { offset: number; problem: JsonProblem }) {
	const before = text.slice(0, at.offset);
	const line = before.split('\n').length;
	const column = at.offset - (before.lastIndexOf('\n') + 1) + 1;
	const char = at.problem === 'char' || at.problem === 'trailing' ? [...text.slice(at.offset)][0] : '';
	return { problem: at.problem, line, column, char: char ?? '' };
}

class Stop {
	constructor(
		readonly offset: number,
		readonly problem: JsonProblem
	) {}
}

/** The first place the JSON grammar (RFC 8259) breaks. */
export function firstError(text: string): { offset: number; problem: JsonProblem } {
	let i = 0;
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const fail = (): never => {
		throw new Stop(i, i >= text.length ? 'end' : 'char');
	};
	const expect = (c: string) => {
		if (text[i] !== c) fail();
		i++;
	};
	const word = (w: string) => {
		for (const c of w) expect(c);
	};
	const string = () => {
		expect('"');
		while (text[i] !== '"') {
			if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					i++;
					for (let k = 0; k < 4; k++) {
						if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
						i++;
					}
				} else if ('"\\/bfnrt'.includes(text[i] ?? '_')) i++;
				else fail();
			} else i++;
		}
		i++;
	};
	const digits = () => {
		if (!/[0-9]/.test(text[i] ?? '')) fail();
		while (/[0-9]/.test(text[i] ?? '')) i++;
	};
	const number = () => {
		if (text[i] === '-') i++;
		if (text[i] === '0') i++;
		else digits();
		if (text[i] === '.') {
			i++;
			digits();
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			digits();
		}
	};
	const list = (close: string, item: () => void) => {
		i++;
		ws();
		if (text[i] === close) return void i++;
		for (;;) {
			item();
			ws();
			if (text[i] !== ',') return void expect(close);
			i++;
			ws();
		}
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{')
			list('}', () => {
				string();
				ws();
				expect(':');
				value();
			});
		else if (c === '[') list(']', value);
		else if (c === '"') string();
		else if (c === 't') word('true');
		else if (c === 'f') word('false');
		else if (c === 'n') word('null');
		else if (c === '-' || /[0-9]/.test(c ?? '')) number();
		else fail();
	};
	ws();
	if (i >= text.length) return { offset: i, problem: 'empty' };
	try {
		value();
		ws();
		return i < text.length ? { offset: i, problem: 'trailing' } : { offset: i, problem: 'end' };
	} catch (e) {
		if (e instanceof Stop) return { offset: e.offset, problem: e.problem };
		throw e;
	}
}
