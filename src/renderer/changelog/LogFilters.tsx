/** The filters: assessment, requirement, person and a date range (days in local time). */
import { useId } from 'react';

export interface FilterChoice {
  assessmentId: string;
  requirementId: string;
  actor: string;
  from: string;
  to: string;
}

export const NO_FILTER: FilterChoice = { assessmentId: '', requirementId: '', actor: '', from: '', to: '' };

interface Props {
  value: FilterChoice;
  onChange: (value: FilterChoice) => void;
  assessments: { id: string; name: string }[];
  requirements: string[];
  people: string[];
}

export function LogFilters({ value, onChange, assessments, requirements, people }: Props) {
  const id = useId();
  const set = (patch: Partial<FilterChoice>) => onChange({ ...value, ...patch });
  const field = (name: string) => `${id}-${name}`;
  return (
    <fieldset className="log-filters">
      <legend>Show entries</legend>
      <div className="log-filter">
        <label htmlFor={field('assessment')}>Assessment</label>
        <select
          id={field('assessment')}
          value={value.assessmentId}
          onChange={(e) => set({ assessmentId: e.target.value, requirementId: '' })}
        >
          <option value="">All</option>
          {assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="log-filter">
        <label htmlFor={field('requirement')}>Requirement</label>
        <select id={field('requirement')} value={value.requirementId} onChange={(e) => set({ requirementId: e.target.value })}>
          <option value="">All</option>
          {requirements.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="log-filter">
        <label htmlFor={field('person')}>Person</label>
        <select id={field('person')} value={value.actor} onChange={(e) => set({ actor: e.target.value })}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="log-filter">
        <label htmlFor={field('from')}>From</label>
        <input id={field('from')} type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="log-filter">
        <label htmlFor={field('to')}>To</label>
        <input id={field('to')} type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)} disabled={value === NO_FILTER}>
        Clear filters
      </button>
    </fieldset>
  );
}
