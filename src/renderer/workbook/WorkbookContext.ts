import { createContext, useContext } from 'react';
import type { WorkbookDb } from '../db/database';

export const WorkbookContext = createContext<WorkbookDb | null>(null);

/**
 * The open workbook database; only used below WorkbookProvider, which opens it before rendering.
 * Components hand it to the queries (db/queries) and repositories (db/repo) and never touch its tables:
 * lint flags that (workbook-data/no-table-access), and the write guard refuses any write outside mutate().
 */
export function useWorkbook(): WorkbookDb {
  const db = useContext(WorkbookContext);
  if (!db) throw new Error('useWorkbook is used outside WorkbookProvider.');
  return db;
}

/** Which workbook is open: the user's own, the sample, or a review copy; the last two in databases of their own. */
export interface WorkbookSwitch {
  which: 'main' | 'sample' | 'review';
  /** Builds the sample afresh and opens it; resolves with its assessment's ID. */
  openSample(): Promise<string>;
  /** Goes back to the user's workbook and deletes the sample's database. */
  closeSample(): Promise<void>;
  /** Makes a fresh review copy (prepare writes it) and opens it; the user's workbook is not touched. */
  openReview(prepare: (db: WorkbookDb) => Promise<void>): Promise<void>;
  /** Goes back to the user's workbook and deletes the review copy. */
  closeReview(): Promise<void>;
}

export const WorkbookSwitchContext = createContext<WorkbookSwitch>({
  which: 'main',
  openSample: () => Promise.reject(new Error('No workbook is open.')),
  closeSample: () => Promise.resolve(),
  openReview: () => Promise.reject(new Error('No workbook is open.')),
  closeReview: () => Promise.resolve(),
});

export const useWorkbookSwitch = (): WorkbookSwitch => useContext(WorkbookSwitchContext);
