import { ShieldCheck } from 'lucide-react';
import { useAppInfo } from '../hooks/useAppInfo';
import { platform } from '../platform';

export function StatusBar() {
  const info = useAppInfo();
  return (
    <footer className="statusbar">
      <span className="offline">
        <ShieldCheck aria-hidden="true" size={14} /> Offline: data stays on this computer
      </span>
      <span data-testid="app-version">
        {info ? `Version ${info.version} · data format ${info.dataFormatVersion}` : 'Loading…'} ·{' '}
        {platform.kind === 'electron' ? 'Desktop' : 'Browser edition'}
      </span>
    </footer>
  );
}
