/** Where the workbook is kept: whether the browser promised to keep it, how much space it uses. */
import { useEffect, useState } from 'react';
import { formatBytes } from '../../core/format/bytes';
import type { Settings } from '../db/repo/settings';
import { BackupNowButton } from './BackupNowButton';

/** Where the workbook may be cleared, the advice comes with the way to follow it. */
const ADVISES_BACKUP: ReadonlySet<Settings['persistence']> = new Set(['denied', 'unsupported']);

const PERSISTENCE_TEXT: Record<Settings['persistence'], string> = {
  granted: 'Persistent: the workbook will not be cleared to free disk space.',
  denied:
    'Not persistent: if the disk runs very low, the system may clear the workbook. Save a bundle of the workbook regularly and keep it on other media.',
  unsupported: 'Persistence is not available here. Save a bundle of the workbook regularly and keep it on other media.',
  unknown: 'Not asked yet.',
};

export function StorageSection({ persistence }: { persistence: Settings['persistence'] }) {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  useEffect(() => {
    let live = true;
    void navigator.storage?.estimate?.().then((e) => live && setEstimate(e));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <dl className="facts">
        <dt>Persistence</dt>
        <dd data-testid="persistence">{PERSISTENCE_TEXT[persistence]}</dd>
        <dt>Used</dt>
        <dd data-testid="storage-usage">
          {estimate?.usage !== undefined
            ? `${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota ?? 0)} available to the app`
            : 'Unknown'}
        </dd>
      </dl>
      {ADVISES_BACKUP.has(persistence) && <BackupNowButton />}
    </section>
  );
}
