/** The assessment's status in the workspace header, who signed it off in which role, and the steps it can take next. */
import { Lock } from 'lucide-react';
import { allowedTransitions, isLocked, signedRoles, STATUS_LABELS } from '../../core/records/lifecycle';
import type { Assessment, AssessmentStatus } from '../../core/records/model';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { setAssessmentStatus } from '../db/repo/assessments';
import { useWorkbook } from '../workbook/WorkbookContext';
import type { LifecycleStep } from './LifecycleDialog';
import '../styles/lifecycle.css';

/** How a move to `to` is offered; steps with a dialog end in an ellipsis. */
function stepFor(from: AssessmentStatus, to: AssessmentStatus): { label: string; dialog?: LifecycleStep } {
  if (to === 'in-review') return { label: 'Submit for review' };
  if (to === 'signed-off') return { label: 'Sign off…', dialog: 'sign-off' };
  return from === 'signed-off' ? { label: 'Reopen…', dialog: 'reopen' } : { label: 'Back to draft' };
}

export function LifecycleBar({ assessment, onStep }: { assessment: Assessment; onStep: (step: LifecycleStep) => void }) {
  const db = useWorkbook();
  const toast = useToast();
  const locked = isLocked(assessment);
  const { signOff } = assessment;

  async function move(to: AssessmentStatus) {
    try {
      await setAssessmentStatus(db, assessment.id, to);
      toast({ message: `“${assessment.name}” is now ${STATUS_LABELS[to].toLowerCase()}.` });
    } catch (e) {
      toast({ message: e instanceof WorkbookError ? e.message : 'The status was not changed.', tone: 'error' });
    }
  }

  return (
    <div className="lifecycle-bar" data-testid="lifecycle-bar">
      <span className={locked ? 'status-badge locked' : 'status-badge'} data-testid="assessment-status">
        {locked && <Lock aria-hidden="true" size={14} />}
        {locked ? `${STATUS_LABELS[assessment.status]} — locked` : STATUS_LABELS[assessment.status]}
      </span>
      {locked && signOff && (
        <span className="muted small sign-off-line" data-testid="sign-off">
          Signed on {signOff.at.slice(0, 10)}:{' '}
          {signedRoles(signOff).map((s, i) => (
            <span key={s.label} data-testid="signatory">
              {i > 0 && '; '}
              {s.label}: {s.name}
            </span>
          ))}
          {signOff.note && <> — “{signOff.note}”</>}
        </span>
      )}
      <span className="button-row">
        {allowedTransitions(assessment.status).map((to) => {
          const step = stepFor(assessment.status, to);
          return (
            <button key={to} type="button" onClick={() => (step.dialog ? onStep(step.dialog) : void move(to))}>
              {step.label}
            </button>
          );
        })}
      </span>
    </div>
  );
}
