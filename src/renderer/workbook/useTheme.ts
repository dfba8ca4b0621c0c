import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { readSettings } from '../db/repo/settings';
import { useWorkbook } from './WorkbookContext';

/** Applies the theme setting to the page: the stylesheet reads data-theme. */
export function useTheme(): void {
  const db = useWorkbook();
  const theme = useLiveQuery(async () => (await readSettings(db)).theme, [db]);
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);
}
