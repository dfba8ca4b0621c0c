/** The desktop app's automatic backups, listed newest first (null in the browser, or while loading). */
import { useEffect, useState } from 'react';
import type { BackupList } from '../../shared/ipc';
import { platform } from '../platform';

export function useBackups(refresh: unknown = null, enabled = true): BackupList | null {
  const [backups, setBackups] = useState<BackupList | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void platform.backups?.list().then((r) => live && r.ok && setBackups(r.value));
    return () => {
      live = false;
    };
  }, [refresh, enabled]);
  return backups;
}
