/** A table cell input that saves when it loses focus (or on Enter); Escape or a refused save restores the stored value. */
import { useRef, type InputHTMLAttributes } from 'react';

interface InlineInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onBlur' | 'onKeyDown'> {
  /** The stored value. */
  value: string;
  /** Saves the new value; resolves false when it was refused. */
  onSave: (value: string) => Promise<boolean>;
}

export function InlineInput({ value, onSave, ...rest }: InlineInputProps) {
  // The value being saved, so Enter followed by blur does not save it twice.
  const pending = useRef<string | null>(null);

  async function commit(input: HTMLInputElement) {
    const next = input.value;
    if (next === value || next === pending.current) return;
    pending.current = next;
    const saved = await onSave(next);
    pending.current = null;
    if (!saved) input.value = value;
  }

  return (
    <input
      {...rest}
      defaultValue={value}
      onBlur={(e) => void commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void commit(e.currentTarget);
        } else if (e.key === 'Escape') {
          e.currentTarget.value = value;
        }
      }}
    />
  );
}
