/** Typing on an action's card left unsaved when the window closed: saved at the next start, or kept and said. */
import { beforeEach, describe, expect, it } from 'vitest';
import { actionDraftKey } from '../actions/actionCardDraft';
import { addAction, deleteAction, storedAction } from '../db/repo/actions';
import { dbWithAssessment } from '../db/testDb';
import { listDrafts, readDraft, writeDraft } from '../hooks/drafts';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { replayDrafts, replayMessage } from './replayDrafts';

beforeEach(() => {
  installMemoryStorage();
});

async function withAction() {
  const { db, assessment } = await dbWithAssessment();
  const action = await addAction(db, assessment.id, 'ORG 1.1', {
    description: 'Write the OT security scope',
    owner: 'Ana Lima',
    dueDate: '2026-10-31',
    priority: 'high',
    expectedLevel: 2,
    closureCheck: 'Scope signed by the plant manager',
  });
  return { db, action };
}

describe('replayDrafts, for an action', () => {
  it('saves the typed field with its change-log entry, and every other field stays as stored', async () => {
    const { db, action } = await withAction();
    const key = actionDraftKey(db.name, action.id);
    writeDraft(key, { description: 'Write and approve the OT security scope' });
    const logged = await db.audit.count();

    const report = await replayDrafts(db);

    expect(report).toEqual({ saved: 1, kept: [] });
    expect(await storedAction(db, action.id)).toStrictEqual({
      ...action,
      description: 'Write and approve the OT security scope',
      updatedAt: expect.any(String),
    });
    expect(await db.audit.count()).toBe(logged + 1);
    expect(listDrafts(db.name)).toEqual([]);
  });

  it('drops, without a second save, a draft the action already holds', async () => {
    const { db, action } = await withAction();
    writeDraft(actionDraftKey(db.name, action.id), { owner: 'Ana Lima', expectedLevel: 2 });
    const logged = await db.audit.count();

    expect(await replayDrafts(db)).toEqual({ saved: 0, kept: [] });
    expect(await db.audit.count()).toBe(logged);
    expect(listDrafts(db.name)).toEqual([]);
  });

  it('keeps and reports a draft whose action was deleted meanwhile', async () => {
    const { db, action } = await withAction();
    const key = actionDraftKey(db.name, action.id);
    writeDraft(key, { closureCheck: 'Scope reviewed at the next audit' });
    await deleteAction(db, action.id);

    const report = await replayDrafts(db);

    expect(report.kept).toEqual([{ key, label: 'a remediation action', reason: 'That action no longer exists.', openable: false }]);
    expect(readDraft(key)).toEqual({ closureCheck: 'Scope reviewed at the next audit' });
    expect(replayMessage(report)?.message).toMatch(/could not be saved: a remediation action \(That action no longer exists\)/);
  });
});
