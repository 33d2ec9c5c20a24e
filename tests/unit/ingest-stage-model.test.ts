import { describe, expect, it } from 'vitest';
import {
	rankCaseSql,
	reachedSql,
	stageRank,
	STAGE_DATE,
	STAGE_OF_FIELD,
	STAGES
} from '../../src/lib/engine/model/stages';

describe('the stage model', () => {
	it('maps each stage to its date column and back', () => {
		for (const s of STAGES) expect(STAGE_OF_FIELD[STAGE_DATE[s]]).toBe(s);
		expect(Object.keys(STAGE_OF_FIELD)).toHaveLength(STAGES.length);
	});

	it('ranks statuses by stage order; lost and disqualified are no stage', () => {
		expect(STAGES.map(stageRank)).toEqual([0, 1, 2, 3, 4]);
		expect(stageRank('lost')).toBeUndefined();
		expect(stageRank('disqualified')).toBeUndefined();
	});

	it('writes the rank CASE with a lost deal as an opportunity unless opportunities are dated', () => {
		expect(rankCaseSql('t')).toBe(
			"CASE t WHEN 'lead' THEN 0 WHEN 'nurture' THEN 0 WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 WHEN 'opportunity' THEN 3 WHEN 'lost' THEN 3 WHEN 'won' THEN 4 END"
		);
		expect(rankCaseSql('t', false)).not.toContain("'lost'");
	});

	it('counts a later date or an implying status as reaching a stage', () => {
		expect(reachedSql(3)).toBe(
			'(opportunity_at IS NOT NULL OR won_at IS NOT NULL OR coalesce(status_rank, -1) >= 3)'
		);
	});
});
