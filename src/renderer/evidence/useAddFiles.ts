/** Adding files as the user experiences it: progress while hashing, a clear error, and a duplicate prompt. */
import { useCallback, useState } from 'react';
import { addFiles, type AddFilesOptions, type IncomingFile } from '../db/repo/evidence';
import { WorkbookError } from '../db/errors';
import { hashInWorker } from '../workers/hashInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';
import type { Evidence } from '../../core/records/model';

export type AddState =
  | { phase: 'idle' }
  | { phase: 'working'; done: number; total: number }
  | { phase: 'duplicates'; files: IncomingFile[]; duplicates: { file: string; existing: Evidence }[] }
  | { phase: 'added'; evidence: Evidence[] }
  | { phase: 'failed'; message: string };

export function useAddFiles(link?: AddFilesOptions['link']) {
  const db = useWorkbook();
  const [state, setState] = useState<AddState>({ phase: 'idle' });

  const add = useCallback(
    async (files: IncomingFile[], duplicates: AddFilesOptions['duplicates'] = 'ask') => {
      if (files.length === 0) return;
      setState({ phase: 'working', done: 0, total: files.reduce((n, f) => n + f.blob.size, 0) });
      try {
        const outcome = await addFiles(db, files, {
          duplicates,
          hasher: hashInWorker,
          ...(link ? { link } : {}),
          onProgress: (done, total) => setState({ phase: 'working', done, total }),
        });
        if (outcome.status === 'duplicates') setState({ phase: 'duplicates', files, duplicates: outcome.duplicates });
        else setState({ phase: 'added', evidence: outcome.evidence });
      } catch (error) {
        setState({
          phase: 'failed',
          message: error instanceof WorkbookError ? error.message : `Nothing was added: ${(error as Error).message}`,
        });
      }
    },
    [db, link],
  );

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  const fail = useCallback((message: string) => setState({ phase: 'failed', message }), []);
  return { state, add, dismiss, fail };
}
