/**
 * The bench workload, written through the same repositories the app uses: 3 assessments × 87
 * responses, 2,000 evidence records sharing 300 distinct files (1 GiB in all by default).
 */
import { formatEvidenceId } from '../../src/core/records/evidenceId';
import type { Evidence, EvidenceLink, Response } from '../../src/core/records/model';
import type { WorkbookDb } from '../../src/renderer/db/database';
import { hashBlobHere } from '../../src/renderer/db/hashBlob';
import { mutate } from '../../src/renderer/db/mutate';
import { addAction } from '../../src/renderer/db/repo/actions';
import { createAssessment } from '../../src/renderer/db/repo/assessments';
import { addSite } from '../../src/renderer/db/repo/people';
import { emptyResponse } from '../../src/renderer/db/repo/responses';
import { catalogueById } from '../../src/renderer/content/catalogues';

const REQUIREMENT_IDS = catalogueById('iec-62443-2-1-2024')!.requirements.map((r) => r.id);

export interface WorkloadSize {
  assessments: number;
  evidence: number;
  blobs: number;
  totalBytes: number;
}

export function randomBlob(size: number, seed: number): Blob {
  const parts: Uint8Array[] = [];
  const chunk = 1024 * 1024;
  for (let done = 0; done < size; done += chunk) {
    const part = new Uint8Array(Math.min(chunk, size - done));
    // getRandomValues takes at most 64 KiB at a time.
    for (let i = 0; i < part.length; i += 65536) crypto.getRandomValues(part.subarray(i, i + 65536));
    part[0] = seed & 255;
    parts.push(part);
  }
  return new Blob(parts as BlobPart[]);
}

export async function generate(db: WorkbookDb, size: WorkloadSize): Promise<{ ms: number }> {
  const start = performance.now();
  const site = await addSite(db, { name: 'Bench plant' });
  const assessments = [];
  for (let a = 0; a < size.assessments; a += 1) {
    assessments.push(
      await createAssessment(db, {
        name: `Assessment ${2024 + a}`,
        siteId: site.id,
        catalogueId: 'iec-62443-2-1-2024',
        catalogueVersion: '1.0.0',
        periodStart: `${2024 + a}-01-01`,
        periodEnd: `${2024 + a}-12-31`,
        scope: ['ORG', 'CM', 'NET', 'COMP', 'DATA', 'USER', 'EVENT', 'AVAIL'],
        defaultTargetLevel: 3,
      }),
    );
  }
  const at = new Date().toISOString();
  const responses: Response[] = assessments.flatMap((a, ai) =>
    REQUIREMENT_IDS.map((id, i) => ({
      ...emptyResponse(a.id, id),
      achievedLevel: ((i + ai) % 5) as Response['achievedLevel'],
      narrative: `Narrative for ${id}: ${'implemented with documented procedures and records. '.repeat(4)}`,
      updatedAt: at,
    })),
  );
  // Bulk records are seeded without change-log entries, for speed; still inside mutate()'s transaction,
  // since the database refuses writes outside it (src/renderer/db/writeGuard.ts).
  await mutate(db, () => db.responses.bulkPut(responses));

  const blobSize = Math.floor(size.totalBytes / size.blobs);
  const hashes: string[] = [];
  for (let b = 0; b < size.blobs; b += 1) {
    const blob = randomBlob(blobSize, b);
    const sha256 = await hashBlobHere(blob);
    hashes.push(sha256);
    await mutate(db, () => db.blobs.put({ sha256, blob, size: blob.size }));
  }
  const evidence: Evidence[] = [];
  const links: EvidenceLink[] = [];
  for (let n = 1; n <= size.evidence; n += 1) {
    const month = String((n % 12) + 1).padStart(2, '0');
    evidence.push({
      id: formatEvidenceId(n),
      number: n,
      title: `Evidence record ${n}`,
      kind: 'file',
      fileName: `record-${n}.pdf`,
      mediaType: 'application/pdf',
      size: blobSize,
      sha256: hashes[n % size.blobs]!,
      expiresOn: `2027-${month}-15`,
      owner: 'Bench',
      classification: 'TLP:AMBER',
      createdAt: at,
      updatedAt: at,
    });
    const assessment = assessments[n % assessments.length]!;
    links.push({
      evidenceId: formatEvidenceId(n),
      assessmentId: assessment.id,
      requirementId: REQUIREMENT_IDS[n % REQUIREMENT_IDS.length]!,
      createdAt: at,
    });
  }
  await mutate(db, async () => {
    await db.evidence.bulkPut(evidence);
    await db.links.bulkPut(links);
  });
  await db.meta.put({ key: 'nextEvidenceNumber', value: size.evidence + 1 });
  for (let i = 0; i < 120; i += 1) {
    await addAction(db, assessments[i % assessments.length]!.id, REQUIREMENT_IDS[i % 87]!, {
      description: `Action ${i}`,
      dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-10`,
      status: i % 3 === 0 ? 'done' : 'open',
    });
  }
  return { ms: performance.now() - start };
}
