/** Signing off by role: what is stored is exactly what was chosen, with the log head of that moment; nothing else moves. */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/records/model';
import { checkLog } from '../integrity';
import { dbWithAssessment } from '../testDb';
import { archiveAssessment, duplicateAssessment, setAssessmentStatus, type RoleSignOff } from './assessments';
import { addPerson } from './people';
import { saveResponse, storedResponse } from './responses';

async function inReview() {
  const { db, assessment } = await dbWithAssessment();
  const dana = await addPerson(db, { name: 'Dana Okafor', role: 'OT security lead' });
  const marcus = await addPerson(db, { name: 'Marcus Lee', role: 'Plant manager' });
  const priya = await addPerson(db, { name: 'Priya Shah', role: 'Site director' });
  await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 2 });
  await setAssessmentStatus(db, assessment.id, 'in-review');
  const read = async () => (await db.assessments.get(assessment.id))!;
  return { db, id: assessment.id, dana, marcus, priya, read, before: await read() };
}

const roles = (preparer: string, reviewer: string, approver: string): RoleSignOff => ({
  signatories: [
    { role: 'preparer', personId: preparer },
    { role: 'reviewer', personId: reviewer },
    { role: 'approver', personId: approver },
  ],
  at: '2026-07-01',
  note: 'Accepted as presented.',
});

describe('signing off by role', () => {
  it('stores who signed in which role, the date, the statement and the log head read in the same write', async () => {
    const { db, id, dana, marcus, priya, read } = await inReview();
    const head = (await db.audit.orderBy('seq').last())!;
    await setAssessmentStatus(db, id, 'signed-off', { signOff: roles(dana.id, marcus.id, priya.id) });
    const signed = await read();
    expect(signed.status).toBe('signed-off');
    expect(signed.signOff).toStrictEqual({
      by: 'Priya Shah',
      role: 'Approver',
      at: '2026-07-01',
      note: 'Accepted as presented.',
      signatories: [
        { role: 'preparer', personId: dana.id, name: 'Dana Okafor' },
        { role: 'reviewer', personId: marcus.id, name: 'Marcus Lee' },
        { role: 'approver', personId: priya.id, name: 'Priya Shah' },
      ],
      logHead: { count: head.seq, hash: head.hash },
    });
    // The sign-off's own entry follows that head directly, and carries the head in the record it logs.
    const entry = (await db.audit.orderBy('seq').last())!;
    expect(entry).toMatchObject({ seq: head.seq + 1, prevHash: head.hash, entity: 'assessment', id });
    expect((entry.change.after as Assessment).signOff?.logHead).toStrictEqual({ count: head.seq, hash: head.hash });
    expect((await checkLog(db)).data.ok).toBe(true);
  });

  it('records only the roles chosen; the approver alone is enough', async () => {
    const { db, id, priya, read } = await inReview();
    await setAssessmentStatus(db, id, 'signed-off', {
      signOff: { signatories: [{ role: 'approver', personId: priya.id }], at: '2026-07-01', note: '' },
    });
    expect((await read()).signOff?.signatories).toStrictEqual([{ role: 'approver', personId: priya.id, name: 'Priya Shah' }]);
  });

  type People = Record<'dana' | 'marcus' | 'priya', string>;
  const signing = (signatories: RoleSignOff['signatories'], at = '2026-07-01'): RoleSignOff => ({ signatories, at, note: '' });
  it.each<[string, (p: People) => RoleSignOff, RegExp]>([
    ['a person not in People', (p) => roles(p.dana, 'somebody-else', p.priya), /not in the workbook's list of people/],
    [
      'no approver',
      (p) =>
        signing([
          { role: 'preparer', personId: p.dana },
          { role: 'reviewer', personId: p.marcus },
        ]),
      /the approver must be named/,
    ],
    [
      'the same role twice',
      (p) =>
        signing([
          { role: 'reviewer', personId: p.dana },
          { role: 'reviewer', personId: p.marcus },
          { role: 'approver', personId: p.priya },
        ]),
      /only one person can sign as reviewer/,
    ],
    [
      'more signatories than roles',
      (p) => signing([...roles(p.dana, p.marcus, p.priya).signatories, { role: 'preparer', personId: p.marcus }]),
      /at most 3 signatories, one per role/,
    ],
    [
      'a date that does not exist',
      (p) => ({ ...roles(p.dana, p.marcus, p.priya), at: '2026-02-30' }),
      /sign-off date must be written YYYY-MM-DD/,
    ],
  ])('is refused for %s, and nothing is written', async (_what, make, message) => {
    const { db, id, dana, marcus, priya, read, before } = await inReview();
    const entries = await db.audit.count();
    await expect(
      setAssessmentStatus(db, id, 'signed-off', { signOff: make({ dana: dana.id, marcus: marcus.id, priya: priya.id }) }),
    ).rejects.toThrow(message);
    expect(await read()).toStrictEqual(before);
    expect(await db.audit.count()).toBe(entries);
  });

  it('leaves every other field as it was, and archiving a signed-off assessment changes only that', async () => {
    const { db, id, dana, marcus, priya, read, before } = await inReview();
    await setAssessmentStatus(db, id, 'signed-off', { signOff: roles(dana.id, marcus.id, priya.id) });
    const signed = await read();
    expect(signed).toStrictEqual({ ...before, status: 'signed-off', signOff: signed.signOff, updatedAt: expect.any(String) });
    await archiveAssessment(db, id);
    expect(await read()).toStrictEqual({ ...signed, archived: true, updatedAt: expect.any(String) });
  });

  it('is removed by reopening, which needs a reason and logs it', async () => {
    const { db, id, dana, marcus, priya, read } = await inReview();
    await setAssessmentStatus(db, id, 'signed-off', { signOff: roles(dana.id, marcus.id, priya.id) });
    const signed = await read();
    await expect(setAssessmentStatus(db, id, 'draft', { reason: '  ' })).rejects.toThrow(/needs a reason/);
    expect(await read()).toStrictEqual(signed);
    await setAssessmentStatus(db, id, 'draft', { reason: 'The auditor asked for more evidence.' });
    const { signOff: _gone, ...rest } = signed;
    expect(await read()).toStrictEqual({ ...rest, status: 'draft', updatedAt: expect.any(String) });
    expect((await db.audit.orderBy('seq').last())!.change.reason).toBe('The auditor asked for more evidence.');
  });

  it('is not carried into a re-assessment, which starts as a draft from the answers', async () => {
    const { db, id, dana, marcus, priya, read } = await inReview();
    await setAssessmentStatus(db, id, 'signed-off', { signOff: roles(dana.id, marcus.id, priya.id) });
    const next = await duplicateAssessment(db, id, { name: '2027', periodStart: '2027-01-01', periodEnd: '2027-06-30' });
    const stored = (await db.assessments.get(next.id))!;
    expect(stored.status).toBe('draft');
    expect('signOff' in stored).toBe(false);
    expect(await storedResponse(db, next.id, 'ORG 1.1')).toMatchObject({ achievedLevel: 2, carriedOver: true });
    expect((await read()).signOff?.signatories).toHaveLength(3);
  });
});
