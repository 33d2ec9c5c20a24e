/**
 * Opening a snapshot: from a link's fragment, or from a review pack dropped on a drop zone (its inert
 * data block). Decoded without ever throwing, then served until data is loaded. A damaged, tampered or
 * future-version one is remembered as a problem for the banner to word; nothing else changes (data
 * already loaded stays).
 */
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import type { ViewController } from '$lib/state/controller.svelte';
import {
	decodeSnapshot,
	decodeSnapshotFile,
	looksLikeHtml,
	MAX_PACK_BYTES,
	snapshotPayload
} from '$lib/state/snapshot-codec';
import type { SnapshotState } from '$lib/state/snapshot.svelte';
import { dataSize, readBytes, type FileData } from '$lib/engine/ingest/file-data';

/** `'problem'`: the caller shows the start page with the message. */
export async function openFromHash(
	hash: string,
	snap: SnapshotState,
	ctl: ViewController
): Promise<'none' | 'opened' | 'problem'> {
	const payload = snapshotPayload(hash);
	if (payload === null) return 'none';
	const s = await decodeSnapshot(payload);
	if (typeof s === 'string') {
		snap.problem = s;
		snap.problemFile = '';
		return 'problem';
	}
	ctl.snapshotSpan = s.span;
	snap.open(s);
	return 'opened';
}

interface Dropped {
	name: string;
	bytes: FileData;
}

/**
 * Opens the first review pack among dropped files (web pages: by name or by their first bytes) and
 * returns the other files, for the caller to load as data. A page that is no pack, or a damaged one,
 * gives a message naming the file.
 */
export async function openSnapshotFiles(
	files: Dropped[],
	snap: SnapshotState,
	ctl: ViewController
): Promise<Dropped[]> {
	// A file that cannot be read here is no pack: it goes on as data, and the load says what happened.
	const text = (f: Dropped, end?: number) =>
		readBytes(f.name, f.bytes, 0, end).then(
			(b) => new TextDecoder().decode(b),
			() => ''
		);
	const heads = await Promise.all(files.map((f) => text(f, 512)));
	const pages = files.filter((f, i) => looksLikeHtml(f.name, heads[i]));
	if (!pages.length) return files;
	const f = pages[0];
	const s =
		dataSize(f.bytes) > MAX_PACK_BYTES ? 'snapshot.fileNotPack' : await decodeSnapshotFile(await text(f));
	if (typeof s === 'string') {
		snap.problem = s;
		snap.problemFile = f.name;
	} else {
		ctl.snapshotSpan = s.span;
		snap.open(s);
		await goto(`${base}${s.path}${s.query ? '?' + s.query : ''}`);
	}
	return files.filter((x) => !pages.includes(x));
}
