/** The scores of the chosen assessment, and of the other assessments of its site for the trend. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { catalogueById } from '../content/catalogues';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';
import { dashboardView, type DashboardData } from './dashboardView';

export type { DashboardData } from './dashboardView';

export function useDashboardData(assessmentId: string): DashboardData | null | undefined {
  const db = useWorkbook();
  const today = useToday();
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
    return dashboardView(index, { ...raw, today }, raw.siblings);
  }, [raw, today]);
}
