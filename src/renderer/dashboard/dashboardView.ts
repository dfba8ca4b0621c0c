/** What the dashboard shows, from the records it loaded: the scores, the overdue actions, the trend. Pure, so it can be checked against the documents. */
import type { CatalogueIndex } from '../../core/catalogue/lookup';
import { byDueDate, isOverdueAction } from '../../core/rules/rules';
import { scoreAssessment, type Scores, type WorkbookSlice } from '../../core/scoring/score';
import type { Action, Assessment } from '../../core/records/model';

export interface DashboardData {
  assessment: Assessment;
  index: CatalogueIndex;
  scores: Scores;
  /** The overdue actions of the assessment, earliest due first. */
  overdue: Action[];
  trend: { assessment: Assessment; scores: Scores }[];
  today: string;
}

/** `slice` holds the chosen assessment's records (and the responses of its siblings, for the trend). */
export function dashboardView(index: CatalogueIndex, slice: WorkbookSlice, siblings: readonly Assessment[]): DashboardData {
  const score = (assessment: Assessment) => scoreAssessment(index, { ...slice, assessment });
  const trend = [...siblings].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)).map((a) => ({ assessment: a, scores: score(a) }));
  const scores = score(slice.assessment);
  // The actions the "overdue" figure counts: this assessment's, on requirements in its scope.
  const counted = slice.actions.filter((a) => a.assessmentId === slice.assessment.id && scores.requirements.has(a.requirementId));
  return {
    assessment: slice.assessment,
    index,
    scores,
    overdue: counted.filter((a) => isOverdueAction(a, slice.today)).sort(byDueDate),
    trend,
    today: slice.today,
  };
}
