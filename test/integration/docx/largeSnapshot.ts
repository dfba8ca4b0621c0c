/**
 * A large workbook for the document tests, made from the sample: every requirement of the catalogue
 * answered, 2,000 evidence records of all three kinds linked to them, actions, and text that tests the
 * builders' cleaning (control characters, XML specials, long lines, other scripts).
 */
import { chainEntry, verifyChain, type AuditEntry } from '../../../src/core/audit/chain';
import type { Catalogue } from '../../../src/core/catalogue/types';
import { sha256Hex } from '../../../src/core/hashing/sha256';
import { sampleSnapshot } from '../../../src/core/snapshot/sampleSnapshot';
import { createSnapshot, type WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { formatEvidenceId } from '../../../src/core/records/evidenceId';
import type { Action, Evidence, EvidenceLink, MaturityLevel, Response } from '../../../src/core/records/model';

export const LARGE_EVIDENCE = 2_000;

/** Text a person might paste: a bell, a vertical tab, a form feed, XML specials, a lone surrogate, other scripts. */
const AWKWARD =
  'Pasted from the old tool:\u0007 bell,\u000B tab,\u000C feed; <b>&amp;</b> "quoted" \'single\' \uD800 — Überprüfung, 監査, مراجعة, ✓ 🔒';

export function largeSnapshot(catalogue: Catalogue, now: Date): WorkbookSnapshot {
  const base = sampleSnapshot(catalogue, now).snapshot;
  const at = now.toISOString();
  const assessment = { ...base.assessment, scope: catalogue.spes.map((s) => s.id) };
  const requirements = catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements));
  const people = base.people.map((p) => p.name);
  const responses: Response[] = requirements.map((r, i) => ({
    assessmentId: assessment.id,
    requirementId: r.id,
    applicable: i % 29 !== 7,
    justification: i % 29 === 7 ? `Not applicable: no ${r.title.toLowerCase()} at this site. ${AWKWARD}` : '',
    targetLevel: i % 5 === 0 ? (4 as MaturityLevel) : null,
    achievedLevel: i % 29 === 7 ? null : ((i % 5) as MaturityLevel),
    narrative: [
      `${r.id}: ${r.intent}`,
      `Observed on site visit ${i + 1}. ${AWKWARD}`,
      'A long line without breaks: ' + 'segmentation-zone-'.repeat(40),
      i % 3 === 0 ? 'Second paragraph.\r\nWith Windows line endings.\rAnd old Mac ones.' : '',
    ].join('\n'),
    gaps: i % 2 ? `Gap for ${r.id}: procedures not yet written down. ${AWKWARD}` : '',
    reviewStatus: i % 4 === 0 ? 'flagged' : i % 4 === 1 ? 'reviewed' : 'none',
    reviewComment: i % 4 === 0 ? `Reviewer: please attach the signed record for ${r.id}. ${AWKWARD}` : '',
    carriedOver: i % 6 === 0,
    updatedAt: at,
    updatedBy: people[i % people.length]!,
  }));
  const evidence: Evidence[] = [];
  const links: EvidenceLink[] = [];
  for (let n = 1; n <= LARGE_EVIDENCE; n += 1) {
    const id = formatEvidenceId(n);
    const kind = n % 10 < 6 ? 'file' : n % 10 < 8 ? 'link' : 'note';
    const common = {
      id,
      number: n,
      title: `Evidence ${n}: ${n % 50 === 0 ? AWKWARD : `record of control ${requirements[n % requirements.length]!.id}`}`,
      owner: people[n % people.length]!,
      classification: n % 7 === 0 ? 'TLP:RED' : base.organization.classification,
      collectedOn: `2026-0${1 + (n % 5)}-1${n % 10}`,
      ...(n % 9 === 0 ? { expiresOn: n % 2 ? '2026-01-31' : '2027-12-31' } : {}),
      createdAt: at,
      updatedAt: at,
    };
    if (kind === 'file') {
      evidence.push({
        ...common,
        kind,
        fileName: `record-${n}.pdf`,
        mediaType: 'application/pdf',
        size: 1_000 + n * 37,
        sha256: sha256Hex(`large evidence ${n}`),
      });
    } else if (kind === 'link') {
      evidence.push({ ...common, kind, location: `\\\\fileserver\\ot-security\\records\\${n}.docx` });
    } else {
      evidence.push({ ...common, kind, note: `Observed during walk-down ${n}. ${n % 40 === 0 ? AWKWARD : ''}` });
    }
    for (let k = 0; k < 1 + (n % 3); k += 1) {
      links.push({
        evidenceId: id,
        assessmentId: assessment.id,
        requirementId: requirements[(n * 7 + k * 13) % requirements.length]!.id,
        createdAt: at,
      });
    }
  }
  const actions: Action[] = requirements.flatMap((r, i) =>
    i % 2
      ? []
      : [
          {
            id: `large-action-${i}`,
            assessmentId: assessment.id,
            requirementId: r.id,
            description: `Write and approve the procedure for ${r.title}. ${i % 10 === 0 ? AWKWARD : ''}`,
            owner: people[i % people.length]!,
            ...(i % 8 ? { dueDate: i % 3 ? '2026-03-01' : '2026-12-01' } : {}),
            priority: (['low', 'medium', 'high', 'critical'] as const)[i % 4]!,
            status: (['open', 'in-progress', 'done', 'cancelled'] as const)[i % 4]!,
            createdAt: at,
            updatedAt: at,
          },
        ],
  );
  const log: AuditEntry[] = [];
  for (const r of responses)
    log.push(
      chainEntry(log.at(-1), { at, actor: r.updatedBy, entity: 'response', id: r.requirementId, change: { op: 'create', after: r } }),
    );
  return createSnapshot({
    generatedAt: at,
    today: base.today,
    app: base.app,
    organization: base.organization,
    site: base.site,
    people: base.people,
    preparedBy: base.preparedBy,
    assessment,
    catalogue,
    responses,
    evidence,
    links,
    actions,
    chain: verifyChain(log),
    licensedText: null,
  });
}
