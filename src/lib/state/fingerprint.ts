/** A short fingerprint of a dataset (file names, sizes, header signatures, row counts), for links. */
export interface FingerprintInput {
	name: string;
	size: number;
	signature: string;
	rows: number;
}

export function datasetFingerprint(files: readonly FingerprintInput[]): string | null {
	if (files.length === 0) return null;
	const text = files
		.map((f) => `${f.name}|${f.size}|${f.signature}|${f.rows}`)
		.sort()
		.join('\n');
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36);
}
