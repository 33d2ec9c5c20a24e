/**
 * Puts activities in time order while leads are still being generated: they
 * wait in per-day buckets, packed into one float64 key each, until no later
 * lead can add to their day, so memory stays bounded by the calling cadence
 * rather than by the size of activities.csv.
 */
import type { Activity } from './activities';
import { formatDay, FY_START, type Day } from './calendar';
import type { Outcome } from './vocabulary';

/**
 * Orders activities by time while leads are still being generated.
 *
 * Leads arrive in creation order and a lead's activities are never before its
 * creation day, so once the generator reaches creation day D, every day
 * before D is complete and can be emitted. Pending activities are packed into
 * one float64 key each (8 bytes), so memory stays bounded by the calling
 * cadence (a few months of activities), not by the size of the file.
 */
export class DayOrderedActivities {
	private readonly buckets: Float64Array[] = [];
	private readonly sizes: number[] = [];
	private nextDay = 0;

	add(a: Activity): void {
		const i = a.day - FY_START;
		if (i < this.nextDay)
			throw new Error(`Activity on ${formatDay(a.day)} arrived after that day was emitted`);
		while (this.buckets.length <= i) {
			this.buckets.push(new Float64Array(0));
			this.sizes.push(0);
		}
		if (this.sizes[i] === this.buckets[i].length) {
			const grown = new Float64Array(Math.max(64, this.buckets[i].length * 2));
			grown.set(this.buckets[i]);
			this.buckets[i] = grown;
		}
		this.buckets[i][this.sizes[i]++] = DayOrderedActivities.pack(a);
	}

	/** Activities of all days before `day`, sorted by (time, lead, rep, outcome); their memory is released. */
	*drainBefore(day: Day): Generator<Activity> {
		const until = Math.min(day - FY_START, this.buckets.length);
		for (; this.nextDay < until; this.nextDay++) {
			const keys = this.buckets[this.nextDay].subarray(0, this.sizes[this.nextDay]).sort();
			this.buckets[this.nextDay] = new Float64Array(0);
			for (const key of keys) yield DayOrderedActivities.unpack(FY_START + this.nextDay, key);
		}
	}

	*drainAll(): Generator<Activity> {
		yield* this.drainBefore(FY_START + this.buckets.length);
	}

	/** minute (11 bits) · lead (28 bits) · rep (3 bits) · outcome (3 bits) = 45 bits: exact in a double. */
	private static pack(a: Activity): number {
		return ((a.minute * 2 ** 28 + a.leadIndex) * 8 + a.rep) * 8 + a.outcome;
	}

	private static unpack(day: Day, key: number): Activity {
		const outcome = key % 8;
		const rest = (key - outcome) / 8;
		const rep = rest % 8;
		const minuteLead = (rest - rep) / 8;
		const leadIndex = minuteLead % 2 ** 28;
		return { day, minute: (minuteLead - leadIndex) / 2 ** 28, rep, leadIndex, outcome: outcome as Outcome };
	}
}
