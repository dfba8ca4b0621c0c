/** The evidence that describes the system (the zone drawing, say), chosen from the workbook's own evidence. */
import { useId, useState } from 'react';
import type { Evidence } from '../../core/records/model';

interface Props {
  ids: readonly string[];
  evidence: readonly Evidence[];
  max: number;
  disabled: boolean;
  onChange: (ids: string[]) => void;
}

export function EvidenceRefs({ ids, evidence, max, disabled, onChange }: Props) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const titles = new Map(evidence.map((e) => [e.id, e.title]));
  const offered = evidence.filter((e) => !ids.includes(e.id));
  const picked = offered.some((e) => e.id === choice) ? choice : (offered[0]?.id ?? '');

  return (
    <fieldset className="rows-editor" data-testid="conduct-evidence" disabled={disabled}>
      <legend>Referenced evidence</legend>
      <p className="muted small">Evidence that describes the system, such as the zone and conduit drawing. It is printed with its title.</p>
      {ids.length === 0 ? (
        evidence.length > 0 && <p className="muted small">None yet.</p>
      ) : (
        <ul className="rows-list">
          {ids.map((ref) => (
            <li key={ref} className="rows-row">
              <span className="req-id">{ref}</span>
              <span className="rows-text">{titles.get(ref) ?? 'no longer in the workbook'}</span>
              <button type="button" className="rows-remove" onClick={() => onChange(ids.filter((x) => x !== ref))}>
                Remove<span className="visually-hidden"> {ref}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {evidence.length === 0 ? (
        <p className="muted small">The workbook has no evidence yet: add it under Evidence first.</p>
      ) : (
        offered.length > 0 && (
          <div className="rows-row">
            <label htmlFor={`${id}-pick`} className="visually-hidden">
              Evidence to reference
            </label>
            <select id={`${id}-pick`} value={picked} onChange={(e) => setChoice(e.target.value)} style={{ flexGrow: 1, minWidth: 0 }}>
              {offered.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.id} {e.title}
                </option>
              ))}
            </select>
            <button type="button" disabled={!picked || ids.length >= max} onClick={() => onChange([...ids, picked])}>
              Reference it
            </button>
          </div>
        )
      )}
    </fieldset>
  );
}
