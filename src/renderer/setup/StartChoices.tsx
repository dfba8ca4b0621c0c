/**
 * Where a workbook without an assessment starts: a new assessment, or the sample to see one in use.
 * It is what first start ends on (the dashboard, empty), so the next step is a button, not a hunt.
 */
import { BookOpen, Plus } from 'lucide-react';
import { useId, useState } from 'react';
import { NewAssessmentDialog } from '../assessment/NewAssessmentDialog';
import { useToast } from '../components/toast';
import { useWorkbookSwitch } from '../workbook/WorkbookContext';

const openAssessment = (id: string) => void (window.location.hash = `/assessment/${id}`);

export function StartChoices() {
  const workbooks = useWorkbookSwitch();
  const toast = useToast();
  const titleId = useId();
  const [creating, setCreating] = useState(false);
  const [loadingSample, setLoadingSample] = useState(false);

  async function openSample() {
    setLoadingSample(true);
    try {
      openAssessment(await workbooks.openSample());
    } catch {
      toast({ message: 'The sample could not be opened. Your own workbook is unchanged; try again from Assessments.', tone: 'error' });
      setLoadingSample(false);
    }
  }

  return (
    <section className="panel start-choices" aria-labelledby={titleId}>
      <h2 id={titleId}>Get started</h2>
      <p>
        No assessment yet. Start your own against IEC 62443-2-1, or open the sample of a water treatment plant to see a workbook in use.
      </p>
      <div className="button-row">
        {workbooks.which !== 'review' && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" size={16} /> New assessment
          </button>
        )}
        {workbooks.which === 'main' && (
          <button type="button" onClick={() => void openSample()} disabled={loadingSample}>
            <BookOpen aria-hidden="true" size={16} /> {loadingSample ? 'Opening the sample…' : 'Open the sample assessment'}
          </button>
        )}
      </div>
      <NewAssessmentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          openAssessment(id);
        }}
      />
    </section>
  );
}
