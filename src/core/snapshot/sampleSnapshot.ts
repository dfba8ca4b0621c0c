/** The sample workbook as a snapshot, built without a database: for the command line's demo and for tests. */
import { chainEntry, verifyChain, type AuditEntry } from '../audit/chain';
import type { Catalogue } from '../catalogue/types';
import { sha256Hex } from '../hashing/sha256';
import { todayLocal } from '../rules/rules';
import { conductRecord } from '../sample/sampleConduct';
import { sampleWorkbook } from '../sample/sampleData';
import { formatEvidenceId } from '../records/evidenceId';
import type { Action, Assessment, Evidence, EvidenceLink, Response } from '../records/model';
import { createSnapshot, type WorkbookSnapshot } from './snapshot';

export interface SampleSnapshot {
  snapshot: WorkbookSnapshot;
  /** The bytes of each file evidence, by SHA-256. */
  files: Map<string, Uint8Array>;
}

export function sampleSnapshot(catalogue: Catalogue, now: Date, app = { name: 'CSMS Workbook', version: '0.0.0' }): SampleSnapshot {
  const sample = sampleWorkbook(now);
  const at = now.toISOString();
  // The sample's dates are laid out on the local calendar (sampleWorkbook), so it is judged on the local day too.
  const today = todayLocal(now);
  const person = (key: string) => sample.people.find((p) => p.key === key)!;
  const assessment: Assessment = {
    id: 'sample-assessment',
    name: sample.assessment.name,
    siteId: 'sample-site',
    catalogueId: sample.assessment.catalogueId,
    catalogueVersion: sample.assessment.catalogueVersion,
    periodStart: sample.assessment.periodStart,
    periodEnd: sample.assessment.periodEnd,
    scope: sample.assessment.scope,
    defaultTargetLevel: sample.assessment.defaultTargetLevel,
    conduct: conductRecord(sample.conduct),
    status: 'draft',
    archived: false,
    createdAt: at,
    updatedAt: at,
  };
  const responses: Response[] = sample.responses.map((r) => ({
    assessmentId: assessment.id,
    requirementId: r.requirementId,
    applicable: r.applicable,
    justification: r.justification ?? '',
    targetLevel: r.targetLevel ?? null,
    achievedLevel: r.achievedLevel,
    narrative: r.narrative,
    gaps: r.gaps ?? '',
    reviewStatus: r.review ? 'flagged' : 'none',
    reviewComment: r.review?.comment ?? '',
    carriedOver: false,
    updatedAt: at,
    updatedBy: person(sample.actor).name,
  }));
  const files = new Map<string, Uint8Array>();
  const links: EvidenceLink[] = [];
  const evidence: Evidence[] = sample.evidence.map((e, i) => {
    const id = formatEvidenceId(i + 1);
    for (const requirementId of e.requirementIds) links.push({ evidenceId: id, assessmentId: assessment.id, requirementId, createdAt: at });
    const base = {
      id,
      number: i + 1,
      title: e.title,
      owner: person(e.owner).name,
      classification: sample.organization.classification,
      ...(e.collectedOn ? { collectedOn: e.collectedOn } : {}),
      ...(e.expiresOn ? { expiresOn: e.expiresOn } : {}),
      createdAt: at,
      updatedAt: at,
    };
    if (e.kind === 'file') {
      const sha256 = sha256Hex(e.bytes);
      files.set(sha256, e.bytes);
      return { ...base, kind: 'file', fileName: e.fileName, mediaType: e.mediaType, size: e.bytes.length, sha256 };
    }
    return e.kind === 'link' ? { ...base, kind: 'link', location: e.location } : { ...base, kind: 'note', note: e.note };
  });
  const actions: Action[] = sample.actions.map((a, i) => ({
    id: `sample-action-${i + 1}`,
    number: i + 1,
    assessmentId: assessment.id,
    requirementId: a.requirementId,
    description: a.description,
    owner: person(a.owner).name,
    dueDate: a.dueDate,
    priority: a.priority,
    status: a.status,
    ...(a.expectedLevel ? { expectedLevel: a.expectedLevel } : {}),
    ...(a.closureCheck ? { closureCheck: a.closureCheck } : {}),
    createdAt: at,
    updatedAt: at,
  }));
  // A short, genuine change log: one entry per answer, so the attestation has something to verify.
  const log: AuditEntry[] = [];
  for (const r of responses)
    log.push(
      chainEntry(log.at(-1), {
        at,
        actor: r.updatedBy,
        entity: 'response',
        id: `${assessment.id}|${r.requirementId}`,
        change: { op: 'create', after: r },
      }),
    );
  const site = sample.sites[sample.assessment.site]!;
  const lead = person(sample.actor);
  const snapshot = createSnapshot({
    generatedAt: at,
    today,
    app,
    organization: sample.organization,
    site,
    people: sample.people.map(({ name, role, email }) => ({ name, role, email })),
    preparedBy: { name: lead.name, role: lead.role },
    assessment,
    catalogue,
    responses,
    evidence,
    links,
    actions,
    chain: verifyChain(log),
    licensedText: null,
  });
  return { snapshot, files };
}
