/** Asks before importing licensed text whose file names IDs the catalogue does not know; those are left out. */
import { Dialog } from '../components/Dialog';
import { entriesLabel, type PendingOverlay } from './overlayImport';

interface UnknownIdsDialogProps {
  pending: PendingOverlay | null;
  onConfirm: (pending: PendingOverlay) => void;
  onCancel: () => void;
}

export function UnknownIdsDialog({ pending, onConfirm, onCancel }: UnknownIdsDialogProps) {
  const unknown = pending?.unknownIds.length ?? 0;
  return (
    <Dialog title="Some IDs are not in this catalogue" open={pending !== null} onClose={onCancel} wide>
      {pending && (
        <>
          <p>
            {pending.fileName} has {entriesLabel(pending.entries.length)} for this catalogue and {unknown === 1 ? '1 ID' : `${unknown} IDs`}{' '}
            it does not know. Those are left out:
          </p>
          <ul className="settings-id-list" aria-label="Unknown IDs" tabIndex={0}>
            {pending.unknownIds.map((id, i) => (
              <li key={i}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => onConfirm(pending)}>
              Import {entriesLabel(pending.entries.length)}
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
