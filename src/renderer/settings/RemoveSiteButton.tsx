/** Settings, sites: Remove, after a confirmation; a site still used by assessments is refused with their names. */
import { useRef, useState } from 'react';
import type { Site } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { removeSite } from '../db/repo/sites';
import { useWorkbook } from '../workbook/WorkbookContext';

interface RemoveSiteButtonProps {
  site: Site;
  /** Runs the removal and shows what came of it (the section's feedback line). */
  run: (work: () => Promise<unknown>, done?: string) => Promise<boolean>;
}

export function RemoveSiteButton({ site, run }: RemoveSiteButtonProps) {
  const db = useWorkbook();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const label = site.name || 'Site without a name';

  async function confirm() {
    setOpen(false);
    const removed = await run(() => removeSite(db, site.id), `Site “${label}” removed.`);
    // Refused: focus back on the button, next to the message saying why.
    if (!removed) button.current?.focus();
  }

  return (
    <>
      <button ref={button} type="button" onClick={() => setOpen(true)} aria-label={`Remove site ${label}`}>
        Remove
      </button>
      <Dialog title={`Remove the site “${label}”?`} open={open} onClose={() => setOpen(false)}>
        <p>A site that an assessment uses is kept. Entries already in the change log keep its name.</p>
        <div className="button-row">
          <button type="button" className="danger" onClick={() => void confirm()}>
            Remove site
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </>
  );
}
