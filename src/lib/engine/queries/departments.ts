/**
 * The department queries: each department's KPIs (what its tiles show), several at once for a page
 * that shows several, and the per-person tables. The KPI key types are derived from these results, so
 * the catalogue, the report and the trend series cannot name a KPI the engine does not compute.
 */
import {
	customerSuccessKpis,
	fieldSales,
	insideSales,
	marketingKpis,
	type CustomerSuccessKpis,
	type FieldSalesKpis,
	type InsideSalesKpis,
	type MarketingKpis
} from '../metrics/kpis';
import { dealOwnerTable, repTable, type OwnerLine, type RepLine } from '../metrics/people';
import { funnel, revenue, velocity } from './funnel';
import { defineQuery, type QueryEnv } from './query';

export const DEPARTMENT_NAMES = ['marketing', 'inside_sales', 'field_sales', 'customer_success'] as const;
export type Department = (typeof DEPARTMENT_NAMES)[number];

export interface DepartmentKpis {
	marketing: MarketingKpis;
	inside_sales: InsideSalesKpis;
	field_sales: FieldSalesKpis;
	customer_success: CustomerSuccessKpis;
}

/** Every department's KPIs as in the report: `null` where the data lacks the department's file. */
export type KpiSections = { [D in Department]: DepartmentKpis[D] | null };

type NumericKeys<T> = { [K in keyof T]-?: T[K] extends number | null ? K : never }[keyof T];
/** A KPI's key: a numeric field of its department's result (`KpiKey<'marketing'>` for one department). */
export type KpiKey<D extends Department = Department> = D extends Department
	? NumericKeys<DepartmentKpis[D]> & string
	: never;

export interface DepartmentArgs<D extends Department = Department> {
	name: D;
	/** Field sales: `false` leaves the sales cycle (a velocity step) out, as the report's `velocity: false`. */
	velocity?: false;
}

async function compute(
	env: QueryEnv,
	{ name, velocity: withCycle }: DepartmentArgs
): Promise<KpiSections[Department]> {
	const { db, view, meta } = env;
	switch (name) {
		case 'marketing':
			return marketingKpis(db, view, meta);
		case 'inside_sales':
			return insideSales(db, view, meta, await env.need(funnel, undefined));
		case 'customer_success':
			return customerSuccessKpis(db, view, meta.tables.customers);
		case 'field_sales': {
			const f = await env.need(funnel, undefined);
			const rev = await env.need(revenue, undefined);
			if (!rev) return null;
			const vel = withCycle === false ? [] : await env.need(velocity, { steps: 'sales_cycle' });
			return fieldSales(meta, f, rev, vel);
		}
	}
}

/** One department's KPIs. */
export const department = defineQuery<DepartmentArgs, KpiSections[Department]>('department', compute);

/** The KPIs of the departments a page shows, each from the `department` query (shared with others). */
export const departments = defineQuery<{ names: Department[] }, Partial<KpiSections>>(
	'departments',
	async (env, { names }) => {
		const out: Partial<Record<Department, unknown>> = {};
		for (const name of names) out[name] = await env.need(department, { name });
		return out as Partial<KpiSections>;
	}
);

export type People =
	{ dept: 'inside_sales'; rows: RepLine[] | null } | { dept: 'field_sales'; rows: OwnerLine[] | null };

/**
 * The per-person table of inside sales (every rep and lead owner, with the hand-off to field sales) or
 * field sales (by deal owner; null when no file names deal owners — never the lead owners).
 */
export const people = defineQuery<{ dept: People['dept'] }, People>('people', async (env, { dept }) =>
	dept === 'inside_sales'
		? { dept, rows: await repTable(env.db, env.view, env.meta) }
		: { dept, rows: await dealOwnerTable(env.db, env.view) }
);
