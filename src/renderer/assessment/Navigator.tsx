/** SPE → element → requirement, each with its state at a glance; filters and search narrow it down. */
import { CircleCheck, CircleDashed, CircleSlash, Flag, Paperclip, Wrench } from 'lucide-react';
import { forwardRef, memo } from 'react';
import { FILTER_LABELS, rollup, type RequirementFilter, type RequirementState } from '../../core/workspace/requirementState';
import type { Spe } from '../../core/catalogue/types';

interface NavigatorProps {
  spes: Spe[];
  states: Map<string, RequirementState>;
  visible: Set<string>;
  current: string | undefined;
  hrefFor: (requirementId: string) => string;
  filter: RequirementFilter;
  onFilter: (filter: RequirementFilter) => void;
  query: string;
  onQuery: (query: string) => void;
}

function StateIcon({ state }: { state: RequirementState }) {
  if (state.answer === 'not-applicable') return <CircleSlash aria-label="Not applicable" size={15} className="muted" />;
  if (state.answer === 'unanswered') return <CircleDashed aria-label="Unanswered" size={15} className="muted" />;
  return <CircleCheck aria-label="Answered" size={15} className={state.belowTarget ? 'warn-text' : 'ok-text'} />;
}

const RequirementRow = memo(function RequirementRow({
  id,
  title,
  state,
  current,
  href,
}: {
  id: string;
  title: string;
  state: RequirementState;
  current: boolean;
  href: string;
}) {
  return (
    <li>
      <a href={href} className="nav-requirement" aria-current={current ? 'true' : undefined} data-requirement-id={id}>
        <StateIcon state={state} />
        <span className="req-id">{id}</span>
        <span className="req-title">{title}</span>
        <span className="req-meta">
          {state.achieved !== null && (
            <span className={state.belowTarget ? 'level below' : 'level'} title={`Achieved ML${state.achieved}, target ML${state.target}`}>
              {state.achieved}/{state.target}
            </span>
          )}
          {state.evidenceCount > 0 && (
            <span
              title={`${state.evidenceCount} evidence${state.expiredEvidence ? `, ${state.expiredEvidence} expired` : ''}`}
              className={state.expiredEvidence ? 'warn-text' : undefined}
            >
              <Paperclip aria-hidden="true" size={12} />
              {state.evidenceCount}
            </span>
          )}
          {state.openActions > 0 && (
            <span title={`${state.openActions} open actions`}>
              <Wrench aria-hidden="true" size={12} />
              {state.openActions}
            </span>
          )}
          {state.flagged && <Flag aria-label="Flagged for review" size={12} className="warn-text" />}
        </span>
      </a>
    </li>
  );
});

export const Navigator = forwardRef<HTMLInputElement, NavigatorProps>(function Navigator(props, searchRef) {
  const { spes, states, visible, current, hrefFor, filter, onFilter, query, onQuery } = props;
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
      </div>
      <ul className="tree">
        {spes.map((spe) => {
          const speVisible = spe.elements.some((e) => e.requirements.some((r) => visible.has(r.id)));
          if (!speVisible) return null;
          const speRoll = rollup(spe.elements.flatMap((e) => e.requirements.map((r) => states.get(r.id))));
          return (
            <li key={spe.id}>
              <details open>
                <summary>
                  <strong>{spe.id}</strong> {spe.title}
                  <span className="count">
                    {speRoll.answered + speRoll.notApplicable}/{speRoll.total}
                  </span>
                </summary>
                <ul>
                  {spe.elements.map((element) => {
                    const rows = element.requirements.filter((r) => visible.has(r.id));
                    if (rows.length === 0) return null;
                    const roll = rollup(element.requirements.map((r) => states.get(r.id)));
                    return (
                      <li key={element.id} className="nav-element">
                        <div className="element-title">
                          {element.id} {element.title}
                          <span className="count">
                            {roll.answered + roll.notApplicable}/{roll.total}
                          </span>
                        </div>
                        <ul>
                          {rows.map((r) => (
                            <RequirementRow
                              key={r.id}
                              id={r.id}
                              title={r.title}
                              state={states.get(r.id)!}
                              current={r.id === current}
                              href={hrefFor(r.id)}
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
