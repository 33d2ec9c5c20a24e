/**
 * Writes the Modelboard demo data set (see scripts/demo-data.ts for the story).
 *
 *   npx tsx scripts/gen-demo.ts [--out DIR] [--leads N] [--seed S]
 *                               [--no-activities] [--no-customers] [--no-verify]
 *
 * Defaults: --out static/demo --leads 6000 --seed 42. Same arguments, same bytes.
 * Files are written in chunks of CHUNK_ROWS rows with writeSync, so 10 million
 * leads never sit in memory as one string. Afterwards the files are read back
 * and checked, and the figures printed come from what was actually written.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
	ACTIVITIES_HEADER,
	CHANNELS,
	CHURN_REASONS,
	CUSTOMERS_HEADER,
	DEAL_STAGE_PROBABILITY,
	DayOrderedActivities,
	FIELD_REPS,
	FY_DAYS,
	FY_END,
	FY_START,
	LEADS_HEADER,
	LOST_REASONS,
	OPEN_DEAL_STAGES,
	OUTCOME_LABELS,
	REPS,
	SEGMENTS,
	SPEND_HEADER,
	STATUSES,
	activityRow,
	createContext,
	customerFromWonLead,
	customerRow,
	encodeShiftJis,
	existingCustomerDrafts,
	finalizeCustomers,
	generateLead,
	generateLeadActivities,
	generateSpend,
	isWorkday,
	leadRow,
	seedFrom,
	spendRow,
	type Activity,
	type CustomerDraft,
	type DemoContext
} from './demo-data';

const CHUNK_ROWS = 10_000;
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

interface Args {
	out: string;
	leads: number;
	seed: number;
	activities: boolean;
	customers: boolean;
	verify: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = {
		out: 'static/demo',
		leads: 6000,
		seed: 42,
		activities: true,
		customers: true,
		verify: true
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = (): string => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		if (flag === '--out') args.out = value();
		else if (flag === '--leads') args.leads = parseLeadCount(value());
		else if (flag === '--seed') args.seed = seedFrom(value());
		else if (flag === '--no-activities') args.activities = false;
		else if (flag === '--no-customers') args.customers = false;
		else if (flag === '--no-verify') args.verify = false;
		else throw new Error(`Unknown argument ${flag}`);
	}
	return args;
}

/** Accepts 6000, 1_000_000, 1e6. */
function parseLeadCount(text: string): number {
	const n = Number(text.replaceAll('_', ''));
	if (!Number.isInteger(n) || n < 1) throw new Error(`--leads must be a positive integer, got ${text}`);
	return n;
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/**
 * Buffers rows and writes them CHUNK_ROWS at a time with writeSync: memory
 * stays at one chunk, and a synchronous write cannot outrun the disk
 * (no backpressure to manage). Hashes the text it was asked to write, so the
 * file can later be decoded and compared with what was intended.
 */
class RowSink {
	private readonly fd: number;
	private readonly hash: Hash = createHash('sha256');
	private rows: string[] = [];
	bytes = 0;

	constructor(
		readonly path: string,
		private readonly encode: (text: string) => Uint8Array,
		private readonly eol: string,
		prefix?: Uint8Array
	) {
		this.fd = openSync(path, 'w');
		if (prefix) this.writeBytes(prefix);
	}

	write(row: string): void {
		this.rows.push(row);
		if (this.rows.length >= CHUNK_ROWS) this.flush();
	}

	/** Closes the file; returns the sha256 of the intended text (without any BOM). */
	close(): string {
		this.flush();
		closeSync(this.fd);
		return this.hash.digest('hex');
	}

	private flush(): void {
		if (this.rows.length === 0) return;
		const text = this.rows.join(this.eol) + this.eol;
		this.rows = [];
		this.hash.update(text, 'utf8');
		this.writeBytes(this.encode(text));
	}

	private writeBytes(bytes: Uint8Array): void {
		for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
		this.bytes += bytes.length;
	}
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

interface FileSpec {
	name: string;
	encoding: 'utf-8' | 'shift_jis';
	bom: boolean;
	eol: '\r\n' | '\n';
}

const FILES = {
	leads: { name: 'leads.csv', encoding: 'utf-8', bom: true, eol: '\r\n' },
	activities: { name: 'activities.csv', encoding: 'shift_jis', bom: false, eol: '\r\n' },
	customers: { name: 'customers.csv', encoding: 'utf-8', bom: false, eol: '\n' },
	spend: { name: 'spend.csv', encoding: 'utf-8', bom: false, eol: '\n' }
} as const satisfies Record<string, FileSpec>;

function openSink(dir: string, spec: FileSpec): RowSink {
	const encode = spec.encoding === 'shift_jis' ? encodeShiftJis : utf8;
	return new RowSink(join(dir, spec.name), encode, spec.eol, spec.bom ? UTF8_BOM : undefined);
}

/** Intended-text hash per written file, checked against the decoded file later. */
type Written = Map<FileSpec, string>;

/**
 * One pass over the leads: each lead's row is written at once, its activities
 * wait in day buckets until no later lead can add to that day, and won leads
 * become customer drafts (a small fraction of N, kept for sorting by start date).
 */
function writeLeadsAndActivities(ctx: DemoContext, args: Args, written: Written): CustomerDraft[] {
	const leads = openSink(args.out, FILES.leads);
	leads.write(LEADS_HEADER);
	const activities = args.activities ? openSink(args.out, FILES.activities) : null;
	activities?.write(ACTIVITIES_HEADER);
	const ordered = new DayOrderedActivities();
	let sequence = 0;
	const emit = (batch: Iterable<Activity>): void => {
		for (const a of batch) activities?.write(activityRow(ctx, ++sequence, a));
	};
	const drafts: CustomerDraft[] = [];
	for (let i = 0; i < ctx.leads; i++) {
		const lead = generateLead(ctx, i);
		leads.write(leadRow(lead));
		if (activities) {
			emit(ordered.drainBefore(lead.created));
			for (const a of generateLeadActivities(ctx, lead)) ordered.add(a);
		}
		if (args.customers && lead.won !== null) drafts.push(customerFromWonLead(ctx, lead));
	}
	emit(ordered.drainAll());
	written.set(FILES.leads, leads.close());
	if (activities) written.set(FILES.activities, activities.close());
	return drafts;
}

function writeCustomers(ctx: DemoContext, dir: string, drafts: CustomerDraft[], written: Written): void {
	const sink = openSink(dir, FILES.customers);
	sink.write(CUSTOMERS_HEADER);
	for (const cu of finalizeCustomers(ctx, [...existingCustomerDrafts(ctx), ...drafts]))
		sink.write(customerRow(cu));
	written.set(FILES.customers, sink.close());
}

function writeSpend(ctx: DemoContext, dir: string, written: Written): void {
	const sink = openSink(dir, FILES.spend);
	sink.write(SPEND_HEADER);
	for (const row of generateSpend(ctx)) sink.write(spendRow(row));
	written.set(FILES.spend, sink.close());
}

// ---------------------------------------------------------------------------
// Reading back (independent of the generator: only the files are used)
// ---------------------------------------------------------------------------

class VerificationError extends Error {}

function check(condition: boolean, message: () => string): void {
	if (!condition) throw new VerificationError(message());
}

/**
 * Streams a file's lines through a fatal TextDecoder, checking the BOM and
 * line endings, and returns the sha256 of the decoded text: equal to the
 * writer's hash means the file decodes back to exactly the intended text.
 */
function forEachLine(path: string, spec: FileSpec, onLine: (line: string, lineNo: number) => void): string {
	const fd = openSync(path, 'r');
	const buffer = new Uint8Array(1 << 20);
	const decoder = new TextDecoder(spec.encoding, { fatal: true, ignoreBOM: true });
	const hash = createHash('sha256');
	let carry = '';
	let lineNo = 0;
	let first = true;
	const take = (text: string): void => {
		hash.update(text, 'utf8');
		const parts = (carry + text).split('\n');
		carry = parts.pop() ?? '';
		for (const part of parts) onLine(stripEol(part, spec, ++lineNo), lineNo);
	};
	try {
		for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
			let bytes = buffer.subarray(0, n);
			if (first) {
				const hasBom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
				check(hasBom === spec.bom, () => `${spec.name}: BOM ${hasBom ? 'present' : 'missing'}`);
				if (hasBom) bytes = bytes.subarray(3);
				first = false;
			}
			take(decoder.decode(bytes, { stream: true }));
		}
		take(decoder.decode());
	} finally {
		closeSync(fd);
	}
	check(carry === '', () => `${spec.name}: last line has no line ending`);
	return hash.digest('hex');
}

function stripEol(line: string, spec: FileSpec, lineNo: number): string {
	const crlf = line.endsWith('\r');
	check(crlf === (spec.eol === '\r\n'), () => `${spec.name}:${lineNo}: wrong line ending`);
	const body = crlf ? line.slice(0, -1) : line;
	check(!body.includes('\r') && !body.includes('"'), () => `${spec.name}:${lineNo}: stray CR or quote`);
	return body;
}

/** `2025/04/01` → day number; null for ''. Parsed here, not with the generator's helpers. */
function parseDay(text: string, where: string): number | null {
	if (text === '') return null;
	const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text);
	check(m !== null, () => `${where}: bad date "${text}"`);
	const [, y, mo, d] = m as RegExpExecArray;
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
	check(new Date(ms).getUTCDate() === Number(d), () => `${where}: impossible date "${text}"`);
	return ms / 86_400_000;
}

function indexOf<T extends string>(names: readonly T[], value: string, where: string): number {
	const i = (names as readonly string[]).indexOf(value);
	check(i >= 0, () => `${where}: unexpected value "${value}"`);
	return i;
}

const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;

/** Per-lead facts the activity check needs, in flat typed arrays (N can be 10 million). */
interface LeadFacts {
	count: number;
	created: Int32Array;
	sql: Int32Array; // -1: none
	owner: Uint8Array;
	lastActivity: Int32Array; // 最終活動日, -1: none
}

/** The deal-export columns (商談所有者 … 最終活動日) and the lead score, as of FY_END. */
interface DealStats {
	openByStage: Map<string, number>;
	open: number;
	openStale: number;
	byOwner: Map<string, { deals: number; won: number; lost: number }>;
	lostReasons: Map<string, number>;
	/** Σ and count of リードスコア for leads that reached SQL and for the rest. */
	score: { sqlSum: number; sqlCount: number; otherSum: number; otherCount: number };
	/** ステータス of leads that stopped at MQL (MQL date, no later date). */
	mqlTriage: Map<string, number>;
}

interface LeadStats {
	facts: LeadFacts;
	/** reachedByStage[group][stage]: group 0 = all, 1… = channels, then reps. */
	reached: number[][];
	statuses: Map<string, number>;
	salesSourced: number;
	lostSql: number;
	wonRevenue: number;
	perMonth: Map<string, number>;
	deals: DealStats;
}

function verifyLeads(path: string, spec: FileSpec, written: Written, expectedLeads: number): LeadStats {
	const facts: LeadFacts = {
		count: 0,
		created: new Int32Array(expectedLeads),
		sql: new Int32Array(expectedLeads).fill(-1),
		owner: new Uint8Array(expectedLeads),
		lastActivity: new Int32Array(expectedLeads).fill(-1)
	};
	const groups = 1 + CHANNELS.length + REPS.length;
	const stats: LeadStats = {
		facts,
		reached: Array.from({ length: groups }, () => STAGES.map(() => 0)),
		statuses: new Map(),
		salesSourced: 0,
		lostSql: 0,
		wonRevenue: 0,
		perMonth: new Map(),
		deals: {
			openByStage: new Map(OPEN_DEAL_STAGES.map((stage) => [stage, 0])),
			open: 0,
			openStale: 0,
			byOwner: new Map(FIELD_REPS.map((name) => [name, { deals: 0, won: 0, lost: 0 }])),
			lostReasons: new Map(),
			score: { sqlSum: 0, sqlCount: 0, otherSum: 0, otherCount: 0 },
			mqlTriage: new Map()
		}
	};
	const hash = forEachLine(path, spec, (line, lineNo) => {
		if (lineNo === 1) return check(line === LEADS_HEADER, () => `${spec.name}: header is "${line}"`);
		checkLead(line.split(','), `${spec.name}:${lineNo}`, stats);
	});
	check(hash === written.get(spec), () => `${spec.name}: decoded text differs from the intended text`);
	check(facts.count === expectedLeads, () => `${spec.name}: ${facts.count} rows, expected ${expectedLeads}`);
	return stats;
}

function checkLead(f: string[], where: string, stats: LeadStats): void {
	check(f.length === 18, () => `${where}: ${f.length} fields`);
	const index = Number(f[0].slice(1)) - 1;
	check(/^L\d{6,}$/.test(f[0]) && index === stats.facts.count, () => `${where}: id ${f[0]} out of sequence`);
	const [created, mql, sql, opp, won, lost] = [1, 5, 6, 7, 8, 9].map((c) => parseDay(f[c], where));
	check(created !== null, () => `${where}: no 作成日`);
	const channel = indexOf(CHANNELS, f[2], where);
	const owner = indexOf(REPS, f[3], where);
	indexOf(SEGMENTS, f[4], where);
	indexOf(STATUSES, f[11], where);
	checkStageOrder([created, mql, sql, opp, won ?? lost], where);
	check(won === null || lost === null, () => `${where}: both won and lost`);
	check((opp !== null) === (f[10] !== ''), () => `${where}: 金額 must be set exactly for opportunities`);
	check(f[10] === '' || /^[1-9]\d*0000$/.test(f[10]), () => `${where}: bad 金額 ${f[10]}`);
	check(
		f[11] === expectedStatus(f[11], mql, sql, opp, won, lost),
		() => `${where}: status ${f[11]} contradicts dates`
	);

	const lastActivity = checkDealColumns(f, where, { sql, opp, won, lost }, stats.deals);
	if (mql !== null && sql === null && lost === null) add(stats.deals.mqlTriage, f[11]);

	const facts = stats.facts;
	facts.created[index] = created as number;
	facts.sql[index] = sql ?? -1;
	facts.owner[index] = owner;
	facts.lastActivity[index] = lastActivity ?? -1;
	facts.count++;
	const stage = won !== null ? 4 : opp !== null ? 3 : sql !== null ? 2 : mql !== null ? 1 : 0;
	for (const g of [0, 1 + channel, 1 + CHANNELS.length + owner]) {
		for (let s = 0; s <= stage; s++) stats.reached[g][s]++; // reached(l, s): own date or a later stage's
	}
	stats.statuses.set(f[11], (stats.statuses.get(f[11]) ?? 0) + 1);
	if (mql === null && sql !== null) stats.salesSourced++;
	if (lost !== null && opp === null) stats.lostSql++;
	if (won !== null) stats.wonRevenue += Number(f[10]);
	const month = f[1].slice(0, 7);
	stats.perMonth.set(month, (stats.perMonth.get(month) ?? 0) + 1);
}

const add = (map: Map<string, number>, key: string): void => {
	map.set(key, (map.get(key) ?? 0) + 1);
};

/**
 * 商談所有者, フェーズ, 確度 (%), 失注理由, リードスコア, 最終活動日 (fields 12–17):
 * deal columns exactly for opportunities, consistent with the stage dates.
 * Returns the 最終活動日.
 */
function checkDealColumns(
	f: string[],
	where: string,
	d: { sql: number | null; opp: number | null; won: number | null; lost: number | null },
	stats: DealStats
): number | null {
	const [dealOwner, stage, probability, lostReason, score, lastText] = f.slice(12);
	const isDeal = d.opp !== null;
	check(/^(100|[1-9]?\d)$/.test(score), () => `${where}: bad リードスコア "${score}"`);
	const s = stats.score;
	if (d.sql !== null || d.opp !== null || d.won !== null) {
		s.sqlSum += Number(score);
		s.sqlCount++;
	} else {
		s.otherSum += Number(score);
		s.otherCount++;
	}
	check(
		(dealOwner !== '') === isDeal && (stage !== '') === isDeal && (lastText !== '') === isDeal,
		() => `${where}: 商談所有者, フェーズ and 最終活動日 must be set exactly for opportunities`
	);
	const expectedStage = !isDeal ? '' : d.won !== null ? '受注' : d.lost !== null ? '失注' : null;
	if (expectedStage === null) indexOf(OPEN_DEAL_STAGES, stage, where);
	else check(stage === expectedStage, () => `${where}: フェーズ ${stage}, expected "${expectedStage}"`);
	check(
		probability ===
			(stage === '' ? '' : String(DEAL_STAGE_PROBABILITY[stage as keyof typeof DEAL_STAGE_PROBABILITY])),
		() => `${where}: 確度 ${probability} for フェーズ ${stage}`
	);
	check(lostReason === '' || stage === '失注', () => `${where}: 失注理由 on a deal that is not lost`);
	if (lostReason !== '') indexOf(LOST_REASONS, lostReason, where);
	if (!isDeal) return null;

	indexOf(FIELD_REPS, dealOwner, where);
	check(
		!(REPS as readonly string[]).includes(dealOwner),
		() => `${where}: 商談所有者 is an inside-sales rep`
	);
	const last = parseDay(lastText, where) as number;
	const close = d.won ?? d.lost;
	if (close !== null)
		check(last === close, () => `${where}: 最終活動日 of a closed deal is not its close date`);
	else
		check(
			last >= (d.opp as number) && last <= FY_END,
			() => `${where}: 最終活動日 outside the open deal's life`
		);
	const owner = stats.byOwner.get(dealOwner) as { deals: number; won: number; lost: number };
	owner.deals++;
	if (d.won !== null) owner.won++;
	if (d.lost !== null) {
		owner.lost++;
		add(stats.lostReasons, lostReason === '' ? '(blank)' : lostReason);
	}
	if (close === null) {
		stats.open++;
		add(stats.openByStage, stage);
		if (last < FY_END - STALE_DAYS) stats.openStale++;
	}
	return last;
}

/** docs/metrics.md's stale deal: no activity in the 30 days before the as-of date. */
const STALE_DAYS = 30;

/** Present dates never go backwards and all lie inside the fiscal year. */
function checkStageOrder(days: (number | null)[], where: string): void {
	let previous = FY_START;
	for (const day of days) {
		if (day === null) continue;
		check(day >= previous && day <= FY_END, () => `${where}: stage dates out of order or outside the year`);
		previous = day;
	}
}

function expectedStatus(
	actual: string,
	mql: number | null,
	sql: number | null,
	opp: number | null,
	won: number | null,
	lost: number | null
): string {
	if (won !== null) return '受注';
	if (lost !== null) return '失注';
	if (opp !== null) return '商談中';
	if (sql !== null) return '商談化';
	if (actual === '対象外') return actual; // disqualification has no date
	if (actual === 'ナーチャリング' && mql !== null) return actual; // a stalled MQL, nurtured
	return mql !== null ? 'MQL' : '新規';
}

interface ActivityStats {
	rows: number;
	emails: number;
	perRep: {
		calls: number;
		contacts: number;
		repDays: number;
		contactedLeads: number;
		meetingLeads: number;
	}[];
	calls: number;
	contacts: number;
	repDays: number;
	contactedLeads: number;
	meetingLeads: number;
	coverCalls: number;
}

/** Bits in the per-lead flag array. */
const CONTACTED = 1;
const MEETING = 2;
const AFTER_MEETING_CALL = 4;

function verifyActivities(path: string, spec: FileSpec, written: Written, leads: LeadFacts): ActivityStats {
	const flags = new Uint8Array(leads.count);
	const callsBeforeMeeting = new Uint8Array(leads.count);
	const repDay = new Uint8Array(REPS.length * FY_DAYS);
	const stats: ActivityStats = {
		rows: 0,
		emails: 0,
		perRep: REPS.map(() => ({ calls: 0, contacts: 0, repDays: 0, contactedLeads: 0, meetingLeads: 0 })),
		calls: 0,
		contacts: 0,
		repDays: 0,
		contactedLeads: 0,
		meetingLeads: 0,
		coverCalls: 0
	};
	let lastStamp = '';
	const hash = forEachLine(path, spec, (line, lineNo) => {
		const where = `${spec.name}:${lineNo}`;
		if (lineNo === 1) return check(line === ACTIVITIES_HEADER, () => `${where}: header is "${line}"`);
		const f = line.split(',');
		check(f.length === 6, () => `${where}: ${f.length} fields`);
		check(
			/^A\d{7,}$/.test(f[0]) && Number(f[0].slice(1)) === lineNo - 1,
			() => `${where}: id ${f[0]} out of sequence`
		);
		check(f[1] >= lastStamp, () => `${where}: not in time order`);
		lastStamp = f[1];
		const m = /^(\d{4}\/\d{2}\/\d{2}) (\d{2}):(\d{2})$/.exec(f[1]);
		check(m !== null, () => `${where}: bad 日時 ${f[1]}`);
		const [, date, hh, mm] = m as RegExpExecArray;
		const day = parseDay(date, where) as number;
		check(
			isWorkday(day) && day >= FY_START && day <= FY_END,
			() => `${where}: not a working day in the year`
		);
		check(Number(hh) >= 9 && Number(hh) <= 18 && Number(mm) < 60, () => `${where}: outside 09:00–18:59`);
		const rep = indexOf(REPS, f[2], where);
		const lead = Number(f[3].slice(1)) - 1;
		check(/^L\d+$/.test(f[3]) && lead >= 0 && lead < leads.count, () => `${where}: unknown lead ${f[3]}`);
		check(leads.created[lead] <= day, () => `${where}: activity before the lead was created`);
		check(
			leads.lastActivity[lead] < 0 || day <= leads.lastActivity[lead],
			() => `${where}: activity after the deal's 最終活動日`
		);
		const outcome = indexOf(OUTCOME_LABELS, f[5], where);
		stats.rows++;
		if (f[4] === 'メール') {
			check(outcome === 4, () => `${where}: email with result ${f[5]}`);
			stats.emails++;
			return;
		}
		check(f[4] === '電話' && outcome < 4, () => `${where}: bad type/result ${f[4]}/${f[5]}`);
		countCall(stats, rep, lead, outcome, day, leads, flags, callsBeforeMeeting, repDay, where);
	});
	check(hash === written.get(spec), () => `${spec.name}: decoded text differs from the intended text`);
	finishActivityStats(stats, leads, flags, callsBeforeMeeting);
	return stats;
}

function countCall(
	stats: ActivityStats,
	rep: number,
	lead: number,
	outcome: number,
	day: number,
	leads: LeadFacts,
	flags: Uint8Array,
	callsBeforeMeeting: Uint8Array,
	repDay: Uint8Array,
	where: string
): void {
	const owner = leads.owner[lead];
	const r = stats.perRep[rep];
	stats.calls++;
	r.calls++;
	if (rep !== owner) stats.coverCalls++;
	if (repDay[rep * FY_DAYS + day - FY_START] === 0) {
		repDay[rep * FY_DAYS + day - FY_START] = 1;
		stats.repDays++;
		r.repDays++;
	}
	if (flags[lead] & MEETING) flags[lead] |= AFTER_MEETING_CALL;
	if (outcome === 2 || outcome === 3) {
		stats.contacts++;
		r.contacts++;
		flags[lead] |= CONTACTED;
	}
	if (outcome === 3) {
		check((flags[lead] & MEETING) === 0, () => `${where}: second アポ獲得 for L${lead + 1}`);
		check(leads.sql[lead] === day, () => `${where}: アポ獲得 not on the lead's 商談化日`);
		check(rep === owner, () => `${where}: アポ獲得 by someone other than the lead's 担当者`);
		flags[lead] |= MEETING;
	} else if ((flags[lead] & MEETING) === 0 && callsBeforeMeeting[lead] < 255) {
		callsBeforeMeeting[lead]++;
	}
}

/** Lead-level checks and the distinct-lead counts for the meeting rate, attributed to the lead's owner. */
function finishActivityStats(
	stats: ActivityStats,
	leads: LeadFacts,
	flags: Uint8Array,
	callsBeforeMeeting: Uint8Array
): void {
	for (let i = 0; i < leads.count; i++) {
		const hasSql = leads.sql[i] >= 0;
		check(
			hasSql === ((flags[i] & MEETING) !== 0),
			() => `L${i + 1}: 商談化日 without exactly one アポ獲得 (or vice versa)`
		);
		check((flags[i] & AFTER_MEETING_CALL) === 0, () => `L${i + 1}: called after the meeting was set`);
		if (hasSql) {
			const before = callsBeforeMeeting[i];
			check(before >= 1 && before <= 5, () => `L${i + 1}: ${before} calls before the meeting (want 1–5)`);
		}
		const r = stats.perRep[leads.owner[i]];
		if (flags[i] & CONTACTED) {
			stats.contactedLeads++;
			r.contactedLeads++;
		}
		if (flags[i] & MEETING) {
			stats.meetingLeads++;
			r.meetingLeads++;
		}
	}
}

interface CustomerStats {
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

function verifyCustomers(path: string, spec: FileSpec, written: Written, wonLeads: number): CustomerStats {
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

function verifySpend(path: string, spec: FileSpec, written: Written): Map<string, number> {
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

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const pct = (num: number, den: number): string => (den === 0 ? '–' : `${((100 * num) / den).toFixed(1)}%`);
const yen = (n: number): string => `¥${Math.round(n).toLocaleString('en-US')}`;
const size = (bytes: number): string =>
	bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

function printLeadReport(s: LeadStats): void {
	const all = s.reached[0];
	console.log(`\nLeads: ${all[0]} (sales-sourced, no MQL: ${s.salesSourced}; lost SQLs: ${s.lostSql})`);
	console.log(`  reached  ${STAGES.map((st, i) => `${st} ${all[i]}`).join(' · ')}`);
	console.log(
		`  rates    lead→MQL ${pct(all[1], all[0])} · MQL→SQL ${pct(all[2], all[1])} · SQL→opp ${pct(all[3], all[2])} · win ${pct(all[4], all[3])}`
	);
	console.log(`  won revenue ${yen(s.wonRevenue)} · avg deal ${yen(s.wonRevenue / Math.max(1, all[4]))}`);
	console.log(`  status   ${[...s.statuses].map(([k, v]) => `${k} ${v}`).join(' · ')}`);
	console.log(`  per month ${[...s.perMonth].map(([k, v]) => `${k.slice(2)}:${v}`).join(' ')}`);
	const table = (label: string, names: readonly string[], offset: number): void => {
		console.log(`  ${label.padEnd(14)}  leads   MQL→  lead→MQL  MQL→SQL  SQL→opp   win`);
		names.forEach((name, i) => {
			const r = s.reached[offset + i];
			console.log(
				`  ${name.padEnd(14 - [...name].filter((ch) => ch > '\u00ff').length)} ${String(r[0]).padStart(6)} ${String(r[1]).padStart(6)} ${pct(r[1], r[0]).padStart(9)} ${pct(r[2], r[1]).padStart(8)} ${pct(r[3], r[2]).padStart(8)} ${pct(r[4], r[3]).padStart(6)}`
			);
		});
	};
	table('channel', CHANNELS, 1);
	table('rep', REPS, 1 + CHANNELS.length);
	printDealReport(s.deals);
}

const counts = (map: Map<string, number>): string =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.map(([k, v]) => `${k} ${v}`)
		.join(' · ');

function printDealReport(d: DealStats): void {
	console.log(
		`  open deals on ${formatDate(FY_END)}: ${d.open} (${[...d.openByStage].map(([k, v]) => `${k} ${v}`).join(' · ')}) · stale (no activity in ${STALE_DAYS} days) ${d.openStale} = ${pct(d.openStale, d.open)}`
	);
	console.log(
		`  deal owners ${[...d.byOwner].map(([k, v]) => `${k} ${v.deals} (won ${v.won}, lost ${v.lost}, win ${pct(v.won, v.deals)})`).join(' · ')}`
	);
	console.log(`  lost reasons ${counts(d.lostReasons)}`);
	const sc = d.score;
	console.log(
		`  lead score mean: reached SQL ${(sc.sqlSum / Math.max(1, sc.sqlCount)).toFixed(1)} (${sc.sqlCount}) · not ${(sc.otherSum / Math.max(1, sc.otherCount)).toFixed(1)} (${sc.otherCount})`
	);
	const stopped = [...d.mqlTriage.values()].reduce((a, b) => a + b, 0);
	console.log(
		`  MQLs that stopped at MQL: ${stopped} (${[...d.mqlTriage].map(([k, v]) => `${k} ${v} = ${pct(v, stopped)}`).join(' · ')})`
	);
}

const formatDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

function printActivityReport(s: ActivityStats): void {
	console.log(
		`\nActivities: ${s.rows} rows (${s.calls} calls, ${s.emails} emails = ${pct(s.emails, s.rows)}; calls by a covering colleague ${s.coverCalls})`
	);
	console.log(
		`  calls/rep/day ${(s.calls / s.repDays).toFixed(1)} · contact rate ${pct(s.contacts, s.calls)} · meeting rate ${pct(s.meetingLeads, s.contactedLeads)} (${s.meetingLeads}/${s.contactedLeads} leads)`
	);
	REPS.forEach((name, i) => {
		const r = s.perRep[i];
		console.log(
			`  ${name}  calls/day ${(r.calls / r.repDays).toFixed(1)} over ${r.repDays} days · contact ${pct(r.contacts, r.calls)} · meeting ${pct(r.meetingLeads, r.contactedLeads)} (leads they own)`
		);
	});
}

function printCustomerReport(s: CustomerStats): void {
	const promoters = s.scores.filter((x) => x >= 9).length;
	const detractors = s.scores.filter((x) => x <= 6).length;
	const nps = (100 * (promoters - detractors)) / Math.max(1, s.scores.length);
	console.log(`\nCustomers: ${s.rows} (${s.existing} signed before FY2025, ${s.rows - s.existing} new)`);
	console.log(
		`  FY churn ${pct(s.churnedInYear, s.activeAtStart)} of ${s.activeAtStart} active at start · FY upsell ${pct(s.upsoldInYear, s.activeAtStart)} · any upsell date ${pct(s.withUpsell, s.rows)}`
	);
	console.log(
		`  NPS ${nps >= 0 ? '+' : ''}${nps.toFixed(1)} over ${s.scores.length} scores (${pct(s.scores.length, s.rows)} answered) · total MRR ${yen(s.mrrTotal)}`
	);
	console.log(`  FY expansion MRR ${yen(s.expansionMrrInYear)} · churn reasons ${counts(s.churnReasons)}`);
	const npsOf = (scores: number[]): string => {
		const value =
			(100 * (scores.filter((x) => x >= 9).length - scores.filter((x) => x <= 6).length)) / scores.length;
		return `${value >= 0 ? '+' : ''}${value.toFixed(0)}`;
	};
	console.log(
		`  NPS by answer month ${[...s.npsByMonth]
			.sort()
			.map(([m, v]) => `${m.slice(2)}:${npsOf(v)}(${v.length})`)
			.join(' ')} · answered before the year ${s.npsBeforeYear}`
	);
}

function printSpendReport(spend: Map<string, number>, leads: LeadStats): void {
	console.log('\nSpend (FY total · per lead · per MQL)');
	for (const [channel, total] of spend) {
		const r = leads.reached[1 + CHANNELS.indexOf(channel as (typeof CHANNELS)[number])];
		console.log(`  ${channel}  ${yen(total)} · ${yen(total / r[0])} · ${yen(total / r[1])}`);
	}
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function main(): void {
	const args = parseArgs(process.argv.slice(2));
	const ctx = createContext({ leads: args.leads, seed: args.seed });
	mkdirSync(args.out, { recursive: true });
	const written: Written = new Map();
	const started = performance.now();
	const drafts = writeLeadsAndActivities(ctx, args, written);
	if (args.customers) writeCustomers(ctx, args.out, drafts, written);
	writeSpend(ctx, args.out, written);
	const seconds = (performance.now() - started) / 1000;

	console.log(`Wrote ${args.out} (leads ${args.leads}, seed ${args.seed}) in ${seconds.toFixed(2)} s`);
	for (const spec of written.keys()) {
		console.log(
			`  ${spec.name.padEnd(15)} ${size(statSync(join(args.out, spec.name)).size).padStart(10)}  ${spec.encoding}${spec.bom ? ' + BOM' : ''}, ${spec.eol === '\r\n' ? 'CRLF' : 'LF'}`
		);
	}
	if (!args.verify) return;

	const verifyStarted = performance.now();
	const path = (spec: FileSpec): string => join(args.out, spec.name);
	const leads = verifyLeads(path(FILES.leads), FILES.leads, written, args.leads);
	printLeadReport(leads);
	if (args.activities)
		printActivityReport(verifyActivities(path(FILES.activities), FILES.activities, written, leads.facts));
	if (args.customers) {
		const wonLeads = leads.reached[0][STAGES.indexOf('won')];
		printCustomerReport(verifyCustomers(path(FILES.customers), FILES.customers, written, wonLeads));
	}
	printSpendReport(verifySpend(path(FILES.spend), FILES.spend, written), leads);
	console.log(
		`\nVerified in ${((performance.now() - verifyStarted) / 1000).toFixed(2)} s: headers, encodings (decoded text = intended text), line endings, stage order, statuses, activity ↔ lead consistency.`
	);
}

try {
	main();
} catch (error) {
	if (error instanceof VerificationError) {
		console.error(`Verification failed: ${error.message}`);
		process.exitCode = 1;
	} else {
		throw error;
	}
}
