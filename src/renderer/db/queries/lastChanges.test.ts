/** Who last changed an answer comes from the change log, through its index, and follows each new change. */
import { describe, expect, it } from 'vitest';
import { createAssessment } from '../repo/assessments';
import { addPerson } from '../repo/people';
import { saveResponse } from '../repo/responses';
import { saveSetting } from '../repo/settings';
import { dbWithAssessment } from '../testDb';
import { lastChangeOf, lastChanges } from './lastChanges';
import { snapshotRecords } from './snapshot';

async function twoPeopleAnswering() {
  const { db, site, assessment } = await dbWithAssessment();
  const dana = await addPerson(db, { name: 'Dana Okafor' });
  const marcus = await addPerson(db, { name: 'Marcus Lee' });
  const other = await createAssessment(db, { ...assessment, name: 'Other', siteId: site.id });
  await saveSetting(db, 'actorId', dana.id);
  await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 1 });
  await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 2 });
  await saveSetting(db, 'actorId', marcus.id);
  await saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'Policy signed.' });
  await saveResponse(db, other.id, 'NET 1.1', { achievedLevel: 3 });
  return { db, assessment, other, dana, marcus };
}

const atOf = async (db: Awaited<ReturnType<typeof twoPeopleAnswering>>['db'], seqFromEnd: number) =>
  (await db.audit.orderBy('seq').reverse().offset(seqFromEnd).first())!.at;

describe('lastChanges', () => {
  it('gives each answer of the assessment its latest actor and time, from the log', async () => {
    const { db, assessment, other } = await twoPeopleAnswering();
    expect(await lastChanges(db, assessment.id)).toStrictEqual({
      'ORG 1.1': { actor: 'Marcus Lee', at: await atOf(db, 1) },
      'NET 1.1': { actor: 'Dana Okafor', at: await atOf(db, 3) },
    });
    expect(await lastChanges(db, other.id)).toStrictEqual({ 'NET 1.1': { actor: 'Marcus Lee', at: await atOf(db, 0) } });
  });

  it('gives one answer its latest change, null before the first save, and follows a new change', async () => {
    const { db, assessment, dana } = await twoPeopleAnswering();
    expect(await lastChangeOf(db, assessment.id, 'ORG 1.1')).toMatchObject({ actor: 'Marcus Lee' });
    expect(await lastChangeOf(db, assessment.id, 'ORG 1.2')).toBeNull();
    await saveSetting(db, 'actorId', dana.id);
    await saveResponse(db, assessment.id, 'ORG 1.1', { gaps: 'No yearly review yet.' });
    expect(await lastChangeOf(db, assessment.id, 'ORG 1.1')).toStrictEqual({ actor: 'Dana Okafor', at: await atOf(db, 0) });
  });

  it('is part of what the documents are built from', async () => {
    const { db, assessment } = await twoPeopleAnswering();
    expect((await snapshotRecords(db, assessment.id)).lastChange).toStrictEqual(await lastChanges(db, assessment.id));
  });
});
