/** Everything the workspace shows for one assessment, kept live: any saved change re-renders it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { OverlayEntry } from '../../core/catalogue/overlay';
import { scoreAssessment, type Scores } from '../../core/scoring/score';
import { requirementStates, type RequirementState } from '../../core/workspace/requirementState';
import type { Action, Assessment, Evidence, EvidenceLink, Person, Response } from '../../core/records/model';
import { catalogueById } from '../content/catalogues';
import { workspaceRecords } from '../db/queries/assessmentRecords';
import { peopleAndActor } from '../db/queries/profile';
import { receivedReviews, type ReceivedReview } from '../db/queries/reviews';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';
import type { CatalogueIndex } from '../../core/catalogue/lookup';

export interface WorkspaceData {
  assessment: Assessment;
  index: CatalogueIndex;
  responses: Map<string, Response>;
  links: EvidenceLink[];
  evidence: Map<string, Evidence>;
  actions: Action[];
  overlay: Map<string, OverlayEntry>;
  /** The same scores the dashboard shows; the navigator's states and counts read them. */
  scores: Scores;
  states: Map<string, RequirementState>;
  today: string;
  /**
   * The same for every requirement, so read once for the workspace rather than by each requirement's
   * panels on every switch; undefined until read.
   */
  received: ReceivedReview[] | undefined;
  people: Person[] | undefined;
}

export function useWorkspaceData(assessmentId: string): WorkspaceData | null | undefined {
  const db = useWorkbook();
  const today = useToday();
  const raw = useLiveQuery(() => workspaceRecords(db, assessmentId), [db, assessmentId]);
  const received = useLiveQuery(() => receivedReviews(db, assessmentId), [db, assessmentId]);
  const people = useLiveQuery(async () => (await peopleAndActor(db, 'name')).people, [db]);

  const records = useMemo(() => {
    if (raw === undefined || raw === null) return raw;
    const index = catalogueById(raw.assessment.catalogueId);
    if (!index) return null;
    const slice = { ...raw, today };
    const scores = scoreAssessment(index, slice);
    return {
      assessment: raw.assessment,
      index,
      responses: new Map(raw.responses.map((r) => [r.requirementId, r])),
      links: raw.links,
      evidence: new Map(raw.evidence.map((e) => [e.id, e])),
      actions: raw.actions,
      overlay: new Map((raw.overlay?.entries ?? []).map((e) => [e.id, e])),
      scores,
      states: requirementStates(scores, slice),
      today,
    };
  }, [raw, today]);
  return useMemo(() => (records ? { ...records, received, people } : records), [records, received, people]);
}
