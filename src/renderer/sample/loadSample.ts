/**
 * Writes the sample workbook into a database through the repository functions, so every record it
 * creates is in the change log like any other. Into a workbook that already has an organization, only
 * the sample site and assessment (with its answers, evidence and actions) are added: the existing
 * organization, people and "who is working" setting are left as they are.
 */
import { sampleWorkbook, type SamplePersonKey } from '../../core/sample/sampleData';
import type { WorkbookDb } from '../db/database';
import { addAction } from '../db/repo/actions';
import { createAssessment } from '../db/repo/assessments';
import { addFiles, addLink, addNote, linkEvidence, updateEvidence } from '../db/repo/evidence';
import { addPerson, addSite, saveOrganization } from '../db/repo/people';
import { saveResponse } from '../db/repo/responses';
import { saveSetting } from '../db/repo/settings';

export async function loadSampleWorkbook(db: WorkbookDb, today = new Date()): Promise<{ assessmentId: string }> {
  const sample = sampleWorkbook(today);
  const fresh = !(await db.organization.get('organization'));
  const classification = sample.organization.classification;
  const names = Object.fromEntries(sample.people.map((p) => [p.key, p.name])) as Record<SamplePersonKey, string>;

  let siteId: string | undefined;
  if (fresh) {
    await saveOrganization(db, sample.organization);
    const people = new Map<SamplePersonKey, string>();
    for (const person of sample.people) {
      const { key, ...fields } = person;
      people.set(key, (await addPerson(db, fields)).id);
    }
    // From here on the change log names the OT security lead as the one making the changes.
    await saveSetting(db, 'actorId', people.get(sample.actor)!);
    for (const [i, site] of sample.sites.entries()) {
      const added = await addSite(db, site);
      if (i === sample.assessment.site) siteId = added.id;
    }
  } else {
    siteId = (await addSite(db, sample.sites[sample.assessment.site]!)).id;
  }

  const { site: _site, ...assessmentFields } = sample.assessment;
  const assessment = await createAssessment(db, { ...assessmentFields, siteId: siteId! });
  const ref = (requirementId: string) => ({ assessmentId: assessment.id, requirementId });

  for (const response of sample.responses) {
    await saveResponse(db, assessment.id, response.requirementId, {
      applicable: response.applicable,
      justification: response.justification ?? '',
      achievedLevel: response.achievedLevel,
      targetLevel: response.targetLevel ?? null,
      narrative: response.narrative,
      gaps: response.gaps ?? '',
      reviewStatus: response.review?.status ?? 'none',
      reviewComment: response.review?.comment ?? '',
    });
  }

  for (const item of sample.evidence) {
    const [first, ...others] = item.requirementIds;
    const metadata = {
      title: item.title,
      owner: names[item.owner],
      classification,
      ...(item.collectedOn ? { collectedOn: item.collectedOn } : {}),
      ...(item.expiresOn ? { expiresOn: item.expiresOn } : {}),
    };
    let evidenceId: string;
    if (item.kind === 'file') {
      const outcome = await addFiles(
        db,
        [{ name: item.fileName, type: item.mediaType, blob: new Blob([item.bytes as BlobPart], { type: item.mediaType }) }],
        {
          ...(first ? { link: ref(first) } : {}),
          duplicates: 'add-anyway',
          classification,
        },
      );
      if (outcome.status !== 'added') throw new Error(`The sample file ${item.fileName} was not added.`);
      evidenceId = outcome.evidence[0]!.id;
      // addFiles titles a file by its name; the sample gives it a proper title, owner and dates.
      await updateEvidence(db, evidenceId, metadata);
    } else if (item.kind === 'link') {
      evidenceId = (await addLink(db, { ...metadata, location: item.location }, first ? ref(first) : undefined)).id;
    } else {
      evidenceId = (await addNote(db, { ...metadata, note: item.note }, first ? ref(first) : undefined)).id;
    }
    for (const requirementId of others) await linkEvidence(db, evidenceId, ref(requirementId));
  }

  for (const action of sample.actions) {
    const { requirementId, owner, ...fields } = action;
    await addAction(db, assessment.id, requirementId, { ...fields, owner: names[owner] });
  }

  return { assessmentId: assessment.id };
}
