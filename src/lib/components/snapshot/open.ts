/**
 * Opening the snapshot a link's fragment carries: decoded (never throwing), then served until data is
 * loaded. A damaged or future-version snapshot is remembered as a problem for the banner to word.
 */
import type { ViewController } from '$lib/state/controller.svelte';
import { decodeSnapshot, snapshotPayload } from '$lib/state/snapshot-codec';
import type { SnapshotState } from '$lib/state/snapshot.svelte';

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
		return 'problem';
	}
	ctl.snapshotSpan = s.span;
	snap.open(s);
	return 'opened';
}
