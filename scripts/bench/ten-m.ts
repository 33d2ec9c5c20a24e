/** The --10m result in one line per file: loaded (with its figures) or how it failed. */
import type { SizeResult } from './measure';
import type { TenMResult } from './report';
import { fmtMiB, fmtMs } from './util';

export function tenMSummary(size: SizeResult): TenMResult {
	const b = size.leadsScenario.browser;
	const a = size.activitiesScenario?.browser ?? null;
	const memoryOf = (s: NonNullable<typeof b>): string => {
		const m = s.memory;
		if (!m?.peak) return '';
		const during = m.peak.during
			? `during \`${m.peak.during.slice(0, 60)}…\``
			: 'with no engine request running';
		return ` (resident: ${fmtMiB(m.beforeDropMiB)} before the drop, ${fmtMiB(m.atIngestStartMiB)} once the file was read, peak ${fmtMiB(m.peak.mib)} at ${fmtMs(m.peak.at)} after the drop ${during})`;
	};
	const describe = (what: string, s: typeof b): string => {
		if (!s) return `${what}: browser not run`;
		if (s.outcomes[0] === 'dashboard')
			return `${what}: loaded, ingest ${fmtMs(s.ingestMs)}, full dashboard ${fmtMs(s.dashboardMs)}, peak ${fmtMiB(s.peakMemoryMiB)}${memoryOf(s)}`;
		return `${what}: ${s.outcomes[0]} — ${s.errors[0] ?? 'no message'}; tab still responds to a click: ${s.responsive === null ? 'not tested' : s.responsive ? 'yes' : 'NO'}; peak ${fmtMiB(s.peakMemoryMiB)}${memoryOf(s)}`;
	};
	const outcome = !b ? 'not run' : b.outcomes[0] === 'dashboard' ? 'loads' : 'fails';
	const nat = size.leadsScenario.native[0];
	const papa = size.leadsScenario.papa;
	const detail = [
		describe(`leads.csv (${(size.leadsScenario.file.bytes / 1e6).toFixed(0)} MB)`, b),
		size.activitiesScenario
			? describe(
					`activities.csv (${(size.activitiesScenario.file.bytes / 1e6).toFixed(0)} MB, ${size.activitiesScenario.file.rows.toLocaleString('en-US')} rows)`,
					a
				)
			: '',
		nat
			? `native 2 threads: ingest ${fmtMs(nat.ingestMs)}${nat.errors.length ? ` (${nat.errors[0]})` : ''}`
			: '',
		papa ? `papaparse: ${papa.totalMs !== null ? fmtMs(papa.totalMs) : (papa.errors[0] ?? 'failed')}` : ''
	]
		.filter(Boolean)
		.join('; ');
	return { leads: size.leads, outcome, detail, size };
}
