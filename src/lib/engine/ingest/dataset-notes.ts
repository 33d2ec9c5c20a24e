/**
 * What only the merged data can tell, reported once for the dataset rather than per file: records no
 * file dates (outside every cohort), currencies that need a rate, and how many deals of a deal export
 * linked to the leads that name them (docs/metrics.md "Deal exports and linked records").
 */
import type { Db } from '../db/types';
import { missingRates, type Fx } from '../metrics/money';
import { srcTable } from './fields';
import type { LoadedFile } from './load';

export interface DatasetNotes {
	/** Merged leads without a `created_at` (0 unless some lead file has no creation date column). */
	undated: number;
	/** Currencies that hold an amount and have no rate, sorted. */
	missingRates: string[];
	/** Per deal-export file id: deals a lead's converted-opportunity id names, and deals on their own. */
	links?: Record<number, { linked: number; alone: number }>;
}

const maps = (f: LoadedFile, field: string) => f.mapping.some((m) => m.field === field);

export async function datasetNotes(db: Db, files: readonly LoadedFile[], fx: Fx): Promise<DatasetNotes> {
	const leadFiles = files.filter((f) => f.kind === 'leads' || f.kind === 'lead_history');
	if (!leadFiles.length) return { undated: 0, missingRates: [] };
	const notes: DatasetNotes = { undated: 0, missingRates: await missingRates(db, fx) };
	if (leadFiles.some((f) => f.kind === 'leads' && !maps(f, 'created_at'))) {
		const [r] = await db.query('SELECT count(*)::INTEGER AS n FROM leads WHERE created_at IS NULL');
		notes.undated = Number(r.n);
	}
	const naming = leadFiles.filter((f) => f.kind === 'leads' && maps(f, 'converted_id'));
	const deals = leadFiles.filter((f) => f.deals);
	if (naming.length && deals.length) {
		const named = naming.map((f) => `SELECT converted_id AS id FROM ${srcTable(f.id)}`).join(' UNION ');
		notes.links = {};
		for (const f of deals) {
			const [r] = await db.query(
				`SELECT count(*) FILTER (WHERE lead_id IN (${named}))::INTEGER AS linked, count(*)::INTEGER AS n
				FROM ${srcTable(f.id)}`
			);
			notes.links[f.id] = { linked: Number(r.linked), alone: Number(r.n) - Number(r.linked) };
		}
	}
	return notes;
}
