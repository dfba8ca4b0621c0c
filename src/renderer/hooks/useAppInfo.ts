import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc';
import { platform } from '../platform';

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void platform.appInfo().then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
