import { describe, expect, it } from 'vitest';
import { bucketEnd, formatBucket } from '../../src/lib/department-trends';

describe('trend buckets', () => {
	it('bucket ends', () => {
		expect(bucketEnd('2025-04-07', 'week')).toBe('2025-04-13');
		expect(bucketEnd('2025-02-01', 'month')).toBe('2025-02-28');
		expect(bucketEnd('2025-01-01', 'quarter')).toBe('2025-03-31');
	});
	it('labels fiscal quarters from the fiscal year start', () => {
		expect(formatBucket('2025-04-01', 'quarter', 'en')).toBe('FY2025 Q1');
		expect(formatBucket('2026-01-01', 'quarter', 'ja')).toBe('2025年度Q4');
		expect(formatBucket('2025-10-01', 'quarter', 'en', 1)).toBe('FY2025 Q4');
		expect(formatBucket('2025-04-01', 'month', 'ja')).toBe('2025/4');
	});
});
