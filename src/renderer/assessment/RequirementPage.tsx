/** One requirement: what it asks, the answer, its evidence and its actions. Files dropped here attach to it. */
import { useLayoutEffect, useMemo } from 'react';
import type { Requirement } from '../../core/catalogue/types';
import { emptyResponse } from '../db/repo/responses';
import { useAddFiles } from '../evidence/useAddFiles';
import { useFileDrop } from '../hooks/useFileDrop';
import { ActionsPanel } from './ActionsPanel';
import { EvidencePanel } from './EvidencePanel';
import { GuidancePanel } from './GuidancePanel';
import { ResponseForm } from './ResponseForm';
import type { WorkspaceData } from './useWorkspaceData';

const STATUS_NOTICE = {
  confirmed: null,
  'element-level': 'Public sources confirm only this requirement’s element, not the requirement ID itself.',
  unconfirmed: 'No public source confirms this requirement ID; check it against your copy of the standard.',
} as const;

export function RequirementPage({ requirement, data }: { requirement: Requirement; data: WorkspaceData }) {
  const { assessment } = data;
  const target = useMemo(() => ({ assessmentId: assessment.id, requirementId: requirement.id }), [assessment.id, requirement.id]);
  const upload = useAddFiles(target);
  // A mark when the page is in the DOM, for measuring how fast requirements switch (bench/workspace.ts).
  useLayoutEffect(() => void performance.mark('requirement-shown', { detail: requirement.id }), [requirement.id]);
  const { dragging, handlers } = useFileDrop((files) => void upload.add(files));
  const response = data.responses.get(requirement.id) ?? emptyResponse(assessment.id, requirement.id);
  const linked = data.links.filter((l) => l.requirementId === requirement.id).flatMap((l) => data.evidence.get(l.evidenceId) ?? []);
  const actions = data.actions.filter((a) => a.requirementId === requirement.id);
  const notice = STATUS_NOTICE[requirement.status];

  return (
    <article
      className={`requirement${dragging ? ' dragging' : ''}`}
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
        {(notice || requirement.titleDoubtful) && (
          <p className="notice warning small">
            {notice} {requirement.titleDoubtful && 'This short title is a reference title and may differ from the standard’s wording.'}
          </p>
        )}
      </header>
      <GuidancePanel requirement={requirement} official={data.overlay.get(requirement.id)} />
      <ResponseForm
        key={`${assessment.id}|${requirement.id}`}
        assessmentId={assessment.id}
        response={response}
        defaultTarget={assessment.defaultTargetLevel}
        locked={assessment.status === 'signed-off'}
      />
      <EvidencePanel target={target} linked={linked} today={data.today} upload={upload} />
      <ActionsPanel key={requirement.id} assessmentId={assessment.id} requirementId={requirement.id} actions={actions} today={data.today} />
    </article>
  );
}
