/** Which assessment a screen shows: the chosen one, or else the most recently changed. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Assessment } from '../../core/records/model';
import { listAssessments } from '../db/repo/assessments';
import { useWorkbook } from '../workbook/WorkbookContext';

export function useChosenAssessment() {
  const db = useWorkbook();
  const assessments = useLiveQuery(() => listAssessments(db), [db]);
  const [chosen, setChosen] = useState('');
  const assessmentId = chosen || assessments?.[0]?.id || '';
  // `chosen` is '' until the user picks: a screen may then resolve "the most recent" in its own query
  // rather than wait for the list (the dashboard does, to save a round trip).
  return { assessments, assessmentId, chosen, choose: setChosen };
}

export function AssessmentPicker({
  assessments,
  value,
  onChange,
}: {
  assessments: Assessment[] | undefined;
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  if (!assessments || assessments.length === 0) return null;
  return (
    <label htmlFor={id}>
      Assessment{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {assessments.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
