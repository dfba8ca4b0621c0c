/** The scores of the chosen assessment, and of the other assessments of its site for the trend. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { catalogueById } from '../content/catalogues';
import { dashboardRecords } from '../db/queries/assessmentRecords';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';
import { dashboardView, type DashboardData } from './dashboardView';

export type { DashboardData } from './dashboardView';

export function useDashboardData(assessmentId: string): DashboardData | null | undefined {
  const db = useWorkbook();
  const today = useToday();
  const raw = useLiveQuery(() => dashboardRecords(db, assessmentId), [db, assessmentId]);

  return useMemo(() => {
    if (!raw) return raw;
    const index = catalogueById(raw.assessment.catalogueId);
    if (!index) return null;
    return dashboardView(index, { ...raw, today }, raw.siblings);
  }, [raw, today]);
}
