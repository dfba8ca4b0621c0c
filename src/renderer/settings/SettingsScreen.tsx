/** Settings: organization and sites, people, licensed text, preferences, the evidence size cap and storage status. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { WorkbookError } from '../db/errors';
import { MIB, readSettings, saveSetting, type Settings } from '../db/repo/settings';
import '../styles/settings.css';
import { useWorkbook } from '../workbook/WorkbookContext';
import { BundleSection } from './BundleSection';
import { OverlaySection } from './OverlaySection';
import { PeopleSection } from './PeopleSection';
import { ProfileSection } from './ProfileSection';
import { StorageSection } from './StorageSection';

export function SettingsScreen() {
  const db = useWorkbook();
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const [message, setMessage] = useState('');
  const capId = useId();
  const themeId = useId();

  async function save<K extends keyof Settings>(key: K, value: Settings[K]) {
    try {
      await saveSetting(db, key, value);
      setMessage('Saved.');
    } catch (error) {
      setMessage(error instanceof WorkbookError ? error.message : 'The setting was not saved.');
    }
  }

  if (!settings) return <p role="status">Loading…</p>;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Settings</h1>
      </header>
      <ProfileSection />
      <PeopleSection />
      <OverlaySection />
      <section className="panel" aria-labelledby="prefs-title">
        <h2 id="prefs-title">Preferences</h2>
        <div className="form-grid">
          <label htmlFor={themeId}>Theme</label>
          <select id={themeId} value={settings.theme} onChange={(e) => void save('theme', e.target.value as Settings['theme'])}>
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
          <label htmlFor={capId}>Largest evidence file (MiB)</label>
          <input
            id={capId}
            type="number"
            min={1}
            max={4096}
            defaultValue={Math.round(settings.evidenceSizeCap / MIB)}
            onBlur={(e) => {
              const mib = Number(e.target.value);
              if (mib * MIB !== settings.evidenceSizeCap) void save('evidenceSizeCap', Math.round(mib * MIB));
            }}
          />
        </div>
        {message && <p role="status">{message}</p>}
      </section>
      <BundleSection />
      <StorageSection persistence={settings.persistence} />
    </section>
  );
}
