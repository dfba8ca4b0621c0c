import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../testDb';
import { storedResponse, listResponses, saveResponse } from './responses';

describe('responses', () => {
  it('start unanswered and are saved field by field', async () => {
    const { db, assessment } = await dbWithAssessment();
    // Nothing is stored until the first save: an unanswered requirement has no record.
    expect(await storedResponse(db, assessment.id, 'ORG 1.1')).toBeUndefined();
    await saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'ISMS covers the plant.' });
    await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 3, targetLevel: 4 });
    expect(await storedResponse(db, assessment.id, 'ORG 1.1')).toMatchObject({
      narrative: 'ISMS covers the plant.',
      achievedLevel: 3,
      targetLevel: 4,
    });
    expect(await listResponses(db, assessment.id)).toHaveLength(1);
  });

  it('record not applicable with its justification', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'NET 2.1', { applicable: false, justification: 'No wireless anywhere in the plant.' });
    expect(await storedResponse(db, assessment.id, 'NET 2.1')).toMatchObject({
      applicable: false,
      justification: 'No wireless anywhere in the plant.',
    });
  });

  it.each([[{ achievedLevel: 5 }], [{ targetLevel: -1 }], [{ narrative: 42 }], [{ unknownField: true }]])('refuse %j', async (patch) => {
    const { db, assessment } = await dbWithAssessment();
    await expect(saveResponse(db, assessment.id, 'ORG 1.1', patch as never)).rejects.toThrow(/^The answer was not saved/);
    expect(await listResponses(db, assessment.id)).toHaveLength(0);
  });

  it('log only the fields that changed, before and after', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 1, narrative: 'x' });
    await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 2 });
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({
      entity: 'response',
      id: `${assessment.id}|ORG 1.1`,
      change: { op: 'update', before: { achievedLevel: 1 }, after: { achievedLevel: 2 } },
    });
  });

  it('refuse an answer for an assessment that does not exist', async () => {
    const { db } = await dbWithAssessment();
    await expect(saveResponse(db, 'nope', 'ORG 1.1', { achievedLevel: 1 })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
