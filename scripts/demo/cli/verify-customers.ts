/**
 * Verifies customers.csv as read back: ids, dates in order inside the year,
 * MRR and NPS values, one new account per won lead, and the version 2 columns
 * (アップセル額 10–40% of MRR with each upsell, churn reasons only on churned
 * accounts, NPS回答日 within the contract); gathers churn, upsell, NPS and MRR.
 */
import { FY_END, FY_START } from '../calendar';
import { CHURN_REASONS, CUSTOMERS_HEADER } from '../vocabulary';
import { add, check, forEachLine, indexOf, parseDay } from './read';
import type { FileSpec, Written } from './sink';

export interface CustomerStats {
	rows: number;
	existing: number;
	activeAtStart: number;
	churnedInYear: number;
	upsoldInYear: number;
	withUpsell: number;
	scores: number[];
	mrrTotal: number;
	expansionMrrInYear: number;
	churnReasons: Map<string, number>;
	/** Dated NPS answers per month (`2025/04`), and the answers dated before the year. */
	npsByMonth: Map<string, number[]>;
	npsBeforeYear: number;
}

export function verifyCustomers(
	path: string,
	spec: FileSpec,
	written: Written,
	wonLeads: number
): CustomerStats {
	const stats: CustomerStats = {
		rows: 0,
		existing: 0,
		activeAtStart: 0,
		churnedInYear: 0,
		upsoldInYear: 0,
		withUpsell: 0,
		scores: [],
		mrrTotal: 0,
		expansionMrrInYear: 0,
		churnReasons: new Map(),
		npsByMonth: new Map(),
		npsBeforeYear: 0
	};
	const hash = forEachLine(path, spec, (line, lineNo) => {
		const where = `${spec.name}:${lineNo}`;
		if (lineNo === 1) return check(line === CUSTOMERS_HEADER, () => `${where}: header is "${line}"`);
		const f = line.split(',');
		check(f.length === 9 && /^C\d{5,}$/.test(f[0]), () => `${where}: bad row`);
		const [start, churned, upsell] = [1, 2, 4].map((c) => parseDay(f[c], where));
		check(start !== null && start <= FY_END, () => `${where}: bad 契約開始日`);
		const s = start as number;
		check(churned === null || (churned > s && churned <= FY_END), () => `${where}: 解約日 not after start`);
		check(
			upsell === null || (upsell > s && upsell <= FY_END),
			() => `${where}: アップセル日 not after start`
		);
		check(upsell === null || churned === null || upsell < churned, () => `${where}: upsell after churn`);
		check(/^[1-9]\d*000$/.test(f[3]), () => `${where}: bad MRR ${f[3]}`);
		check(f[5] === '' || /^(10|\d)$/.test(f[5]), () => `${where}: bad NPS ${f[5]}`);
		stats.rows++;
		stats.mrrTotal += Number(f[3]);
		if (s < FY_START) stats.existing++;
		if (upsell !== null) stats.withUpsell++;
		if (f[5] !== '') stats.scores.push(Number(f[5]));
		checkCustomerV2(f, where, { start: s, churned, upsell }, stats);
		// Customer-success definitions from docs/metrics.md, period = the fiscal year.
		if (s <= FY_START && (churned === null || churned > FY_START)) {
			stats.activeAtStart++;
			if (churned !== null && churned <= FY_END) stats.churnedInYear++;
			if (upsell !== null && upsell >= FY_START) stats.upsoldInYear++;
		}
	});
	check(hash === written.get(spec), () => `${spec.name}: decoded text differs from the intended text`);
	check(
		stats.rows - stats.existing === wonLeads,
		() => `${spec.name}: ${stats.rows - stats.existing} new customers for ${wonLeads} won leads`
	);
	return stats;
}

/** アップセル額, 解約理由, NPS回答日 (fields 6–8). */
function checkCustomerV2(
	f: string[],
	where: string,
	d: { start: number; churned: number | null; upsell: number | null },
	stats: CustomerStats
): void {
	const [expansionText, reason, npsText] = f.slice(6);
	const mrr = Number(f[3]);
	check(
		(expansionText !== '') === (d.upsell !== null),
		() => `${where}: アップセル額 without アップセル日 or vice versa`
	);
	if (expansionText !== '') {
		const x = Number(expansionText);
		check(
			/^[1-9]\d*000$/.test(expansionText) &&
				x >= Math.max(1000, mrr * 0.1 - 500) &&
				x <= Math.max(1000, mrr * 0.4 + 500),
			() => `${where}: アップセル額 ${expansionText} not 10–40% of MRR ${mrr}`
		);
		if ((d.upsell as number) >= FY_START) stats.expansionMrrInYear += x;
	}
	check(reason === '' || d.churned !== null, () => `${where}: 解約理由 on an active account`);
	if (reason !== '') indexOf(CHURN_REASONS, reason, where);
	if (d.churned !== null) add(stats.churnReasons, reason === '' ? '(blank)' : reason);
	const npsAt = parseDay(npsText, where);
	check((npsAt !== null) === (f[5] !== ''), () => `${where}: NPS回答日 without NPS or vice versa`);
	if (npsAt === null) return;
	check(
		npsAt >= d.start && npsAt <= FY_END && (d.churned === null || npsAt <= d.churned),
		() => `${where}: NPS回答日 outside the contract`
	);
	if (npsAt < FY_START) stats.npsBeforeYear++;
	else {
		const month = npsText.slice(0, 7);
		stats.npsByMonth.set(month, [...(stats.npsByMonth.get(month) ?? []), Number(f[5])]);
	}
}
