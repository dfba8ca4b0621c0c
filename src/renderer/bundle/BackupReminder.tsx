/** In the browser edition: a quiet line when changes older than a day are in no saved bundle, with the way to save one. */
import { useEffect, useState } from 'react';
import { DATABASE_NAME } from '../db/database';
import { committed } from '../db/events';
import { platform } from '../platform';
import { useWorkbook } from '../workbook/WorkbookContext';
import { unsavedSince } from './reminder';
import { saveBundle } from './saveBundle';

export function BackupReminder() {
  const db = useWorkbook();
  const [since, setSince] = useState<Date | null>(null);
  const [saving, setSaving] = useState(false);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (platform.backups || db.name !== DATABASE_NAME) return;
    let live = true;
    const check = () => void unsavedSince(db).then((at) => live && setSince(at));
    check();
    const stop = committed.subscribe(check);
    return () => {
      live = false;
      stop();
    };
  }, [db]);

  if (!since || dismissed) return null;
  return (
    <div className="notice-banner" role="region" aria-label="Backup reminder">
      <span>
        <strong>No copy yet</strong> of changes made since {since.toLocaleDateString()}: save the workbook as a bundle and keep it somewhere
        safe.
      </span>
      <button
        type="button"
        disabled={saving}
        onClick={() => {
          setSaving(true);
          void saveBundle(db, { kind: 'workbook' }, () => undefined)
            .then(() => unsavedSince(db))
            .then(setSince)
            .finally(() => setSaving(false));
        }}
      >
        {saving ? 'Saving…' : 'Save a bundle now'}
      </button>
      <button type="button" onClick={() => setDismissed(true)}>
        Later
      </button>
    </div>
  );
}
