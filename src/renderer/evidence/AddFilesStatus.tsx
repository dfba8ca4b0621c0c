import { formatBytes } from '../../core/format/bytes';
import type { AddFilesOptions, IncomingFile } from '../db/repo/evidence';
import type { AddState } from './useAddFiles';

interface Props {
  state: AddState;
  onChoose: (files: IncomingFile[], choice: AddFilesOptions['duplicates']) => void;
  onDismiss: () => void;
  /** Whether linking the existing record makes sense here (only when adding to a requirement). */
  canLinkExisting: boolean;
}

/** Progress, result, error and the duplicate question for a file upload. */
export function AddFilesStatus({ state, onChoose, onDismiss, canLinkExisting }: Props) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'working':
      return (
        <div className="notice" role="status">
          <label>
            Adding files: {formatBytes(state.done)} of {formatBytes(state.total)}
            <progress max={state.total || 1} value={state.done} />
          </label>
        </div>
      );
    case 'added':
      return (
        <div className="notice success" role="status">
          Saved {state.evidence.map((e) => e.id).join(', ')}.{' '}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      );
    case 'failed':
      return (
        <div className="notice error" role="alert">
          {state.message}{' '}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      );
    case 'duplicates':
      return (
        <div className="notice warning" role="alert">
          <p>
            Already in the workbook:{' '}
            {state.duplicates.map((d) => `${d.file} (same content as ${d.existing.id} “${d.existing.title}”)`).join('; ')}. Nothing has been
            added yet.
          </p>
          <div className="button-row">
            {canLinkExisting && (
              <button type="button" onClick={() => onChoose(state.files, 'link-existing')}>
                Link the existing evidence
              </button>
            )}
            <button type="button" onClick={() => onChoose(state.files, 'add-anyway')}>
              Add as new evidence
            </button>
            <button type="button" onClick={onDismiss}>
              Cancel
            </button>
          </div>
        </div>
      );
  }
}
