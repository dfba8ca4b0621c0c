/// <reference lib="webworker" />
/** Builds the results spreadsheet (one .xlsx, or the CSV files in one zip) off the UI thread, with progress. */
import { buildSheets, workbookFileName, type SheetOptions } from '../../core/sheets/build';
import { csvZip } from '../../core/sheets/csv';
import { sheetInputsOf } from '../../core/sheets/inputs';
import { packWorkbook } from '../../core/sheets/xlsx';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';

export type SheetFormat = 'xlsx' | 'csv';
export type SheetsRequest = { snapshot: WorkbookSnapshot; format: SheetFormat; options: Partial<SheetOptions>; author: string };
export type SheetsReply =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; file: { name: string; bytes: Uint8Array } }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: SheetsReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

scope.onmessage = async (event: MessageEvent<SheetsRequest>) => {
  const { snapshot, format, options, author } = event.data;
  try {
    post({ type: 'progress', done: 0, total: 1, label: 'Collecting the results…' });
    const set = buildSheets(snapshot, sheetInputsOf(snapshot), options);
    const file =
      format === 'csv'
        ? csvZip(set)
        : {
            name: workbookFileName(set),
            bytes: await packWorkbook(set, {
              author,
              generatedAt: snapshot.generatedAt,
              onProgress: (done, total, sheet) =>
                post({ type: 'progress', done, total, label: `Writing the ${sheet.toLowerCase()} sheet…` }),
            }),
          };
    post({ type: 'done', file }, [file.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : 'The spreadsheet could not be built.' });
  }
};
