/**
 * gen-demo's command line: --out DIR, --leads N (6000, 1_000_000 and 1e6 all
 * work), --seed S (an integer, or any text, hashed), and --no-activities,
 * --no-customers, --no-verify; defaults write the committed static/demo set.
 */
import { seedFrom } from '../rng';

export interface Args {
	out: string;
	leads: number;
	seed: number;
	activities: boolean;
	customers: boolean;
	verify: boolean;
}

export function parseArgs(argv: string[]): Args {
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
