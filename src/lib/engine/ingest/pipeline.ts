/**
 * Ingestion of one file, step by step: decode → sniff → detect kind and mapping → read → count rows →
 * type → check → describe. (The merge with the other files is `rebuildCanonical`, run by the Dataset.)
 * Each step is a module beside this one and returns what it found; this file only passes it along, and
 * tells `onProgress` as each step ends (progress.ts).
 */
import type { Db } from '../db/types';
import { activityTypes, dropCallCandidates, keepCallCandidates } from './activity-types';
import { columnContributions } from './contributions';
import type { DecodedFile } from './decode-file';
import { decodeFileOffThread } from './decode-off-thread';
import { encodingIssues } from './encoding-issues';
import { dataSize, readBytes, type FileData } from './file-data';
import { asIngestError, IngestError } from './errors';
import { fileStages } from './file-stages';
import { markReached } from './file-reached';
import { finishScan, readHeader, sniffLayout, type FileHeader, type FileLayout } from './layout';
import type { FileOverrides, IngestContext, LoadedFile } from './load';
import { chooseMapping, type MappingChoice } from './mapping';
import { headerSignature } from './normalise';
import { nextTask } from '../next-task';
import { issue, MAX_EXAMPLES, shown, type FileQuality, type QualityIssue } from './quality';
import { cutEveryFor, discardRead, startRead } from './read';
import { chooseReadTypes, type ReadTypes } from './read-types';
import { countRows, rowLayout, rowNumber } from './rows';
import { qualityChecks } from './checks';
import { dropRawText, typeColumns } from './typing';
import { checkValues } from './value-checks';
import type { KindGuess } from './types';
import type { OnProgress } from './progress';

export async function loadFile(
	db: Db,
	id: number,
	name: string,
	bytes: FileData,
	ctx: IngestContext,
	overrides: FileOverrides = {},
	onProgress: OnProgress = () => {}
): Promise<LoadedFile> {
	const file = await decodeFileOffThread(name, bytes, overrides.encoding);
	onProgress('decoded');
	// A big file is scanned while DuckDB reads it; if that scan finds a reason, scan first and read again
	// (a file on disk is then read into memory: mixed line breaks are rewritten, an open quote quoted).
	const read =
		(await sniffMapAndRead(db, id, file, ctx, overrides, true)) ??
		(await sniffMapAndRead(db, id, await inMemory(file), ctx, overrides, false));
	if (!read) throw new Error('unreachable: a read without overlap always completes');
	const { layout, header, guess, choice, types: readTypes } = read;
	onProgress('read');
	const rows = rowLayout(layout);
	const counted = await countRows(db, id, header.headers, rows, readTypes);
	if (counted.rows === 0) throw new IngestError(name, 'no_rows', 'no_rows', { name });
	onProgress('counted');
	// Typing drops unmapped columns; a file with no call keeps the ones that might hold calls aside.
	const kept = await keepCallCandidates(db, id, choice.kind, choice.mapping, header.headers, ctx.vocab);
	const typed = await typeColumns(db, id, choice.kind, choice.mapping, ctx.vocab, ctx.today, readTypes);
	if (choice.reached) {
		await markReached(db, id, choice.kind, choice.reached.stage);
		typed.targets.status = new Set([...(typed.targets.status ?? []), choice.reached.stage]);
	}
	onProgress('typed');
	const byField = new Map(choice.mapping.map((m) => [m.field, m]));
	const values = await checkValues(db, id, typed.checks, ctx.today, rowNumber(rows), choice.mapping);
	const checked = await qualityChecks(db, id, choice.kind, byField, rowNumber(rows), new Set(typed.keptRaw));
	const types = await activityTypes(db, id, choice.kind, choice.mapping, header.headers, ctx.vocab, kept);
	if (kept) await dropCallCandidates(db, id);
	await dropRawText(db, id, typed.keptRaw);
	// The raw text table and the reader's rejects are not read again (a re-map reads the bytes anew):
	// dropped now, not when the file is removed, so a big file does not hold its text twice.
	await discardRead(db, id);
	const { stages, deals } = fileStages(choice.kind, choice.mapping, typed.targets, typed.datedStages);
	const contributions = await columnContributions(db, id, choice.kind, choice.mapping, deals);
	onProgress('checked');
	const quality: FileQuality = {
		...describeRead(name, choice, file, layout),
		rows: counted.rows,
		rejected: counted.rejected + checked.rejected,
		issues: [
			...encodingIssues(file),
			...newlineIssues(layout),
			...counted.issues,
			...typed.issues,
			...values,
			...checked.issues,
			...ignoredColumns(header.headers, choice)
		]
	};
	return {
		id,
		name,
		size: dataSize(bytes),
		encoding: file.encoding,
		dialect: layout.dialect,
		headers: header.headers,
		signature: headerSignature(header.headers),
		guess,
		kind: choice.kind,
		mapping: choice.mapping,
		mappingSource: choice.source,
		reached: choice.reached,
		stages,
		deals,
		contributions,
		activityTypes: types,
		quality
	};
}

interface Read {
	layout: FileLayout;
	header: FileHeader;
	guess: KindGuess;
	choice: MappingChoice;
	/** The columns the reader typed itself. */
	types: ReadTypes;
}

/**
 * Sniff, detect and read. With `overlap`, a big file's full record scan runs while DuckDB reads it;
 * null when that scan finds mixed line breaks or an unclosed quote (the read is discarded).
 */
async function sniffMapAndRead(
	db: Db,
	id: number,
	file: DecodedFile,
	ctx: IngestContext,
	overrides: FileOverrides,
	overlap: boolean
): Promise<Read | null> {
	// Each step a task of its own (nextTask), so the page's main thread is never held for long.
	await nextTask();
	const cutEvery = cutEveryFor(dataSize(file.utf8), ctx.readPartBytes ?? partBytesForTests());
	const sniffed = sniffLayout(file, overlap, cutEvery);
	if (!sniffed) return null;
	// A file read in parts needs its record boundaries before the read: its full scan comes first.
	const layout = cutEvery < Infinity ? await finishScan(file.name, sniffed, cutEvery) : sniffed;
	if (!layout) return null;
	await nextTask();
	const header = readHeader(file.name, layout);
	const { guess, choice } = chooseMapping(file.name, header, {
		user: overrides,
		remembered: ctx.mappings,
		org: ctx.orgMappings
	});
	await nextTask();
	// Started, not awaited: while DuckDB's worker reads, the full scan (if deferred) runs meanwhile, in
	// a worker of its own in the browser.
	const reading = startRead(
		db,
		id,
		layout,
		header,
		chooseReadTypes(choice.kind, choice.mapping, header.sample)
	);
	const full = await finishScan(file.name, layout, cutEvery);
	const { failed, types } = await reading;
	if (!full) {
		await discardRead(db, id);
		return null;
	}
	if (failed) throw asIngestError(failed, file.name, file.size, 'read', header.headers);
	return { layout: full, header, guess, choice, types };
}

/** Smaller read parts set by an end-to-end test on the page (`__mbReadPartBytes`), to read a file in parts. */
const partBytesForTests = () => (globalThis as { __mbReadPartBytes?: number }).__mbReadPartBytes;

/** The file with its bytes in memory (read from disk if it is there). */
async function inMemory(file: DecodedFile): Promise<DecodedFile> {
	if (file.utf8 instanceof Uint8Array) return file;
	return { ...file, utf8: await readBytes(file.name, file.utf8) };
}

/** The quality report's header: what the file was read as. */
function describeRead(name: string, choice: MappingChoice, file: DecodedFile, layout: FileLayout) {
	const { delimiter, headerRow } = layout.dialect;
	return {
		name,
		table: choice.kind,
		encoding: file.encoding.encoding,
		delimiter: delimiter === '\t' ? 'tab' : delimiter,
		header_row: headerRow + 1
	};
}

function newlineIssues(layout: FileLayout): QualityIssue[] {
	if (layout.newlineKinds <= 1) return [];
	return [issue('mixed_newlines', 'info', null, layout.newlineKinds, 'mixed_newlines', {})];
}

function ignoredColumns(headers: string[], choice: MappingChoice): QualityIssue[] {
	const unmapped = headers.filter((_, i) => !choice.mapping.some((m) => m.column === i));
	if (!unmapped.length) return [];
	const columns = `${unmapped.slice(0, 50).map(shown).join(', ')}${unmapped.length > 50 ? ', …' : ''}`;
	return [
		issue(
			'ignored_column',
			'info',
			null,
			unmapped.length,
			'ignored_columns',
			{ columns },
			unmapped.slice(0, MAX_EXAMPLES).map((value) => ({ row: null, value }))
		)
	];
}
