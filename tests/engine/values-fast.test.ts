/**
 * The fast paths of value parsing must read exactly what the general definitions read:
 * - `mb_blank` (two cheap tests for most cells) against its plain definition, lower(trim(s)) in the
 *   missing markers → NULL, else trim(s);
 * - a date column typed by `try_strptime` alone (every cell plain) against the general parser
 *   `mb_date`, and a column with one cell that is not plain, which takes the general path for all;
 * - an amount column typed by a plain cast against `mb_num`.
 * The references are the macros' own definitions evaluated by DuckDB on the same strings, so these are
 * differential tests: either path may be wrong, but they may not disagree.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { MISSING_MARKERS } from '../../src/lib/engine/ingest/values-sql';
import { issueOf, newDataset, newDb, utf8 } from '../fixtures/ingest/harness';

let db: Db;
beforeAll(async () => {
	db = await newDb();
	await newDataset(db); // defines the macros
});

/** `SELECT <exprs over s> … ORDER BY i` for each cell, the cells bound as parameters (500 per statement). */
async function over(cells: (string | null)[], exprs: string) {
	const out = [];
	for (let at = 0; at < cells.length; at += 500) {
		const chunk = cells.slice(at, at + 500);
		const values = chunk.map((_, j) => `(?::VARCHAR, ${at + j})`).join(', ');
		out.push(...(await db.query(`SELECT i, ${exprs} FROM (VALUES ${values}) t(s, i) ORDER BY i`, chunk)));
	}
	return out;
}

const reference = `CASE WHEN s IS NULL OR lower(trim(s)) IN (${MISSING_MARKERS.map((m) => `'${m}'`).join(', ')}) THEN NULL ELSE trim(s) END`;

describe('mb_blank', () => {
	// Strings made of marker pieces in both cases, spaces, other whitespace and ordinary letters.
	const piece = fc.constantFrom(
		...MISSING_MARKERS.flatMap((m) => [m, m.toUpperCase(), m.slice(0, 1).toUpperCase() + m.slice(1)]),
		' ',
		'  ',
		'\t',
		'\u3000',
		'\u00a0',
		'\u2009',
		'\u202f',
		'\n',
		'x',
		'N',
		'L0001',
		'広告'
	);
	const cell = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));

	it('equals lower(trim(s)) in markers → NULL, else trim(s), on 4,000 generated cells', async () => {
		const cells = fc.sample(fc.option(cell, { nil: null, freq: 10 }), 4000);
		cells.push('', ' ', 'n/a', ' N/A ', 'None', 'Nonesuch', '(空白)', ' なし', '—', '– x', 'NULL ', '#N/A');
		const rows = await over(cells, `mb_blank(s) AS fast, ${reference} AS ref`);
		expect(rows).toHaveLength(cells.length);
		const differ = rows.filter((r) => r.fast !== r.ref).map((r) => cells[Number(r.i)]);
		expect(differ).toEqual([]);
	});
});

/** created_at and amount of each lead after loading `rows` (lead_id, created_at, amount). */
async function load(rows: [string, string, string][]) {
	const ds = await newDataset(db);
	const text = ['lead_id,created_at,amount', ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\n');
	const file = await ds.add('fast.csv', utf8(text));
	const got = await db.query(
		`SELECT lead_id, strftime(created_at, '%Y-%m-%d') AS created_at, amount FROM leads ORDER BY lead_id`
	);
	return { file, got: new Map(got.map((r) => [String(r.lead_id), r])) };
}

/** What the general parsers read from each cell (M/D for slash dates: no cell here is day-first). */
async function general(cells: string[]) {
	const rows = await over(cells, `strftime(mb_date(s, false), '%Y-%m-%d') AS d, mb_num(s) AS n`);
	return rows.map((r) => ({ d: r.d, n: r.n }));
}

describe('plain date and amount columns', () => {
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	// One layout per column (as an export writes it): separator, zero padding, time or not.
	const layout = fc.record({ sep: fc.constantFrom('/', '-'), zero: fc.boolean(), time: fc.boolean() });
	const dateIn = (l: { sep: string; zero: boolean; time: boolean }) =>
		fc
			.tuple(
				fc.integer({ min: 1990, max: 2100 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 28 }),
				fc.integer({ min: 0, max: 23 }),
				fc.integer({ min: 0, max: 59 })
			)
			.map(([y, m, d, hh, mm]) => {
				const date = `${y}${l.sep}${l.zero ? pad(m) : m}${l.sep}${l.zero ? pad(d) : d}`;
				return l.time ? `${date}${l.sep === '-' ? 'T' : ' '}${pad(hh)}:${pad(mm)}:00` : date;
			});
	// Mostly one layout per column (the cast path), sometimes two mixed (the general path).
	const plainDates = fc
		.tuple(layout, layout, fc.boolean(), fc.integer({ min: 1, max: 30 }))
		.chain(([a, b, mix, n]) =>
			fc.array(fc.oneof(dateIn(a), ...(mix ? [dateIn(b)] : [])), { minLength: n, maxLength: n })
		);
	// Cells that are not plain: other forms the general parser reads, placeholders, and junk.
	const otherDate = fc.constantFrom(
		'2025年4月1日',
		'4/1/2025',
		'45748',
		'9999-12-31',
		'0001-01-01',
		'2025-04-01T09:00:00+09:00',
		'2025/02/30',
		'soon',
		' 2025/04/01',
		'n/a'
	);
	const plainAmount = fc.oneof(
		fc.integer({ min: -1e9, max: 1e9 }).map(String),
		fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(2))
	);
	const otherAmount = fc.constantFrom('¥1,234', '(500)', 'NaN', 'Infinity', '1e309', '△300', '1.234,50', 'x');

	for (const [label, mixed] of [
		['plain cells, in one layout or two mixed', false],
		['one cell not plain (the general parser for the column)', true]
	] as const) {
		it(`reads what the general parser reads: ${label}`, async () => {
			await fc.assert(
				fc.asyncProperty(
					plainDates.chain((ds) =>
						fc.tuple(
							fc.constant(ds),
							fc.array(fc.option(plainAmount, { nil: '' }), { minLength: ds.length, maxLength: ds.length })
						)
					),
					fc.tuple(otherDate, otherAmount),
					async ([ds, amounts0], other) => {
						const plain = ds.map((d, i): [string, string] => [d, amounts0[i]]);
						const cells = mixed ? [...plain, other] : plain;
						const rows = cells.map(([d, a], i): [string, string, string] => [`L${pad(i, 3)}`, d, a]);
						const { got } = await load(rows);
						const dates = await general(rows.map((r) => r[1]));
						const amounts = await general(rows.map((r) => r[2]));
						rows.forEach(([id], i) => {
							const row = got.get(id);
							// A lead without a readable created_at is still a lead (reported), with no date.
							expect(row?.created_at ?? null, `${id} ${rows[i][1]}`).toBe(dates[i].d);
							expect(row?.amount ?? null, `${id} ${rows[i][2]}`).toBe(amounts[i].n);
						});
					}
				),
				{ numRuns: 25 }
			);
		});
	}

	it('reports the cells a plain-looking column cannot read, as before', async () => {
		const { file } = await load([
			['A', '2025/04/01', '100'],
			['B', '2025/04/02', '200'],
			['C', '9999-12-31', 'NaN'],
			['D', 'soon', '300']
		]);
		expect(issueOf(file.quality, 'out_of_range')).toMatchObject({
			count: 1,
			examples: [{ row: 4, value: '9999-12-31' }]
		});
		expect(issueOf(file.quality, 'unparseable_date')).toMatchObject({
			count: 1,
			examples: [{ row: 5, value: 'soon' }]
		});
		expect(issueOf(file.quality, 'unparseable_number')).toMatchObject({
			count: 1,
			examples: [{ row: 4, value: 'NaN' }]
		});
	});

	it('reports future dates in a plain column with the cell as written', async () => {
		const { file } = await load([
			['A', '2025/04/01 09:30', ''],
			['B', '2031/01/02 10:00', '']
		]);
		expect(issueOf(file.quality, 'future_date')).toMatchObject({
			count: 1,
			examples: [{ row: 3, value: '2031/01/02 10:00' }]
		});
	});
});

describe('dimension and status columns copied as they are when every distinct cell is clean', () => {
	it('cleans a column with padded or missing-marker cells, and copies a clean one', async () => {
		const ds = await newDataset(db);
		const text = [
			'lead_id,created_at,channel,owner,status',
			'D1,2025-04-01,Web,Sato,MQL',
			'D2,2025-04-01, Web ,Sato, mql ',
			'D3,2025-04-01,N/A,Sato,',
			'D4,2025-04-01,Ads\u3000,Sato,-',
			''
		].join('\n');
		await ds.add('dims.csv', utf8(text));
		const rows = await db.query(
			`SELECT lead_id, channel, owner, status, status_rank FROM leads ORDER BY lead_id`
		);
		expect(rows.map((r) => [r.lead_id, r.channel, r.owner, r.status, r.status_rank])).toEqual([
			['D1', 'Web', 'Sato', 'MQL', 1],
			['D2', 'Web', 'Sato', 'mql', 1],
			['D3', null, 'Sato', null, null],
			['D4', 'Ads', 'Sato', null, null]
		]);
	});
});
