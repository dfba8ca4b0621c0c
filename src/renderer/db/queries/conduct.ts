/** What the conduct and scope page reads: the assessment and the evidence it may reference. */
import type { Assessment, Evidence } from '../../../core/records/model';
import type { WorkbookDb } from '../database';

export interface ConductRecords {
  assessment: Assessment;
  /** Every evidence item, in EV number order, to pick references from. */
  evidence: Evidence[];
}

/** null when the assessment no longer exists. */
export async function conductRecords(db: WorkbookDb, assessmentId: string): Promise<ConductRecords | null> {
  const [assessment, evidence] = await Promise.all([db.assessments.get(assessmentId), db.evidence.orderBy('number').toArray()]);
  return assessment ? { assessment, evidence } : null;
}

/** The assessment's conduct as stored (undefined when none was recorded), or null when the assessment is gone. */
export async function storedConduct(db: WorkbookDb, assessmentId: string): Promise<Assessment['conduct'] | null> {
  const assessment = await db.assessments.get(assessmentId);
  return assessment ? assessment.conduct : null;
}
