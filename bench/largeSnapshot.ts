/** The bench workload as a snapshot: all 87 requirements answered, 2,000 evidence records linked. */
import path from 'node:path';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { sha256Hex } from '../src/core/hashing/sha256';
import { sampleSnapshot } from '../src/core/snapshot/sampleSnapshot';
import { createSnapshot, type WorkbookSnapshot } from '../src/core/snapshot/snapshot';
import { formatEvidenceId } from '../src/core/workbook/evidenceId';
import type { Evidence, EvidenceLink, MaturityLevel, Response } from '../src/core/workbook/model';
import { verifyChain } from '../src/core/audit/chain';

export function largeSnapshot(now = new Date('2026-06-15T09:00:00Z'), evidenceCount = 2000): WorkbookSnapshot {
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
  const base = sampleSnapshot(catalogue, now).snapshot;
  const ids = catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements.map((r) => r.id)));
  const at = now.toISOString();
  const responses: Response[] = ids.map((id, i) => ({
    ...(base.responses.find((r) => r.requirementId === id) ?? base.responses[0]!),
    requirementId: id,
    applicable: i % 29 !== 0,
    achievedLevel: (i % 5) as MaturityLevel,
    narrative: `Implementation of ${id}: procedures are documented, staff are trained and records are kept for each plant area. `.repeat(3),
    gaps: i % 3 ? 'Records are incomplete for the remote pump stations.' : '',
  }));
  const evidence: Evidence[] = [];
  const links: EvidenceLink[] = [];
  for (let n = 1; n <= evidenceCount; n += 1) {
    const id = formatEvidenceId(n);
    evidence.push({
      id,
      number: n,
      title: `Record ${n}: inspection sheet for area ${n % 40}`,
      kind: 'file',
      fileName: `record-${n}.pdf`,
      mediaType: 'application/pdf',
      size: 1000 + n,
      sha256: sha256Hex(`record ${n}`),
      owner: 'Plant records office',
      classification: base.organization.classification,
      collectedOn: '2026-03-01',
      expiresOn: `2027-${String((n % 12) + 1).padStart(2, '0')}-01`,
      createdAt: at,
      updatedAt: at,
    });
    links.push({ evidenceId: id, assessmentId: base.assessment.id, requirementId: ids[n % ids.length]!, createdAt: at });
  }
  return createSnapshot({ ...base, responses, evidence, links, chain: verifyChain([]), catalogue, generatedAt: at });
}
