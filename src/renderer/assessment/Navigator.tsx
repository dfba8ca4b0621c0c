/**
 * SPE → element → requirement, each with its state at a glance; filters and search narrow it down.
 * Every figure here is read from the assessment's scores, the same ones the dashboard shows.
 */
import { CircleCheck, CircleDashed, CircleSlash, Flag, Paperclip, Wrench } from 'lucide-react';
import { forwardRef, memo } from 'react';
import { isBelowTarget, type Rollup, type Scores } from '../../core/scoring/score';
import { FILTER_LABELS, type RequirementFilter, type RequirementState } from '../../core/workspace/requirementState';
import type { Requirement, Spe } from '../../core/catalogue/types';
import { BulkEditButton, type BulkGroup } from './BulkEditDialog';
import { MarksLegend, RequirementMarks } from './CatalogueMarks';

interface NavigatorProps {
  spes: Spe[];
  scores: Scores;
  states: Map<string, RequirementState>;
  visible: Set<string>;
  current: string | undefined;
  hrefFor: (requirementId: string) => string;
  filter: RequirementFilter;
  onFilter: (filter: RequirementFilter) => void;
  query: string;
  onQuery: (query: string) => void;
  /** Offered while the answers may change: acting on a whole element or SPE at once. */
  onBulkEdit?: (group: BulkGroup) => void;
  /** Why a requirement matched the search through its evidence or actions ("via EV-0005"). */
  via?: ReadonlyMap<string, string>;
}

function StateIcon({ state }: { state: RequirementState }) {
  if (state.answer === 'not-applicable') return <CircleSlash aria-label="Not applicable" size={15} className="muted" />;
  if (state.answer === 'unanswered') return <CircleDashed aria-label="Unanswered" size={15} className="muted" />;
  return <CircleCheck aria-label="Answered" size={15} className={isBelowTarget(state.score) ? 'warn-text' : 'ok-text'} />;
}

/** Progress as the dashboard counts it: assessed of applicable. */
function Progress({ rollup }: { rollup: Rollup | undefined }) {
  const assessed = rollup?.assessed ?? 0;
  const applicable = rollup?.applicable ?? 0;
  return (
    <span className="count" title={`${assessed} of ${applicable} applicable requirements assessed`}>
      {assessed}/{applicable}
    </span>
  );
}

const RequirementRow = memo(function RequirementRow({
  id,
  title,
  marks,
  state,
  current,
  href,
  via,
}: {
  id: string;
  title: string;
  marks: Pick<Requirement, 'status' | 'titleDoubtful'>;
  state: RequirementState;
  current: boolean;
  href: string;
  via?: string | undefined;
}) {
  const { score } = state;
  return (
    <li>
      <a href={href} className="nav-requirement" aria-current={current ? 'true' : undefined} data-requirement-id={id}>
        <StateIcon state={state} />
        <span className="req-id">{id}</span>
        <span className="req-title">{title}</span>
        <span className="req-meta">
          <RequirementMarks requirement={marks} />
          {score.achieved !== null && (
            <span
              className={isBelowTarget(score) ? 'level below' : 'level'}
              title={`Achieved ML${score.achieved}, target ML${score.target}`}
            >
              {score.achieved}/{score.target}
            </span>
          )}
          {state.validEvidence + state.expiredEvidence > 0 && (
            // Expired evidence is shown, in warning colour, but never counted as evidence (as in coverage).
            <span
              title={`${state.validEvidence} valid evidence${state.expiredEvidence ? `, ${state.expiredEvidence} expired` : ''}`}
              className={state.expiredEvidence ? 'warn-text' : undefined}
            >
              <Paperclip aria-hidden="true" size={12} />
              {state.validEvidence}
            </span>
          )}
          {score.openActions > 0 && (
            <span
              title={`${score.openActions} open actions${score.overdueActions ? `, ${score.overdueActions} overdue` : ''}`}
              className={score.overdueActions ? 'warn-text' : undefined}
            >
              <Wrench aria-hidden="true" size={12} />
              {score.openActions}
            </span>
          )}
          {state.flagged && <Flag aria-label="Flagged for review" size={12} className="warn-text" />}
        </span>
        {via && (
          <span className="muted small" style={{ gridColumn: '3 / -1' }} data-testid="search-via">
            {via}
          </span>
        )}
      </a>
    </li>
  );
});

export const Navigator = forwardRef<HTMLInputElement, NavigatorProps>(function Navigator(props, searchRef) {
  const { spes, scores, states, visible, current, hrefFor, filter, onFilter, query, onQuery, onBulkEdit, via } = props;
  return (
    <nav className="navigator" aria-label="Requirements">
      <div className="navigator-tools">
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="Search requirements and answers (Ctrl+K)"
          aria-label="Search requirements and answers"
        />
        <select value={filter} onChange={(e) => onFilter(e.target.value as RequirementFilter)} aria-label="Show">
          {Object.entries(FILTER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <p className="muted small" role="status">
          {visible.size} of {states.size} requirements
        </p>
        <MarksLegend />
      </div>
      <ul className="tree">
        {spes.map((spe) => {
          const speVisible = spe.elements.some((e) => e.requirements.some((r) => visible.has(r.id)));
          if (!speVisible) return null;
          return (
            <li key={spe.id}>
              <details open>
                <summary>
                  <strong>{spe.id}</strong> {spe.title}
                  <Progress rollup={scores.spes.get(spe.id)} />
                </summary>
                {onBulkEdit && (
                  <BulkEditButton
                    row
                    group={{ id: spe.id, title: spe.title, requirementIds: spe.elements.flatMap((e) => e.requirements.map((r) => r.id)) }}
                    onOpen={onBulkEdit}
                  />
                )}
                <ul>
                  {spe.elements.map((element) => {
                    const rows = element.requirements.filter((r) => visible.has(r.id));
                    if (rows.length === 0) return null;
                    return (
                      <li key={element.id} className="nav-element">
                        <div className="element-title">
                          {element.id} {element.title}
                          {onBulkEdit && (
                            <BulkEditButton
                              group={{ id: element.id, title: element.title, requirementIds: element.requirements.map((r) => r.id) }}
                              onOpen={onBulkEdit}
                            />
                          )}
                          <Progress rollup={scores.elements.get(element.id)} />
                        </div>
                        <ul>
                          {rows.map((r) => (
                            <RequirementRow
                              key={r.id}
                              id={r.id}
                              title={r.title}
                              marks={r}
                              state={states.get(r.id)!}
                              current={r.id === current}
                              href={hrefFor(r.id)}
                              via={via?.get(r.id)}
                            />
                          ))}
                        </ul>
                      </li>
                    );
                  })}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </nav>
  );
});
