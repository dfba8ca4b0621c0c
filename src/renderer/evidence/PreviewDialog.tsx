import { useEffect, useState } from 'react';
import type { Evidence } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { evidenceBlob } from '../db/repo/evidence';
import { useWorkbook } from '../workbook/WorkbookContext';

/** Shows an image evidence inside the app, from its stored bytes (a blob: URL, nothing leaves the machine). */
export function PreviewDialog({ evidence, onClose }: { evidence: Evidence | null; onClose: () => void }) {
  const db = useWorkbook();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!evidence?.sha256) return;
    let objectUrl: string | null = null;
    let live = true;
    void evidenceBlob(db, evidence.sha256).then((blob) => {
      if (!blob || !live) return;
      objectUrl = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: evidence.mediaType ?? '' }));
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [db, evidence]);
  return (
    <Dialog title={evidence ? `${evidence.id} ${evidence.title}` : ''} open={evidence !== null} onClose={onClose} wide>
      {url ? <img className="preview" src={url} alt={evidence?.title ?? ''} /> : <p role="status">Loading…</p>}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Dialog>
  );
}
