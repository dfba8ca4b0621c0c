import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/audit/canonicalJson';
import { memorySink } from '../../../core/bundle/testKit';
import { sha256Hex } from '../../../core/hashing/sha256';
import { readReviewFile, reviewFileText } from '../../../core/review/file';
import { packWorkbook, unpackBundle } from '../../bundle/bundleIo';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { checkIntegrity, integrityIntact } from '../integrity';
import { ownReviewOf, receivedReviews, reviewCopyMark } from '../queries/reviews';
import { addAction } from '../repo/actions';
import { createAssessment, deleteAssessment } from '../repo/assessments';
import { addFiles, addNote } from '../repo/evidence';
import { checkEvidenceFile, importReview, setEvidenceCheck, setVerdict } from '../repo/reviews';
import { hashBlobHere } from '../hashBlob';
import { saveResponse } from '../repo/responses';
import { setUpWorkbook } from '../repo/setup';
import { mutate } from '../mutate';
import { REVIEW_COPY_MESSAGE } from '../reviewCopyMark';
import { setSpaceProbe } from '../space';
import { fileOf, freshDb, tamperRecord } from '../testDb';
import { workbookForBundle } from './readForBundle';
import { loadReviewCopy } from './reviewCopy';

const app = { name: 'CSMS Workbook', version: 'test' };
const reviewer = { name: 'Ines Prüfer', organization: 'Audit & Co' };

afterEach(() => setSpaceProbe(async () => true));

async function ownerWorkbook() {
  const db = await freshDb();
  await setUpWorkbook(db, {
    organization: 'Nordwasser GmbH',
    classification: 'TLP:AMBER',
    site: 'Werk Nord',
    name: 'Dana',
    role: 'OT lead',
  });
  const site = (await workbookForBundle(db)).records.sites[0]!;
  const make = (name: string) =>
    createAssessment(db, {
      name,
      siteId: site.id,
      catalogueId: 'iec-62443-2-1-2024',
      catalogueVersion: '1.0.0',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      scope: ['ORG', 'NET'],
      defaultTargetLevel: 2,
    });
  const other = await make('2025 assessment, not for the reviewer');
  await saveResponse(db, other.id, 'ORG 1.1', { narrative: 'Private to the owner' });
  const assessment = await make('2026 self-assessment');
  await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 3, narrative: 'Two firewalls' });
  await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 2, narrative: 'Policy approved' });
  await addFiles(db, [fileOf('rules.csv', 'a,b\n1,2\n', 'text/csv')], { link: { assessmentId: assessment.id, requirementId: 'NET 1.1' } });
  await addAction(db, assessment.id, 'NET 1.1', { description: 'Review rules', owner: 'Dana' });
  return { db, assessment, other };
}

async function reviewCopyOf(db: WorkbookDb, assessmentId: string) {
  const sink = memorySink();
  await packWorkbook(await workbookForBundle(db), { kind: 'assessment', assessmentId }, app, sink);
  const { bundle, files } = await unpackBundle(new Blob([sink.bytes() as BlobPart]));
  const copy = await freshDb();
  const mark = await loadReviewCopy(copy, bundle, files, { assessmentId, bundleName: 'riverside.csmsx', reviewer });
  return { copy, mark, review: (await ownReviewOf(copy, assessmentId))! };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    return (error as Error).message;
  }
  throw new Error('the change was accepted');
}

const tableCounts = async (db: WorkbookDb) => Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()])));

describe('a review copy', () => {
  it('holds the bundle as it came, checks intact (its withheld entries included), and is bound to the bundle’s log head', async () => {
    const { db, assessment } = await ownerWorkbook();
    const { copy, mark, review } = await reviewCopyOf(db, assessment.id);
    const ownerLog = (await workbookForBundle(db)).log;
    expect(mark.basedOn).toEqual({ count: ownerLog.length, head: ownerLog.at(-1)!.hash });
    expect(await reviewCopyMark(copy)).toEqual(mark);
    expect(review).toMatchObject({ origin: 'own', reviewer, basedOn: mark.basedOn, verdicts: [], evidenceChecks: [] });
    expect(integrityIntact(await checkIntegrity(copy))).toBe(true);
    const { records } = await workbookForBundle(copy);
    expect(records.assessments.map((a) => a.name)).toEqual(['2026 self-assessment']);
    expect(JSON.stringify(records)).not.toContain('Private to the owner');
  });

  it('refuses every change to the owner’s data, in the write path, and writes nothing', async () => {
    const { db, assessment } = await ownerWorkbook();
    const { copy } = await reviewCopyOf(db, assessment.id);
    const before = await workbookForBundle(copy);
    const counts = await tableCounts(copy);
    expect(await refusal(saveResponse(copy, assessment.id, 'NET 1.1', { achievedLevel: 4 }))).toBe(REVIEW_COPY_MESSAGE);
    expect(await refusal(addNote(copy, { title: 'Planted', note: 'x' }, { assessmentId: assessment.id, requirementId: 'ORG 1.1' }))).toBe(
      REVIEW_COPY_MESSAGE,
    );
    expect(await refusal(addAction(copy, assessment.id, 'ORG 1.1', { description: 'Planted', owner: '' }))).toBe(REVIEW_COPY_MESSAGE);
    expect(await refusal(deleteAssessment(copy, assessment.id))).toBe(REVIEW_COPY_MESSAGE);
    expect(await tableCounts(copy)).toEqual(counts);
    expect(await workbookForBundle(copy)).toEqual(before);
  });

  it('refuses even a write that would leave no log entry, at the table, inside the write path', async () => {
    const { db, assessment } = await ownerWorkbook();
    const { copy } = await reviewCopyOf(db, assessment.id);
    const [answer] = (await workbookForBundle(copy)).records.responses;
    const planted = { ...answer!, narrative: 'Planted around the log' };
    expect(await refusal(mutate(copy, async () => void (await copy.responses.put(planted))))).toBe(REVIEW_COPY_MESSAGE);
    expect(await copy.responses.get([answer!.assessmentId, answer!.requirementId])).toEqual(answer);
  });

  it('keeps the reviewer’s verdicts and checks: a change to one leaves every other as it was', async () => {
    const { db, assessment } = await ownerWorkbook();
    const { copy, review } = await reviewCopyOf(db, assessment.id);
    await setVerdict(copy, review.id, 'NET 1.1', 'more-evidence', 'Rules export is old');
    await setVerdict(copy, review.id, 'ORG 1.1', 'accepted', '');
    const ev = (await workbookForBundle(copy)).records.evidence[0]!;
    await setEvidenceCheck(copy, review.id, { evidenceId: ev.id, sha256: ev.sha256!, result: 'verified', note: 'Re-hashed' });
    const before = (await ownReviewOf(copy, assessment.id))!;
    const after = await setVerdict(copy, review.id, 'ORG 1.1', 'not-accepted', 'Policy unsigned');
    expect(after.verdicts.find((v) => v.requirementId === 'NET 1.1')).toEqual(before.verdicts.find((v) => v.requirementId === 'NET 1.1'));
    expect(after.evidenceChecks).toEqual(before.evidenceChecks);
    expect(after.reviewer).toEqual(before.reviewer);
    expect(after.basedOn).toEqual(before.basedOn);
    expect(after.verdicts.find((v) => v.requirementId === 'ORG 1.1')).toMatchObject({
      verdict: 'not-accepted',
      comment: 'Policy unsigned',
    });
    const cleared = await setVerdict(copy, review.id, 'ORG 1.1', null, '');
    expect(cleared.verdicts.map((v) => v.requirementId)).toEqual(['NET 1.1']);
    expect(integrityIntact(await checkIntegrity(copy))).toBe(true);
  });
});

describe('a review file taken back into the owner’s workbook', () => {
  async function roundTrip() {
    const owner = await ownerWorkbook();
    const { copy, review } = await reviewCopyOf(owner.db, owner.assessment.id);
    await setVerdict(copy, review.id, 'NET 1.1', 'more-evidence', 'Rules export is old');
    await setVerdict(copy, review.id, 'ORG 1.1', 'accepted', 'Policy seen');
    const text = reviewFileText((await ownReviewOf(copy, owner.assessment.id))!, app, new Date().toISOString());
    return { ...owner, text };
  }

  it('shows the verdicts beside the requirements, none stale; importing it again changes nothing', async () => {
    const { db, assessment, text } = await roundTrip();
    expect(await importReview(db, readReviewFile(new TextEncoder().encode(text)))).toBe('added');
    const [received] = await receivedReviews(db, assessment.id);
    expect(received!.review.verdicts.map((v) => [v.requirementId, v.verdict])).toEqual([
      ['NET 1.1', 'more-evidence'],
      ['ORG 1.1', 'accepted'],
    ]);
    expect(received!.staleness.requirements.size).toBe(0);
    const counts = await tableCounts(db);
    expect(await importReview(db, readReviewFile(new TextEncoder().encode(text)))).toBe('already-here');
    expect(await tableCounts(db)).toEqual(counts);
    expect(integrityIntact(await checkIntegrity(db))).toBe(true);
  });

  it('marks a verdict stale when its requirement changed after the head the reviewer saw, and only that one', async () => {
    const { db, assessment, text } = await roundTrip();
    await saveResponse(db, assessment.id, 'NET 1.1', { narrative: 'Two firewalls, rules exported today' });
    await importReview(db, readReviewFile(new TextEncoder().encode(text)));
    const [received] = await receivedReviews(db, assessment.id);
    expect([...received!.staleness.requirements]).toEqual(['NET 1.1']);
  });

  it('is refused when it reviews an assessment that is not here, or a copy whose history is not this workbook’s; nothing is written', async () => {
    const { text } = await roundTrip();
    const stranger = await ownerWorkbook();
    const counts = await tableCounts(stranger.db);
    expect(await refusal(importReview(stranger.db, readReviewFile(new TextEncoder().encode(text))))).toMatch(
      /^The review file was not imported: it reviews the assessment "2026 self-assessment", which is not in this workbook/,
    );
    // Rebound to the stranger's assessment by someone who recomputed the file's hash: the head still gives it away.
    const body = JSON.parse(text) as Record<string, unknown> & { review: { assessmentId: string } };
    delete body.sha256;
    body.review.assessmentId = stranger.assessment.id;
    const forged = JSON.stringify({ ...body, sha256: sha256Hex(canonicalJson(body)) });
    expect(await refusal(importReview(stranger.db, readReviewFile(new TextEncoder().encode(forged))))).toMatch(
      /not part of this workbook’s log/,
    );
    expect(await tableCounts(stranger.db)).toEqual(counts);
  });

  it('travels in the owner’s bundles and is restored with them; deleting the assessment removes its reviews', async () => {
    const { db, assessment, text } = await roundTrip();
    await importReview(db, readReviewFile(new TextEncoder().encode(text)));
    const { records } = await workbookForBundle(db);
    expect(records.reviews).toHaveLength(1);
    await deleteAssessment(db, assessment.id);
    expect((await workbookForBundle(db)).records.reviews).toEqual([]);
    expect(integrityIntact(await checkIntegrity(db))).toBe(true);
  });
});

describe('checking an evidence file in a review copy', () => {
  it('records verified when the stored file matches the register, and mismatch when its bytes were changed', async () => {
    const { db, assessment } = await ownerWorkbook();
    const { copy, review } = await reviewCopyOf(db, assessment.id);
    const ev = (await workbookForBundle(copy)).records.evidence.find((e) => e.kind === 'file')!;
    expect(await checkEvidenceFile(copy, review.id, ev.id, 'Opened and compared', hashBlobHere)).toBe('verified');
    await tamperRecord(copy, 'blobs', ev.sha256!, { blob: new Blob(['a,b\n1,3\n']) });
    expect(await checkEvidenceFile(copy, review.id, ev.id, 'Second look', hashBlobHere)).toBe('mismatch');
    const checks = (await ownReviewOf(copy, assessment.id))!.evidenceChecks;
    expect(checks).toMatchObject([{ evidenceId: ev.id, sha256: ev.sha256, result: 'mismatch', note: 'Second look' }]);
  });
});
