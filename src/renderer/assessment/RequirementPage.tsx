/** One requirement: what it asks, the answer, its evidence and its actions. Files dropped here attach to it, unless it is locked. */
import { useLayoutEffect, useMemo, useState } from 'react';
import { CATALOGUE_NOTICE_SUMMARY, MARK_WORDING, marksOf } from '../../core/catalogue/status';
import type { Requirement } from '../../core/catalogue/types';
import { isLocked } from '../../core/records/lifecycle';
import { emptyResponse } from '../db/repo/responses';
import { useAddFiles } from '../evidence/useAddFiles';
import { useFileDrop } from '../hooks/useFileDrop';
import { ActionsPanel } from './ActionsPanel';
import { CompensatingPanel } from './CompensatingPanel';
import { EvidencePanel } from './EvidencePanel';
import { FindingPanel } from './FindingPanel';
import { GuidancePanel } from './GuidancePanel';
import { ResponseForm } from './ResponseForm';
import { ReceivedVerdicts } from '../review/ReceivedVerdicts';
import { ReviewPanel } from '../review/ReviewPanel';
import { useReviewCopy } from '../review/useReviewCopy';
import { useWorkbookSwitch } from '../workbook/WorkbookContext';
import type { WorkspaceData } from './useWorkspaceData';

export function RequirementPage({ requirement, data, onReopen }: { requirement: Requirement; data: WorkspaceData; onReopen: () => void }) {
  const { assessment } = data;
  // A review copy is read-only throughout; the write path refuses changes there whatever the screen offers.
  const reviewing = useReviewCopy();
  const { which } = useWorkbookSwitch();
  const locked = isLocked(assessment) || which === 'review';
  const [dropRefused, setDropRefused] = useState(false);
  if (dropRefused && !locked) setDropRefused(false);
  const target = useMemo(() => ({ assessmentId: assessment.id, requirementId: requirement.id }), [assessment.id, requirement.id]);
  const upload = useAddFiles(target);
  // A mark when the page is in the DOM, for measuring how fast requirements switch (bench/workspace.ts).
  useLayoutEffect(() => void performance.mark('requirement-shown', { detail: requirement.id }), [requirement.id]);
  // A locked assessment takes no files: the drop is answered with a message, not an attempt to write.
  const { dragging, handlers } = useFileDrop((files) => (locked ? setDropRefused(files.length > 0) : void upload.add(files)));
  const response = data.responses.get(requirement.id) ?? emptyResponse(assessment.id, requirement.id);
  const linked = data.links.filter((l) => l.requirementId === requirement.id).flatMap((l) => data.evidence.get(l.evidenceId) ?? []);
  const actions = data.actions.filter((a) => a.requirementId === requirement.id);
  const marks = marksOf(requirement);

  return (
    <article
      className={`requirement${dragging && !locked ? ' dragging' : ''}`}
      aria-labelledby="requirement-title"
      data-testid="requirement-page"
      {...handlers}
    >
      <header className="requirement-header">
        <p className="muted small">
          {data.index.spe(requirement.speId)?.title} › {requirement.elementId} {data.index.element(requirement.elementId)?.title}
        </p>
        <h1 id="requirement-title">
          <span className="req-id">{requirement.id}</span> {requirement.title}
        </h1>
        {marks.length > 0 && (
          <p className="notice warning small" data-testid="requirement-marks">
            {marks.map((m) => MARK_WORDING[m].explanation).join(' ')}
          </p>
        )}
        {/* Folded: it says the same for every requirement, so it is there to open, not to read each time. */}
        <details className="catalogue-notice small" data-testid="catalogue-notice">
          <summary>{CATALOGUE_NOTICE_SUMMARY}</summary>
          <p>{data.index.catalogue.notice}</p>
        </details>
      </header>
      {reviewing && <ReviewPanel key={requirement.id} review={reviewing.review} requirementId={requirement.id} linked={linked} />}
      {which === 'main' && (
        <ReceivedVerdicts received={data.received} requirementId={requirement.id} evidenceIds={linked.map((e) => e.id)} />
      )}
      {isLocked(assessment) && (
        <div className="notice warning locked-notice" data-testid="locked-notice">
          <span>This assessment is signed off and locked. Reopen it to change it.</span>
          <button type="button" onClick={onReopen}>
            Reopen…
          </button>
        </div>
      )}
      {locked && dropRefused && (
        <p className="notice warning" role="alert">
          Nothing was attached: a signed-off assessment takes no new evidence until it is reopened.
        </p>
      )}
      <GuidancePanel requirement={requirement} official={data.overlay.get(requirement.id)} catalogueId={data.index.catalogue.id} />
      {/* The fieldset also disables the answer's review fields, which the form itself leaves open. */}
      <fieldset className="plain-fieldset" disabled={locked}>
        <ResponseForm
          key={`${assessment.id}|${requirement.id}`}
          assessmentId={assessment.id}
          response={response}
          defaultTarget={assessment.defaultTargetLevel}
          locked={locked}
          criteria={requirement.levels}
        />
      </fieldset>
      <CompensatingPanel
        key={`${assessment.id}|${requirement.id}`}
        assessmentId={assessment.id}
        response={response}
        locked={locked}
        people={data.people}
      />
      <FindingPanel
        key={`finding|${assessment.id}|${requirement.id}`}
        requirementId={requirement.id}
        data={data}
        response={response}
        locked={locked}
      />
      <EvidencePanel target={target} linked={linked} today={data.today} upload={upload} locked={locked} />
      <ActionsPanel
        key={requirement.id}
        assessmentId={assessment.id}
        requirementId={requirement.id}
        actions={actions}
        today={data.today}
        locked={locked}
      />
    </article>
  );
}
