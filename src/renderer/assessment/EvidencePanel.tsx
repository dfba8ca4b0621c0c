/**
 * The evidence linked to one requirement: attach (then owner and dates), link, note, link existing, preview,
 * save a copy, edit details, unlink. When the assessment is locked, everything that would change its links
 * or the details its signed-off documents print (title, dates, owner) is disabled; preview and copy stay.
 */
import { useState } from 'react';
import { formatBytes, shortHash } from '../../core/format/bytes';
import { isExpired } from '../../core/rules/rules';
import type { Evidence } from '../../core/records/model';
import { useToast } from '../components/toast';
import { linkEvidence, unlinkEvidence, type ResponseRef } from '../db/repo/evidence';
import { AddFilesStatus } from '../evidence/AddFilesStatus';
import { AttachDetailsForm } from '../evidence/AttachDetailsForm';
import { EditEvidenceDialog } from '../evidence/EditEvidenceDialog';
import { EvidenceFormDialog } from '../evidence/EvidenceFormDialog';
import { saveEvidenceCopy, PREVIEWABLE } from '../evidence/evidenceFile';
import { LinkExistingDialog } from '../evidence/LinkExistingDialog';
import { pickAndAddFiles } from '../evidence/pickFiles';
import { PreviewDialog } from '../evidence/PreviewDialog';
import type { useAddFiles } from '../evidence/useAddFiles';
import { useWorkbook } from '../workbook/WorkbookContext';

/** What kind of item it is, in a few words: size for a file, where for a link; nothing for a note. */
function summary(e: Evidence): string {
  const parts = [e.kind === 'file' ? formatBytes(e.size ?? 0) : e.kind === 'link' ? (e.location ?? '') : 'note'].filter(Boolean);
  return parts.join(' · ');
}

interface Props {
  target: ResponseRef;
  linked: Evidence[];
  today: string;
  upload: ReturnType<typeof useAddFiles>;
  locked: boolean;
}

export function EvidencePanel({ target, linked, today, upload, locked }: Props) {
  const db = useWorkbook();
  const toast = useToast();
  const [dialog, setDialog] = useState<'link' | 'note' | 'existing' | null>(null);
  const [preview, setPreview] = useState<Evidence | null>(null);
  const [editing, setEditing] = useState<Evidence | null>(null);

  async function unlink(evidence: Evidence) {
    await unlinkEvidence(db, evidence.id, target);
    toast({ message: `Unlinked ${evidence.id}.`, undo: () => linkEvidence(db, evidence.id, target) });
  }

  return (
    <section className="panel" aria-labelledby="evidence-title">
      <div className="panel-header">
        <h2 id="evidence-title">Evidence ({linked.length})</h2>
        <div className="button-row">
          <button type="button" disabled={locked} onClick={() => void pickAndAddFiles(db, upload)}>
            Attach files
          </button>
          <button type="button" disabled={locked} onClick={() => setDialog('link')}>
            Add link
          </button>
          <button type="button" disabled={locked} onClick={() => setDialog('note')}>
            Add note
          </button>
          <button type="button" disabled={locked} onClick={() => setDialog('existing')}>
            Link existing
          </button>
        </div>
      </div>
      <p className="muted small">
        {locked
          ? 'Signed off: evidence cannot be attached or unlinked until it is reopened.'
          : 'Drop files anywhere on this page to attach them.'}
      </p>
      <AddFilesStatus
        state={upload.state}
        onChoose={(files, choice) => void upload.add(files, choice)}
        onDismiss={upload.dismiss}
        canLinkExisting
      />
      {upload.state.phase === 'added' && upload.state.evidence.length > 0 && (
        <AttachDetailsForm
          key={upload.state.evidence.map((e) => e.id).join()}
          evidence={upload.state.evidence}
          today={today}
          onDone={upload.dismiss}
        />
      )}
      {linked.length > 0 && (
        <ul className="evidence-list">
          {linked.map((e) => (
            <li key={e.id} data-evidence-id={e.id}>
              <span className="ev-id">{e.id}</span>
              <span className="ev-title">{e.title}</span>
              <span className="muted small">
                {summary(e)}
                {e.sha256 && (
                  <>
                    {' · '}
                    <code title={e.sha256}>{shortHash(e.sha256)}</code>
                  </>
                )}
              </span>
              {e.expiresOn && (
                <span className={isExpired(e, today) ? 'badge bad' : 'badge'}>
                  {isExpired(e, today) ? `expired ${e.expiresOn}` : `expires ${e.expiresOn}`}
                </span>
              )}
              <span className="row-actions">
                {e.kind === 'file' && e.mediaType && PREVIEWABLE.test(e.mediaType) && (
                  <button type="button" onClick={() => setPreview(e)}>
                    Preview
                  </button>
                )}
                {e.kind === 'file' && (
                  <button type="button" onClick={() => void saveEvidenceCopy(db, e).then((m) => m && toast({ message: m }))}>
                    Save a copy
                  </button>
                )}
                <button type="button" disabled={locked} onClick={() => setEditing(e)} aria-label={`Edit ${e.id}`}>
                  Edit
                </button>
                <button type="button" disabled={locked} onClick={() => void unlink(e)} aria-label={`Unlink ${e.id}`}>
                  Unlink
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <EvidenceFormDialog kind={dialog === 'link' || dialog === 'note' ? dialog : null} onClose={() => setDialog(null)} link={target} />
      {dialog === 'existing' && (
        <LinkExistingDialog open onClose={() => setDialog(null)} target={target} linked={new Set(linked.map((e) => e.id))} />
      )}
      <PreviewDialog evidence={preview} onClose={() => setPreview(null)} />
      <EditEvidenceDialog evidence={editing} onClose={() => setEditing(null)} />
    </section>
  );
}
