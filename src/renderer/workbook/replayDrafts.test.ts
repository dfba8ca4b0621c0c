import { beforeEach, describe, expect, it } from 'vitest';
import { storedResponse } from '../db/repo/responses';
import { dbWithAssessment } from '../db/testDb';
import { claimDraft, listDrafts, readDraft, responseDraftKey, writeDraft } from '../hooks/drafts';
import { readDurableDrafts } from '../hooks/durableDrafts';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { replayDrafts, replayMessage } from './replayDrafts';

beforeEach(() => {
  installMemoryStorage();
});

describe('replayDrafts', () => {
  it('saves what was typed before the window closed, with its change-log entry, and forgets the draft', async () => {
    const { db, assessment } = await dbWithAssessment();
    const key = responseDraftKey(db.name, assessment.id, 'ORG 1.1');
    writeDraft(key, { achievedLevel: 2, narrative: 'The OT security policy is signed by the plant manager.' });
    const logged = await db.audit.count();

    const report = await replayDrafts(db);

    expect(report).toEqual({ saved: 1, kept: [] });
    expect(await storedResponse(db, assessment.id, 'ORG 1.1'))!.toMatchObject({
      achievedLevel: 2,
      narrative: 'The OT security policy is signed by the plant manager.',
    });
    expect(await db.audit.count()).toBe(logged + 1);
    expect(listDrafts(db.name)).toEqual([]);
    expect(replayMessage(report)).toEqual({ tone: 'info', message: expect.stringContaining('one answer') });
  });

  it('keeps and reports a draft whose assessment no longer exists', async () => {
    const { db } = await dbWithAssessment();
    const key = responseDraftKey(db.name, 'gone', 'NET 1.1');
    writeDraft(key, { narrative: 'Firewall between level 3 and the office.' });

    const report = await replayDrafts(db);

    expect(report.saved).toBe(0);
    expect(report.kept).toEqual([{ key, label: 'NET 1.1', reason: 'That assessment no longer exists.', openable: false }]);
    expect(readDraft(key)).toEqual({ narrative: 'Firewall between level 3 and the office.' });
    expect(replayMessage(report)).toEqual({
      tone: 'error',
      message: expect.stringMatching(/could not be saved: NET 1\.1 \(That assessment no longer exists\)\. It is kept on this computer\.$/),
    });
  });

  it('keeps and reports a draft the save path refuses', async () => {
    const { db, assessment } = await dbWithAssessment();
    const key = responseDraftKey(db.name, assessment.id, 'ORG 1.1');
    writeDraft(key, { achievedLevel: 9 });

    const report = await replayDrafts(db);

    expect(report.kept).toHaveLength(1);
    expect(report.kept[0]).toMatchObject({ label: 'ORG 1.1', openable: true });
    expect(readDraft(key)).toEqual({ achievedLevel: 9 });
    expect(replayMessage(report)?.message).toContain('Open the requirement to see it or discard it.');
  });

  it('leaves a draft to the form that shows it, and other workbooks’ drafts alone', async () => {
    const { db, assessment } = await dbWithAssessment();
    const mine = responseDraftKey(db.name, assessment.id, 'ORG 1.1');
    const theirs = responseDraftKey('another-workbook', assessment.id, 'ORG 1.1');
    writeDraft(mine, { narrative: 'typed in the form' });
    writeDraft(theirs, { narrative: 'typed elsewhere' });
    const release = claimDraft(mine);

    expect(await replayDrafts(db)).toEqual({ saved: 0, kept: [] });
    release();
    expect(readDraft(mine)).toEqual({ narrative: 'typed in the form' });
    expect(readDraft(theirs)).toEqual({ narrative: 'typed elsewhere' });
    expect((await storedResponse(db, assessment.id, 'ORG 1.1'))?.narrative ?? '').toBe('');
  });

  it('saves a draft that only IndexedDB kept, localStorage having lost it with the browser', async () => {
    const { db, assessment } = await dbWithAssessment();
    const key = responseDraftKey(db.name, assessment.id, 'NET 1.1');
    writeDraft(key, { narrative: 'Typed 200 ms before the browser was killed.' });
    installMemoryStorage();

    expect(await replayDrafts(db)).toEqual({ saved: 1, kept: [] });
    expect((await storedResponse(db, assessment.id, 'NET 1.1'))!.narrative).toBe('Typed 200 ms before the browser was killed.');
    expect(listDrafts(db.name)).toEqual([]);
    expect(await readDurableDrafts('csms.draft.')).not.toContainEqual(expect.objectContaining({ key }));
  });

  it('drops, without a second save, a draft whose save landed but whose cleanup did not', async () => {
    const { db, assessment } = await dbWithAssessment();
    const key = responseDraftKey(db.name, assessment.id, 'NET 1.1');
    writeDraft(key, { narrative: 'Saved already.' });
    await replayDrafts(db);
    const logged = await db.audit.count();
    writeDraft(key, { narrative: 'Saved already.' });

    expect(await replayDrafts(db)).toEqual({ saved: 0, kept: [] });
    expect(await db.audit.count()).toBe(logged);
    expect(readDraft(key)).toBeNull();
  });

  it('says nothing when there was nothing to replay', async () => {
    const { db } = await dbWithAssessment();
    const report = await replayDrafts(db);
    expect(replayMessage(report)).toBeNull();
  });
});
