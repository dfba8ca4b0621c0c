/**
 * Choosing a classification marking: the five TLP 2.0 labels, each with a line saying who may see what it
 * marks, or a marking of the organization's own. Nothing is chosen until the user chooses.
 */
import { useId, useState } from 'react';
import '../styles/marking.css';

export const TLP_MARKINGS = [
  ['TLP:CLEAR', 'anyone may see it; it may be published.'],
  ['TLP:GREEN', 'may be shared with peers and partners, not published.'],
  ['TLP:AMBER', 'only your own people and your clients, as far as they need it.'],
  ['TLP:AMBER+STRICT', 'only your own people, as far as they need it.'],
  ['TLP:RED', 'only the people it is given to, passed on to nobody.'],
] as const;

const isTlp = (value: string) => TLP_MARKINGS.some(([label]) => label === value);

interface MarkingPickerProps {
  /** The ID of the element that names the group (the label in the form's first column). */
  labelId: string;
  value: string;
  onChange: (value: string) => void;
  /** The form field that carries the chosen marking, for forms read with FormData. */
  name?: string;
  describedBy?: string;
}

export function MarkingPicker({ labelId, value, onChange, name, describedBy }: MarkingPickerProps) {
  const group = useId();
  const otherId = useId();
  // "Another marking" stays chosen while its text is still empty.
  const [otherChosen, setOtherChosen] = useState(value !== '' && !isTlp(value));
  const other = otherChosen || (value !== '' && !isTlp(value));
  return (
    <fieldset
      className="checkbox-list marking-picker"
      aria-labelledby={labelId}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
    >
      {name && <input type="hidden" name={name} value={value} />}
      {TLP_MARKINGS.map(([label, meaning]) => (
        <label key={label}>
          <input
            type="radio"
            name={group}
            value={label}
            checked={!other && value === label}
            onChange={() => {
              setOtherChosen(false);
              onChange(label);
            }}
          />{' '}
          {/* One text item beside the box: the label lays its children out as flex items. */}
          <span>
            <strong>{label}</strong>: {meaning}
          </span>
        </label>
      ))}
      <label>
        <input
          type="radio"
          name={group}
          value="other"
          checked={other}
          onChange={() => {
            setOtherChosen(true);
            if (isTlp(value)) onChange('');
          }}
        />{' '}
        Another marking, written as your own policy has it:
      </label>
      {other && (
        <input
          id={otherId}
          aria-label="Another marking"
          value={value}
          maxLength={40}
          placeholder="e.g. Confidential"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </fieldset>
  );
}
