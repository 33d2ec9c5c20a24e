/**
 * Verifies spend.csv as read back: header, one row per month and paid channel
 * (none for 紹介), well-formed months and yen; returns the year's spend per channel.
 */
import { CHANNELS, SPEND_HEADER } from '../vocabulary';
import { check, forEachLine, indexOf } from './read';
import type { FileSpec, Written } from './sink';

export function verifySpend(path: string, spec: FileSpec, written: Written): Map<string, number> {
	const byChannel = new Map<string, number>();
	let rows = 0;
	const hash = forEachLine(path, spec, (line, lineNo) => {
		const where = `${spec.name}:${lineNo}`;
		if (lineNo === 1) return check(line === SPEND_HEADER, () => `${where}: header is "${line}"`);
		const f = line.split(',');
		check(f.length === 3 && /^\d{4}\/\d{2}$/.test(f[0]) && /^\d+$/.test(f[2]), () => `${where}: bad row`);
		check(indexOf(CHANNELS, f[1], where) !== 3, () => `${where}: 紹介 should have no spend`);
		byChannel.set(f[1], (byChannel.get(f[1]) ?? 0) + Number(f[2]));
		rows++;
	});
	check(hash === written.get(spec), () => `${spec.name}: decoded text differs from the intended text`);
	check(rows === 12 * (CHANNELS.length - 1), () => `${spec.name}: ${rows} rows, expected 60`);
	return byChannel;
}
