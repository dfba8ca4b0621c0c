/**
 * The snapshot every Word document is built from, made from a real workbook database (the sample, in
 * fake-indexeddb) rather than by hand: what a reader of the report relies on is checked against the
 * records themselves, read here without going through buildSnapshot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { indexCatalogue } from '../../core/catalogue/lookup';
import { todayLocal } from '../../core/rules/rules';
import { scoreAssessment } from '../../core/scoring/score';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { Assessment } from '../../core/records/model';
import type { WorkbookDb } from '../db/database';
import { logHead } from '../db/integrity';
import { addAction } from '../db/repo/actions';
import { createAssessment } from '../db/repo/assessments';
import { addNote } from '../db/repo/evidence';
import { saveOverlay } from '../db/repo/overlays';
import { saveResponse } from '../db/repo/responses';
import { freshDb, tamper, tamperRecord } from '../db/testDb';
import { loadSampleWorkbook } from '../sample/loadSample';
import { buildSnapshot } from './buildSnapshot';

const index = indexCatalogue(catalogue2024());

/** The sample, plus records that must stay out of its snapshot: a second assessment with its own answer, evidence and action, and an unlinked note. */
async function sampleWithNeighbours(): Promise<{ db: WorkbookDb; assessmentId: string; other: Assessment }> {
  const db = await freshDb();
  const { assessmentId } = await loadSampleWorkbook(db, new Date());
  const sampleSite = (await db.assessments.get(assessmentId))!.siteId;
  const otherSite = (await db.sites.toArray()).find((s) => s.id !== sampleSite)!;
  const other = await createAssessment(db, {
    name: 'Another site, another year',
    siteId: otherSite.id,
    catalogueId: 'iec-62443-2-1-2024',
    catalogueVersion: '1.0.0',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    scope: ['ORG'],
    defaultTargetLevel: 2,
  });
  const ref = { assessmentId: other.id, requirementId: 'ORG 1.1' };
  await saveResponse(db, other.id, 'ORG 1.1', { achievedLevel: 4, narrative: 'Only in the other assessment.' });
  await addNote(db, { title: 'Other assessment only', note: 'Linked to the other assessment.' }, ref);
  await addAction(db, other.id, 'ORG 1.1', { description: 'Other assessment action' });
  await addNote(db, { title: 'Linked to nothing', note: 'In the library, linked to no requirement.' });
  return { db, assessmentId, other };
}

describe('buildSnapshot from the sample workbook', () => {
  let db: WorkbookDb;
  let assessmentId: string;
  let other: Assessment;
  let snapshot: WorkbookSnapshot;

  beforeAll(async () => {
    ({ db, assessmentId, other } = await sampleWithNeighbours());
    snapshot = await buildSnapshot(db, assessmentId, { includeLicensedText: false });
  });

  it('holds this assessment and only its records', async () => {
    expect(snapshot.assessment.id).toBe(assessmentId);
    expect(snapshot.catalogue.id).toBe('iec-62443-2-1-2024');
    const key = (r: { requirementId: string }) => r.requirementId;
    const responses = await db.responses.where('assessmentId').equals(assessmentId).toArray();
    expect(snapshot.responses.map(key).sort()).toEqual(responses.map(key).sort());
    expect(snapshot.responses).toHaveLength(29);
    expect(snapshot.links).toHaveLength(20);
    expect(snapshot.actions.map((a) => a.id).sort()).toEqual(
      (await db.actions.where('assessmentId').equals(assessmentId).toArray()).map((a) => a.id).sort(),
    );
    for (const records of [snapshot.responses, snapshot.links, snapshot.actions]) {
      expect(records.every((r) => r.assessmentId === assessmentId)).toBe(true);
    }
    expect(JSON.stringify(snapshot)).not.toContain(other.id);
  });

  it('lists exactly the evidence its links reference, in EV-number order', async () => {
    const linked = new Set((await db.links.where('assessmentId').equals(assessmentId).toArray()).map((l) => l.evidenceId));
    const expected = (await db.evidence.toArray())
      .filter((e) => linked.has(e.id))
      .sort((a, b) => a.number - b.number)
      .map((e) => e.id);
    expect(snapshot.evidence.map((e) => e.id)).toEqual(expected);
    const numbers = snapshot.evidence.map((e) => e.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const titles = snapshot.evidence.map((e) => e.title);
    expect(titles).not.toContain('Other assessment only');
    expect(titles).not.toContain('Linked to nothing');
    // The sample links every evidence it has; the library also holds those two, left out by the snapshot.
    expect(snapshot.evidence).toHaveLength((await db.evidence.count()) - 2);
  });

  it('scores the records as core scoring does, read straight from the database', async () => {
    const assessment = (await db.assessments.get(assessmentId))!;
    const responses = await db.responses.toArray();
    const expected = scoreAssessment(index, {
      assessment,
      responses,
      links: await db.links.toArray(),
      evidence: await db.evidence.toArray(),
      actions: await db.actions.toArray(),
      today: snapshot.today,
    });
    expect(snapshot.scores.overall).toEqual(expected.overall);
    for (const spe of index.catalogue.spes.map((s) => s.id)) expect(snapshot.scores.spes[spe], spe).toEqual(expected.spes.get(spe));
    expect(snapshot.scores.gaps.map((g) => g.requirementId)).toEqual(expected.gaps.map((g) => g.requirementId));

    // A few figures by hand, from the rules in src/core/scoring/score.ts.
    const mine = responses.filter((r) => r.assessmentId === assessmentId);
    const inScope = index.requirements.filter((r) => assessment.scope.includes(r.speId)).length;
    const notApplicable = mine.filter((r) => !r.applicable).length;
    const assessed = mine.filter((r) => r.applicable && r.achievedLevel !== null);
    const totalGap = assessed.reduce((n, r) => n + Math.max(0, (r.targetLevel ?? assessment.defaultTargetLevel) - r.achievedLevel!), 0);
    expect(notApplicable).toBe(2);
    expect(snapshot.scores.overall.requirements).toBe(inScope);
    expect(snapshot.scores.overall.applicable).toBe(inScope - notApplicable);
    expect(snapshot.scores.overall.assessed).toBe(assessed.length);
    expect(snapshot.scores.overall.totalGap).toBe(totalGap);
    expect(snapshot.scores.overall.attained).toBe(Math.min(...assessed.map((r) => r.achievedLevel!)));
    for (const r of assessed) expect(snapshot.scores.requirements[r.requirementId]?.achieved, r.requirementId).toBe(r.achievedLevel);
  });

  it('attests the change log with its real head hash and entry count', async () => {
    const head = await logHead(db);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(snapshot.changeLog).toEqual({
      entries: entries.length,
      firstAt: entries[0]!.at,
      lastAt: entries.at(-1)!.at,
      headHash: head.head,
      verified: true,
      brokenAt: null,
      reason: null,
    });
    expect(head.count).toBe(entries.length);
    expect(snapshot.changeLog.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the organization, the site, the people and who prepared it, and the app version', async () => {
    expect(snapshot.organization).toEqual({ name: 'North Valley Water Authority', classification: 'TLP:AMBER' });
    const site = (await db.sites.get(snapshot.assessment.siteId))!;
    expect(snapshot.site).toEqual({ name: site.name, location: site.location });
    const people = await db.people.toArray();
    expect(snapshot.people).toHaveLength(4);
    expect(snapshot.people.map((p) => p.name)).toEqual(people.map((p) => p.name).sort());
    expect(snapshot.people.every((p) => Object.keys(p).sort().join() === 'email,name,role')).toBe(true);
    expect(snapshot.preparedBy).toEqual({ name: expect.any(String), role: 'OT security lead' });
    expect(snapshot.app).toEqual({ name: 'CSMS Workbook', version: pkg.version });
    // Expiry and overdue are judged on the user's calendar day, not the UTC one.
    expect(snapshot.today).toBe(todayLocal(new Date(snapshot.generatedAt)));
  });

  it('carries no licensed text unless asked, and the imported text when asked', async () => {
    expect(snapshot.licensedText).toBeNull();
    const entries = [
      { id: 'ORG 1.1', text: 'Licensed wording of ORG 1.1.' },
      { id: 'NET 1.1', text: 'Licensed wording of NET 1.1.', title: 'Network segmentation' },
    ];
    await saveOverlay(db, 'iec-62443-2-1-2024', 'licensed.csv', entries);
    expect((await buildSnapshot(db, assessmentId, { includeLicensedText: false })).licensedText).toBeNull();
    const withText = await buildSnapshot(db, assessmentId, { includeLicensedText: true });
    expect(withText.licensedText).toEqual(entries);
    expect(withText.changeLog.verified).toBe(true);
    expect(withText.changeLog.entries).toBe(snapshot.changeLog.entries + 1);
  });

  it('refuses an assessment that does not exist', async () => {
    await expect(buildSnapshot(db, 'no-such-assessment', { includeLicensedText: false })).rejects.toThrow(
      'That assessment no longer exists.',
    );
  });
});

describe('buildSnapshot after a change outside the log', () => {
  it('does not say verified when a response was edited directly in the database', async () => {
    const { db, assessmentId } = await sampleWithNeighbours();
    const before = await buildSnapshot(db, assessmentId, { includeLicensedText: false });
    expect(before.changeLog.verified).toBe(true);

    const target = before.responses.find((r) => r.applicable)!;
    await tamperRecord(db, 'responses', [assessmentId, target.requirementId], { narrative: 'Rewritten without the app.' });
    const after = await buildSnapshot(db, assessmentId, { includeLicensedText: false });

    expect(after.responses.find((r) => r.requirementId === target.requirementId)!.narrative).toBe('Rewritten without the app.');
    expect(after.changeLog.verified).toBe(false);
    expect(after.changeLog.headHash).toBe('');
    expect(after.changeLog.entries).toBe(before.changeLog.entries);
    expect(after.changeLog.reason).toMatch(/changed outside the app/);
    expect(after.changeLog.reason).toContain(target.requirementId);
  });

  it('counts a file whose stored bytes are gone as backing no level, and names it, without changing any record', async () => {
    const { db, assessmentId } = await sampleWithNeighbours();
    const before = await buildSnapshot(db, assessmentId, { includeLicensedText: false });
    expect(before.damagedEvidence).toBeUndefined();
    // A requirement whose only in-date evidence is one file.
    const inDate = (id: string) => before.evidence.find((e) => e.id === id && (!e.expiresOn || e.expiresOn >= before.today));
    const target = before.responses.find((r) => {
      const cited = before.links.filter((l) => l.requirementId === r.requirementId).map((l) => inDate(l.evidenceId));
      return r.applicable && r.achievedLevel && cited.filter(Boolean).length === 1 && cited.find(Boolean)!.kind === 'file';
    })!;
    const file = before.links.flatMap((l) => (l.requirementId === target.requirementId ? (inDate(l.evidenceId) ?? []) : []))[0]!;
    expect(before.scores.requirements[target.requirementId]!.hasValidEvidence).toBe(true);
    const shared = before.evidence.filter((e) => e.sha256 === file.sha256).map((e) => e.id);

    await tamper(db, 'blobs', (store) => store.delete(file.sha256!));
    const after = await buildSnapshot(db, assessmentId, { includeLicensedText: false });
    expect(after.damagedEvidence).toEqual(shared.sort());
    expect(after.scores.requirements[target.requirementId]!.hasValidEvidence).toBe(false);
    expect(after.evidence).toEqual(before.evidence);
  });
});
