import type { Param, Row } from './types';

/**
 * Quotes an identifier for DuckDB. Every column or table name that is not a literal in our own source
 * goes through here, so a CSV header like `a"; DROP TABLE leads; --` stays a name.
 */
export function ident(name: string): string {
	if (name.includes('\u0000')) throw new Error('Identifier contains a NUL character');
	return '"' + name.replaceAll('"', '""') + '"';
}

/**
 * A string literal for the few places DuckDB takes no parameters (table function options such as
 * `read_csv(delim=…)`). Only ever used with values from our own closed sets, but quoted safely anyway.
 */
export function literal(value: string): string {
	if (value.includes('\u0000')) throw new Error('Literal contains a NUL character');
	return "'" + value.replaceAll("'", "''") + "'";
}

/** A SQL fragment with its bound parameters, composed by the builders. */
export interface Sql {
	text: string;
	params: Param[];
}

export function sql(text: string, params: Param[] = []): Sql {
	return { text, params };
}

/** Joins fragments, concatenating their parameters in order. */
export function join(parts: readonly Sql[], sep: string): Sql {
	return { text: parts.map((p) => p.text).join(sep), params: parts.flatMap((p) => p.params) };
}

interface DecimalLike {
	valueOf(): unknown;
	toString(): string;
}

/**
 * Arrow hands back BigInt for counts, objects for HUGEINT/DECIMAL and epoch milliseconds for dates
 * (DECIMALs may even arrive as strings without their scale). The builders cast in SQL; this is the
 * single place that turns what still arrives into JS primitives.
 */
export function normaliseValue(v: unknown): string | number | boolean | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	if (typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'object' && 'toString' in (v as object)) {
		const n = Number((v as DecimalLike).toString());
		return Number.isFinite(n) ? n : String(v);
	}
	return String(v);
}

export function normaliseRow(obj: Record<string, unknown>): Row {
	const out: Row = {};
	for (const [k, v] of Object.entries(obj)) out[k] = normaliseValue(v);
	return out;
}

/** Table or file names we generate ourselves; never derived from user input. */
export function safeFileName(n: number, ext = 'csv'): string {
	return `mb_file_${n}.${ext}`;
}

/** A bound parameter written as the literal it stands for: the type DuckDB-wasm binds it as (numbers DOUBLE). */
function paramLiteral(v: Param): string | null {
	if (v === null) return 'NULL';
	if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
	if (typeof v === 'number') return `CAST(${literal(String(v))} AS DOUBLE)`;
	return v.includes('\u0000') ? null : literal(v);
}

/**
 * `sql` with its `?` placeholders replaced by the parameters' literals, or null when that cannot be
 * done safely (a count that does not match, a NUL character). Why: duckdb-wasm runs a prepared
 * statement as three requests to its worker (prepare, run, close), each a round trip while the page
 * waits; one query with literals is one request, and the planner sees the constants. Placeholders inside
 * quoted strings, quoted names and comments are left alone.
 */
export function inlineParams(sql: string, params: readonly Param[]): string | null {
	let out = '';
	let used = 0;
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i];
		const close =
			ch === "'" || ch === '"' ? ch : sql.startsWith('--', i) ? '\n' : sql.startsWith('/*', i) ? '*/' : null;
		if (close !== null) {
			let end = sql.indexOf(close, i + (close === '*/' ? 2 : 1));
			// A doubled quote inside a quoted string or name is an escaped quote, not its end.
			while (close.length === 1 && close !== '\n' && end !== -1 && sql[end + 1] === close)
				end = sql.indexOf(close, end + 2);
			const stop = end === -1 ? sql.length : end + close.length;
			out += sql.slice(i, stop);
			i = stop;
			continue;
		}
		if (ch === '?') {
			if (used >= params.length) return null;
			const lit = paramLiteral(params[used++]);
			if (lit === null) return null;
			out += lit;
		} else out += ch;
		i++;
	}
	return used === params.length ? out : null;
}
