/** The fieldwork's first and last day. Saved only when in order; out of order, the fields say so and nothing is sent. */
import { useId, useState } from 'react';

interface Props {
  start: string | undefined;
  end: string | undefined;
  disabled: boolean;
  onChange: (dates: { fieldworkStart: string | null; fieldworkEnd: string | null }) => void;
}

export function FieldworkDates({ start, end, disabled, onChange }: Props) {
  const id = useId();
  const [typed, setTyped] = useState({ start: start ?? '', end: end ?? '' });
  const backwards = typed.start !== '' && typed.end !== '' && typed.end < typed.start;
  const set = (next: { start: string; end: string }) => {
    setTyped(next);
    // Both go together, so fixing either end saves the pair.
    if (!(next.start && next.end && next.end < next.start))
      onChange({ fieldworkStart: next.start || null, fieldworkEnd: next.end || null });
  };
  return (
    <fieldset className="inline-fieldset conduct-dates" disabled={disabled}>
      <legend>Fieldwork</legend>
      <label>
        From <input type="date" value={typed.start} onChange={(e) => set({ ...typed, start: e.target.value })} aria-invalid={backwards} />
      </label>
      <label>
        to{' '}
        <input
          type="date"
          value={typed.end}
          onChange={(e) => set({ ...typed, end: e.target.value })}
          aria-invalid={backwards}
          aria-describedby={backwards ? `${id}-error` : undefined}
        />
      </label>
      {backwards && (
        <p id={`${id}-error`} className="error-text small" role="alert">
          The fieldwork cannot end before it starts: correct either date to save them.
        </p>
      )}
    </fieldset>
  );
}
