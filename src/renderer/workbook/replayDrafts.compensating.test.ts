/** A countermeasure typed just before the window closed is saved at the next start, like the answer's own text. */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveResponse, storedResponse } from '../db/repo/responses';
import { dbWithAssessment } from '../db/testDb';
import { compensatingDraftKey, listDrafts, responseDraftKey, writeDraft } from '../hooks/drafts';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { replayDrafts } from './replayDrafts';

beforeEach(() => {
  installMemoryStorage();
});

describe('replaying a countermeasure draft', () => {
  it('saves the fields typed into the stored countermeasure, beside a draft of the answer itself', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { compensating: { measure: 'Jump host', acceptedBy: 'Dana' } });
    writeDraft(compensatingDraftKey(db.name, assessment.id, 'ORG 1.1'), { compensating: { reason: 'No accounts on the PLC' } });
    writeDraft(responseDraftKey(db.name, assessment.id, 'ORG 1.1'), { narrative: 'Typed too' });

    const report = await replayDrafts(db);

    expect(report).toEqual({ saved: 2, kept: [] });
    expect(await storedResponse(db, assessment.id, 'ORG 1.1')).toMatchObject({
      narrative: 'Typed too',
      compensating: { measure: 'Jump host', reason: 'No accounts on the PLC', residualRisk: '', acceptedBy: 'Dana' },
    });
    expect(listDrafts(db.name)).toEqual([]);
  });

  it('writes nothing for a draft whose save already landed, a removal included', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { compensating: { measure: 'Jump host' } });
    await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 1 });
    writeDraft(compensatingDraftKey(db.name, assessment.id, 'ORG 1.1'), { compensating: { measure: 'Jump host' } });
    writeDraft(compensatingDraftKey(db.name, assessment.id, 'NET 1.1'), { compensating: null });
    const logged = await db.audit.count();

    expect(await replayDrafts(db)).toEqual({ saved: 0, kept: [] });
    expect(await db.audit.count()).toBe(logged);
    expect(listDrafts(db.name)).toEqual([]);
  });
});
