/**
 * A big file dropped in the browser is scanned from disk a part at a time (RecordScanner), never whole
 * in memory. Wherever the parts are cut — inside `\r\n`, inside `""`, right after a delimiter before a
 * quote — the scan must be the one the whole file gives. The whole-file scan is the oracle here; its
 * own values are checked by hand in ingest-dialect.test.ts (and one case below).
 */
import { describe, expect, it } from 'vitest';
import { RecordScanner, scanRecords } from '$lib/engine/ingest/scan';

const enc = (s: string) => new TextEncoder().encode(s);

/** The scan of `data` pushed in parts cut at the given offsets. */
function inParts(data: Uint8Array, cuts: number[], keep = 5, cutEvery = Infinity) {
	const s = new RecordScanner(',', keep, cutEvery);
	let at = 0;
	for (const c of cuts) {
		s.push(data.subarray(at, c));
		at = c;
	}
	return s.end(data.subarray(at));
}

const FILES: Record<string, string> = {
	crlf: 'id,name\r\n1,"a ""quoted"" name"\r\n2,b\r\n\r\n3,"multi\r\nline"\r\n',
	lf: 'id,name\n1,x\n\n\n2,"y,z"\n3,w',
	cr: 'id,name\r1,x\r\r2,"q""\r"\r',
	mixed: 'id,name\r\n1,x\n2,y\r3,"z\n"\r\n',
	open: 'id,name\n1,ok\n2,"never closed\n3,x\n',
	quoteMid: 'id,name\n1,ab"c\n2,",x"\n',
	emptyTail: 'id,name\n1,x\n\n\n',
	ascii: 'a,b\n',
	jp: 'リードID,担当者\nL1,"高橋\r\n佐藤"\nL2,鈴木\n'
};

describe('RecordScanner: a file scanned in parts', () => {
	for (const [name, text] of Object.entries(FILES)) {
		it(`${name}: every single cut gives the whole file's scan`, () => {
			const data = enc(text);
			const whole = scanRecords(data, ',', 5);
			for (let c = 0; c <= data.length; c++) expect(inParts(data, [c]), `cut at ${c}`).toEqual(whole);
		});
		it(`${name}: one-byte parts give the whole file's scan`, () => {
			const data = enc(text);
			const cuts = Array.from({ length: data.length }, (_, i) => i + 1);
			expect(inParts(data, cuts)).toEqual(scanRecords(data, ',', 5));
		});
	}

	it('the values of a file cut inside "\\r\\n" and inside a doubled quote (by hand)', () => {
		// `id,name⏎` is 9 bytes, `1,"a""b"⏎` 10, `⏎` 2, `2,c⏎` 5: records start at 0, 9, 19, 21, 26;
		// record 2 is empty. Cut between \r and \n (8, 20) and between the quotes of `""` (14).
		const data = enc('id,name\r\n1,"a""b"\r\n\r\n2,c\r\n');
		const scan = inParts(data, [8, 14, 20]);
		expect(scan.starts).toEqual([0, 9, 19, 21, 26]);
		expect(scan.empty).toEqual([2]);
		expect(scan.records).toEqual(4);
		expect([...scan.newlines]).toEqual(['\r\n']);
		expect(scan.openQuote).toBeNull();
	});

	it('a generated file in random parts gives the whole file scan', () => {
		let seed = 7;
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const cells = ['x', '"q""q"', '"a,b"', '', '"l1\nl2"', '高橋', '"\r\n"'];
		const breaks = ['\n', '\r\n', '\r'];
		let text = 'h1,h2,h3\n';
		for (let r = 0; r < 400; r++) {
			text += Array.from({ length: 3 }, () => cells[Math.floor(rnd() * cells.length)]).join(',');
			text += breaks[Math.floor(rnd() * breaks.length)];
		}
		const data = enc(text);
		const whole = scanRecords(data, ',', 50, 500);
		expect(whole.cuts.length).toBeGreaterThan(4);
		for (let k = 0; k < 30; k++) {
			const cuts = Array.from({ length: 12 }, () => Math.floor(rnd() * data.length)).sort((a, b) => a - b);
			expect(inParts(data, cuts, 50, 500)).toEqual(whole);
		}
	});

	it('notes a record boundary at or after every multiple of cutEvery (by hand)', () => {
		// Records start at 0, 9, 19, 21, 26 (as above; record 2 is the empty line at 19).
		const data = enc('id,name\r\n1,"a""b"\r\n\r\n2,c\r\n');
		// Every 10 bytes: 10 → record 2 at 19, 20 → record 3 at 21; 26 is the end, where no record starts.
		expect(scanRecords(data, ',', 0, 10).cuts).toEqual([
			{ offset: 19, record: 2 },
			{ offset: 21, record: 3 }
		]);
		// Every 4 bytes: 4 and 8 → 9 (once), 12 and 16 → 19, 20 → 21, 24 → the end.
		expect(inParts(data, [3, 11], 0, 4).cuts).toEqual([
			{ offset: 9, record: 1 },
			{ offset: 19, record: 2 },
			{ offset: 21, record: 3 }
		]);
		expect(scanRecords(data, ',', 0).cuts).toEqual([]);
	});
});
