/** An answer is saved field by field: each field in turn changes, the rest read back unchanged. */
import { describe, expect, it } from 'vitest';
import type { Response } from '../../../core/records/model';
import { dbWithAssessment } from '../testDb';
import { saveResponse, type ResponsePatch } from './responses';

// Every field away from its empty value.
const full = {
  applicable: false,
  justification: 'No wireless on this site',
  targetLevel: 3,
  achievedLevel: 2,
  narrative: 'Procedure written, not yet practised',
  gaps: 'No records of practice',
  reviewStatus: 'flagged',
  reviewComment: 'Ask for the drill records',
  carriedOver: true,
} satisfies ResponsePatch;
const changed = {
  applicable: true,
  justification: 'Changed justification',
  targetLevel: 4,
  achievedLevel: 1,
  narrative: 'Changed narrative',
  gaps: 'Changed gaps',
  reviewStatus: 'reviewed',
  reviewComment: 'Changed comment',
  carriedOver: false,
} satisfies ResponsePatch;

async function saved() {
  const { db, assessment } = await dbWithAssessment();
  const response = await saveResponse(db, assessment.id, 'ORG 1.1', full);
  const read = () => db.responses.get([assessment.id, 'ORG 1.1']);
  return { db, assessment, response, read };
}

describe('saveResponse', () => {
  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, assessment, response, read } = await saved();
      await saveResponse(db, assessment.id, 'ORG 1.1', { [field]: changed[field] });
      const expected: Response = {
        ...response,
        [field]: changed[field],
        // By design, not by accident: editing a carried-over answer confirms it (responses.ts).
        carriedOver: field === 'carriedOver' ? changed.carriedOver : false,
        updatedAt: expect.any(String) as string,
      };
      expect(await read()).toStrictEqual(expected);
    });
  }

  it('treats a key set to undefined as not named', async () => {
    const { db, assessment, response, read } = await saved();
    await saveResponse(db, assessment.id, 'ORG 1.1', { gaps: 'Changed gaps', narrative: undefined, achievedLevel: undefined });
    expect(await read()).toStrictEqual({ ...response, gaps: 'Changed gaps', carriedOver: false, updatedAt: expect.any(String) });
  });

  it('refuses an unknown key and writes nothing', async () => {
    const { db, assessment, response, read } = await saved();
    const entries = await db.audit.count();
    await expect(saveResponse(db, assessment.id, 'ORG 1.1', { gaps: 'x', score: 3 } as never)).rejects.toMatchObject({
      name: 'WorkbookError',
      kind: 'invalid',
    });
    expect(await read()).toStrictEqual(response);
    expect(await db.audit.count()).toBe(entries);
  });
});
