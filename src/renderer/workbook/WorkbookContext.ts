import { createContext, useContext } from 'react';
import type { WorkbookDb } from '../db/database';

export const WorkbookContext = createContext<WorkbookDb | null>(null);

/** The open workbook database; only used below WorkbookProvider, which opens it before rendering. */
export function useWorkbook(): WorkbookDb {
  const db = useContext(WorkbookContext);
  if (!db) throw new Error('useWorkbook is used outside WorkbookProvider.');
  return db;
}
