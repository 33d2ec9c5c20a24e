/**
 * The progress of every file being loaded, as one share (0..1) weighted by the files' sizes: a file of
 * 90 MB counts for more than one of 2 KB. Each file reports its own share (engine/ingest/progress.ts,
 * at step boundaries); what is shown never goes back (a batch queued meanwhile adds to the total but does
 * not lower the figure) and reaches 1 only through `finish`, once the data is ready.
 */
export class LoadProgress {
	private total = 0;
	private done = 0;
	private shown = 0;

	/** A file of `bytes` joins the load; returns how to tell its own share done (0..1). */
	track(bytes: number): (share: number) => void {
		const size = Math.max(bytes, 1);
		this.total += size;
		let last = 0;
		return (share) => {
			const next = Math.min(Math.max(share, last), 1);
			this.done += (next - last) * size;
			last = next;
		};
	}

	/** The share shown: below 1 until `finish` (the merged data is still being described). */
	get value(): number {
		if (this.total === 0) return this.shown;
		this.shown = Math.max(this.shown, Math.min(this.done / this.total, 0.99));
		return this.shown;
	}

	finish(): number {
		this.shown = 1;
		return 1;
	}
}
