/**
 * What "Remember" reads back is checked before anything is loaded: damaged entries are counted and set
 * aside, a record written under an older forget epoch (a tab that missed "Forget all data") is stale.
 */
import { describe, expect, it } from 'vitest';
import { makeRecord, readRecord } from '../../src/lib/state/persist-record';

const bytes = new Uint8Array([97, 44, 98, 10]);
const good = { name: 'leads.csv', bytes, overrides: {} };

describe('readRecord', () => {
	it('reads back what makeRecord wrote under the same epoch', () => {
		const back = readRecord(makeRecord(3, [good]), 3);
		expect(back).toEqual({ files: [good], lost: 0, problem: null });
	});

	it('discards a record written under an older epoch (forgetting wins across tabs)', () => {
		expect(readRecord(makeRecord(2, [good, good]), 3)).toEqual({ files: [], lost: 2, problem: 'stale' });
	});

	it('reads the version 1 bare array', () => {
		expect(readRecord([good], 0).files).toEqual([good]);
	});

	it.each([
		['nothing stored', undefined, 'missing', 0],
		['a string', 'garbage', 'corrupt', 0],
		['a number', 42, 'corrupt', 0],
		['an object without files', { version: 2, epoch: 0 }, 'corrupt', 0],
		['an unknown version', { version: 9, epoch: 0, files: [good] }, 'corrupt', 0]
	])('%s → %s', (_, raw, problem, lost) => {
		expect(readRecord(raw, 0)).toEqual({ files: [], lost, problem });
	});

	it('sets aside each damaged entry and keeps the readable ones', () => {
		const raw = makeRecord(0, [good]);
		const entries: unknown[] = [
			...raw.files,
			null,
			undefined,
			{ name: 'x.csv' },
			{ name: 'x.csv', bytes: 'not bytes' },
			{ name: '', bytes },
			{ name: 7, bytes },
			{ name: 'x.csv', bytes, overrides: 'no' },
			{ name: 'x.csv', bytes, overrides: { kind: 'nonsense' } },
			{ name: 'x.csv', bytes, overrides: { encoding: 'ebcdic' } },
			{ name: 'x.csv', bytes, overrides: { columns: { id: 3 } } }
		];
		const back = readRecord({ ...raw, files: entries }, 0);
		expect(back.files).toEqual([good]);
		expect(back.lost).toBe(10);
		expect(back.problem).toBe('corrupt');
	});

	it('accepts an ArrayBuffer and valid overrides', () => {
		const overrides = { kind: 'spend', encoding: 'shift_jis', columns: { month: '月' } } as const;
		const back = readRecord([{ name: 's.csv', bytes: bytes.buffer, overrides }], 0);
		expect(back.files).toEqual([{ name: 's.csv', bytes, overrides }]);
	});

	it('keeps a big file remembered as its File (a Blob), as the browser stores it', () => {
		const file = new Blob([bytes]);
		const back = readRecord(makeRecord(0, [{ name: 'big.csv', bytes: file }]), 0);
		expect(back.problem).toBeNull();
		expect(back.files[0].bytes).toBe(file);
	});
});
