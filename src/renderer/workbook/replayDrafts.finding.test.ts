/** The assessor's wording of a finding, typed just before the window closed, is saved at the next start. */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveResponse, storedResponse } from '../db/repo/responses';
import { dbWithAssessment } from '../db/testDb';
import { findingDraftKey, listDrafts, writeDraft } from '../hooks/drafts';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { replayDrafts } from './replayDrafts';

beforeEach(() => {
  installMemoryStorage();
});

describe('replaying a finding draft', () => {
  it('saves the wording typed into the stored override, the grade kept', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 1, finding: { grade: 'major' } });
    writeDraft(findingDraftKey(db.name, assessment.id, 'ORG 1.1'), { finding: { recommendation: 'Sign the scope' } });

    expect(await replayDrafts(db)).toEqual({ saved: 1, kept: [] });
    expect((await storedResponse(db, assessment.id, 'ORG 1.1'))?.finding).toEqual({ grade: 'major', recommendation: 'Sign the scope' });
    expect(listDrafts(db.name)).toEqual([]);
  });

  it('writes nothing for a draft whose save already landed, a return to the derived wording included', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 1, finding: { risk: 'Ours' } });
    await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 1 });
    writeDraft(findingDraftKey(db.name, assessment.id, 'ORG 1.1'), { finding: { risk: 'Ours' } });
    writeDraft(findingDraftKey(db.name, assessment.id, 'NET 1.1'), { finding: null });
    const logged = await db.audit.count();

    expect(await replayDrafts(db)).toEqual({ saved: 0, kept: [] });
    expect(await db.audit.count()).toBe(logged);
  });
});
