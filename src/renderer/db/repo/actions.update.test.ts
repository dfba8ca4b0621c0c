/** An update changes only what it names: each field of an action in turn, the rest read back unchanged. */
import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../testDb';
import { addAction, updateAction } from './actions';

// Every field away from its default, so a default filled in by mistake would show.
const full = {
  description: 'Put vendor access behind the jump host',
  owner: 'Dana',
  dueDate: '2026-09-30',
  priority: 'high',
  status: 'in-progress',
} as const;
const changed = {
  description: 'Retire the dial-up modem',
  owner: 'Sam',
  dueDate: '2026-12-31',
  priority: 'critical',
  status: 'done',
} as const;

async function created() {
  const { db, assessment } = await dbWithAssessment();
  const action = await addAction(db, assessment.id, 'NET 3.2', full);
  return { db, action };
}

describe('updateAction', () => {
  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, action } = await created();
      await updateAction(db, action.id, { [field]: changed[field] });
      expect(await db.actions.get(action.id)).toStrictEqual({ ...action, [field]: changed[field], updatedAt: expect.any(String) });
    });
  }

  it('treats a key set to undefined as not named', async () => {
    const { db, action } = await created();
    await updateAction(db, action.id, {
      status: 'done',
      owner: undefined,
      priority: undefined,
      dueDate: undefined,
      description: undefined,
    });
    expect(await db.actions.get(action.id)).toStrictEqual({ ...action, status: 'done', updatedAt: expect.any(String) });
  });

  it('refuses an unknown key and writes nothing', async () => {
    const { db, action } = await created();
    const entries = await db.audit.count();
    await expect(updateAction(db, action.id, { status: 'done', assignee: 'Sam' } as never)).rejects.toMatchObject({
      name: 'WorkbookError',
      kind: 'invalid',
      message: 'The action was not saved: there is no action field "assignee".',
    });
    expect(await db.actions.get(action.id)).toStrictEqual(action);
    expect(await db.audit.count()).toBe(entries);
  });
});
