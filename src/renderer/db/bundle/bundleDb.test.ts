import { afterEach, describe, expect, it } from 'vitest';
import { memorySink } from '../../../core/bundle/testKit';
import { sha256Hex } from '../../../core/hashing/sha256';
import { packWorkbook, unpackBundle } from '../../bundle/bundleIo';
import { checkIntegrity, integrityIntact } from '../integrity';
import { addAction } from '../repo/actions';
import { createAssessment, setAssessmentStatus } from '../repo/assessments';
import { addFiles, addNote } from '../repo/evidence';
import { saveResponse } from '../repo/responses';
import { setUpWorkbook } from '../repo/setup';
import { setSpaceProbe } from '../space';
import { freshDb, fileOf, tamper } from '../testDb';
import type { WorkbookDb } from '../database';
import { mergeBundle, mergeConflicts } from './merge';
import { workbookForBundle } from './readForBundle';
import { restoreWorkbook } from './restore';

const app = { name: 'CSMS Workbook', version: 'test' };

afterEach(() => setSpaceProbe(async () => true));

async function workbook(label = 'Riverside') {
  const db = await freshDb();
  await setUpWorkbook(db, {
    organization: 'Nordwasser GmbH — 北水 — مياه',
    classification: 'TLP:AMBER',
    site: `${label} Werk`,
    name: 'Dana Øster',
    role: 'OT lead',
  });
  const site = (await workbookForBundle(db)).records.sites[0]!;
  const assessment = await createAssessment(db, {
    name: `${label} 2026 自评 🔒`,
    siteId: site.id,
    catalogueId: 'iec-62443-2-1-2024',
    catalogueVersion: '1.0.0',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    scope: ['ORG', 'NET'],
    defaultTargetLevel: 2,
  });
  await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 3, narrative: 'Zwei Firewalls — 防火墙 — جدار 🔥' });
  const big = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
  await addFiles(db, [fileOf('rules.csv', 'a,b\n1,2\n', 'text/csv'), fileOf('capture.bin', big, 'application/octet-stream')], {
    link: { assessmentId: assessment.id, requirementId: 'NET 1.1' },
  });
  await addNote(db, { title: 'Begehung', note: 'Tür offen — 门开着' }, { assessmentId: assessment.id, requirementId: 'ORG 1.1' });
  await addAction(db, assessment.id, 'NET 1.1', { description: 'Regeln prüfen', owner: 'Dana' });
  return { db, assessment };
}

async function bundleOf(db: WorkbookDb, scope: Parameters<typeof packWorkbook>[1] = { kind: 'workbook' }) {
  const sink = memorySink();
  await packWorkbook(await workbookForBundle(db), scope, app, sink);
  return new Blob([sink.bytes() as BlobPart]);
}

async function contents(db: WorkbookDb) {
  const { records, log, blobs } = await workbookForBundle(db);
  const files: Record<string, string> = {};
  for (const [sha, blob] of blobs) files[sha] = sha256Hex(new Uint8Array(await blob.arrayBuffer()));
  return { records, log, files };
}

describe('restoring a workbook from a bundle', () => {
  it('gives back every record, the whole log and every file, and the workbook checks intact', async () => {
    const { db } = await workbook();
    const target = await freshDb();
    const { bundle, files } = await unpackBundle(await bundleOf(db));
    const restored = await restoreWorkbook(target, bundle, files);
    expect(await contents(target)).toEqual(await contents(db));
    const original = await contents(db);
    expect(restored).toEqual({ count: original.log.length, head: original.log.at(-1)!.hash });
    for (const [sha, rehashed] of Object.entries((await contents(target)).files)) expect(rehashed).toBe(sha);
    expect(integrityIntact(await checkIntegrity(target))).toBe(true);
  });

  it('replaces what was there, and continues the log where the bundle ends', async () => {
    const { db } = await workbook();
    const { db: other } = await workbook('Elsewhere');
    const { bundle, files } = await unpackBundle(await bundleOf(db));
    await restoreWorkbook(other, bundle, files);
    expect((await contents(other)).records).toEqual((await contents(db)).records);
    await addNote(other, { title: 'After the restore', note: 'n' });
    expect(integrityIntact(await checkIntegrity(other))).toBe(true);
  });

  it('writes nothing when the disk has no room', async () => {
    const { db } = await workbook();
    const { db: target } = await workbook('Target');
    const before = await contents(target);
    const { bundle, files } = await unpackBundle(await bundleOf(db));
    setSpaceProbe(async () => false);
    await expect(restoreWorkbook(target, bundle, files)).rejects.toThrow(/disk/i);
    expect(await contents(target)).toEqual(before);
  });

  it('refuses a bundle whose records were changed around the log, and one holding a single assessment', async () => {
    const { db, assessment } = await workbook();
    await tamper(db, 'responses', async (store) => {
      store.put({
        ...(await new Promise<Record<string, unknown>>(
          (r) => (store.get([assessment.id, 'NET 1.1']).onsuccess = (e) => r((e.target as IDBRequest).result)),
        )),
        achievedLevel: 4,
      });
    });
    const target = await freshDb();
    const tampered = await unpackBundle(await bundleOf(db));
    expect(tampered.bundle.logProblem).toMatch(/differs from what the change log last recorded/);
    await expect(restoreWorkbook(target, tampered.bundle, tampered.files)).rejects.toThrow(/does not vouch/);
    const { db: clean, assessment: a } = await workbook();
    const one = await unpackBundle(await bundleOf(clean, { kind: 'assessment', assessmentId: a.id }));
    await expect(restoreWorkbook(target, one.bundle, one.files)).rejects.toThrow(/one assessment/);
    expect((await contents(target)).log).toEqual([]);
  });

  it('refuses a log with entries left out, even in a bundle handed over as verified', async () => {
    const { db } = await workbook();
    const { bundle, files } = await unpackBundle(await bundleOf(db));
    expect(bundle.logProblem).toBeNull();
    const { seq, prevHash, hash } = bundle.log[1]!;
    const cut = { ...bundle, log: bundle.log.map((e, i) => (i === 1 ? { seq, withheld: true as const, prevHash, hash } : e)) };
    const target = await freshDb();
    await expect(restoreWorkbook(target, cut, files)).rejects.toThrow(/does not vouch/);
    expect((await contents(target)).log).toEqual([]);
  });
});

describe('adding a bundle to this workbook', () => {
  it('refuses a bundle whose records were changed around the log, writing nothing', async () => {
    const { db, assessment } = await workbook();
    await tamper(db, 'responses', async (store) => {
      store.put({
        ...(await new Promise<Record<string, unknown>>(
          (r) => (store.get([assessment.id, 'NET 1.1']).onsuccess = (e) => r((e.target as IDBRequest).result)),
        )),
        achievedLevel: 4,
      });
    });
    const { bundle, files } = await unpackBundle(await bundleOf(db, { kind: 'assessment', assessmentId: assessment.id }));
    expect(bundle.logProblem).toMatch(/differs from what the change log last recorded/);
    const { db: target } = await workbook('Target');
    const before = await contents(target);
    await expect(mergeBundle(target, bundle, files, {})).rejects.toThrow(/does not vouch/);
    expect(await contents(target)).toEqual(before);
  });

  it('adds the assessment with its answers, links and actions; the same file is stored once', async () => {
    const { db, assessment } = await workbook();
    const { db: target } = await workbook('Target');
    const before = await contents(target);
    const { bundle, files } = await unpackBundle(await bundleOf(db, { kind: 'assessment', assessmentId: assessment.id }));
    expect(await mergeConflicts(target, bundle)).toEqual([]);
    const summary = await mergeBundle(target, bundle, files, {});
    // Both workbooks hold the same two files: they match by hash, the note is new here.
    expect(summary).toMatchObject({ assessments: 1, evidenceMatched: 2, evidenceAdded: 1 });
    const after = await contents(target);
    expect(Object.keys(after.files)).toEqual(Object.keys(before.files));
    expect(after.records.assessments.map((a) => a.name)).toContain(assessment.name);
    expect(after.records.responses.filter((r) => r.assessmentId === assessment.id)).toHaveLength(1);
    expect(after.records.links.filter((l) => l.assessmentId === assessment.id)).toHaveLength(3);
    expect(after.records.actions.filter((a) => a.assessmentId === assessment.id)).toHaveLength(1);
    expect(new Set(after.records.evidence.map((e) => e.id)).size).toBe(after.records.evidence.length);
    expect(integrityIntact(await checkIntegrity(target))).toBe(true);
  });

  it('keeps both copies of an assessment it already has, or replaces it, as chosen', async () => {
    const { db, assessment } = await workbook();
    const { bundle, files } = await unpackBundle(await bundleOf(db, { kind: 'assessment', assessmentId: assessment.id }));
    expect(await mergeConflicts(db, bundle)).toEqual([{ id: assessment.id, name: assessment.name, existingName: assessment.name }]);
    await expect(mergeBundle(db, bundle, files, {})).rejects.toThrow(/Choose whether/);
    await mergeBundle(db, bundle, files, { [assessment.id]: 'keep-both' });
    const both = (await contents(db)).records.assessments;
    expect(both.map((a) => a.name).sort()).toEqual([assessment.name, `${assessment.name} (imported)`].sort());
    await saveResponse(db, assessment.id, 'NET 1.1', { narrative: 'changed here' });
    await mergeBundle(db, bundle, files, { [assessment.id]: 'replace' });
    const replaced = (await contents(db)).records.responses.find((r) => r.assessmentId === assessment.id && r.requirementId === 'NET 1.1');
    expect(replaced?.narrative).toBe('Zwei Firewalls — 防火墙 — جدار 🔥');
    expect(integrityIntact(await checkIntegrity(db))).toBe(true);
  });

  it('brings a signed-off assessment in signed off, and will not replace a signed-off one here', async () => {
    const { db, assessment } = await workbook();
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', { signOff: { by: 'Marcus', role: 'Approver', at: '2026-06-30', note: '' } });
    const { bundle, files } = await unpackBundle(await bundleOf(db, { kind: 'assessment', assessmentId: assessment.id }));
    const target = await freshDb();
    await mergeBundle(target, bundle, files, {});
    expect((await contents(target)).records.assessments[0]).toMatchObject({ status: 'signed-off', signOff: { by: 'Marcus' } });
    const before = await contents(db);
    await expect(mergeBundle(db, bundle, files, { [assessment.id]: 'replace' })).rejects.toThrow(/signed off and locked/);
    expect(await contents(db)).toEqual(before);
  });
});
