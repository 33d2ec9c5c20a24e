import { createNodeDb } from '../../src/lib/engine/db/node';
import type { Db } from '../../src/lib/engine/db/types';
import { CANONICAL_DDL, type DatasetMeta, type Stage } from '../../src/lib/engine/schema';

export async function freshDb(): Promise<Db> {
	const db = await createNodeDb();
	await db.exec(CANONICAL_DDL);
	return db;
}

export async function reset(db: Db): Promise<void> {
	for (const t of ['leads_t', 'activities', 'customers', 'spend', 'stage_history'])
		await db.exec(`DELETE FROM ${t}`);
}

type Val = string | number | boolean | null | undefined;

/** Inserts rows into a canonical table with bound parameters (test fixtures bypass ingestion). */
export async function insert(db: Db, table: string, rows: Record<string, Val>[]): Promise<void> {
	for (const row of rows) {
		const cols = Object.keys(row).filter((c) => row[c] !== undefined);
		await db.query(
			// leads is a view over leads_t (schema.ts)
			`INSERT INTO ${table === 'leads' ? 'leads_t' : table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
			cols.map((c) => row[c] ?? null)
		);
	}
}

export function meta(tables: Partial<DatasetMeta['tables']>, stages: Stage[]): DatasetMeta {
	return {
		tables: { leads: false, activities: false, customers: false, spend: false, ...tables },
		stages
	};
}
