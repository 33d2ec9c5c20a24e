/**
 * One SQL expression over many terms (`a + b + …`, `a AND b AND …`) as a balanced tree. A flat chain
 * over every column of a wide file nests one level per column, and DuckDB's parser refuses past 1,000
 * ("Max expression depth limit of 1000 exceeded"); balanced, 2,000 columns nest about 11 levels.
 */
export function balancedSql(terms: readonly string[], operator: '+' | 'AND' | 'OR', empty: string): string {
	if (terms.length === 0) return empty;
	if (terms.length === 1) return terms[0];
	const mid = Math.ceil(terms.length / 2);
	const left = balancedSql(terms.slice(0, mid), operator, empty);
	const right = balancedSql(terms.slice(mid), operator, empty);
	return `(${left} ${operator} ${right})`;
}
