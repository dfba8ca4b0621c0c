/**
 * A short list edited row by row: each row's fields side by side, a button to remove it, and one to add
 * a row, which takes the focus to the new row's first field. Every control is labelled with its row.
 */
import { useEffect, useRef, useState } from 'react';

export interface RowField<T> {
  key: keyof T & string;
  label: string;
  /** Text by default; a choice when options are given. */
  options?: readonly { value: string; label: string }[];
  maxLength?: number;
  /** Share of the row's width. */
  grow?: number;
}

interface Props<T> {
  legend: string;
  hint?: string;
  rows: readonly T[];
  fields: readonly RowField<T>[];
  blank: T;
  addLabel: string;
  max: number;
  disabled: boolean;
  /** A row's name for its remove button, e.g. "Plant DMZ" or "row 2". */
  nameOf: (row: T, index: number) => string;
  onChange: (rows: T[], structural: boolean) => void;
  testId: string;
}

export function RowsEditor<T extends Record<string, string>>(props: Props<T>) {
  const { legend, hint, rows, fields, blank, addLabel, max, disabled, nameOf, onChange, testId } = props;
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const full = rows.length >= max;

  const set = (index: number, key: keyof T, value: string) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)),
      fields.find((f) => f.key === key)?.options !== undefined,
    );
  const add = () => {
    setFocusRow(rows.length);
    onChange([...rows, { ...blank }], true);
  };
  const remove = (index: number) => {
    onChange(
      rows.filter((_, i) => i !== index),
      true,
    );
    addRef.current?.focus();
  };

  return (
    <fieldset className="rows-editor" data-testid={testId} disabled={disabled}>
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {rows.length === 0 && <p className="muted small">None yet.</p>}
      <ol className="rows-list">
        {rows.map((row, index) => (
          <li key={index} className="rows-row">
            {fields.map((field, f) => (
              <Field
                key={field.key}
                field={field}
                value={row[field.key] ?? ''}
                label={`${field.label}, row ${index + 1}`}
                focus={f === 0 && focusRow === index}
                onFocused={() => setFocusRow(null)}
                onChange={(value) => set(index, field.key, value)}
              />
            ))}
            <button type="button" className="rows-remove" onClick={() => remove(index)}>
              Remove<span className="visually-hidden"> {nameOf(row, index)}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" ref={addRef} onClick={add} disabled={full}>
        {addLabel}
      </button>
      {full && <p className="muted small">The list holds at most {max} entries.</p>}
    </fieldset>
  );
}

function Field<T>(props: {
  field: RowField<T>;
  value: string;
  label: string;
  focus: boolean;
  onFocused: () => void;
  onChange: (value: string) => void;
}) {
  const { field, value, label, focus, onFocused, onChange } = props;
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const style = { flexGrow: field.grow ?? 1 };
  if (field.options) {
    return (
      <select ref={ref} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      ref={ref}
      type="text"
      aria-label={label}
      placeholder={field.label}
      value={value}
      maxLength={field.maxLength}
      style={style}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
