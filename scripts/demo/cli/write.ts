/**
 * Writes the demo files. One pass over the leads writes each lead's row at
 * once, holds its activities in day buckets until no later lead can add to
 * that day, and keeps won leads as customer drafts; then customers and spend.
 * Records the intended-text hash of each file written.
 */
import { activityRow, generateLeadActivities, type Activity } from '../activities';
import { DayOrderedActivities } from '../activity-order';
import type { DemoContext } from '../context';
import { customerRow, type CustomerDraft } from '../customer-record';
import { customerFromWonLead, existingCustomerDrafts, finalizeCustomers } from '../customers';
import { leadRow } from '../lead-record';
import { generateLead } from '../leads';
import { generateSpend, spendRow } from '../spend';
import { ACTIVITIES_HEADER, CUSTOMERS_HEADER, LEADS_HEADER, SPEND_HEADER } from '../vocabulary';
import type { Args } from './args';
import { FILES, openSink, type Written } from './sink';

/**
 * One pass over the leads: each lead's row is written at once, its activities
 * wait in day buckets until no later lead can add to that day, and won leads
 * become customer drafts (a small fraction of N, kept for sorting by start date).
 */
export function writeLeadsAndActivities(ctx: DemoContext, args: Args, written: Written): CustomerDraft[] {
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

export function writeCustomers(
	ctx: DemoContext,
	dir: string,
	drafts: CustomerDraft[],
	written: Written
): void {
	const sink = openSink(dir, FILES.customers);
	sink.write(CUSTOMERS_HEADER);
	for (const cu of finalizeCustomers(ctx, [...existingCustomerDrafts(ctx), ...drafts]))
		sink.write(customerRow(cu));
	written.set(FILES.customers, sink.close());
}

export function writeSpend(ctx: DemoContext, dir: string, written: Written): void {
	const sink = openSink(dir, FILES.spend);
	sink.write(SPEND_HEADER);
	for (const row of generateSpend(ctx)) sink.write(spendRow(row));
	written.set(FILES.spend, sink.close());
}
