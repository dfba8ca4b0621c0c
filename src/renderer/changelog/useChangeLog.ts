/** The change log and the names its rows need, kept current as the workbook changes; names built once per read. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { logNames, type LogNames } from '../../core/audit/logView';
import type { AuditEntry } from '../../core/audit/chain';
import { readChangeLog, type ChangeLogData } from '../db/queries/changeLog';
import { useWorkbook } from '../workbook/WorkbookContext';

export interface LoadedLog {
  data: ChangeLogData;
  names: LogNames;
  entries: AuditEntry[];
}

export function useChangeLog(): LoadedLog | undefined {
  const db = useWorkbook();
  const data = useLiveQuery(() => readChangeLog(db), [db]);
  return useMemo(() => (data ? { data, names: logNames(data.context, data.entries), entries: data.entries } : undefined), [data]);
}
