/**
 * The sample workbook lives in a database of its own, apart from the user's: opening it adds nothing to
 * the user's workbook, and closing it deletes that database whole. It is written through the repository
 * functions (so its change log is like any other) inside one transaction: it lands whole or not at all.
 */
import { conductRecord } from '../../core/sample/sampleConduct';
import { sampleWorkbook, type SamplePersonKey } from '../../core/sample/sampleData';
import { deleteWorkbook, openWorkbook, type WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { hashBlobHere } from '../db/hashBlob';
import { mutate } from '../db/mutate';
import { readOrganization } from '../db/queries/profile';
import { ensureSpace } from '../db/space';
import { addAction } from '../db/repo/actions';
import { createAssessment } from '../db/repo/assessments';
import { updateConduct } from '../db/repo/conduct';
import { addFiles, addLink, addNote, linkEvidence, updateEvidence } from '../db/repo/evidence';
import { addPerson, addSite, saveOrganization } from '../db/repo/people';
import { saveResponse } from '../db/repo/responses';
import { saveSetting } from '../db/repo/settings';
import { SAMPLE_DATABASE_NAME } from './sampleDatabase';

/** Writes the sample into an empty workbook database, in one transaction. */
export async function loadSampleWorkbook(
  db: WorkbookDb,
  today = new Date(),
  sample = sampleWorkbook(today),
): Promise<{ assessmentId: string }> {
  const classification = sample.organization.classification;
  const names = Object.fromEntries(sample.people.map((p) => [p.key, p.name])) as Record<SamplePersonKey, string>;
  const blobs = new Map(
    sample.evidence.flatMap((item) =>
      item.kind === 'file' ? [[item.fileName, new Blob([item.bytes as BlobPart], { type: item.mediaType })]] : [],
    ),
  );
  // Hashed before the transaction: awaiting the hasher inside it would end the transaction early.
  const hashes = new Map<Blob, string>();
  for (const blob of blobs.values()) hashes.set(blob, await hashBlobHere(blob));
  const known = (blob: Blob) => Promise.resolve(hashes.get(blob)!);
  const bytes = [...blobs.values()].reduce((n, b) => n + b.size, 0);

  return mutate(
    db,
    async () => {
      if (await readOrganization(db)) throw new WorkbookError('The sample opens only into a workbook of its own.', 'conflict');
      await saveOrganization(db, sample.organization);
      const people = new Map<SamplePersonKey, string>();
      for (const person of sample.people) {
        const { key, ...fields } = person;
        people.set(key, (await addPerson(db, fields)).id);
      }
      // From here on the change log names the OT security lead as the one making the changes.
      await saveSetting(db, 'actorId', people.get(sample.actor)!);
      let siteId = '';
      for (const [i, site] of sample.sites.entries()) {
        const added = await addSite(db, site);
        if (i === sample.assessment.site) siteId = added.id;
      }

      const { site: _site, ...assessmentFields } = sample.assessment;
      const assessment = await createAssessment(db, { ...assessmentFields, siteId });
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

      const evidenceIds: string[] = [];
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
          const outcome = await addFiles(db, [{ name: item.fileName, type: item.mediaType, blob: blobs.get(item.fileName)! }], {
            ...(first ? { link: ref(first) } : {}),
            duplicates: 'add-anyway',
            classification,
            hasher: known,
          });
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
        evidenceIds.push(evidenceId);
      }
      await updateConduct(
        db,
        assessment.id,
        conductRecord(sample.conduct, (position) => evidenceIds[position - 1]!),
      );

      for (const action of sample.actions) {
        const { requirementId, owner, ...fields } = action;
        await addAction(db, assessment.id, requirementId, { ...fields, owner: names[owner] });
      }
      return { assessmentId: assessment.id };
    },
    { addsBytes: bytes },
  );
}

/** Room for the sample's files, records and log, generously. */
const SAMPLE_BYTES = 2 * 1024 * 1024;

/** Creates the sample's own database afresh and fills it; a half-made one from an interrupted try is replaced. */
export async function createSampleDatabase(today = new Date()): Promise<{ assessmentId: string }> {
  // Even creating the database writes to the origin's store, which a full disk can damage: check first.
  await ensureSpace(SAMPLE_BYTES);
  await deleteWorkbook(SAMPLE_DATABASE_NAME);
  const db = await openWorkbook(SAMPLE_DATABASE_NAME);
  try {
    return await loadSampleWorkbook(db, today);
  } finally {
    db.close();
  }
}
