/** Keyboard: J/K move between requirements, 0–4 set the achieved level, Ctrl/Cmd+K focuses search. */
import { useEffect, type RefObject } from 'react';
import type { MaturityLevel } from '../../core/records/model';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useRequirementKeys(options: {
  search: RefObject<HTMLInputElement | null>;
  move: (step: 1 | -1) => void;
  setLevel: (level: MaturityLevel) => void;
}): void {
  const { search, move, setLevel } = options;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === 'j') move(1);
      else if (event.key === 'k') move(-1);
      else if (/^[0-4]$/.test(event.key)) setLevel(Number(event.key) as MaturityLevel);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search, move, setLevel]);
}
