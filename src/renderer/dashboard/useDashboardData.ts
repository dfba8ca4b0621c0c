/** The scores of the chosen assessment, and of the other assessments of its site for the trend. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { scoreAssessment, type Scores } from '../../core/scoring/score';
import type { Action, Assessment } from '../../core/workbook/model';
import type { CatalogueIndex } from '../../core/catalogue/lookup';
import { todayIso } from '../assessment/useWorkspaceData';
import { catalogueById } from '../content/catalogues';
import { useWorkbook } from '../workbook/WorkbookContext';

export interface DashboardData {
  assessment: Assessment;
  index: CatalogueIndex;
  scores: Scores;
  actions: Action[];
  trend: { assessment: Assessment; scores: Scores }[];
  today: string;
}

export function useDashboardData(assessmentId: string): DashboardData | null | undefined {
  const db = useWorkbook();
  const raw = useLiveQuery(async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) return null;
    const siblings = (await db.assessments.where('siteId').equals(assessment.siteId).toArray()).filter(
      (a) => !a.archived && a.catalogueId === assessment.catalogueId,
    );
    const ids = siblings.map((a) => a.id);
    // Links and evidence only for the chosen assessment: the trend shows levels, not coverage.
    const [responses, links, actions] = await Promise.all([
      db.responses.where('assessmentId').anyOf(ids).toArray(),
      db.links.where('assessmentId').equals(assessmentId).toArray(),
      db.actions.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    const evidence = (await db.evidence.bulkGet([...new Set(links.map((l) => l.evidenceId))])).filter((e) => e !== undefined);
    return { assessment, siblings, responses, links, actions, evidence };
  }, [db, assessmentId]);

  return useMemo(() => {
    if (!raw) return raw;
    const index = catalogueById(raw.assessment.catalogueId);
    if (!index) return null;
    const today = todayIso();
    const score = (assessment: Assessment) => scoreAssessment(index, { ...raw, assessment, today });
    const trend = [...raw.siblings]
      .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
      .map((a) => ({ assessment: a, scores: score(a) }));
    return {
      assessment: raw.assessment,
      index,
      scores: score(raw.assessment),
      actions: raw.actions,
      trend,
      today,
    };
  }, [raw]);
}
