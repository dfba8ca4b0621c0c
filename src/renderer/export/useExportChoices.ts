/** The Export screen's choices for the assessment shown: read from the store when it changes, written on every change. */
import { useCallback, useState } from 'react';
import { readExportChoices, writeExportChoices, type ExportChoices } from './exportOptionsStore';

export function useExportChoices(dbName: string, assessmentId: string) {
  const key = `${dbName}\n${assessmentId}`;
  const [held, setHeld] = useState(() => ({ key, choices: readExportChoices(dbName, assessmentId) }));
  // Another assessment chosen (or the list just loaded): its own choices replace the ones shown.
  const current = held.key === key ? held.choices : readExportChoices(dbName, assessmentId);
  if (held.key !== key) setHeld({ key, choices: current });

  const change = useCallback(
    (patch: Partial<ExportChoices>) => {
      const choices = { ...current, ...patch };
      writeExportChoices(dbName, assessmentId, choices);
      setHeld({ key, choices });
    },
    [current, dbName, assessmentId, key],
  );
  return { choices: current, change };
}
