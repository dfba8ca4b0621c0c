/** The conduct and scope of an assessment: saved field by field through the one write path, refused where the assessment cannot change. */
import { describe, expect, it } from 'vitest';
import type { Conduct } from '../../../core/records/conduct';
import { lockedMessage } from '../../../core/records/lifecycle';
import { REVIEW_COPY_KEY, REVIEW_COPY_MESSAGE } from '../reviewCopyMark';
import { dbWithAssessment } from '../testDb';
import { duplicateAssessment, setAssessmentStatus } from './assessments';
import { updateConduct, type ConductChange } from './conduct';
import { addNote } from './evidence';

const full: Conduct = {
  boundary: 'From the field devices up to the DMZ firewall.',
  zones: [{ name: 'Process control', kind: 'zone', description: 'PLCs and HMIs' }],
  exclusions: 'Corporate IT.',
  evidenceIds: ['EV-0001'],
  team: [{ name: 'Dana Whitfield', role: 'Lead assessor', independence: 'internal' }],
  interviewees: [{ name: 'Priya Raman', role: 'Control systems engineer' }],
  documentsReviewed: ['OT-POL-001 rev 3'],
  fieldworkStart: '2026-03-02',
  fieldworkEnd: '2026-03-06',
  sampling: 'One HMI per process area.',
  limitations: 'Pump stations not visited.',
  conclusion: 'Managed, not yet practised.',
  managementStatement: 'We accept the findings.',
};

// Every field changed away from `full`.
const changed: Required<{ [K in keyof Conduct]: ConductChange[K] }> = {
  boundary: 'Up to the corporate firewall ',
  zones: [{ name: 'Safety', kind: 'zone', description: 'SIS' }],
  exclusions: 'None.',
  evidenceIds: ['EV-0002', 'EV-0001'],
  team: [{ name: 'Helen Kowalczyk', role: 'Auditor', independence: 'external' }],
  interviewees: [],
  documentsReviewed: ['EV-0002', 'Network diagram rev 7'],
  fieldworkStart: '2026-03-01',
  fieldworkEnd: '2026-03-20',
  sampling: 'All HMIs.',
  limitations: '',
  conclusion: 'Practised in most areas.',
  managementStatement: 'We commit to the plan.',
};

async function saved() {
  const { db, assessment } = await dbWithAssessment();
  await addNote(db, { title: 'Zone drawing', note: 'Drawing Z-01 rev 4 seen on site.' });
  await addNote(db, { title: 'Interview notes', note: 'Notes of the walk-down.' });
  await updateConduct(db, assessment.id, full);
  const before = (await db.assessments.get(assessment.id))!;
  expect(before.conduct).toEqual(full);
  return { db, before, read: () => db.assessments.get(assessment.id), logged: () => db.audit.count() };
}

describe('updateConduct', () => {
  for (const field of Object.keys(changed) as (keyof Conduct)[]) {
    it(`changes ${field} and nothing else of the assessment or its conduct`, async () => {
      const { db, before, read } = await saved();
      await updateConduct(db, before.id, { [field]: changed[field] });
      expect(await read()).toStrictEqual({ ...before, conduct: { ...full, [field]: changed[field] }, updatedAt: expect.any(String) });
    });
  }

  it('removes a fieldwork date given as null and keeps the rest', async () => {
    const { db, before, read } = await saved();
    await updateConduct(db, before.id, { fieldworkEnd: null });
    const { fieldworkEnd: _end, ...rest } = full;
    expect((await read())!.conduct).toStrictEqual(rest);
  });

  it('logs every change in the change log, with the record before and after', async () => {
    const { db, before, logged } = await saved();
    const count = await logged();
    await updateConduct(db, before.id, { sampling: 'Every HMI.' });
    expect(await logged()).toBe(count + 1);
    const last = (await db.audit.orderBy('seq').last())!;
    expect(last).toMatchObject({ entity: 'assessment', id: before.id });
    expect(last.change.before).toMatchObject({ conduct: { sampling: full.sampling } });
    expect(last.change.after).toMatchObject({ conduct: { sampling: 'Every HMI.' } });
  });

  it('refuses evidence that is not in the workbook, writing nothing', async () => {
    const { db, before, read, logged } = await saved();
    const count = await logged();
    await expect(updateConduct(db, before.id, { evidenceIds: ['EV-0001', 'EV-0042'] })).rejects.toThrow(
      "The record of conduct and scope was not saved: EV-0042 is not in this workbook's evidence.",
    );
    expect(await read()).toStrictEqual(before);
    expect(await logged()).toBe(count);
  });

  it('refuses fieldwork that would end before it starts once the change lands', async () => {
    const { db, before, read } = await saved();
    await expect(updateConduct(db, before.id, { fieldworkEnd: '2026-03-01' })).rejects.toThrow(
      'The record of conduct and scope was not saved: the fieldwork cannot end before it starts.',
    );
    expect(await read()).toStrictEqual(before);
  });

  it('refuses fields it does not know', async () => {
    const { db, before } = await saved();
    await expect(updateConduct(db, before.id, { opinion: 'x' } as ConductChange)).rejects.toThrow(/there is no conduct field "opinion"/);
  });

  it('refuses any change once the assessment is signed off, and says how to go on', async () => {
    const { db, before, read } = await saved();
    await setAssessmentStatus(db, before.id, 'in-review');
    const locked = await setAssessmentStatus(db, before.id, 'signed-off', {
      signOff: { by: 'Marcus Oyelaran', role: 'Approver', at: '2026-07-01', note: '' },
    });
    await expect(updateConduct(db, before.id, { conclusion: 'Changed after signing.' })).rejects.toThrow(lockedMessage(locked));
    expect(await read()).toStrictEqual(locked);
  });

  it('refuses any change in a review copy', async () => {
    const { db, before, read } = await saved();
    await db.meta.put({ key: REVIEW_COPY_KEY, value: '{}' });
    await expect(updateConduct(db, before.id, { managementStatement: 'Not ours to write.' })).rejects.toThrow(REVIEW_COPY_MESSAGE);
    expect(await read()).toStrictEqual(before);
  });

  it('says when the assessment is gone', async () => {
    const { db } = await saved();
    await expect(updateConduct(db, 'no-such-assessment', { boundary: 'x' })).rejects.toThrow('That assessment no longer exists.');
  });

  it('starts a re-assessment from the system under consideration only', async () => {
    const { db, before } = await saved();
    const copy = await duplicateAssessment(db, before.id, { name: '2027', periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    expect(copy.conduct).toStrictEqual({
      boundary: full.boundary,
      zones: full.zones,
      exclusions: full.exclusions,
      evidenceIds: full.evidenceIds,
    });
  });
});
