/** Conduct and scope typed just before the window closed is saved at the next start, or kept and named when it cannot be. */
import { beforeEach, describe, expect, it } from 'vitest';
import { setAssessmentStatus } from '../db/repo/assessments';
import { updateConduct } from '../db/repo/conduct';
import { dbWithAssessment } from '../db/testDb';
import { listDrafts, writeDraft } from '../hooks/drafts';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { replayDrafts } from '../workbook/replayDrafts';
import { conductDraftKey } from './conductDraft';

beforeEach(() => {
  installMemoryStorage();
});

const team = [
  { name: 'Dana Whitfield', role: 'Lead assessor', independence: 'internal' as const },
  { name: 'Ravi Menon', role: 'Assessor', independence: 'internal' as const },
];

describe('replaying a conduct and scope draft', () => {
  it('saves the fields typed and leaves the others as stored', async () => {
    const { db, assessment } = await dbWithAssessment();
    await updateConduct(db, assessment.id, { boundary: 'Up to the DMZ.', team });
    writeDraft(conductDraftKey(db.name, assessment.id), { sampling: 'One HMI per area.', fieldworkEnd: null });

    expect(await replayDrafts(db)).toEqual({ saved: 1, kept: [] });
    expect((await db.assessments.get(assessment.id))!.conduct).toStrictEqual({
      boundary: 'Up to the DMZ.',
      team,
      sampling: 'One HMI per area.',
    });
    expect(listDrafts(db.name)).toEqual([]);
  });

  it('writes nothing for a draft whose save landed, but does save a list with a row removed', async () => {
    const { db, assessment } = await dbWithAssessment();
    await updateConduct(db, assessment.id, { boundary: 'Up to the DMZ.', team });
    writeDraft(conductDraftKey(db.name, assessment.id), { boundary: 'Up to the DMZ.', team });
    const logged = await db.audit.count();
    expect(await replayDrafts(db)).toEqual({ saved: 0, kept: [] });
    expect(await db.audit.count()).toBe(logged);

    writeDraft(conductDraftKey(db.name, assessment.id), { team: team.slice(0, 1) });
    expect(await replayDrafts(db)).toEqual({ saved: 1, kept: [] });
    expect((await db.assessments.get(assessment.id))!.conduct?.team).toEqual(team.slice(0, 1));
  });

  it('keeps a draft a signed-off assessment refuses, and names it', async () => {
    const { db, assessment } = await dbWithAssessment();
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', { signOff: { by: 'Marcus', role: 'Approver', at: '2026-07-01', note: '' } });
    const key = conductDraftKey(db.name, assessment.id);
    writeDraft(key, { conclusion: 'Written after signing.' });

    const report = await replayDrafts(db);
    expect(report.saved).toBe(0);
    expect(report.kept).toEqual([expect.objectContaining({ key, label: 'conduct and scope', openable: true })]);
    expect(report.kept[0]!.reason).toMatch(/is signed off and locked/);
    expect(listDrafts(db.name).map((d) => d.key)).toEqual([key]);
    expect((await db.assessments.get(assessment.id))!.conduct).toBeUndefined();
  });
});
