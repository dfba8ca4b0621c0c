/**
 * The screens' queries, on a real workbook (the sample plus a second assessment and a re-assessment):
 * each returns what its screen showed when it read the tables itself, and nothing of other assessments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { progressOf } from '../../../core/scoring/score';
import type { Assessment } from '../../../core/records/model';
import { catalogueById } from '../../content/catalogues';
import { loadSampleWorkbook } from '../../sample/loadSample';
import type { WorkbookDb } from '../database';
import { addAction } from '../repo/actions';
import { archiveAssessment, createAssessment, duplicateAssessment, listAssessments, updateAssessment } from '../repo/assessments';
import { addNote } from '../repo/evidence';
import { addPerson } from '../repo/people';
import { saveResponse } from '../repo/responses';
import { freshDb } from '../testDb';
import { assessmentRows } from './assessmentList';
import { dashboardRecords, workspaceRecords } from './assessmentRecords';
import { evidenceByNumber, evidenceLibrary } from './evidenceLibrary';
import { organizationProfile, peopleAndActor, readOrganization, sitesByName } from './profile';
import { snapshotRecords } from './snapshot';

let db: WorkbookDb;
let sampleId: string;
let other: Assessment;
let again: Assessment;

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();

beforeAll(async () => {
  db = await freshDb();
  ({ assessmentId: sampleId } = await loadSampleWorkbook(db, new Date()));
  const sample = (await db.assessments.get(sampleId))!;
  const otherSite = (await db.sites.toArray()).find((s) => s.id !== sample.siteId)!;
  other = await createAssessment(db, {
    name: 'Another site',
    siteId: otherSite.id,
    catalogueId: sample.catalogueId,
    catalogueVersion: sample.catalogueVersion,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    scope: ['ORG'],
    defaultTargetLevel: 2,
  });
  await saveResponse(db, other.id, 'ORG 1.1', { achievedLevel: 3 });
  await saveResponse(db, other.id, 'ORG 1.2', { applicable: false, justification: 'Not here.' });
  await addNote(db, { title: 'Other only', note: 'x' }, { assessmentId: other.id, requirementId: 'ORG 1.1' });
  await addAction(db, other.id, 'ORG 1.1', { description: 'Other action' });
  again = await duplicateAssessment(db, sampleId, { name: 'Next year', periodStart: '2027-01-01', periodEnd: '2027-12-31' });
  await archiveAssessment(db, other.id);
});

describe('assessmentRows (the assessments list)', () => {
  it('counts progress with core’s rule from each assessment’s own responses, as the screen did from all of them', async () => {
    const rows = await assessmentRows(db, { includeArchived: true });
    const everyResponse = await db.responses.toArray();
    expect(rows.map((r) => r.assessment.id)).toEqual((await db.assessments.orderBy('updatedAt').reverse().toArray()).map((a) => a.id));
    for (const row of rows) {
      const catalogue = catalogueById(row.assessment.catalogueId)!;
      const expected = progressOf(
        catalogue,
        row.assessment,
        everyResponse.filter((r) => r.assessmentId === row.assessment.id),
      );
      expect(row.progress).toEqual({ assessed: expected.assessed, applicable: expected.applicable });
      expect(row.siteName).toBe((await db.sites.get(row.assessment.siteId))!.name);
      expect(row.edition).toBe(catalogue.catalogue.edition);
    }
    expect(rows.find((r) => r.assessment.id === other.id)!.progress).toMatchObject({ assessed: 1 });
  });

  it('leaves archived assessments out unless asked for', async () => {
    expect(ids((await assessmentRows(db, { includeArchived: false })).map((r) => r.assessment))).toEqual([again.id, sampleId].sort());
  });
});

describe('workspaceRecords and dashboardRecords (one assessment)', () => {
  it('read only that assessment’s responses, links, actions and the evidence it links', async () => {
    const records = (await workspaceRecords(db, sampleId))!;
    const links = (await db.links.toArray()).filter((l) => l.assessmentId === sampleId);
    expect(records.responses).toHaveLength((await db.responses.toArray()).filter((r) => r.assessmentId === sampleId).length);
    expect(records.links).toHaveLength(links.length);
    expect(ids(records.actions)).toEqual(ids((await db.actions.toArray()).filter((a) => a.assessmentId === sampleId)));
    expect(ids(records.evidence)).toEqual([...new Set(links.map((l) => l.evidenceId))].sort());
    expect(records.evidence.some((e) => e.title === 'Other only')).toBe(false);
    expect(await workspaceRecords(db, 'gone')).toBeNull();
  });

  it('for the trend: the site’s other unarchived assessments on the same catalogue, with their responses', async () => {
    const records = (await dashboardRecords(db, sampleId))!;
    expect(ids(records.siblings)).toEqual([again.id, sampleId].sort());
    expect(new Set(records.responses.map((r) => r.assessmentId))).toEqual(new Set([sampleId, again.id]));
    expect(ids(records.actions)).toEqual(ids((await workspaceRecords(db, sampleId))!.actions));
    expect(await dashboardRecords(db, 'gone')).toBeNull();
  });

  it('with no assessment chosen: the one the pickers show first, the most recently changed not archived', async () => {
    const newest = (await db.assessments.orderBy('updatedAt').reverse().first())!;
    // The archived one was changed last (archiving it), so "most recent" alone would pick it.
    expect(newest.id).toBe(other.id);
    const shown = (await listAssessments(db))[0]!;
    expect(shown.id).not.toBe(other.id);
    const records = (await dashboardRecords(db, ''))!;
    expect(records.assessment.id).toBe(shown.id);
    expect(records).toEqual(await dashboardRecords(db, shown.id));
  });

  it('with no assessment chosen: the same records as when it is named, its links, evidence and actions included', async () => {
    const sample = (await db.assessments.get(sampleId))!;
    // Renamed to the same name: now the most recently changed.
    await updateAssessment(db, sampleId, { name: sample.name });
    const records = (await dashboardRecords(db, ''))!;
    expect(records.assessment.id).toBe(sampleId);
    expect(records.links.length).toBeGreaterThan(0);
    expect(records.evidence.length).toBeGreaterThan(0);
    expect(records.actions.length).toBeGreaterThan(0);
    expect(records).toEqual(await dashboardRecords(db, sampleId));
  });

  it('snapshotRecords adds organization, site and people by name; a missing assessment is refused', async () => {
    const records = await snapshotRecords(db, sampleId);
    expect(records.organization?.name).toBe('North Valley Water Authority');
    expect(records.site?.id).toBe(records.assessment.siteId);
    expect(records.people.map((p) => p.name)).toEqual((await db.people.orderBy('name').toArray()).map((p) => p.name));
    await expect(snapshotRecords(db, 'gone')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('profile and library reads', () => {
  it('give the organization, sites and people in the order each screen shows them', async () => {
    expect(await readOrganization(db)).toMatchObject({ name: 'North Valley Water Authority' });
    expect(await readOrganization(await freshDb())).toBeNull();
    const sites = await db.sites.toArray();
    expect((await sitesByName(db)).map((s) => s.name)).toEqual(sites.map((s) => s.name).sort());
    const profile = await organizationProfile(db);
    expect(profile.sites.map((s) => s.createdAt)).toEqual(sites.map((s) => s.createdAt).sort());
    expect(profile.organization?.classification).toBe('TLP:AMBER');

    await addPerson(db, { name: 'Aaron Added-Last' });
    const byName = await peopleAndActor(db, 'name');
    const added = await peopleAndActor(db, 'added');
    expect(byName.people[0]!.name).toBe('Aaron Added-Last');
    expect(added.people.at(-1)!.name).toBe('Aaron Added-Last');
    expect(byName.actorId).toBe((await db.settings.get('actorId'))!.value);
  });

  it('give the whole library with its links, and the evidence in EV number order', async () => {
    const library = await evidenceLibrary(db);
    expect(library.evidence).toHaveLength(await db.evidence.count());
    expect(library.links).toHaveLength(await db.links.count());
    const numbers = (await evidenceByNumber(db)).map((e) => e.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});
