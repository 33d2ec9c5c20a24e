/** Cell values written the way a user reads them in Excel, as CSV text. */
import type { DateKind } from './styles';

/**
 * A stored number without binary noise: Excel keeps and shows 15 significant digits, so
 * `0.30000000000000004` is 0.3 and `1500000` stays `1500000`.
 */
export function numberText(raw: string): string {
	const n = Number(raw);
	if (!Number.isFinite(n)) return raw.trim();
	if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n === 0 ? 0 : n);
	const clean = Number(n.toPrecision(15));
	return String(clean === 0 ? 0 : clean);
}

const DAY_MS = 86_400_000;
/** Day 0 of each system. In the 1900 system, serial 60 is Lotus's 29 February 1900, so later serials count from the 30th. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An Excel serial as `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS`; undefined when out of range. */
export function serialText(
	serial: number,
	kind: Exclude<DateKind, undefined>,
	date1904: boolean
): string | undefined {
	if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return undefined;
	const seconds = Math.round(serial * 86_400);
	const day = Math.floor(seconds / 86_400);
	const rest = seconds - day * 86_400;
	const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}`;
	if (kind === 'time' && day === 0) return clock;
	if (!date1904 && day === 0) return kind === 'date' ? undefined : clock;
	const iso = dayText(day, date1904);
	return kind === 'date' ? iso : `${iso} ${clock}`;
}

/** Date columns repeat the same days; formatting each once saves a Date per cell. */
const DAYS: [Map<number, string>, Map<number, string>] = [new Map(), new Map()];

function dayText(day: number, date1904: boolean): string {
	const cache = DAYS[date1904 ? 1 : 0];
	let iso = cache.get(day);
	if (iso === undefined) {
		const epoch = date1904 ? EPOCH_1904 : day < 60 ? EPOCH_1900_EARLY : EPOCH_1900;
		const d = new Date(epoch + day * DAY_MS);
		iso = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
		if (cache.size > 100_000) cache.clear();
		cache.set(day, iso);
	}
	return iso;
}

/** An ISO 8601 date cell (`t="d"`, written by strict-OOXML tools) in the same shapes. */
export function isoDateText(raw: string, kind: DateKind): string {
	const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(raw.trim());
	if (!m) return raw.trim();
	const clock = m[2] ?? '00:00:00';
	if (kind === 'time') return clock;
	if (kind === 'datetime') return `${m[1]} ${clock}`;
	return kind === undefined && clock !== '00:00:00' ? `${m[1]} ${clock}` : m[1];
}

const NEEDS_QUOTES = /[",\n\r]/;

/** One CSV field, RFC 4180: quoted only when it holds a comma, quote or line break. */
export function csvField(s: string): string {
	return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
