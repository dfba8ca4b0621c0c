/**
 * Site workbooks made from a short description, for the portfolio's tests, fixtures and bench: every
 * requirement of the catalogue answered at a level the description chooses, evidence records with small
 * files, and actions, written as a real bundle with the core writer and a log that creates them.
 */
import type { BundleInput } from '../bundle/build';
import { writeBundle } from '../bundle/bundle';
import { EMPTY_RECORDS, type BundleRecords } from '../bundle/contents';
import { creationLog } from '../bundle/newLog';
import { memorySink, memorySource } from '../bundle/testKit';
import { indexCatalogue } from '../catalogue/lookup';
import type { Catalogue, Requirement } from '../catalogue/types';
import { sha256Hex } from '../hashing/sha256';
import { formatEvidenceId } from '../records/evidenceId';
import type { Action, Assessment, Evidence, EvidenceLink, MaturityLevel, Response } from '../records/model';

export interface AssessmentSpec {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  status?: Assessment['status'];
  defaultTarget?: MaturityLevel;
  /** The achieved level of each requirement (null: not assessed), by its place in the catalogue. */
  level(requirement: Requirement, index: number): MaturityLevel | null;
  /** Actions as [requirement ID or place in the catalogue, due date, status]. */
  actions?: [string | number, string, Action['status']][];
}

export interface SiteSpec {
  organization: string;
  siteId: string;
  siteName: string;
  assessments: AssessmentSpec[];
  /** File evidence items, each linked to one requirement of the first assessment, with files of `evidenceBytes`. */
  evidence?: number;
  evidenceBytes?: number;
}

export interface SiteWorkbook {
  input: BundleInput;
  files: Map<string, Uint8Array>;
}

/** Small deterministic bytes: a different file for every seed. */
function fileBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export function siteWorkbook(catalogue: Catalogue, spec: SiteSpec, now: Date): SiteWorkbook {
  const at = now.toISOString();
  const index = indexCatalogue(catalogue);
  const assessments: Assessment[] = [];
  const responses: Response[] = [];
  const actions: Action[] = [];
  for (const a of spec.assessments) {
    assessments.push({
      id: a.id,
      name: a.name,
      siteId: spec.siteId,
      catalogueId: catalogue.id,
      catalogueVersion: catalogue.version,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      scope: catalogue.spes.map((s) => s.id),
      defaultTargetLevel: a.defaultTarget ?? 3,
      status: a.status ?? 'draft',
      archived: false,
      createdAt: at,
      updatedAt: at,
    });
    index.requirements.forEach((r, i) => {
      const level = a.level(r, i);
      responses.push({
        assessmentId: a.id,
        requirementId: r.id,
        applicable: true,
        justification: '',
        targetLevel: null,
        achievedLevel: level,
        narrative: level === null ? '' : `Practice at ${spec.siteName} for ${r.id}.`,
        gaps: '',
        reviewStatus: 'none',
        reviewComment: '',
        carriedOver: false,
        updatedAt: at,
        updatedBy: 'site-person',
      });
    });
    (a.actions ?? []).forEach(([requirement, dueDate, status], i) => {
      const requirementId = typeof requirement === 'number' ? index.requirements[requirement]!.id : requirement;
      actions.push({
        id: `${a.id}-action-${i + 1}`,
        assessmentId: a.id,
        requirementId,
        description: `Close the gap on ${requirementId} at ${spec.siteName}`,
        owner: 'Site lead',
        dueDate,
        priority: 'high',
        status,
        createdAt: at,
        updatedAt: at,
      });
    });
  }
  const files = new Map<string, Uint8Array>();
  const evidence: Evidence[] = [];
  const links: EvidenceLink[] = [];
  const first = assessments[0];
  for (let n = 1; first && n <= (spec.evidence ?? 0); n++) {
    const bytes = fileBytes(spec.evidenceBytes ?? 2048, n + spec.siteId.length * 7919 + spec.siteName.charCodeAt(0));
    const sha256 = sha256Hex(bytes);
    files.set(sha256, bytes);
    const id = formatEvidenceId(n);
    evidence.push({
      id,
      number: n,
      title: `Record ${n} of ${spec.siteName}`,
      kind: 'file',
      fileName: `record-${n}.pdf`,
      mediaType: 'application/pdf',
      size: bytes.byteLength,
      sha256,
      owner: 'Site lead',
      classification: '',
      createdAt: at,
      updatedAt: at,
    });
    const requirement = index.requirements[(n - 1) % index.requirements.length]!;
    links.push({ evidenceId: id, assessmentId: first.id, requirementId: requirement.id, createdAt: at });
  }
  const records: BundleRecords = {
    ...EMPTY_RECORDS,
    organization: { id: 'organization', name: spec.organization, classification: 'TLP:AMBER' },
    sites: [{ id: spec.siteId, name: spec.siteName, location: '', createdAt: at }],
    people: [{ id: 'site-person', name: 'Site lead', role: 'OT security lead', email: '', createdAt: at }],
    assessments,
    responses,
    evidence,
    links,
    actions,
  };
  return {
    input: { app: { name: 'CSMS Workbook', version: 'test' }, createdAt: at, records, log: creationLog(records, at, 'Site lead') },
    files,
  };
}

/** The site's workbook as bundle bytes, written by the core writer. */
export async function siteBundleBytes(workbook: SiteWorkbook): Promise<Uint8Array> {
  const sink = memorySink();
  await writeBundle(sink, workbook.input, { kind: 'workbook' }, (sha) => memorySource(workbook.files.get(sha)!));
  return sink.bytes();
}

/**
 * Three sites of one organization with figures known in advance (by the requirement's place in the
 * catalogue, default target ML3): North has its first two requirements at ML1 and the rest at ML3;
 * South its first and fifth at ML2 and the rest at ML4; East its first at ML0 and the rest at ML3. So the
 * first requirement is below target at all three, the second at North only, the fifth at South only.
 * North has one action overdue on 2026-06-01, East two, South none (its past-due action is done).
 */
export function threeSiteSpecs(options: { evidence?: number; evidenceBytes?: number } = {}): SiteSpec[] {
  const spec = (siteId: string, siteName: string, level: AssessmentSpec['level'], actions: AssessmentSpec['actions']): SiteSpec => ({
    organization: 'Acme Water',
    siteId,
    siteName,
    ...options,
    assessments: [
      { id: `${siteId}-2025`, name: `${siteName} 2025`, periodStart: '2025-01-01', periodEnd: '2025-12-31', level: () => 2 },
      { id: `${siteId}-2026`, name: `${siteName} 2026`, periodStart: '2026-01-01', periodEnd: '2026-03-31', level, actions },
    ],
  });
  return [
    spec('north', 'North Works', (_, i) => (i < 2 ? 1 : 3), [
      [0, '2026-05-01', 'open'],
      [0, '2026-09-01', 'open'],
    ]),
    spec('south', 'South Works', (_, i) => (i === 0 || i === 4 ? 2 : 4), [[0, '2026-02-01', 'done']]),
    spec('east', 'East Works', (_, i) => (i === 0 ? 0 : 3), [
      [0, '2026-03-01', 'in-progress'],
      [0, '2026-04-01', 'open'],
    ]),
  ];
}
