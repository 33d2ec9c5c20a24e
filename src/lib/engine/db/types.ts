/** A plain row: every DuckDB value normalised to a JS primitive (see `normaliseValue`). */
export type Row = Record<string, string | number | boolean | null>;
export type Param = string | number | boolean | null;

/**
 * The one interface the engine sees. Implemented by the browser connector (duckdb-wasm in a worker)
 * and the Node connector (duckdb-wasm's Node bundle), so both run the very same SQL.
 */
export interface Db {
	/** Runs SQL with bound `?` parameters and returns plain rows. */
	query(sql: string, params?: readonly Param[]): Promise<Row[]>;
	/** Runs statements that return nothing (DDL); no parameters. */
	exec(sql: string): Promise<void>;
	/**
	 * Makes bytes readable by `read_csv('<name>')`: bytes in memory, or a file on disk (a Blob, read as
	 * DuckDB asks). The name must come from `safeFileName`.
	 */
	registerFile(name: string, data: Uint8Array | Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
}
