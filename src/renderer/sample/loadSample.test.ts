import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { indexCatalogue } from '../../core/catalogue/lookup';
import { sha256Hex } from '../../core/hashing/sha256';
import { sampleWorkbook, shiftDays } from '../../core/sample/sampleData';
import { checkIntegrity, checkLog, verifyAudit } from '../db/integrity';
import { overdueActions } from '../db/repo/actions';
import { addPerson, saveOrganization } from '../db/repo/people';
import { saveSetting } from '../db/repo/settings';
import { freshDb } from '../db/testDb';
import { loadSampleWorkbook } from './loadSample';

const catalogue = indexCatalogue(catalogue2024());
const today = new Date(2026, 4, 15);
const todayIso = '2026-05-15';

describe('the sample workbook', () => {
  it('loads a full assessment: organization, people, answers, evidence with links, and actions', async () => {
    const db = await freshDb();
    const { assessmentId } = await loadSampleWorkbook(db, today);

    expect(await db.organization.get('organization')).toMatchObject({ name: 'North Valley Water Authority', classification: 'TLP:AMBER' });
    expect(await db.people.count()).toBe(4);
    expect(await db.sites.count()).toBe(2);
    const assessment = (await db.assessments.get(assessmentId))!;
    expect(assessment).toMatchObject({
      catalogueId: 'iec-62443-2-1-2024',
      catalogueVersion: '1.0.0',
      defaultTargetLevel: 3,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'draft',
    });
    expect(assessment.scope).toEqual(catalogue.catalogue.spes.map((s) => s.id));

    const responses = await db.responses.where('assessmentId').equals(assessmentId).toArray();
    const evidence = await db.evidence.toArray();
    const links = await db.links.where('assessmentId').equals(assessmentId).toArray();
    const actions = await db.actions.where('assessmentId').equals(assessmentId).toArray();
    expect(responses).toHaveLength(29);
    expect(evidence.map((e) => e.kind).sort()).toEqual([...Array(8).fill('file'), ...Array(3).fill('link'), ...Array(2).fill('note')]);
    expect(links).toHaveLength(20);
    expect(actions).toHaveLength(6);
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['open', 'in-progress', 'done']));

    // Every file evidence is linked to one to three requirements; at least one evidence serves two or more.
    const linkCount = (id: string) => links.filter((l) => l.evidenceId === id).length;
    for (const e of evidence.filter((e) => e.kind === 'file')) expect(linkCount(e.id)).toBeGreaterThanOrEqual(1);
    for (const e of evidence.filter((e) => e.kind === 'file')) expect(linkCount(e.id)).toBeLessThanOrEqual(3);
    expect(evidence.some((e) => linkCount(e.id) >= 2)).toBe(true);
  });

  it('uses only requirement IDs of the 2024 catalogue, covering every element in scope', async () => {
    const db = await freshDb();
    const { assessmentId } = await loadSampleWorkbook(db, today);
    const ids = [
      ...(await db.responses.where('assessmentId').equals(assessmentId).toArray()).map((r) => r.requirementId),
      ...(await db.links.toArray()).map((l) => l.requirementId),
      ...(await db.actions.toArray()).map((a) => a.requirementId),
    ];
    expect(ids.filter((id) => !catalogue.requirement(id))).toEqual([]);
    const responded = new Set((await db.responses.toArray()).map((r) => r.requirementId.split(' ')[0]));
    expect([...responded].sort()).toEqual(catalogue.catalogue.spes.map((s) => s.id).sort());
  });

  it('has realistic answers: levels, gaps below target, not-applicable and flagged ones', async () => {
    const db = await freshDb();
    const { assessmentId } = await loadSampleWorkbook(db, today);
    const responses = await db.responses.where('assessmentId').equals(assessmentId).toArray();
    const notApplicable = responses.filter((r) => !r.applicable);
    expect(notApplicable).toHaveLength(2);
    for (const r of notApplicable) expect(r.justification.length).toBeGreaterThan(40);
    const flagged = responses.filter((r) => r.reviewStatus === 'flagged');
    expect(flagged).toHaveLength(2);
    for (const r of flagged) expect(r.reviewComment).not.toBe('');
    const assessed = responses.filter((r) => r.applicable);
    expect(assessed.every((r) => r.achievedLevel !== null && r.narrative.length > 80)).toBe(true);
    expect(new Set(assessed.map((r) => r.achievedLevel)).size).toBeGreaterThanOrEqual(3);
    expect(responses.some((r) => r.targetLevel !== null)).toBe(true);
    const belowTarget = assessed.filter((r) => r.achievedLevel! < (r.targetLevel ?? 3));
    expect(belowTarget.length).toBeGreaterThan(5);
    expect(belowTarget.filter((r) => !r.gaps.trim()).map((r) => r.requirementId)).toEqual([]);
  });

  it('places dates around the given day: expired and soon-expiring evidence, overdue actions', async () => {
    const db = await freshDb();
    await loadSampleWorkbook(db, today);
    const evidence = await db.evidence.toArray();
    expect(evidence.filter((e) => e.expiresOn && e.expiresOn < todayIso).length).toBeGreaterThanOrEqual(1);
    const in30 = shiftDays(today, 30);
    expect(evidence.filter((e) => e.expiresOn && e.expiresOn >= todayIso && e.expiresOn <= in30).length).toBeGreaterThanOrEqual(1);
    expect(evidence.every((e) => e.owner !== '' && e.classification === 'TLP:AMBER')).toBe(true);
    expect(evidence.every((e) => !e.location || !/^[a-z]+:\/\//i.test(e.location))).toBe(true);
    const overdue = await overdueActions(db, todayIso);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.every((a) => a.dueDate! < todayIso)).toBe(true);

    // A year later, the same sample is still current relative to its own day.
    const later = await freshDb();
    await loadSampleWorkbook(later, new Date(2027, 4, 15));
    expect(await overdueActions(later, '2027-05-15')).toHaveLength(overdue.length);
    expect((await later.assessments.toArray())[0]!.periodStart).toBe('2027-01-01');
  });

  it('stores valid files whose bytes match their hashes, and records every change in a verified log', async () => {
    const db = await freshDb();
    await loadSampleWorkbook(db, today);
    const files = await db.evidence.where('kind').equals('file').toArray();
    expect(new Set(files.map((f) => f.mediaType))).toEqual(new Set(['application/pdf', 'text/csv', 'image/png']));
    for (const file of files) {
      const bytes = new Uint8Array(await (await db.blobs.get(file.sha256!))!.blob.arrayBuffer());
      expect(bytes.length).toBe(file.size);
      expect(sha256Hex(bytes)).toBe(file.sha256);
      if (file.mediaType === 'application/pdf') expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      if (file.mediaType === 'image/png') expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      expect(file.title).not.toBe(file.fileName);
    }

    const verdict = await verifyAudit(db);
    expect(verdict.ok).toBe(true);
    expect(verdict.count).toBeGreaterThan(29 + 13 + 20 + 6);
    const report = await checkIntegrity(db);
    expect(report.blobProblems).toEqual([]);
    expect((await checkLog(db)).data.ok).toBe(true);
    expect(report.filesChecked).toBe(8);

    // The changes after the first few are made as the OT security lead.
    const lead = (await db.people.toArray()).find((p) => p.role === 'OT security lead')!;
    expect((await db.settings.get('actorId'))?.value).toBe(lead.id);
    const responseEntries = await db.audit.filter((e) => e.entity === 'response').toArray();
    expect(responseEntries.every((e) => e.actor === lead.name)).toBe(true);
    expect((await db.responses.toArray()).every((r) => r.updatedBy === lead.id)).toBe(true);
  });

  it('opens only into a workbook of its own, and writes nothing into one that is in use', async () => {
    const db = await freshDb();
    await saveOrganization(db, { name: 'Lakeside Energy', classification: 'TLP:RED' });
    const me = await addPerson(db, { name: 'Alex Moreno', role: 'Engineer' });
    await saveSetting(db, 'actorId', me.id);
    const before = { audit: await db.audit.count(), evidence: await db.evidence.count(), sites: await db.sites.count() };

    await expect(loadSampleWorkbook(db, today)).rejects.toThrow('The sample opens only into a workbook of its own.');
    expect({ audit: await db.audit.count(), evidence: await db.evidence.count(), sites: await db.sites.count() }).toEqual(before);
    expect((await db.meta.get('nextEvidenceNumber'))?.value).toBe(1);
  });

  it('lands whole or not at all: a failure part-way leaves the database empty', async () => {
    const db = await freshDb();
    const failing = sampleWorkbook(today);
    // The last action is invalid, so the load fails after everything else has been written in its transaction.
    const broken = { ...failing, actions: [...failing.actions, { ...failing.actions[0]!, description: '' }] };
    await expect(loadSampleWorkbook(db, today, broken)).rejects.toThrow(/describe the action/);
    for (const table of db.tables) if (table.name !== 'meta') expect(await table.count(), table.name).toBe(0);
  });
});
