/** The evidence package: the chosen documents plus every evidence file, manifests included, as one zip. */
import type { DocumentKind, DocumentOptions } from '../../core/documents/build';
import { exportFileName } from '../../core/format/fileName';
import { platform } from '../platform';
import { exportInWorker } from '../workers/exportInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';
import { buildSnapshot } from './buildSnapshot';
import { finishExport, startExport } from './exportIdentity';
import { buildEvidencePackage } from './evidencePackage';

type Status =
  | { phase: 'working'; done: number; total: number; label: string }
  | { phase: 'done'; message: string }
  | { phase: 'failed'; message: string };

interface Props {
  assessmentId: string;
  kinds: DocumentKind[];
  options: Partial<DocumentOptions>;
  disabled: boolean;
  onStatus: (status: Status) => void;
  /** Hands the way to cancel to the screen while the package is being built. */
  onCancelable: (cancel: (() => void) | null) => void;
}

export function EvidencePackageButton({ assessmentId, kinds, options, disabled, onStatus, onCancelable }: Props) {
  const db = useWorkbook();

  async function run() {
    const controller = new AbortController();
    onCancelable(() => controller.abort());
    try {
      onStatus({ phase: 'working', done: 0, total: 1, label: 'Building the documents…' });
      const snapshot = await buildSnapshot(db, assessmentId, { includeLicensedText: options.includeLicensedText ?? false });
      const identity = await startExport(db, assessmentId);
      const job = exportInWorker(
        snapshot,
        kinds,
        options,
        (done, total) => onStatus({ phase: 'working', done, total, label: 'Building the documents…' }),
        identity,
      );
      controller.signal.addEventListener('abort', () => job.cancel());
      const documents = await job.result;
      const blob = await buildEvidencePackage(
        db,
        snapshot,
        documents,
        (done, total) => onStatus({ phase: 'working', done, total, label: 'Packing the evidence files…' }),
        controller.signal,
      );
      const name = exportFileName(snapshot.assessment.name, 'evidence-package', 'zip');
      const saved = await platform.saveBlob(name, blob, [{ name: 'Zip archive', extensions: ['zip'] }]);
      if (!saved.ok) throw new Error(saved.error);
      if (saved.value.saved) await finishExport(db, snapshot, identity, `evidence package of ${snapshot.assessment.name}`);
      onStatus({ phase: 'done', message: saved.value.saved ? `Saved ${saved.value.path}.` : 'Nothing was saved.' });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      onStatus(
        cancelled
          ? { phase: 'done', message: 'Export cancelled. Nothing was saved.' }
          : { phase: 'failed', message: `The package was not built: ${(error as Error).message}` },
      );
    } finally {
      onCancelable(null);
    }
  }

  return (
    <button type="button" disabled={disabled} onClick={() => void run()}>
      Export evidence package (zip)
    </button>
  );
}
