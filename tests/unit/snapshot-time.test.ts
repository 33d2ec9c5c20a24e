/**
 * The snapshot banner's "made at": in the reader's own time zone, with the zone named, in both languages
 * (it was once read as UTC). The test process pins TZ=UTC (package.json), so the default zone is UTC;
 * other zones are passed explicitly.
 */
import { describe, expect, it } from 'vitest';
import { formatMoment, localZone } from '../../src/lib/i18n/format';

// 2026-11-30T13:16:00Z is 22:16 the same day in Tokyo (UTC+9) and 08:16 in New York (UTC−5, no DST).
const MADE = '2026-11-30T13:16:00.000Z';

describe('formatMoment', () => {
	it('uses the pinned zone by default and names it once', () => {
		expect(localZone()).toBe('UTC');
		expect(formatMoment(MADE, 'en')).toBe('30 Nov 2026, 13:16 UTC');
		expect(formatMoment(MADE, 'ja')).toBe('2026年11月30日 13:16 UTC');
	});

	it("shows the reader's zone with its short and IANA names", () => {
		expect(formatMoment(MADE, 'en', 'Asia/Tokyo')).toBe('30 Nov 2026, 22:16 GMT+9 (Asia/Tokyo)');
		expect(formatMoment(MADE, 'ja', 'Asia/Tokyo')).toBe('2026年11月30日 22:16 JST（Asia/Tokyo）');
		expect(formatMoment(MADE, 'en', 'America/New_York')).toBe('30 Nov 2026, 08:16 GMT-5 (America/New_York)');
	});

	it('never prints NaN or throws on bad input', () => {
		expect(formatMoment('not a date', 'en')).toBe('–');
		expect(formatMoment(null, 'ja')).toBe('–');
		// An unknown zone falls back to UTC rather than throwing.
		expect(formatMoment(MADE, 'en', 'Mars/Olympus')).toBe('30 Nov 2026, 13:16 UTC');
	});
});
