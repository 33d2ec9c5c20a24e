/** URL notices are capped and summarised: a hostile link cannot flood the page with text. */
import { describe, expect, it } from 'vitest';
import { MAX_NOTICES, parseView } from '../../src/lib/state/view';
import { MAX_FILTER_VALUES } from '../../src/lib/state/view-schema';

const parse = (q: string | URLSearchParams) => parseView(new URLSearchParams(q));

describe('URL notices', () => {
	it('filter values beyond the limit are dropped and said so', () => {
		const q = new URLSearchParams();
		for (let i = 0; i < MAX_FILTER_VALUES + 7; i++) q.append('ch', `c${i}`);
		const { view, notices } = parse(q);
		expect(view.filters.channel).toHaveLength(MAX_FILTER_VALUES);
		expect(notices).toEqual([
			{ code: 'url.tooManyFilterValues', params: { key: 'ch', count: 7, max: MAX_FILTER_VALUES } }
		]);
	});

	it('a repeated value counts once (no notice at exactly the limit)', () => {
		const q = new URLSearchParams();
		for (let i = 0; i < MAX_FILTER_VALUES; i++) q.append('ch', `c${i}`);
		q.append('ch', 'c0');
		expect(parse(q).notices).toEqual([]);
	});

	it('20,000 unknown keys give a handful of notices and one summary', () => {
		const q = new URLSearchParams();
		for (let i = 0; i < 20_000; i++) q.append(`junk${i}`, '1');
		const { notices } = parse(q);
		expect(notices).toHaveLength(MAX_NOTICES);
		expect(notices[0]).toEqual({ code: 'url.unknownParam', params: { key: 'junk0' } });
		expect(notices.at(-1)).toEqual({
			code: 'url.moreIgnored',
			params: { count: 20_000 - (MAX_NOTICES - 1) }
		});
	});

	it('a repeated unknown benchmark key is one notice', () => {
		expect(parse('b.nope=1&b.nope=2').notices).toEqual([
			{ code: 'url.unknownBenchmark', params: { key: 'b.nope' } }
		]);
	});

	it('up to the cap every notice is listed as it is', () => {
		const q = new URLSearchParams();
		for (let i = 0; i < MAX_NOTICES; i++) q.append(`k${i}`, '1');
		expect(parse(q).notices.map((n) => n.code)).toEqual(Array(MAX_NOTICES).fill('url.unknownParam'));
	});
});
