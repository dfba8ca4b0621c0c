/**
 * Export: the classification marking the documents carry. It starts as the organization's; the user may
 * write another. Before anything is built it says whether evidence will raise it, and refuses a marking
 * with nothing visible in it. No document is exported without one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { chooseMarking, effectiveMarking, MARKING_MAX, markingNotices, type MarkingChoiceResult } from '../../core/documents/marking';
import { evidenceMarkings } from '../db/queries/evidenceMarkings';
import { useWorkbook } from '../workbook/WorkbookContext';
import { TLP_MARKINGS } from '../settings/MarkingPicker';
import '../styles/marking.css';

const PROBLEMS: Record<Exclude<MarkingChoiceResult, { marking: string }>['problem'], string> = {
  invisible: 'The marking has nothing visible in it. Write one, such as TLP:AMBER, or clear the field to use the organization’s.',
  'too-long': `The marking is too long (${MARKING_MAX} characters at most).`,
  missing: 'The organization has no classification marking. Write the one these documents carry, or set it in Settings.',
};

/** What the export uses: the marking chosen, or the reason there is none yet. */
export function exportMarking(typed: string | null, organization: string | undefined): MarkingChoiceResult {
  return chooseMarking(typed ?? undefined, organization ?? '');
}

interface MarkingChoiceProps {
  assessmentId: string;
  /** What the field holds: null until the user types, showing the organization's marking. */
  typed: string | null;
  organization: string | undefined;
  onChange: (typed: string) => void;
}

export function MarkingChoice({ assessmentId, typed, organization, onChange }: MarkingChoiceProps) {
  const db = useWorkbook();
  const ids = { field: useId(), list: useId(), hint: useId(), problem: useId() };
  const evidence = useLiveQuery(() => evidenceMarkings(db, assessmentId), [db, assessmentId]);
  const choice = exportMarking(typed, organization);
  const notices = 'marking' in choice && evidence ? markingNotices(effectiveMarking(choice.marking, evidence)) : [];
  const problem = 'problem' in choice ? PROBLEMS[choice.problem] : '';
  return (
    <>
      <label htmlFor={ids.field}>Classification marking</label>
      <input
        id={ids.field}
        list={ids.list}
        value={typed ?? organization ?? ''}
        maxLength={MARKING_MAX}
        placeholder={organization ? `${organization} (the organization’s)` : 'e.g. TLP:AMBER'}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${ids.hint}${problem ? ` ${ids.problem}` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={ids.list}>
        {TLP_MARKINGS.map(([label]) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      <p id={ids.hint} className="muted small form-actions marking-note">
        Printed on every page. Left empty, the organization’s marking is used; evidence marked higher raises it.
      </p>
      {problem && (
        <p id={ids.problem} role="alert" className="error-text form-actions marking-note">
          {problem}
        </p>
      )}
      {notices.length > 0 && (
        <div className="notice warning form-actions marking-note" role="status" aria-label="Marking notice">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
    </>
  );
}
