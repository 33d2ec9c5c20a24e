import { createNodeDb } from '../src/lib/engine/db/node';
import { Dataset } from '../src/lib/engine/ingest/dataset';
import { parseMappingFile } from '../src/lib/engine/ingest/detect';
import { IngestError } from '../src/lib/engine/ingest/load';
import type { FileQuality } from '../src/lib/engine/ingest/quality';
import { DEFAULT_VOCABULARIES } from '../src/lib/engine/ingest/vocab';
import { computeReport, type Report } from '../src/lib/engine/metrics/report';
import { dataSpan } from '../src/lib/engine/queries';
import type { ReportArgs } from './report-args';

export interface ReportIo {
	read(file: string): Promise<Uint8Array>;
	name(file: string): string;
	warn(message: string): void;
	today: string;
}

export type ReportJson = Report & {
	quality: { files: FileQuality[]; failed: { name: string; error: string }[] };
};

/** Loads the files, computes the report; `{ error }` when nothing usable was given (exit 2). */
export async function runReport(
	args: ReportArgs,
	io: ReportIo
): Promise<{ report: ReportJson } | { error: string }> {
	if (args.files.length === 0) return { error: 'no input file given. Pass one or more CSV exports.' };
	let mappings;
	if (args.map) {
		try {
			mappings = parseMappingFile(JSON.parse(new TextDecoder().decode(await io.read(args.map))));
		} catch (e) {
			return { error: `--map ${args.map}: ${(e as Error).message}` };
		}
	}
	const db = await createNodeDb();
	const ds = new Dataset(db, { vocab: DEFAULT_VOCABULARIES, mappings, today: io.today });
	const failed: { name: string; error: string }[] = [];
	for (const file of args.files) {
		let bytes: Uint8Array;
		try {
			bytes = await io.read(file);
		} catch (e) {
			const msg = `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
			failed.push({ name: file, error: msg });
			io.warn(msg);
			continue;
		}
		try {
			const f = await ds.add(io.name(file), bytes);
			for (const i of f.quality.issues.filter((x) => x.severity !== 'info'))
				io.warn(`${f.name}: ${i.message}`);
		} catch (e) {
			const msg = e instanceof IngestError ? e.message : `${file}: ${(e as Error).message}`;
			failed.push({ name: file, error: msg });
			io.warn(msg);
		}
	}
	if (ds.files.length === 0) {
		return { error: `nothing usable was given:\n${failed.map((f) => '  ' + f.error).join('\n')}` };
	}
	const span = await dataSpan(db);
	if (!span) return { error: 'the files hold no dated rows, so there is nothing to measure.' };
	const view = {
		from: args.from ?? span.from,
		to: args.to ?? span.to,
		mode: args.mode,
		windowDays: args.window,
		filters: args.filters
	};
	const report = await computeReport(db, ds.meta, view, {
		benchmarks: [args.benchmarks],
		plan:
			args.target !== null && args.deal !== null
				? { target: args.target, deal: args.deal, workingDays: args.workingDays ?? undefined }
				: null
	});
	return { report: { ...report, quality: { files: ds.files.map((f) => f.quality), failed } } };
}
