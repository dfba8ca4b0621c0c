/**
 * The records of one assessment that the workspace, the dashboard and the documents score: its responses,
 * evidence links and actions through their assessmentId indexes, and only the evidence those links name
 * (the library can hold thousands of records).
 */
import type { Action, Assessment, Evidence, EvidenceLink, Response } from '../../../core/records/model';
import type { WorkbookDb } from '../database';
import type { OverlayRecord } from '../records';

export interface AssessmentRecords {
  assessment: Assessment;
  responses: Response[];
  links: EvidenceLink[];
  evidence: Evidence[];
  actions: Action[];
}

/** The evidence records the links name, each once, in the order first named. */
export async function linkedEvidence(db: WorkbookDb, links: readonly EvidenceLink[]): Promise<Evidence[]> {
  return (await db.evidence.bulkGet([...new Set(links.map((l) => l.evidenceId))])).filter((e) => e !== undefined);
}

/** The assessment's evidence links and actions, and the evidence those links name. */
async function linksAndActions(db: WorkbookDb, assessmentId: string) {
  const [links, actions] = await Promise.all([
    db.links.where('assessmentId').equals(assessmentId).toArray(),
    db.actions.where('assessmentId').equals(assessmentId).toArray(),
  ]);
  return { links, actions, evidence: await linkedEvidence(db, links) };
}

/** The workspace: the assessment's records and the licensed text of its catalogue; null when it is gone. */
export async function workspaceRecords(
  db: WorkbookDb,
  assessmentId: string,
): Promise<(AssessmentRecords & { overlay: OverlayRecord | undefined }) | null> {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) return null;
  const [responses, rest, overlay] = await Promise.all([
    db.responses.where('assessmentId').equals(assessmentId).toArray(),
    linksAndActions(db, assessmentId),
    db.overlays.get(assessment.catalogueId),
  ]);
  return { assessment, responses, ...rest, overlay };
}

/**
 * The assessment the pickers show by default: the most recently changed one not archived, as
 * listAssessments orders them (updatedAt, then ID, both descending).
 */
function mostRecent(all: readonly Assessment[]): Assessment | undefined {
  let best: Assessment | undefined;
  for (const a of all) {
    if (a.archived) continue;
    if (!best || a.updatedAt > best.updatedAt || (a.updatedAt === best.updatedAt && a.id > best.id)) best = a;
  }
  return best;
}

/**
 * The dashboard ('' for the most recently changed assessment): the assessment's records, and for the trend the other assessments of its site on the
 * same catalogue (not archived) with their responses. Links and evidence only for the chosen assessment:
 * the trend shows levels, not coverage. The responses are those of the siblings, which include the
 * assessment itself unless it is archived.
 */
export async function dashboardRecords(
  db: WorkbookDb,
  assessmentId: string,
): Promise<(AssessmentRecords & { siblings: Assessment[] }) | null> {
  // One read of the (few) assessments serves both the choice and the trend's siblings.
  const all = await db.assessments.toArray();
  const assessment = assessmentId ? all.find((a) => a.id === assessmentId) : mostRecent(all);
  if (!assessment) return null;
  const siblings = all.filter((a) => a.siteId === assessment.siteId && !a.archived && a.catalogueId === assessment.catalogueId);
  const [responses, rest] = await Promise.all([
    db.responses
      .where('assessmentId')
      .anyOf(siblings.map((a) => a.id))
      .toArray(),
    linksAndActions(db, assessment.id),
  ]);
  return { assessment, siblings, responses, ...rest };
}
