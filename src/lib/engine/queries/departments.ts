/**
 * The department queries: each department's KPIs (what its tiles show), several at once for a page
 * that shows several, and the per-person tables. The KPI key types are derived from these results, so
 * the catalogue, the report and the trend series cannot name a KPI the engine does not compute.
 */
import {
	customerSuccess,
	fieldSales,
	fieldSalesByOwner,
	insideSales,
	insideSalesByRep,
	marketing,
	type CustomerSuccessKpis,
	type FieldSalesKpis,
	type InsideSalesKpis,
	type MarketingKpis,
	type OwnerKpi,
	type RepKpi
} from '../metrics/kpis';
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
			return marketing(db, view, meta, await env.need(funnel, undefined));
		case 'inside_sales':
			return insideSales(db, view, meta, await env.need(funnel, undefined));
		case 'customer_success':
			return customerSuccess(db, view, meta);
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

export type People = { dept: 'inside_sales'; rows: RepKpi[] } | { dept: 'field_sales'; rows: OwnerKpi[] };

/** The per-person table of inside sales (by rep) or field sales (by owner). */
export const people = defineQuery<{ dept: People['dept'] }, People>('people', async (env, { dept }) =>
	dept === 'inside_sales'
		? { dept, rows: await insideSalesByRep(env.db, env.view, env.meta) }
		: { dept, rows: await fieldSalesByOwner(env.db, env.view, env.meta) }
);
