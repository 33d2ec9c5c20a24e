import { createNodeDb } from '../src/lib/engine/db/node';
import { Dataset } from '../src/lib/engine/ingest/dataset';
import { parseMappingFile } from '../src/lib/engine/ingest/mapping-file';
import { IngestError } from '../src/lib/engine/ingest/errors';
import type { FileQuality, QualityIssue } from '../src/lib/engine/ingest/quality';
import { formatIngestMessage } from '../src/lib/i18n/ingest-messages';
import { DEFAULT_VOCABULARIES, mergeVocabularies } from '../src/lib/engine/ingest/vocab';
import { ConfigError, parseOrgConfig, type OrgConfig } from '../src/lib/engine/config';
import { formatConfigError } from '../src/lib/i18n/config-errors';
import { datasetMessages } from '../src/lib/engine/ingest/dataset-messages';
import { workbookFiles } from '../src/lib/engine/ingest/workbook-files';
import { workbookToCsv } from '../src/lib/engine/ingest/xlsx/index';
import type { IngestMessage } from '../src/lib/engine/ingest/messages';
import { computeReport, type Report } from '../src/lib/engine/metrics/report';
import { dataSpan } from '../src/lib/engine/queries';
import type { ReportArgs } from './report-args';

export interface ReportIo {
	read(file: string): Promise<Uint8Array>;
	name(file: string): string;
	warn(message: string): void;
	today: string;
}

/** A quality issue as the report prints it: its English text in `message`, its key beside it. */
export type IssueJson = Omit<QualityIssue, 'key'> & { message: string; key: QualityIssue['key'] };
export type FileQualityJson = Omit<FileQuality, 'issues'> & { issues: IssueJson[] };

export type ReportJson = Report & {
	quality: {
		files: FileQualityJson[];
		failed: { name: string; error: string; key?: string }[];
		/** What only the merged files tell (records no file dates, currencies without a rate). */
		dataset: (IngestMessage & { message: string })[];
	};
};

const english = (i: QualityIssue): IssueJson => {
	const { code, severity, column, count, key, params, examples } = i;
	return { code, severity, column, count, message: formatIngestMessage('en', i), key, params, examples };
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
	let config: OrgConfig | null = null;
	if (args.config) {
		try {
			config = parseOrgConfig(JSON.parse(new TextDecoder().decode(await io.read(args.config))));
		} catch (e) {
			const reason = e instanceof ConfigError ? formatConfigError('en', e) : (e as Error).message;
			return { error: `--config ${args.config}: ${reason}` };
		}
	}
	const db = await createNodeDb();
	const ds = new Dataset(db, {
		vocab: config ? mergeVocabularies(DEFAULT_VOCABULARIES, config.vocabularies) : DEFAULT_VOCABULARIES,
		mappings,
		orgMappings: config?.mappings ?? undefined,
		today: io.today,
		// Options on the command line win over the config.
		currency: args.currency ?? config?.currency ?? 'JPY',
		fxRates: { ...config?.fxRates, ...args.fx }
	});
	const failed: ReportJson['quality']['failed'] = [];
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
			for (const part of await workbookFiles(io.name(file), bytes, (b) => workbookToCsv(b))) {
				const f = await ds.add(part.name, part.bytes);
				for (const i of f.quality.issues.filter((x) => x.severity !== 'info'))
					io.warn(`${f.name}: ${formatIngestMessage('en', i)}`);
			}
		} catch (e) {
			const ingest = e instanceof IngestError;
			// The engine's own text, when there is one, after our wording (a terminal reader may need it).
			const detail = ingest && e.detail ? ` [engine: ${e.detail.split('\n')[0]}]` : '';
			const msg = ingest ? formatIngestMessage('en', e) + detail : `${file}: ${(e as Error).message}`;
			failed.push({ name: file, error: msg, ...(ingest ? { key: e.key } : {}) });
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
		goals: args.goals,
		fx: { currency: args.currency ?? 'JPY', rates: args.fx },
		plan:
			args.target !== null && args.deal !== null
				? { target: args.target, deal: args.deal, workingDays: args.workingDays ?? undefined }
				: null
	});
	return {
		report: {
			...report,
			quality: {
				files: ds.files.map((f) => ({ ...f.quality, issues: f.quality.issues.map(english) })),
				failed,
				dataset: datasetMessages(ds.notes).map((m) => ({ ...m, message: formatIngestMessage('en', m) }))
			}
		}
	};
}
