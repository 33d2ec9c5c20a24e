/** Every named query, by the name pages and the report ask for it. */
export { benchmarks, bottleneck, BENCHMARK_SOURCES } from './benchmarks';
export type { BenchmarkArgs, BenchmarkResult, BenchmarkSource } from './benchmarks';
export { department, departments, people, DEPARTMENT_NAMES } from './departments';
export type { Department, DepartmentKpis, KpiKey, KpiSections, People } from './departments';
export { breakdown, cohorts, funnel, maturity, revenue, velocity, velocityHistogram } from './funnel';
export type { Cohorts, VelocityArgs } from './funnel';
export { plan } from './plan';
export type { Plan, PlanRequest } from './plan';
export { trends } from './trends';
export type { TrendArgs, Trends } from './trends';
export { dataSpan } from './span';
export type { Span } from './span';
/** The shapes the queries return, for the components that show them. */
export type { Bottleneck } from '../metrics/bottleneck';
export type { Funnel, FunnelGroup, FunnelStep } from '../metrics/funnel';
export type { ChannelCosts } from '../metrics/kpis';
export type { OwnerLine, RepLine, Triage } from '../metrics/people';
export type { Revenue } from '../metrics/revenue';
export type { VelocityStep } from '../metrics/velocity';
export type { Maturity } from '../metrics/maturing';
export { isMaturing } from '../metrics/maturing';
export { canonicalJson, defineQuery, queryKey } from './query';
export type { NamedQuery, QueryEnv } from './query';
export { QueryRunner } from './runner';
export {
	changes,
	currencies,
	lostReasons,
	pipeline,
	scoreBands,
	staleDeals,
	triage,
	triageTrend
} from './sales';
export type { Changes, CurrencySum, Fx, Pipeline, ScoreBand, StaleDeal } from './sales';
export type { ChurnReason, CustomerSuccessKpis } from '../metrics/customers';
export type { TargetLine, TargetKey, Goals } from '../metrics/targets';
